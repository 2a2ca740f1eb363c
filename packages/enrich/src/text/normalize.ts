// Accent folding, tokenization and sentence splitting. Every matcher works on folded tokens,
// so "Goïta", "Goita" and "GOITA" meet the same dictionary entry, and lefaso.net titles whose
// accents were stripped at the source ("Insecurite", "francais") still match.

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

// Letters and digits only: apostrophes and hyphens separate words, so "l'armée" gives "l",
// "armee" and "anti-French" gives "anti", "french" in texts and dictionaries alike.
const WORD = /[\p{L}\p{N}]+/gu;
const UPPER = /\p{Lu}/gu;

/** The words of `text`, offsets relative to `offset`. */
export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const raw = match[0];
    const start = offset + match.index;
    tokens.push({ raw, fold: fold(raw), start, end: start + raw.length, upper: countUpper(raw) });
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

/**
 * Splits `text` into sentences at line breaks and at `.`, `!`, `?` or `…` followed by a space
 * and a capital, a digit or an opening quote, except after an abbreviation or an initial.
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const block of text.split(/\n+/)) {
    let from = 0;
    const boundary = /[.!?…]+["'»”’)\]]*\s+(?=["'«“‘([]?[\p{Lu}\p{N}])/gu;
    for (const match of block.matchAll(boundary)) {
      const cut = match.index + match[0].length;
      const before = block.slice(from, match.index);
      const lastWord = /([\p{L}]+)$/u.exec(before)?.[1] ?? '';
      // "M. Macron", "U.S. forces", "Lt. Col. Maiga": the stop belongs to the word.
      if (match[0].startsWith('.') && (ABBREVIATIONS.has(lastWord.toLowerCase()) || /^\p{Lu}$/u.test(lastWord)))
        continue;
      pushSentence(out, block.slice(from, cut));
      from = cut;
    }
    pushSentence(out, block.slice(from));
  }
  return out;
}

function pushSentence(out: string[], raw: string): void {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (/[\p{L}\p{N}]/u.test(text)) out.push(text);
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
