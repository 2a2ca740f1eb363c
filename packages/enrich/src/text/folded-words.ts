// A text's folded words as one run of UTF-16 code units, joined by single spaces: the form
// near-duplicate hashing reads. It is the join of `tokenize(text).map((t) => t.fold)` with
// `' '`, built without a token, match or substring per ASCII word, since hashing needs
// neither offsets, raw words nor capitals.
import { fold } from './normalize.js';
import { codeUnitAt, wordCharWidth } from './word-chars.js';

const SPACE = 0x20;

/** Folded words joined by single spaces, and where each word starts. */
export interface FoldedWords {
  /** The code units; only `[0, length)` is written. */
  readonly units: Uint16Array;
  readonly length: number;
  /** Offset in `units` of each word; only `[0, count)` is written. */
  readonly starts: Int32Array;
  readonly count: number;
}

/** The folded words of `text` (the same words, folded the same way, as `tokenize`). */
export function foldedWords(text: string): FoldedWords {
  const size = text.length;
  // Words are separated, hence at most half + 1 of them. Each word (after its joining space)
  // takes no more units than the text has left, unless folding expands it (œ → oe): before
  // each word the buffer is checked to hold the rest of the text, and grown if it does not.
  let units: Uint16Array = new Uint16Array(size + 1);
  const starts = new Int32Array((size >> 1) + 1);
  let length = 0;
  let count = 0;
  let i = 0;
  while (i < size) {
    let c = codeUnitAt(text, i);
    let width = wordCharWidth(c, text, i);
    if (width === 0) {
      i += 1;
      continue;
    }
    if (length + 1 + (size - i) > units.length) units = grown(units, length + 1 + (size - i));
    if (count > 0) units[length++] = SPACE;
    const word = length;
    starts[count++] = word;
    const start = i;
    // One pass writes an ASCII word lower-cased (its fold); a word with any other character
    // is rewritten from its fold once its end is known.
    let ascii = true;
    do {
      if (c < 0x80) units[length++] = c >= 0x41 && c <= 0x5a ? c | 0x20 : c;
      else ascii = false;
      i += width;
      // Reading past the end would give NaN and turn `c` into a double for the whole loop.
      if (i >= size) break;
      c = codeUnitAt(text, i);
      width = wordCharWidth(c, text, i);
    } while (width > 0);
    if (!ascii) {
      const folded = fold(text.slice(start, i));
      length = word;
      if (length + folded.length + (size - i) > units.length) units = grown(units, length + folded.length + (size - i));
      for (let j = 0; j < folded.length; j += 1) units[length++] = codeUnitAt(folded, j);
    }
  }
  return { units, length, starts, count };
}

function grown(units: Uint16Array, needed: number): Uint16Array {
  const out = new Uint16Array(Math.max(needed, units.length * 2));
  out.set(units);
  return out;
}
