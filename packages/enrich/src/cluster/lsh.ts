// Locality-sensitive hashing: cut a signature into bands and hash each band to a key. Two
// texts share a key with high probability when their similarity is above about
// (1/bands)^(1/rows), so a database index on the keys finds candidates without a full scan.
import { fnv1a } from './hash.js';
import type { MinHashSignature } from './minhash.js';

/** Options of `lshBandKeys`; bands × rows must not exceed the signature's length. */
export interface LshOptions {
  /** Number of bands (keys per signature). @defaultValue 32 */
  readonly bands?: number;
  /** Signature positions per band. @defaultValue 4 */
  readonly rows?: number;
}

export const DEFAULT_BANDS = 32;
export const DEFAULT_ROWS = 4;

/**
 * The band keys of a signature, for example `"07:9f3a21c4"` (band number, band hash). Store
 * them in an indexed column; any article sharing one key is a candidate to compare with
 * `similarity`. With the defaults, the candidate threshold is a similarity of about 0.42.
 */
export function lshBandKeys(signature: MinHashSignature, options: LshOptions = {}): string[] {
  const bands = options.bands ?? DEFAULT_BANDS;
  const rows = options.rows ?? DEFAULT_ROWS;
  if (bands * rows > signature.length) {
    throw new RangeError(`bands × rows (${bands * rows}) exceeds the signature length (${signature.length})`);
  }
  const keys: string[] = [];
  for (let b = 0; b < bands; b += 1) {
    const band = signature.slice(b * rows, (b + 1) * rows).join(',');
    keys.push(`${String(b).padStart(2, '0')}:${fnv1a(band).toString(16).padStart(8, '0')}`);
  }
  return keys;
}
