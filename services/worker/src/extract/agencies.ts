import data from '../../data/agencies.json' with { type: 'json' };

interface AgencyMatcher {
  name: string;
  /** Any of the agency's names, as a whole word. */
  anywhere: RegExp;
  /** The same, global, to remove every occurrence. */
  everywhere: RegExp;
  /** The agency named in a phrase that says the text relays it ("told AFP", "selon l'AFP"). */
  cited: RegExp;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// A name is a whole word: "AP" must not match in "APP" or "AP-style", "AFP" not in "AFPA".
const MATCHERS: AgencyMatcher[] = data.agencies.map((entry) => {
  const names = `(?:${entry.patterns.map(escapeRegExp).join('|')})`;
  const word = `(?<![\\p{L}\\p{N}])${names}(?![\\p{L}\\p{N}]|-[\\p{L}])`;
  return {
    name: entry.name,
    anywhere: new RegExp(word, 'u'),
    everywhere: new RegExp(word, 'gu'),
    cited: new RegExp(data.citing.map((phrase) => phrase.replace('{A}', names)).join('|'), 'u'),
  };
});

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
  const found: string[] = [];
  for (const { name, anywhere } of MATCHERS) if (anywhere.test(text)) add(found, name);
  return found;
}

/**
 * Agencies the article text says it relays: "a source … told AFP", "selon l'AFP", "Reuters
 * reported", a closing "— AFP" or "(avec AFP)". A bare mention of an agency is not enough.
 */
export function agenciesCitedIn(paragraphs: string[]): string[] {
  const found: string[] = [];
  const text = paragraphs.join('\n');
  for (const { name, anywhere, cited } of MATCHERS) {
    // The phrase patterns are slow; most pages name no agency at all.
    if (!anywhere.test(text)) continue;
    if (paragraphs.some((paragraph) => cited.test(paragraph))) add(found, name);
  }
  return found;
}

/** Removes agency names from a byline, leaving the people: "John Irish / Reuters" → "John Irish". */
export function stripAgencies(text: string): string {
  let out = text;
  for (const { everywhere } of MATCHERS) out = out.replace(everywhere, ' ');
  return out
    .replace(/\b(with|avec|and|et|by|par|for|pour)\s*$/i, '')
    .replace(/[\s,;/|&()+-]+$/g, '')
    .replace(/^[\s,;/|&()+:-]+/g, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}
