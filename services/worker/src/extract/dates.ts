import { build, normalizeDate } from '@famwatch/shared';
import data from '../../data/months.json' with { type: 'json' };

const MONTHS = new Map<string, number>();
for (const [number, names] of Object.entries(data.months)) {
  for (const name of names) MONTHS.set(name, Number(number));
}
// Longest names first, so that "june" is tried before "jun" in the alternation.
const MONTH = `(${[...MONTHS.keys()].sort((a, b) => b.length - a.length).join('|')})\\.?`;
// Separators between the date and the time: "|", ",", "at", "à", "às", "a las", "alle", "um", "-".
const TIME =
  '(?:\\s*(?:[|,]|at|à|às|a las|alle|um|-|–)?\\s*(\\d{1,2})\\s*(?:[:h]|H)\\s*(\\d{2})(?:\\s*:\\s*(\\d{2}))?\\s*([ap]\\.?\\s?m\\.?)?(?![\\p{L}\\p{N}]))?';
const ZONES = new Map(Object.entries(data.zones));
const ZONE = `(?:\\s*(?:(${[...ZONES.keys()].join('|')})(?![\\p{L}])\\s*([+-]\\s*\\d{1,2}(?::?\\d{2})?)?|([+-]\\d{2}:?\\d{2})))?`;

// "June 07, 2021 | 07:03 PM", "Jun 7, 2021", "Nov. 18, 2019 at 9:03 a.m."
const MDY = new RegExp(`(?<![\\p{L}\\p{N}])${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${TIME}${ZONE}`, 'iu');
// "7th Jun, 2021", "Tuesday, 03 May 2022 8:27 AM", "7 juin 2021", "1er mai 2022 à 10h30",
// "22 de outubro de 2010 às 20:13"
const DMY = new RegExp(
  `(?<![\\p{L}\\p{N}])(\\d{1,2})(?:st|nd|rd|th|er|º)?\\.?\\s+(?:de\\s+)?${MONTH},?\\s+(?:de\\s+)?(\\d{4})${TIME}${ZONE}`,
  'iu',
);
// "03/05/2022 à 08h27", "03.05.2022": day first (French and most African outlets); month
// first when the day-first reading is impossible ("11/18/2019").
const NUMERIC = new RegExp(`(?<![\\p{N}/.])(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4})${TIME}${ZONE}`, 'iu');
// "2022-05-03 08:27", "2022/05/03"
const NUMERIC_YMD = new RegExp(`(?<![\\p{N}])(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?![\\p{N}])${TIME}${ZONE}`, 'iu');
// Machine formats that normalizeDate reads: ISO-8601 and RFC 2822 ("Mon, 07 Jun 2021 19:03:00 +0200").
const MACHINE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}|$)|^(?:\w{3},\s*)?\d{1,2}\s+\w{3}\s+\d{4}\s+\d{2}:\d{2}/;

function monthNumber(name: string): number | undefined {
  const key = name.toLowerCase().replace(/\.$/, '');
  return MONTHS.get(key) ?? MONTHS.get(key.normalize('NFD').replace(/\p{M}/gu, ''));
}

function hour24(hour: string | undefined, meridiem: string | undefined): number | null {
  if (hour === undefined) return null;
  let h = Number(hour);
  const m = meridiem?.toLowerCase().replace(/[.\s]/g, '');
  if (m === 'pm' && h < 12) h += 12;
  if (m === 'am' && h === 12) h = 0;
  return h;
}

function zoneOffset(named: string | undefined, delta: string | undefined, plain: string | undefined): string | null {
  // "GMT+2" is an offset from GMT; "EST" stands for its offset.
  const raw = plain ?? (named ? (delta ?? ZONES.get(named.toUpperCase()) ?? '+00:00') : undefined);
  if (raw === undefined) return null;
  const m = /^([+-])\s*(\d{1,2})(?::?(\d{2}))?$/.exec(raw.replace(/\s+/g, ''));
  if (!m) return '+00:00';
  return `${m[1]}${m[2]!.padStart(2, '0')}:${m[3] ?? '00'}`;
}

/** Builds the ISO date from the time and zone groups that every pattern ends with. */
function withTime(
  year: number,
  month: number,
  day: number,
  groups: RegExpExecArray,
  at: number,
  now: number,
): string | null {
  return build(
    year,
    month,
    day,
    hour24(groups[at], groups[at + 3]),
    Number(groups[at + 1] ?? 0),
    Number(groups[at + 2] ?? 0),
    zoneOffset(groups[at + 4], groups[at + 5], groups[at + 6]),
    now,
  );
}

/**
 * Finds a date written for humans (English, French, and the month names of a few other
 * languages) and returns it as ISO-8601. Keeps the time of day; keeps the offset when the text
 * gives one (else the time is taken as UTC). Returns null when no date is found, or the date
 * is before 1990 or after `now`.
 */
export function parseHumanDate(text: string, now: number): string | null {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean === '') return null;
  if (MACHINE.test(clean)) {
    const machine = normalizeDate(clean, now);
    if (machine) return machine;
  }
  let m = MDY.exec(clean);
  if (m) {
    const month = monthNumber(m[1]!);
    const date = month ? withTime(Number(m[3]), month, Number(m[2]), m, 4, now) : null;
    if (date) return date;
  }
  m = DMY.exec(clean);
  if (m) {
    const month = monthNumber(m[2]!);
    const date = month ? withTime(Number(m[3]), month, Number(m[1]), m, 4, now) : null;
    if (date) return date;
  }
  m = NUMERIC_YMD.exec(clean);
  if (m) {
    const date = withTime(Number(m[1]), Number(m[2]), Number(m[3]), m, 4, now);
    if (date) return date;
  }
  m = NUMERIC.exec(clean);
  if (m) {
    const [first, second, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return withTime(year, second, first, m, 4, now) ?? withTime(year, first, second, m, 4, now);
  }
  return null;
}

/** A date in the URL path ("/2021/06/07/", "/20210607-"), the last resort. Date only, UTC. */
export function dateFromUrl(url: string, now: number): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m = /\/((?:19|20)\d{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)/.exec(path);
  if (!m) return null;
  return build(Number(m[1]), Number(m[2]), Number(m[3]), null, 0, 0, null, now);
}

// Words a date line may hold besides the date: month and weekday names, "Published on", "à".
const DATE_LINE_WORDS = new Set(
  [...MONTHS.keys(), ...ZONES.keys(), ...data.weekdays, ...data.dateWords].map((w) => w.toLowerCase()),
);

/**
 * Whether a short paragraph is only a date line ("February 8, 2021", "Publié le 03/05/2022 à
 * 08h27", "Updated: Tuesday, 03 May 2022 8:27 AM"): a date, and no word that is not part of
 * one. "— The Senate (@NGRSenate) October 9, 2018" holds a date but is not a date line.
 */
export function isDateLine(paragraph: string, now: number): boolean {
  if (paragraph.length > 80 || !/\d/.test(paragraph)) return false;
  // "by Regan September 15, 2014", "Posted on 27 Oct 2015 by Admin": a signature may stand by it.
  const rest = paragraph.replace(
    /(?:^|\s)(?:by|par|por|di|von)\s+\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,2}/gu,
    ' ',
  );
  const words = rest.match(/\p{L}+/gu) ?? [];
  const known = (word: string) =>
    DATE_LINE_WORDS.has(word.toLowerCase()) ||
    /^(st|nd|rd|th|er)$/.test(word) ||
    // Zone abbreviations we do not list ("AMT", "WIB"): capitals after a time.
    /^[A-Z]{2,4}$/.test(word);
  if (!words.every(known)) return false;
  return parseHumanDate(paragraph, now) !== null;
}
