import { agenciesCitedIn, agenciesIn, stripAgencies } from './agencies.js';
import { parseHumanDate } from './dates.js';

export interface BylineResult {
  /** The people, or null when only an agency (or nothing) signs the piece. */
  byline: string | null;
  agencies: string[];
}

// Datelines that name the agency: "PARIS (AFP) -", "Bamako, (APP - UrduPoint …) :",
// "DAKAR, Senegal (AP) —", "HONOLULU, Hawaii (HawaiiNewsNow) -".
const DATELINE = /^[\p{L} .,'’-]{2,60}?[,\s]*\(([^)]{2,120})\)\s*[:—–-]?/u;
// Signatures that are not people.
const NOT_A_PERSON =
  /^(staff|admin|administrator|editor|editors|editorial staff|editorial team|rédaction|la rédaction|redaction|newsroom|web desk|news desk|desk|agencies|agences|team|guest|contributor|anonymous|unknown|name|nom|nama|view author archive)$/i;
const PREFIX =
  /^\s*(by|par|de|posted by|written by|words by|story by|reporting by|report by|author|auteur|autor|publié par|rédigé par|text|texte|текст|sobre|about)\s*:?\s+/i;
// What follows a name in bylines: relative times, reading times, job titles, archive links.
const TAIL =
  /\s*(?:,|\||\bon\b)?\s*(?:\d+\s*(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?)\s*(?:read|ago)?\b.*|view author archive.*|email the author.*|get author rss.*|follow on twitter.*)$/i;
// Job titles after a comma: ", Staff Writer", ", AP National Politics Writer".
const JOB_TITLE =
  /,\s*(?:[\p{L}.'’-]+\s+){0,4}(?:writer|reporter|correspondent|editor|contributor|columnist|producer|journalist)s?\b.*$/iu;
const JUNK =
  /\b(updated|published|posted|mis à jour|publié le|follow|twitter|email|e-mail|read more|view all|more from|articles?|posts?|window|function|var|wajib|required|obligatoire)\b|[{}=<>*]/i;

/**
 * A byline as written on the page, reduced to names: "By Justine Coleman - 11/18/19 11:04 PM
 * EST" → "Justine Coleman". Returns null when what is left does not look like names.
 */
export function cleanByline(raw: string, now: number): string | null {
  const parts = raw
    .replace(/\s+/g, ' ')
    .replace(PREFIX, '')
    .split(/\s[-–—|•·]\s|\s{2,}|\n/)
    .map((part) => part.replace(PREFIX, '').replace(TAIL, '').replace(JOB_TITLE, '').trim())
    .filter((part) => part !== '' && parseHumanDate(part, now) === null && !/\d{1,2}[:h]\d{2}/.test(part));
  const text = parts
    .join(', ')
    .replace(/\S+@\S+/g, '')
    .replace(/@\w+/g, '')
    .replace(/[\s,;]+$/, '')
    .trim();
  if (text === '' || text.length > 100 || JUNK.test(text)) return null;
  if (text.split(/\s+/).length > 10 || /[.!?]$/.test(text.replace(/\b\p{Lu}\.$/u, ''))) return null;
  return text;
}

// "By John Irish and Tangi Salaün", "Par Marie Dupont", "BY STAFF REPORTER": a byline printed
// as a paragraph of the text. Case-sensitive: "By the time the troops left" is a sentence.
const BYLINE_LINE =
  /^(?:By|BY|Par|PAR|Por|POR|Von|Di|Written by|Words by|Reporting by)\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|de|da|van|von|and|et|&|,))*\s*(?:[,|/–—-]\s*\p{L}[\p{L} .'’-]{0,40})?$/u;

/** Whether a short paragraph is only a byline ("By Claire Dupont, Reuters"). */
export function isBylineLine(text: string): boolean {
  // A sentence ends with a full stop; a byline does not (an initial aside: "By John A.").
  return text.length <= 80 && !/[^.\s\p{Lu}][.!?]$/u.test(text) && BYLINE_LINE.test(text);
}

function key(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}]+/gu, '');
}

/**
 * Separates the people from the agencies. People come from `rawAuthors` (structured authors,
 * or the bylines printed on the page); agencies from those, the printed bylines in `credits`,
 * the credit lines taken out of the text (`creditLines`),
 * the first paragraph's dateline and phrases of the text that relay an agency ("told AFP",
 * a closing "— AFP"). Photo credits never count.
 */
export function resolveByline(
  rawAuthors: string[],
  paragraphs: string[],
  now: number,
  credits: string[] = [],
  creditLines: string[] = [],
): BylineResult {
  const agencies: string[] = [];
  const add = (names: string[]) => {
    for (const name of names) if (!agencies.includes(name)) agencies.push(name);
  };
  const people: string[] = [];
  for (const raw of rawAuthors) {
    if (/^https?:\/\//.test(raw.trim())) continue;
    const clean = cleanByline(raw, now);
    if (!clean) continue;
    add(agenciesIn(clean));
    for (const person of stripAgencies(clean).split(/\s*(?:,|;|\band\b|\bet\b|&)\s*/)) {
      const name = person.trim();
      if (name.length < 3 || NOT_A_PERSON.test(name)) continue;
      const k = key(name);
      // "Catherine" and "Catherine Hollander" from two sources are one person.
      const same = people.findIndex((p) => key(p).includes(k) || k.includes(key(p)));
      if (same === -1) people.push(name);
      else if (name.length > people[same]!.length) people[same] = name;
    }
  }
  // Bylines printed on the page name agencies that structured authors often leave out.
  for (const credit of credits) {
    const clean = cleanByline(credit, now);
    if (clean) add(agenciesIn(clean));
  }
  // "Reporting by …; Editing by …", "Associated Press writers … contributed to this report".
  for (const line of creditLines) add(agenciesIn(line));
  const first = paragraphs[0] ?? '';
  const dateline = DATELINE.exec(first.slice(0, 200));
  if (dateline?.[1]) add(agenciesIn(dateline[1]));
  add(agenciesCitedIn(paragraphs));
  return { byline: people.length > 0 ? people.slice(0, 4).join(', ') : null, agencies };
}
