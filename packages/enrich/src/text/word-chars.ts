// Which characters make words: letters and digits, exactly as `/[\p{L}\p{N}]/u` reads them (a
// surrogate pair is one character, a lone surrogate is none). The tokenizer and the shingler
// scan text by hand with this test instead of matching a regular expression, so that they
// can count capitals, fold and hash while they scan, without a match object per word. They
// read code units with `codeUnitAt`.

// Code units are read with `codeUnitAt` from @famwatch/shared, which says why.
import { codeUnitAt } from '@famwatch/shared';

export { codeUnitAt };

const WORD_CHAR = /^[\p{L}\p{N}]$/u;

// Per code unit outside the surrogate range: 0 not classified yet, 1 word character, 2 not.
// ASCII is classified up front (the hot path); other characters on first sight: a news text
// uses a few hundred distinct ones.
const UNKNOWN = 0;
const WORD = 1;
const OTHER = 2;
const BMP_CLASS = new Uint8Array(0x10000);
const ASCII_WIDTH = new Uint8Array(0x80);
for (let c = 0; c < 0x80; c += 1) ASCII_WIDTH[c] = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 0;

/**
 * Code units taken by the word character that starts at `text[i]`, whose code unit the
 * caller has read as `c`: 1, or 2 for a letter or digit outside the Basic Multilingual Plane;
 * 0 when no word character starts there.
 */
export function wordCharWidth(c: number, text: string, i: number): number {
  return c < 0x80 ? ASCII_WIDTH[c]! : otherWidth(c, text, i);
}

function otherWidth(c: number, text: string, i: number): number {
  if (c < 0xd800 || c > 0xdfff) {
    let cls = BMP_CLASS[c]!;
    if (cls === UNKNOWN) {
      cls = WORD_CHAR.test(String.fromCharCode(c)) ? WORD : OTHER;
      BMP_CLASS[c] = cls;
    }
    return cls === WORD ? 1 : 0;
  }
  // A high surrogate followed by a low one is one character.
  if (c <= 0xdbff) {
    const next = codeUnitAt(text, i + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return WORD_CHAR.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  return 0;
}
