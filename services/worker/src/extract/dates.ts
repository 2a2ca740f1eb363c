import { build, normalizeDate } from '@famwatch/shared';

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  janvier: 1,
  janv: 1,
  feb: 2,
  february: 2,
  fevrier: 2,
  février: 2,
  fev: 2,
  fév: 2,
  févr: 2,
  fevr: 2,
  mar: 3,
  march: 3,
  mars: 3,
  apr: 4,
  april: 4,
  avril: 4,
  avr: 4,
  may: 5,
  mai: 5,
  jun: 6,
  june: 6,
  juin: 6,
  jul: 7,
  july: 7,
  juillet: 7,
  juil: 7,
  aug: 8,
  august: 8,
  aout: 8,
  août: 8,
  sep: 9,
  sept: 9,
  september: 9,
  septembre: 9,
  oct: 10,
  october: 10,
  octobre: 10,
  nov: 11,
  november: 11,
  novembre: 11,
  dec: 12,
  december: 12,
  decembre: 12,
  décembre: 12,
  déc: 12,
};
const MONTH =
  '(jan(?:uary|vier|v)?|f[eé]v(?:r(?:ier)?)?|feb(?:ruary)?|mar(?:ch|s)?|apr(?:il)?|avr(?:il)?|ma[iy]|june?|juin|july?|juil(?:let)?|aug(?:ust)?|ao[uû]t|sept?(?:ember|embre)?|oct(?:ober|obre)?|nov(?:ember|embre)?|d[eé]c(?:ember|embre)?)\\.?';
const TIME =
  '(?:\\s*(?:[|,]|at|à|-|–)?\\s*(\\d{1,2})\\s*(?:[:h]|H)\\s*(\\d{2})(?:\\s*:\\s*(\\d{2}))?\\s*([ap]\\.?m\\.?)?)?';
const ZONE = '(?:\\s*(?:(GMT|UTC|Z)\\s*([+-]\\s*\\d{1,2}(?::?\\d{2})?)?|([+-]\\d{2}:?\\d{2})))?';

// "June 07, 2021 | 07:03 PM", "Jun 7, 2021"
const MDY = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${TIME}${ZONE}`, 'iu');
// "7th Jun, 2021", "Tuesday, 03 May 2022 8:27 AM", "7 juin 2021", "1er mai 2022 à 10h30"
const DMY = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th|er)?\\s+${MONTH},?\\s+(\\d{4})${TIME}${ZONE}`, 'iu');
// "03/05/2022 à 08h27", "03.05.2022" (day first: the European order, used by French and most African outlets)
const NUMERIC_DMY = new RegExp(`\\b(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4})${TIME}${ZONE}`, 'iu');
// "2022-05-03 08:27", "2022/05/03"
const NUMERIC_YMD = new RegExp(`\\b(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})${TIME}${ZONE}`, 'iu');

function monthNumber(name: string): number | undefined {
  const key = name.toLowerCase().replace(/\.$/, '');
  return MONTHS[key] ?? MONTHS[key.slice(0, 3)] ?? MONTHS[key.normalize('NFD').replace(/\p{M}/gu, '').slice(0, 3)];
}

function hour24(hour: string | undefined, meridiem: string | undefined): number | null {
  if (hour === undefined) return null;
  let h = Number(hour);
  const m = meridiem?.toLowerCase().replace(/\./g, '');
  if (m === 'pm' && h < 12) h += 12;
  if (m === 'am' && h === 12) h = 0;
  return h;
}

function zoneOffset(named: string | undefined, delta: string | undefined, plain: string | undefined): string | null {
  const raw = plain ?? (named ? (delta ?? '+00:00') : undefined);
  if (raw === undefined) return null;
  const m = /^([+-])\s*(\d{1,2})(?::?(\d{2}))?$/.exec(raw.replace(/\s+/g, ''));
  if (!m) return '+00:00';
  return `${m[1]}${m[2]!.padStart(2, '0')}:${m[3] ?? '00'}`;
}

/**
 * Finds a date written for humans, in English or French, and returns it as ISO-8601. Keeps
 * the time of day; keeps the offset when the text gives one (else the time is taken as UTC).
 * Returns null when no date is found or the date is before 1990 or after `now`.
 */
export function parseHumanDate(text: string, now: number): string | null {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean === '') return null;
  const machine = normalizeDate(clean, now);
  if (machine && /^\d{4}-\d{2}-\d{2}/.test(clean)) return machine;

  let m = MDY.exec(clean);
  if (m) {
    const month = monthNumber(m[1]!);
    if (month)
      return build(
        Number(m[3]),
        month,
        Number(m[2]),
        hour24(m[4], m[7]),
        Number(m[5] ?? 0),
        Number(m[6] ?? 0),
        zoneOffset(m[8], m[9], m[10]),
        now,
      );
  }
  m = DMY.exec(clean);
  if (m) {
    const month = monthNumber(m[2]!);
    if (month)
      return build(
        Number(m[3]),
        month,
        Number(m[1]),
        hour24(m[4], m[7]),
        Number(m[5] ?? 0),
        Number(m[6] ?? 0),
        zoneOffset(m[8], m[9], m[10]),
        now,
      );
  }
  m = NUMERIC_YMD.exec(clean);
  if (m)
    return build(
      Number(m[1]),
      Number(m[2]),
      Number(m[3]),
      hour24(m[4], m[7]),
      Number(m[5] ?? 0),
      Number(m[6] ?? 0),
      zoneOffset(m[8], m[9], m[10]),
      now,
    );
  m = NUMERIC_DMY.exec(clean);
  if (m)
    return build(
      Number(m[3]),
      Number(m[2]),
      Number(m[1]),
      hour24(m[4], m[7]),
      Number(m[5] ?? 0),
      Number(m[6] ?? 0),
      zoneOffset(m[8], m[9], m[10]),
      now,
    );
  return machine;
}

/** A date in the URL path ("/2021/06/07/", "/20210607-"), the last resort. Date only, UTC. */
export function dateFromUrl(url: string, now: number): string | null {
  const path = (() => {
    try {
      return new URL(url).pathname;
    } catch {
      return '';
    }
  })();
  const m = /\/((?:19|20)\d{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)/.exec(path);
  if (!m) return null;
  return build(Number(m[1]), Number(m[2]), Number(m[3]), null, 0, 0, null, now);
}
