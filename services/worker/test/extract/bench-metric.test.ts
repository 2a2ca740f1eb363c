import { describe, expect, it } from 'vitest';
import { scorePage, shingles, summarize, tokenize } from '../../../../bench/extract/metric.js';

// The benchmark's metric (bench/extract/metric.ts), as ../shared/data/extraction-bench/README.md defines it.
describe('extraction benchmark metric', () => {
  it('tokenizes runs of letters, digits and underscores, case-sensitively', () => {
    expect(tokenize('L’armée française, 2 500 soldats_x!')).toEqual([
      'L',
      'armée',
      'française',
      '2',
      '500',
      'soldats_x',
    ]);
    expect(tokenize('Ко́рея 한국')).toEqual(['Ко', 'рея', '한국']);
  });

  it('counts 4-token shingles as a multiset, and one short shingle for 1–3 tokens', () => {
    expect([...shingles(tokenize('a b c d e')).values()]).toEqual([1, 1]);
    expect(shingles(tokenize('a b a b a b a')).size).toBe(2);
    expect([...shingles(tokenize('a b a b a b a')).values()]).toEqual([2, 2]);
    expect(shingles(tokenize('one two')).size).toBe(1);
    expect(shingles([]).size).toBe(0);
  });

  it('scores a page', () => {
    const truth = 'one two three four five six';
    expect(scorePage(truth, truth)).toMatchObject({ tp: 3, fp: 0, fn: 0, precision: 1, recall: 1, exact: true });
    // Punctuation and line breaks do not count, token order does.
    expect(scorePage('one, two\n\nthree four five six.', truth).exact).toBe(true);
    const partial = scorePage('one two three four five six seven eight', truth);
    expect(partial).toMatchObject({ tp: 3, fp: 2, fn: 0, recall: 1, exact: false });
    expect(partial.precision).toBeCloseTo(3 / 5);
    expect(scorePage('nothing in common here at all', truth)).toMatchObject({ precision: 0, recall: 0 });
    expect(scorePage('', truth)).toMatchObject({ precision: null, recall: 0 });
  });

  it('takes F1 of the mean precision and mean recall, leaving empty predictions out of precision', () => {
    const pages = [scorePage('a b c d', 'a b c d'), scorePage('', 'a b c d'), scorePage('a b c d x', 'a b c d')];
    const summary = summarize(pages);
    expect(summary.precision).toBeCloseTo((1 + 0.5) / 2);
    expect(summary.recall).toBeCloseTo((1 + 0 + 1) / 3);
    expect(summary.f1).toBeCloseTo((2 * 0.75 * (2 / 3)) / (0.75 + 2 / 3));
    expect(summary.accuracy).toBeCloseTo(1 / 3);
  });
});
