/** Earliest publication date we accept: older dates are parsing mistakes on news pages. */
export const MIN_PUBLISHED = Date.UTC(1990, 0, 1);

/**
 * Normalizes a machine-readable date (ISO-8601, RFC 2822 as used by RSS, or an epoch
 * number) to ISO-8601. Keeps the time of day and the UTC offset the input gives; a date
 * without an offset is taken as UTC. Returns null for anything unparseable, before 1990,
 * or later than `now` plus one day (clock skew across time zones).
 */
export function normalizeDate(value: unknown, now: number): string | null {
  if (value instanceof Date) return checkRange(value.getTime(), now) ? toOffsetIso(value.getTime(), 0) : null;
  if (typeof value === 'number') return normalizeDate(new Date(value < 1e11 ? value * 1000 : value), now);
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text === '') return null;

  const iso =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i.exec(
      text,
    );
  if (iso) {
    const [, y, mo, d, h, mi, s, , zone] = iso;
    const offset = zone === undefined ? (h === undefined ? null : '+00:00') : formatOffset(zone);
    return build(Number(y), Number(mo), Number(d), h ? Number(h) : null, Number(mi ?? 0), Number(s ?? 0), offset, now);
  }
  const ms = Date.parse(text);
  if (Number.isNaN(ms) || !checkRange(ms, now)) return null;
  // RFC 2822 ("Mon, 07 Jun 2021 19:03:00 +0200"): keep the stated offset.
  const rfc = /(\d{1,2})\s+\w{3}\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|GMT|UTC|Z)?/i.exec(text);
  if (rfc?.[6] && /^[+-]\d{4}$/.test(rfc[6])) {
    return toOffsetIso(ms, offsetMinutes(formatOffset(rfc[6])));
  }
  return toOffsetIso(ms, 0);
}

/**
 * Builds an ISO string from parts. `hour` null means the date has no time of day: the
 * result is then midnight UTC. `offset` is "+HH:MM"; null means UTC.
 */
export function build(
  year: number,
  month: number,
  day: number,
  hour: number | null,
  minute: number,
  second: number,
  offset: string | null,
  now: number,
): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || minute > 59 || second > 60) return null;
  if (hour !== null && hour > 23) return null;
  const utc = Date.UTC(year, month - 1, day, hour ?? 0, minute, second);
  const check = new Date(utc);
  if (check.getUTCDate() !== day) return null; // 31 June and the like
  const zone = offset ?? '+00:00';
  const ms = utc - offsetMinutes(zone) * 60_000;
  if (!checkRange(ms, now)) return null;
  return toOffsetIso(ms, offsetMinutes(zone));
}

function checkRange(ms: number, now: number): boolean {
  return ms >= MIN_PUBLISHED && ms <= now + 24 * 3600_000;
}

function formatOffset(zone: string): string {
  if (/^z$/i.test(zone)) return '+00:00';
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!m) return '+00:00';
  return `${m[1]}${m[2]}:${m[3] ?? '00'}`;
}

function offsetMinutes(offset: string): number {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

/** Formats an instant in a given UTC offset: 2021-06-07T19:03:00+02:00. */
export function toOffsetIso(ms: number, offsetMin: number): string {
  const local = new Date(ms + offsetMin * 60_000).toISOString().slice(0, 19);
  if (offsetMin === 0) return `${local}+00:00`;
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
