import type { TimelineBucket } from '../api/types.js';

/** One coloured layer of the stacked timeline. */
export interface Series {
  key: string;
  label: string;
  color: string;
}

export interface Segment {
  series: Series;
  count: number;
  /** Bottom and top of the segment, in articles. */
  y0: number;
  y1: number;
}

export interface Stack {
  bucket: TimelineBucket;
  segments: Segment[];
  /** Top of the stack: above `bucket.count` when articles report several event types. */
  top: number;
}

export interface StackPalette {
  series: readonly string[];
  other: string;
  none: string;
}

export const OTHER_KEY = '__other';
export const NONE_KEY = '__none';

/**
 * Lays out the timeline's stacks: the most frequent event types get their own colour, the rest
 * share "other event types", and articles beyond the event-type tags (none recognised) fill
 * "no event recognised". An article with two event types counts in both, so a stack can be
 * taller than its article count; the chart draws that count as a separate mark.
 */
export function stackTimeline(
  buckets: readonly TimelineBucket[],
  palette: StackPalette,
): { series: Series[]; stacks: Stack[]; max: number } {
  const totals = new Map<string, { label: string; count: number }>();
  for (const bucket of buckets)
    for (const tag of bucket.byEventType) {
      const total = totals.get(tag.key) ?? { label: tag.label, count: 0 };
      total.count += tag.count;
      totals.set(tag.key, total);
    }
  const ranked = [...totals].sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]));
  const named: Series[] = ranked
    .slice(0, palette.series.length)
    .map(([key, { label }], i) => ({ key, label, color: palette.series[i]! }));
  const namedKeys = new Set(named.map((s) => s.key));
  const other: Series = { key: OTHER_KEY, label: 'Other event types', color: palette.other };
  const none: Series = { key: NONE_KEY, label: 'No event recognised', color: palette.none };
  let usesOther = false;
  let usesNone = false;
  let max = 0;
  const stacks = buckets.map((bucket) => {
    const byKey = new Map(bucket.byEventType.map((tag) => [tag.key, tag.count]));
    const counts: Array<[Series, number]> = named.map((series) => [series, byKey.get(series.key) ?? 0]);
    const otherCount = bucket.byEventType.filter((t) => !namedKeys.has(t.key)).reduce((n, t) => n + t.count, 0);
    const tagged = bucket.byEventType.reduce((n, t) => n + t.count, 0);
    const noneCount = Math.max(0, bucket.count - tagged);
    counts.push([other, otherCount], [none, noneCount]);
    usesOther ||= otherCount > 0;
    usesNone ||= noneCount > 0;
    let y = 0;
    const segments: Segment[] = [];
    for (const [series, count] of counts) {
      if (count === 0) continue;
      segments.push({ series, count, y0: y, y1: y + count });
      y += count;
    }
    max = Math.max(max, y, bucket.count);
    return { bucket, segments, top: y };
  });
  const series = [...named, ...(usesOther ? [other] : []), ...(usesNone ? [none] : [])];
  return { series, stacks, max };
}

/** A round axis maximum at or above `max` (1, 2 or 5 times a power of ten) and its ticks. */
export function niceTicks(max: number, count = 4): number[] {
  if (max <= 0) return [0, 1];
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const wholeStep = Math.max(1, step);
  const ticks: number[] = [];
  for (let v = 0; v < max + wholeStep; v += wholeStep) {
    ticks.push(v);
    if (v >= max) break;
  }
  return ticks;
}
