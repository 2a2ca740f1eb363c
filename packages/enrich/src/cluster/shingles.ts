// Word shingles of a text: runs of k consecutive accent-folded words, hashed to 32 bits.
// Folding and dropping punctuation make two outlets' copies of a wire story (one with curly
// quotes and "Goïta", one with straight quotes and "Goita") shingle identically.
//
// A shingle's hash is FNV-1a of its k folded words joined by single spaces (`fnv1a` in
// hash.ts), which stored signatures depend on. The folded words are laid out once, already
// joined by spaces, so each shingle is a run of that layout, hashed where it lies.
import { foldedWords } from '../text/folded-words.js';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * The hashed k-word shingles of `text` in text order, repeats included, as the bits of the
 * unsigned hashes in an Int32Array (int32 arithmetic is the fast path of the hashing loops).
 * A text shorter than k words gives one shingle; a text without words gives none.
 */
export function shingleHashes(text: string, k: number): Int32Array {
  const { units, length, starts, count } = foldedWords(text);
  if (count === 0) return new Int32Array(0);
  const shingles = count <= k ? 1 : count - k + 1;
  const out = new Int32Array(shingles);
  for (let s = 0; s < shingles; s += 1) {
    const next = s + k;
    // The shingle ends at the space before word s + k, or at the end of the text.
    const end = next < count ? starts[next]! - 1 : length;
    let h = FNV_OFFSET | 0;
    for (let p = starts[s]!; p < end; p += 1) h = Math.imul(h ^ units[p]!, FNV_PRIME);
    out[s] = h;
  }
  return out;
}
