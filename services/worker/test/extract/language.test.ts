import { describe, expect, it } from 'vitest';
import { detectLanguage, extractArticle } from '../../src/extract/index.js';
import { fixture, NOW } from './fixtures.js';

describe('language identification', () => {
  it.each([
    ['en', 'Mali set to cut off military cooperation with France'],
    ['en', 'President Touadera in Moscow'],
    ['en', 'Coup in Gabon: France condemns the military takeover'],
    ['en', 'Operation Serval, ten years on'],
    ['fr', 'Les militaires français quittent Bamako'],
    ['fr', 'Le président Touadéra à Moscou'],
    ['fr', 'Opération Serval, dix ans après'],
    ['fr', 'Niger: la junte dénonce les accords militaires avec Paris'],
  ])('reads %s in the headline %s, whatever the page declares', (lang, text) => {
    expect(detectLanguage(text, lang === 'en' ? 'fr' : 'en')).toBe(lang);
    expect(detectLanguage(text, null)).toBe(lang);
  });

  it('tells English and French apart on short articles', () => {
    const en =
      'France said on Monday it would withdraw its troops from Mali within six months. The decision follows a second coup.';
    const fr =
      'La France a annoncé lundi le retrait de ses troupes du Mali d’ici six mois. La décision fait suite à un second coup d’État.';
    expect(detectLanguage(en, 'fr-FR')).toBe('en');
    expect(detectLanguage(fr, 'en-US')).toBe('fr');
  });

  it('falls back to the declared language when the text is too short to tell', () => {
    expect(detectLanguage('Mali', 'fr-FR')).toBe('fr');
    expect(detectLanguage('', 'en_GB')).toBe('en');
    expect(detectLanguage('OK', null)).toBeNull();
  });

  it('keeps the declared language when the text reads as a close sibling of it', () => {
    const id =
      'Pemerintah Indonesia menyatakan bahwa kerja sama militer dengan Prancis akan terus berlanjut tahun depan.';
    expect(detectLanguage(id, 'id-ID')).toBe('id');
  });

  it('identifies the language of whole pages', () => {
    const url = 'https://x.example/a';
    expect(extractArticle(fixture('byline-french.html'), url, { now: NOW }).language).toBe('fr');
    expect(extractArticle(fixture('byline-reuters.html'), url, { now: NOW }).language).toBe('en');
    // No <html lang> at all: the text decides.
    expect(extractArticle(fixture('metadata-microdata.html'), url, { now: NOW }).language).toBe('en');
  });
});
