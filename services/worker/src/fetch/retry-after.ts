/**
 * Seconds to wait from a Retry-After header: either delta-seconds or an HTTP date. Returns
 * null when absent or unreadable, and caps the wait at one day (a server asking for more is
 * treated as asking for a day).
 */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Math.min(Number(text), 86_400);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.min(Math.max(0, Math.ceil((at - now) / 1000)), 86_400);
}
