import { toOffsetIso } from '@famwatch/shared';

/** Minutes east of UTC stated by an ISO string ("…+02:00" → 120); null when it states none. */
export function offsetOf(iso: string | null): number | null {
  if (iso === null) return null;
  const m = /([+-])(\d{2}):?(\d{2})$/.exec(iso);
  if (!m) return /z$/i.test(iso) ? 0 : null;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

/** A timestamptz read back (Date from pg and PGlite), in the offset it was stored with. */
export function toIso(value: unknown, offset: number | null = 0): string | null {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(String(value));
  if (Number.isNaN(date.getTime())) return null;
  return toOffsetIso(date.getTime(), offset ?? 0);
}

export function toIsoRequired(value: unknown): string {
  const iso = toIso(value);
  if (iso === null) throw new TypeError(`not a timestamp: ${String(value)}`);
  return iso;
}
