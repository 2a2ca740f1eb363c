// MinHash signatures over word shingles: the share of equal positions in two signatures
// estimates the Jaccard similarity of the two texts' shingle sets.
import { fmix32, seeds } from './hash.js';
import { shingles } from './shingles.js';

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

/** The MinHash signature of a text (title excluded: outlets rewrite headlines). */
export function minhashSignature(text: string, options: MinHashOptions = {}): MinHashSignature {
  const k = options.shingleSize ?? DEFAULT_SHINGLE_SIZE;
  const n = options.numHashes ?? DEFAULT_NUM_HASHES;
  if (!Number.isInteger(k) || k < 1) throw new RangeError('shingleSize must be a positive integer');
  if (!Number.isInteger(n) || n < 1 || n > SEEDS.length) throw new RangeError(`numHashes must be 1 to ${SEEDS.length}`);
  const mins = new Array<number>(n).fill(EMPTY);
  for (const shingle of shingles(text, k)) {
    for (let i = 0; i < n; i += 1) {
      const h = fmix32(shingle ^ SEEDS[i]!);
      if (h < mins[i]!) mins[i] = h;
    }
  }
  return mins;
}

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
  const view = new DataView(Uint8Array.from(binary, (c) => c.charCodeAt(0)).buffer);
  return Array.from({ length: binary.length / 4 }, (_, i) => view.getUint32(i * 4, true));
}
