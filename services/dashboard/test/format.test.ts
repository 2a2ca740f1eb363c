import { describe, expect, it } from 'vitest';
import { bucketDays, formatBucket, formatRelative } from '../src/ui/format.js';

describe('bucket dates', () => {
  it('covers whole months, weeks and days, both ends included', () => {
    expect(bucketDays('2024-02-01T00:00:00+00:00', 'MONTH')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(bucketDays('2021-12-27T00:00:00+00:00', 'WEEK')).toEqual({ from: '2021-12-27', to: '2022-01-02' });
    expect(bucketDays('2021-06-07T00:00:00+00:00', 'DAY')).toEqual({ from: '2021-06-07', to: '2021-06-07' });
  });

  it('labels buckets in UTC', () => {
    expect(formatBucket('2021-06-01T00:00:00+00:00', 'MONTH')).toBe('Jun 2021');
    expect(formatBucket('2021-06-07T00:00:00+00:00', 'WEEK')).toBe('week of 7 Jun 2021');
  });
});

describe('formatRelative', () => {
  it('says how far and which way', () => {
    const now = Date.parse('2024-01-01T12:00:00Z');
    expect(formatRelative('2024-01-01T11:55:00Z', now)).toBe('5 min ago');
    expect(formatRelative('2024-01-01T14:00:00Z', now)).toBe('in 2 h');
    expect(formatRelative('2023-12-29T12:00:00Z', now)).toBe('3 d ago');
  });
});
