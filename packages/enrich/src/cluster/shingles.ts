// Word shingles of a text: runs of k consecutive accent-folded words, hashed to 32 bits.
// Folding and dropping punctuation make two outlets' copies of a wire story (one with curly
// quotes and "Goïta", one with straight quotes and "Goita") shingle identically.
import { tokenize } from '../text/normalize.js';
import { fnv1a } from './hash.js';

/** The hashed k-word shingles of `text` (a text shorter than k words gives one shingle). */
export function shingles(text: string, k: number): Set<number> {
  const words = tokenize(text).map((t) => t.fold);
  const out = new Set<number>();
  if (words.length === 0) return out;
  if (words.length <= k) {
    out.add(fnv1a(words.join(' ')));
    return out;
  }
  for (let i = 0; i + k <= words.length; i += 1) out.add(fnv1a(words.slice(i, i + k).join(' ')));
  return out;
}
