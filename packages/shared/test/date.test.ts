import { describe, expect, it } from 'vitest';
import { normalizeDate } from '../src/normalize/date.js';

const NOW = Date.UTC(2026, 10, 23);

describe('normalizeDate', () => {
  it('keeps the time of day and the stated offset of ISO dates', () => {
    expect(normalizeDate('2021-06-07T19:03:00+05:00', NOW)).toBe('2021-06-07T19:03:00+05:00');
    expect(normalizeDate('2021-06-07T19:03:00.123Z', NOW)).toBe('2021-06-07T19:03:00+00:00');
    expect(normalizeDate('2021-06-07 19:03', NOW)).toBe('2021-06-07T19:03:00+00:00');
    expect(normalizeDate('2021-06-07', NOW)).toBe('2021-06-07T00:00:00+00:00');
  });
  it('reads RFC 2822 dates from feeds, keeping their offset', () => {
    expect(normalizeDate('Mon, 07 Jun 2021 19:03:00 +0200', NOW)).toBe('2021-06-07T19:03:00+02:00');
    expect(normalizeDate('Mon, 07 Jun 2021 19:03:00 GMT', NOW)).toBe('2021-06-07T19:03:00+00:00');
  });
  it('rejects impossible, future and pre-1990 dates', () => {
    expect(normalizeDate('2021-02-30', NOW)).toBeNull();
    expect(normalizeDate('2031-01-01T00:00:00Z', NOW)).toBeNull();
    expect(normalizeDate('1989-12-31', NOW)).toBeNull();
    expect(normalizeDate('yesterday', NOW)).toBeNull();
    expect(normalizeDate(undefined, NOW)).toBeNull();
  });
  it('accepts epoch seconds and milliseconds', () => {
    expect(normalizeDate(1623092580, NOW)).toBe('2021-06-07T19:03:00+00:00');
    expect(normalizeDate(1623092580000, NOW)).toBe('2021-06-07T19:03:00+00:00');
  });
});
