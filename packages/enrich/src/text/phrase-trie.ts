// A token trie over folded words: every dictionary phrase (country names, actor aliases,
// lexicon terms, event triggers) is compiled into one trie at module load, and each sentence
// is scanned once. A word written `withdr*` in a data file matches any word that starts so.
import { phraseTokens, type Token } from './normalize.js';
import { codeUnitAt } from './word-chars.js';

/**
 * How a phrase's capitals must appear in the text. `any`: ignore case. `capital`: the first
 * word must start with a capital (proper nouns that are also common words: "Chad", "Niger",
 * "Turkey"). `upper`: every word must be in capitals (acronyms: "US" is not "us", "CAN" not
 * "can", "EAU" not "eau").
 */
export type CaseMode = 'any' | 'capital' | 'upper';

/** A phrase found in a sentence: tokens `[start, end)` and what the dictionary says it is. */
export interface PhraseMatch<V> {
  readonly start: number;
  readonly end: number;
  readonly value: V;
}

interface Entry<V> {
  readonly value: V;
  readonly mode: CaseMode;
}

interface Node<V> {
  readonly next: Map<string, Node<V>>;
  // Wildcard children, indexed by `prefixKey` of their first three letters so that a word only
  // tries the few prefixes that can match it.
  readonly prefixes: Map<number, Array<{ prefix: string; node: Node<V> }>>;
  readonly entries: Entry<V>[];
}

const MIN_PREFIX = 3;

const newNode = <V>(): Node<V> => ({ next: new Map(), prefixes: new Map(), entries: [] });

/**
 * A small-integer key of the first three code units of `word` (at least three long), ten bits
 * each. Read without making a substring per word; lossy above U+03FF, which is harmless: a
 * bucket's prefixes are still checked with `startsWith`, and only the prefixes that truly
 * begin with the word's three letters can pass, in the order they were added.
 */
const prefixKey = (word: string): number =>
  ((codeUnitAt(word, 0) & 0x3ff) << 20) | ((codeUnitAt(word, 1) & 0x3ff) << 10) | (codeUnitAt(word, 2) & 0x3ff);

/** Whether a data-file phrase is an acronym ("US", "FAMa", "U.S.") that must stay upper-case. */
export function isAcronym(phrase: string): boolean {
  const letters = phrase.replace(/[^\p{L}]/gu, '');
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
  return letters.length >= 2 && upper >= 2 && upper * 2 > letters.length;
}

export class PhraseTrie<V> {
  readonly #root = newNode<V>();
  #size = 0;

  /** Number of phrases added. */
  get size(): number {
    return this.#size;
  }

  /**
   * Adds `phrase` (as written in a data file) with `value`. Throws on a phrase with no word or
   * a wildcard shorter than three letters: both are data-file mistakes.
   */
  add(phrase: string, value: V, mode: CaseMode = 'any'): void {
    const words = phrase.split(/\s+/).flatMap((word) => {
      const wildcard = word.endsWith('*');
      const parts = phraseTokens(wildcard ? word.slice(0, -1) : word);
      if (wildcard && parts.length > 0) parts[parts.length - 1] = `${parts[parts.length - 1]}*`;
      return parts;
    });
    if (words.length === 0) throw new Error(`phrase without words: ${JSON.stringify(phrase)}`);
    let node = this.#root;
    for (const word of words) {
      if (word.endsWith('*')) {
        const prefix = word.slice(0, -1);
        if (prefix.length < MIN_PREFIX) throw new Error(`wildcard shorter than ${MIN_PREFIX} letters: ${phrase}`);
        const key = prefixKey(prefix);
        const bucket = node.prefixes.get(key) ?? [];
        if (!node.prefixes.has(key)) node.prefixes.set(key, bucket);
        let child = bucket.find((b) => b.prefix === prefix)?.node;
        if (!child) {
          child = newNode<V>();
          bucket.push({ prefix, node: child });
        }
        node = child;
      } else {
        let child = node.next.get(word);
        if (!child) {
          child = newNode<V>();
          node.next.set(word, child);
        }
        node = child;
      }
    }
    // The same phrase often sits in both language lists ("forces", "Sahel"): keep one entry.
    const key = JSON.stringify(value);
    if (node.entries.some((e) => e.mode === mode && JSON.stringify(e.value) === key)) return;
    node.entries.push({ value, mode });
    this.#size += 1;
  }

  /** Every phrase occurrence in `tokens`, overlapping ones included, in start order. */
  matchAll(tokens: readonly Token[]): PhraseMatch<V>[] {
    const out: PhraseMatch<V>[] = [];
    for (let start = 0; start < tokens.length; start += 1) this.#walk(tokens, start, start, this.#root, out);
    return out;
  }

  #walk(tokens: readonly Token[], start: number, at: number, node: Node<V>, out: PhraseMatch<V>[]): void {
    if (at > start) {
      for (const entry of node.entries) {
        if (caseOk(tokens, start, at, entry.mode)) out.push({ start, end: at, value: entry.value });
      }
    }
    const token = tokens[at];
    if (!token) return;
    const exact = node.next.get(token.fold);
    if (exact) this.#walk(tokens, start, at + 1, exact, out);
    if (node.prefixes.size > 0 && token.fold.length >= MIN_PREFIX) {
      const bucket = node.prefixes.get(prefixKey(token.fold));
      if (bucket) {
        for (const { prefix, node: child } of bucket) {
          if (token.fold.startsWith(prefix)) this.#walk(tokens, start, at + 1, child, out);
        }
      }
    }
  }
}

function caseOk(tokens: readonly Token[], start: number, end: number, mode: CaseMode): boolean {
  switch (mode) {
    case 'any':
      return true;
    case 'capital':
      return tokens[start]!.upper > 0 && tokens[start]!.raw[0] !== tokens[start]!.raw[0]!.toLowerCase();
    case 'upper':
      for (let i = start; i < end; i += 1) {
        const token = tokens[i]!;
        // Digits carry no case ("G5"); a one-letter word must be a capital ("U.S.").
        const letters = token.raw.replace(/[^\p{L}]/gu, '').length;
        if (letters > 0 && token.upper < Math.min(2, letters)) return false;
      }
      return true;
  }
}

/**
 * Keeps the longest matches that do not overlap, preferring the leftmost: "Equatorial Guinea"
 * wins over "Guinea", "Agence France-Presse" over "France". Matches of exactly the same span
 * are all kept (one alias may name several entries; the caller decides between them).
 */
export function longestNonOverlapping<V>(matches: readonly PhraseMatch<V>[]): PhraseMatch<V>[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: PhraseMatch<V>[] = [];
  let covered = 0;
  for (let i = 0; i < sorted.length; i += 1) {
    const match = sorted[i]!;
    if (match.start < covered) {
      const last = out[out.length - 1];
      if (last && last.start === match.start && last.end === match.end) out.push(match);
      continue;
    }
    // A longer match that starts inside this one wins: "Mali's military rulers" over "Mali".
    let beaten = false;
    for (let j = i + 1; j < sorted.length && sorted[j]!.start < match.end; j += 1) {
      const other = sorted[j]!;
      if (other.start > match.start && other.end - other.start > match.end - match.start) beaten = true;
    }
    if (beaten) continue;
    out.push(match);
    covered = match.end;
  }
  return out;
}
