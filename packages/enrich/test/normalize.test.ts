import { describe, expect, it } from 'vitest';
import { languageOf } from '../src/text/language.js';
import { fold, sentencesOf, splitSentences, tokenize } from '../src/text/normalize.js';
import { isAcronym, longestNonOverlapping, PhraseTrie } from '../src/text/phrase-trie.js';

describe('fold and tokenize', () => {
  it('drops accents and case and expands ligatures', () => {
    expect(fold('Goïta')).toBe('goita');
    expect(fold('NIGÉRIEN')).toBe('nigerien');
    expect(fold('cœur')).toBe('coeur');
  });

  it('splits words at apostrophes and hyphens and keeps offsets', () => {
    const tokens = tokenize("l'armée anti-française à N'Djamena");
    expect(tokens.map((t) => t.fold)).toEqual(['l', 'armee', 'anti', 'francaise', 'a', 'n', 'djamena']);
    const armee = tokens[1]!;
    expect("l'armée anti-française à N'Djamena".slice(armee.start, armee.end)).toBe('armée');
  });
});

describe('splitSentences', () => {
  it('splits at full stops before capitals but not after honorifics or initials', () => {
    const text = 'M. Macron a parlé. Les U.S. forces left Niger. Lt. Col. Maiga spoke! Then it ended.';
    expect(splitSentences(text)).toEqual([
      'M. Macron a parlé.',
      'Les U.S. forces left Niger.',
      'Lt. Col. Maiga spoke!',
      'Then it ended.',
    ]);
  });

  it('treats line breaks as boundaries and makes the title sentence 0', () => {
    const sentences = sentencesOf('A title', 'First line\nSecond line.');
    expect(sentences.map((s) => [s.index, s.title, s.text])).toEqual([
      [0, true, 'A title'],
      [1, false, 'First line'],
      [2, false, 'Second line.'],
    ]);
  });
});

describe('PhraseTrie', () => {
  const trie = new PhraseTrie<string>();
  trie.add('withdr*', 'withdraw');
  trie.add('Niger', 'NE', 'capital');
  trie.add('US', 'US', 'upper');
  trie.add('Equatorial Guinea', 'GQ', 'capital');
  trie.add('Guinea', 'GN', 'capital');
  const values = (text: string) => longestNonOverlapping(trie.matchAll(tokenize(text))).map((m) => m.value);

  it('matches wildcards, proper-noun and acronym case rules', () => {
    expect(values('France withdrew; the withdrawal from Niger')).toEqual(['withdraw', 'withdraw', 'NE']);
    expect(values('the niger river, tell us')).toEqual([]);
    expect(values('US troops')).toEqual(['US']);
  });

  it('prefers the longest phrase', () => {
    expect(values('Equatorial Guinea and Guinea')).toEqual(['GQ', 'GN']);
  });

  it('recognises acronyms as written in data files', () => {
    expect(isAcronym('FAMa')).toBe(true);
    expect(isAcronym('U.S.')).toBe(true);
    expect(isAcronym('Mali')).toBe(false);
  });

  it('rejects wildcards too short to be safe', () => {
    expect(() => trie.add('ab*', 'x')).toThrow(/wildcard/);
  });
});

describe('languageOf', () => {
  it('uses the declared language, else the function words', () => {
    expect(languageOf('fr-FR', [])).toBe('fr');
    expect(languageOf(null, tokenize('Les troupes de la France et le Mali'))).toBe('fr');
    expect(languageOf(undefined, tokenize('The troops of France and the Malian army'))).toBe('en');
  });
});
