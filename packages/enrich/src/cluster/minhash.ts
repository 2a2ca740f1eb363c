// MinHash signatures over word shingles: the share of equal positions in two signatures
// estimates the Jaccard similarity of the two texts' shingle sets.
import { codeUnitAt } from '../text/word-chars.js';
import { seeds } from './hash.js';
import { shingleHashes } from './shingles.js';

/** A MinHash signature: `numHashes` unsigned 32-bit minima. JSON-safe. */
export type MinHashSignature = readonly number[];

/** Options of `minhashSignature`; signatures compare only when built with the same options. */
export interface MinHashOptions {
  /** Words per shingle. @defaultValue 5 */
  readonly shingleSize?: number;
  /** Hash functions, i.e. the signature's length. @defaultValue 128 */
  readonly numHashes?: number;
}

export const DEFAULT_SHINGLE_SIZE = 5;
export const DEFAULT_NUM_HASHES = 128;
const EMPTY = 0xffffffff;
// Fixed seed: signatures stored in the database must stay comparable across releases.
const SEEDS = seeds(1024, 0x5eed_fa3);

/**
 * The MinHash signature of a text (title excluded: outlets rewrite headlines): for each seed,
 * the least `fmix32(shingle ^ seed)` over the text's shingles (see hash.ts; repeated shingles
 * leave a minimum unchanged, so they need no removing).
 */
export function minhashSignature(text: string, options: MinHashOptions = {}): MinHashSignature {
  const k = options.shingleSize ?? DEFAULT_SHINGLE_SIZE;
  const n = options.numHashes ?? DEFAULT_NUM_HASHES;
  if (!Number.isInteger(k) || k < 1) throw new RangeError('shingleSize must be a positive integer');
  if (!Number.isInteger(n) || n < 1 || n > SEEDS.length) throw new RangeError(`numHashes must be 1 to ${SEEDS.length}`);
  const shingles = shingleHashes(text, k);
  const count = shingles.length;
  const mins = new Array<number>(n);
  let i = 0;
  // Four seeds per pass over the shingles: four independent hash chains per shingle read keep
  // the processor's pipelines full, a quarter faster than one seed at a time.
  for (; i + 4 <= n; i += 4) {
    const s0 = SEEDS[i]! | 0;
    const s1 = SEEDS[i + 1]! | 0;
    const s2 = SEEDS[i + 2]! | 0;
    const s3 = SEEDS[i + 3]! | 0;
    let m0 = NONE;
    let m1 = NONE;
    let m2 = NONE;
    let m3 = NONE;
    for (let j = 0; j < count; j += 1) {
      const shingle = shingles[j]!;
      const h0 = orderedMix(shingle ^ s0);
      if (h0 < m0) m0 = h0;
      const h1 = orderedMix(shingle ^ s1);
      if (h1 < m1) m1 = h1;
      const h2 = orderedMix(shingle ^ s2);
      if (h2 < m2) m2 = h2;
      const h3 = orderedMix(shingle ^ s3);
      if (h3 < m3) m3 = h3;
    }
    mins[i] = unordered(m0);
    mins[i + 1] = unordered(m1);
    mins[i + 2] = unordered(m2);
    mins[i + 3] = unordered(m3);
  }
  for (; i < n; i += 1) {
    const seed = SEEDS[i]! | 0;
    let min = NONE;
    for (let j = 0; j < count; j += 1) {
      const h = orderedMix(shingles[j]! ^ seed);
      if (h < min) min = h;
    }
    mins[i] = unordered(min);
  }
  return mins;
}

// `fmix32` of hash.ts on int32 values, its result's top bit flipped: unsigned order becomes
// signed order, so the minima are found in int32 arithmetic (V8's fast path) instead of on
// doubles above 2^31. `unordered` flips the bit back.
const SIGN = 0x80000000 | 0;
const NONE = (EMPTY | 0) ^ SIGN;

function orderedMix(x: number): number {
  let h = x ^ (x >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16) ^ SIGN;
}

const unordered = (ordered: number): number => (ordered ^ SIGN) >>> 0;

/** Whether a signature comes from a text without words. */
export const isEmptySignature = (signature: MinHashSignature): boolean => signature.every((v) => v === EMPTY);

/**
 * Estimated Jaccard similarity of two texts, 0 to 1: the share of equal positions. Texts
 * without words are similar to nothing. Throws when the signatures differ in length.
 */
export function similarity(a: MinHashSignature, b: MinHashSignature): number {
  if (a.length !== b.length) throw new RangeError(`signatures differ in length (${a.length} and ${b.length})`);
  if (a.length === 0 || isEmptySignature(a) || isEmptySignature(b)) return 0;
  let equal = 0;
  for (let i = 0; i < a.length; i += 1) if (a[i] === b[i]) equal += 1;
  return equal / a.length;
}

/** A compact text form of a signature for storage: base64 of little-endian 32-bit words. */
export function encodeSignature(signature: MinHashSignature): string {
  const bytes = new Uint8Array(signature.length * 4);
  const view = new DataView(bytes.buffer);
  for (const [i, v] of signature.entries()) view.setUint32(i * 4, v, true);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The inverse of `encodeSignature`. Throws on text that is not one. */
export function decodeSignature(encoded: string): MinHashSignature {
  const binary = atob(encoded);
  if (binary.length % 4 !== 0) throw new RangeError('not an encoded signature');
  // Read the little-endian words straight from the string: the crawler decodes every
  // candidate's signature for each stored page, and the typed-array round trip was most of it.
  const out = new Array<number>(binary.length / 4);
  for (let i = 0, j = 0; j < binary.length; i += 1, j += 4) {
    out[i] =
      (codeUnitAt(binary, j) |
        (codeUnitAt(binary, j + 1) << 8) |
        (codeUnitAt(binary, j + 2) << 16) |
        (codeUnitAt(binary, j + 3) << 24)) >>>
      0;
  }
  return out;
}
