// Accent folding, tokenization and sentence splitting. Every matcher works on folded tokens,
// so "Goïta", "Goita" and "GOITA" meet the same dictionary entry, and lefaso.net titles whose
// accents were stripped at the source ("Insecurite", "francais") still match.
import { codeUnitAt, wordCharWidth } from './word-chars.js';

/** One word of the text, with where it sits in the original string. */
export interface Token {
  /** The word as written. */
  readonly raw: string;
  /** Lower-cased, accents removed, ligatures expanded: the key every dictionary uses. */
  readonly fold: string;
  /** Offset of the first character in the text the token was read from. */
  readonly start: number;
  /** Offset just past the last character. */
  readonly end: number;
  /** Number of upper-case letters in `raw` (proper-noun and acronym checks). */
  readonly upper: number;
}

const LIGATURES: Record<string, string> = { œ: 'oe', Œ: 'oe', æ: 'ae', Æ: 'ae', ß: 'ss' };

// Folding runs once per distinct word: news vocabularies are small and repetitive, and NFD
// normalization is the most expensive step of tokenization. The bound keeps memory flat on
// long runs over many articles.
const FOLD_CACHE = new Map<string, string>();
const FOLD_CACHE_MAX = 100_000;

/** Lower-case `text`, drop combining marks and expand ligatures (œ → oe). */
export function fold(text: string): string {
  const cached = FOLD_CACHE.get(text);
  if (cached !== undefined) return cached;
  const folded = text
    .replace(/[œŒæÆß]/g, (c) => LIGATURES[c] ?? c)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  if (FOLD_CACHE.size >= FOLD_CACHE_MAX) FOLD_CACHE.clear();
  FOLD_CACHE.set(text, folded);
  return folded;
}

const UPPER = /\p{Lu}/gu;

/**
 * The words of `text`, offsets relative to `offset`. Words are runs of letters and digits
 * (word-chars.ts): apostrophes and hyphens separate words, so "l'armée" gives "l", "armee" and
 * "anti-French" gives "anti", "french" in texts and dictionaries alike.
 */
export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  const length = text.length;
  let i = 0;
  while (i < length) {
    let c = codeUnitAt(text, i);
    let width = wordCharWidth(c, text, i);
    if (width === 0) {
      i += 1;
      continue;
    }
    const start = i;
    // Most words are ASCII: their fold is their lower case and their capitals are A to Z,
    // which the scan counts on the way.
    let ascii = true;
    let upper = 0;
    do {
      if (c >= 0x41 && c <= 0x5a) upper += 1;
      else if (c >= 0x80) ascii = false;
      i += width;
      // Reading past the end would give NaN and turn `c` into a double for the whole loop.
      if (i >= length) break;
      c = codeUnitAt(text, i);
      width = wordCharWidth(c, text, i);
    } while (width > 0);
    const raw = text.slice(start, i);
    tokens.push({
      raw,
      fold: ascii ? raw.toLowerCase() : fold(raw),
      start: offset + start,
      end: offset + i,
      upper: ascii ? upper : countUpper(raw),
    });
  }
  return tokens;
}

function countUpper(raw: string): number {
  // Fast path: most words start lower-case and have no capitals at all.
  if (raw.toLowerCase() === raw) return 0;
  return raw.match(UPPER)?.length ?? 0;
}

/** The folded words of a dictionary phrase, in the same form as `Token.fold`. */
export function phraseTokens(phrase: string): string[] {
  return tokenize(phrase).map((t) => t.fold);
}

/** A sentence of the article: the title is sentence 0 and carries `title: true`. */
export interface Sentence {
  readonly index: number;
  readonly title: boolean;
  /** The sentence as written, whitespace collapsed. */
  readonly text: string;
  readonly tokens: readonly Token[];
}

// Words after which a full stop does not end a sentence: honorifics, ranks and initials.
const ABBREVIATIONS = new Set(
  'm mm mr mrs ms dr st gen col lt capt cpt sgt maj adm cdt cne jr sr no nos vs etc mme mlle mgr pr prof rev gov sen rep dept art av bd fig p pp ca cf'.split(
    ' ',
  ),
);

// Sentence ends: stops, then closing quotes or brackets, then spaces before a capital, a digit
// or an opening quote. Global, read with `exec` from lastIndex 0 for each block of the text.
const BOUNDARY = /[.!?…]+["'»”’)\]]*\s+(?=["'«“‘([]?[\p{Lu}\p{N}])/gu;
const LINE_BREAKS = /\n+/;
const SPACES = /\s+/g;
// Whitespace to collapse or trim: at either end, other than a plain space, or doubled.
const UNTIDY_SPACE = /^\s|\s$|[^\S ]| {2}/;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const LETTER = /^\p{L}$/u;
const CAPITAL = /^\p{Lu}$/u;
const FULL_STOP = 0x2e;

/**
 * Splits `text` into sentences at line breaks and at `.`, `!`, `?` or `…` followed by a space
 * and a capital, a digit or an opening quote, except after an abbreviation or an initial.
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const block of text.split(LINE_BREAKS)) {
    let from = 0;
    BOUNDARY.lastIndex = 0;
    for (let match = BOUNDARY.exec(block); match !== null; match = BOUNDARY.exec(block)) {
      const cut = match.index + match[0].length;
      // "M. Macron", "U.S. forces", "Lt. Col. Maiga": the stop belongs to the word.
      if (match[0].charCodeAt(0) === FULL_STOP) {
        const lastWord = lastLetters(block, from, match.index);
        if (ABBREVIATIONS.has(lastWord.toLowerCase()) || CAPITAL.test(lastWord)) continue;
      }
      pushSentence(out, block.slice(from, cut));
      from = cut;
    }
    pushSentence(out, block.slice(from));
  }
  return out;
}

/**
 * The run of letters that ends `text[from, to)`, possibly empty: what `/([\p{L}]+)$/u` finds
 * in that slice, read backwards from its end instead of tried from every position.
 */
function lastLetters(text: string, from: number, to: number): string {
  let i = to;
  while (i > from) {
    // A low surrogate after a high one (both in the slice) ends a two-unit character.
    const c = codeUnitAt(text, i - 1);
    const pair =
      c >= 0xdc00 &&
      c <= 0xdfff &&
      i - 2 >= from &&
      codeUnitAt(text, i - 2) >= 0xd800 &&
      codeUnitAt(text, i - 2) <= 0xdbff;
    const width = pair ? 2 : 1;
    if (!LETTER.test(text.slice(i - width, i))) break;
    i -= width;
  }
  return text.slice(i, to);
}

function pushSentence(out: string[], raw: string): void {
  // Most sentences have single spaces only: they need no collapsing and no new string.
  const text = UNTIDY_SPACE.test(raw) ? raw.replace(SPACES, ' ').trim() : raw;
  if (WORD_CHAR.test(text)) out.push(text);
}

/** Title and text as numbered, tokenized sentences; the title (when not empty) is sentence 0. */
export function sentencesOf(title: string, text: string): Sentence[] {
  const sentences: Sentence[] = [];
  const cleanTitle = title.replace(/\s+/g, ' ').trim();
  if (cleanTitle) sentences.push({ index: 0, title: true, text: cleanTitle, tokens: tokenize(cleanTitle) });
  for (const sentence of splitSentences(text)) {
    sentences.push({ index: sentences.length, title: false, text: sentence, tokens: tokenize(sentence) });
  }
  return sentences;
}
