// The fast MinHash (hand-scanned words, shingles hashed in place, four seeds per pass) against
// the plain definition written out here: stored signatures must never change, so the two must
// agree on every kind of text, and one signature is pinned as it was first stored. The
// hand-written tokenizer is held to the regular expression it replaced in the same way.
import { describe, expect, it } from 'vitest';
import { fmix32, fnv1a, seeds } from '../src/cluster/hash.js';
import { encodeSignature, type MinHashOptions, minhashSignature } from '../src/index.js';
import { fold, tokenize } from '../src/text/normalize.js';

/** The definition: folded words, k-word shingles joined by single spaces, FNV-1a, minima of fmix32. */
function referenceSignature(text: string, options: MinHashOptions = {}): number[] {
  const k = options.shingleSize ?? 5;
  const n = options.numHashes ?? 128;
  const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => fold(m[0]));
  const shingles = new Set<number>();
  if (words.length > 0 && words.length <= k) shingles.add(fnv1a(words.join(' ')));
  for (let i = 0; i + k <= words.length && words.length > k; i += 1) {
    shingles.add(fnv1a(words.slice(i, i + k).join(' ')));
  }
  const permutations = seeds(1024, 0x5eed_fa3);
  const mins = new Array<number>(n).fill(0xffffffff);
  for (const shingle of shingles) {
    for (let i = 0; i < n; i += 1) mins[i] = Math.min(mins[i]!, fmix32(shingle ^ permutations[i]!));
  }
  return mins;
}

const WIRE =
  'France has suspended joint military operations with the Malian armed forces after the second coup in nine months, the armed forces ministry said on Thursday.';

const TEXTS: Record<string, string> = {
  empty: '',
  'punctuation only': ' — « » … !? ',
  'one word': 'Barkhane',
  'four words': 'Les troupes françaises partent.',
  'five words': 'Les troupes françaises partent demain.',
  'six words': 'Les troupes françaises partent demain matin.',
  english: WIRE,
  'French accents and elisions':
    "L'armée française a quitté Ménaka ; à N'Djamena, l'état-major « prend acte » du départ.",
  'ligatures and sharp s': 'Œuvre cœur Æther ÆSOP Straße STRASSE æ œ ß ẞ',
  'combining marks': 'Goi\u0308ta NIGE\u0301RIEN e\u0301te\u0301 cafe\u0301',
  'Greek final sigma and Turkish dotted I': 'ΟΔΟΣ ΣΟΦΟΣ İstanbul DİYARBAKIR ıı',
  Cyrillic: 'Группа Вагнера ушла из Мали; ёлка йод',
  Korean: '프랑스 군대가 말리에서 철수했다 한국',
  'astral letters and emoji': '𝐀𝐁𝐂 𝐚𝐛𝐜 😀 𐐀𐐨 text 😀😀 more',
  'lone surrogates': 'a\ud800b \udc00c d\ud835 e f g',
  'digits, fractions, roman numerals': '1944 ½ ² Ⅻ ⅻ ٣ G5 Sahel 2013–2022',
  'odd whitespace': 'one\ttwo\nthree\u00a0four\u2009five\u3000six\ufeffseven  eight',
  'a repeated text': `${WIRE} ${WIRE} ${WIRE}`,
  long: Array.from({ length: 60 }, (_, i) => `${WIRE.slice(i % 40)} ${i}`).join('\n'),
};

const OPTIONS: MinHashOptions[] = [
  {},
  { numHashes: 64 },
  { shingleSize: 1, numHashes: 7 },
  { shingleSize: 3, numHashes: 1024 },
];

describe('minhashSignature', () => {
  for (const [name, text] of Object.entries(TEXTS)) {
    it(`matches the definition: ${name}`, () => {
      for (const options of OPTIONS) expect(minhashSignature(text, options)).toEqual(referenceSignature(text, options));
    });
  }

  it('gives the signature stored by earlier releases', () => {
    const text =
      "Paris, 3 juin — La France suspend ses opérations militaires conjointes avec l'armée malienne ; Bamako « regrette » la décision. Œuvre, Straße, Goïta.";
    expect(encodeSignature(minhashSignature(text, { numHashes: 16 }))).toBe(
      'drFzC2+jOAXsAGkACnuFFkXaMxUUeFAJxRZuJDAVcgmb5eMJMbiLDDzSPwALX5kniN+AAadGug5X0DgD39sEAQ==',
    );
  });
});

describe('tokenize', () => {
  it('reads the words a regular expression reads, folded, with offsets and capitals', () => {
    for (const text of Object.values(TEXTS)) {
      const expected = [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({
        raw: m[0],
        fold: fold(m[0]),
        start: 7 + m.index,
        end: 7 + m.index + m[0].length,
        // Letters without a lower case (𝐀) count as none, as they always have.
        upper: m[0].toLowerCase() === m[0] ? 0 : (m[0].match(/\p{Lu}/gu)?.length ?? 0),
      }));
      expect(tokenize(text, 7)).toEqual(expected);
    }
  });
});
