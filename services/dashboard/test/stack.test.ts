import { describe, expect, it } from 'vitest';
import { NONE_KEY, niceTicks, OTHER_KEY, stackTimeline } from '../src/charts/stack.js';

const palette = { series: ['#1', '#2'], other: '#o', none: '#n' };
const count = (key: string, n: number) => ({ key, label: key.toUpperCase(), count: n });

describe('stackTimeline', () => {
  it('colours the most frequent event types and groups the rest', () => {
    const { series, stacks, max } = stackTimeline(
      [
        { start: '2021-01-01T00:00:00+00:00', count: 5, byEventType: [count('a', 3), count('b', 1), count('c', 1)] },
        { start: '2021-02-01T00:00:00+00:00', count: 4, byEventType: [count('b', 3)] },
      ],
      palette,
    );
    expect(series.map((s) => s.key)).toEqual(['b', 'a', OTHER_KEY, NONE_KEY]);
    expect(stacks[0]!.segments.map((s) => [s.series.key, s.y0, s.y1])).toEqual([
      ['b', 0, 1],
      ['a', 1, 4],
      [OTHER_KEY, 4, 5],
    ]);
    // One article of the second month has no event type.
    expect(stacks[1]!.segments.map((s) => [s.series.key, s.count])).toEqual([
      ['b', 3],
      [NONE_KEY, 1],
    ]);
    expect(max).toBe(5);
  });

  it('lets a stack rise above the article count when articles report several events', () => {
    const { stacks, max } = stackTimeline(
      [{ start: '2021-01-01T00:00:00+00:00', count: 1, byEventType: [count('a', 1), count('b', 1)] }],
      palette,
    );
    expect(stacks[0]!.top).toBe(2);
    expect(max).toBe(2);
  });

  it('handles empty buckets', () => {
    const { series, stacks } = stackTimeline(
      [{ start: '2021-01-01T00:00:00+00:00', count: 0, byEventType: [] }],
      palette,
    );
    expect(series).toEqual([]);
    expect(stacks[0]!.segments).toEqual([]);
  });
});

describe('niceTicks', () => {
  it('ends on a round number at or above the maximum', () => {
    expect(niceTicks(3)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(1234)).toEqual([0, 500, 1000, 1500]);
    expect(niceTicks(0)).toEqual([0, 1]);
  });
});
