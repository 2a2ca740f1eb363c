import type { Interval } from '../api/types.js';

// en-GB gives "7 Jun 2021": unambiguous for the French- and English-speaking readers alike.
const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const month = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const dateTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
  timeZoneName: 'short',
});
const number = new Intl.NumberFormat('en-GB');

export function formatCount(value: number): string {
  return number.format(value);
}

/** "7 Jun 2021" (UTC). */
export function formatDay(iso: string): string {
  return day.format(new Date(iso));
}

/** "7 Jun 2021, 19:03 UTC". */
export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

/** "5 min ago", "in 2 h", "3 d ago": for health times, where the distance is what matters. */
export function formatRelative(iso: string, now: number): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  const size = Math.abs(seconds);
  const text =
    size < 60
      ? `${size} s`
      : size < 3600
        ? `${Math.round(size / 60)} min`
        : size < 86_400
          ? `${Math.round(size / 3600)} h`
          : `${Math.round(size / 86_400)} d`;
  return seconds < 0 ? `${text} ago` : `in ${text}`;
}

/** The label of a timeline bucket: "7 Jun 2021", "week of 7 Jun 2021" or "Jun 2021". */
export function formatBucket(start: string, interval: Interval): string {
  switch (interval) {
    case 'DAY':
      return day.format(new Date(start));
    case 'WEEK':
      return `week of ${day.format(new Date(start))}`;
    case 'MONTH':
      return month.format(new Date(start));
  }
}

/** The first day after a bucket (UTC), as an instant. */
export function bucketEnd(start: string, interval: Interval): Date {
  const date = new Date(start);
  switch (interval) {
    case 'DAY':
      return new Date(date.getTime() + 86_400_000);
    case 'WEEK':
      return new Date(date.getTime() + 7 * 86_400_000);
    case 'MONTH':
      return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1));
  }
}

/** The calendar days (YYYY-MM-DD, both included) that a bucket covers. */
export function bucketDays(start: string, interval: Interval): { from: string; to: string } {
  const last = new Date(bucketEnd(start, interval).getTime() - 86_400_000);
  return { from: new Date(start).toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}
