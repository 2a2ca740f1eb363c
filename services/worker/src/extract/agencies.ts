import data from '../../data/agencies.json' with { type: 'json' };

interface AgencyMatcher {
  name: string;
  /** The agency named in a phrase that says the text relays it ("told AFP", "selon l'AFP"). */
  cited: RegExp;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const MATCHERS: AgencyMatcher[] = data.agencies.map((entry) => {
  const names = `(?:${entry.patterns.map(escapeRegExp).join('|')})`;
  return {
    name: entry.name,
    cited: new RegExp(data.citing.map((phrase) => phrase.replace('{A}', names)).join('|'), 'u'),
  };
});

/** Each name or abbreviation (as written, case-sensitive) → the agency it stands for. */
const AGENCY_OF = new Map<string, string>();
for (const entry of data.agencies) for (const pattern of entry.patterns) AGENCY_OF.set(pattern, entry.name);

// Every name in one alternation (longest first), as a whole word: "AP" must not match in "APP"
// or "AP-style", "AFP" not in "AFPA". The start of the word is checked in code, not with a
// lookbehind, so that the engine can skip ahead to the first letters of the names.
const ANY_NAME = new RegExp(
  `(?:${[...AGENCY_OF.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|')})(?![\\p{L}\\p{N}]|-[\\p{L}])`,
  'gu',
);
const WORD_CHAR = /[\p{L}\p{N}]/u;

function startsWord(text: string, index: number): boolean {
  return index === 0 || !WORD_CHAR.test(text[index - 1]!);
}

/** The agencies a text names anywhere, in order of appearance. */
function named(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(ANY_NAME)) {
    if (startsWord(text, match.index)) add(found, AGENCY_OF.get(match[0])!);
  }
  return found;
}

// "(Photo by Reuters)", "IMAGE: AFP 2018 / ISSOUF SANOGO", "AFP/Getty Images": a photo
// credit names the agency that took a picture, not the one that wrote the text.
const PHOTO_WORDS = new RegExp(`(?<![\\p{L}])${data.photo}(?![\\p{L}])`, 'iu');
// "AFP/Getty Images", "REUTERS/Joe Penney": an agency in capitals, a slash, a photographer.
const SLASH_CREDIT = /\b[A-Z]{2,}\s*\/\s*\p{Lu}/u;

function add(found: string[], name: string): void {
  if (!found.includes(name)) found.push(name);
}

/** Agencies named in a short text that is known to name sources: a byline, a dateline, a credit. */
export function agenciesIn(text: string): string[] {
  if (PHOTO_WORDS.test(text) || SLASH_CREDIT.test(text)) return [];
  return named(text);
}

/**
 * Agencies the article text says it relays: "a source … told AFP", "selon l'AFP", "Reuters
 * reported", a closing "— AFP" or "(avec AFP)". A bare mention of an agency is not enough.
 */
export function agenciesCitedIn(paragraphs: string[]): string[] {
  const mentioned = named(paragraphs.join('\n'));
  const found: string[] = [];
  for (const { name, cited } of MATCHERS) {
    // The phrase patterns are slow; they only run for agencies the text names at all.
    if (mentioned.includes(name) && paragraphs.some((paragraph) => cited.test(paragraph))) add(found, name);
  }
  return found;
}

/** Removes agency names from a byline, leaving the people: "John Irish / Reuters" → "John Irish". */
export function stripAgencies(text: string): string {
  return text
    .replace(ANY_NAME, (name: string, index: number) => (startsWord(text, index) ? ' ' : name))
    .replace(/\b(with|avec|and|et|by|par|for|pour)\s*$/i, '')
    .replace(/[\s,;/|&()+-]+$/g, '')
    .replace(/^[\s,;/|&()+:-]+/g, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}
