import data from '../../data/agencies.json' with { type: 'json' };

interface AgencyEntry {
  name: string;
  patterns: string[];
}

const ENTRIES: AgencyEntry[] = data.agencies;

// Short all-caps codes (AP, AA, RIA) are only trusted where agencies are named: in a byline,
// a dateline in parentheses or a credit line. Longer names are trusted anywhere in those.
const MATCHERS = ENTRIES.map((entry) => ({
  name: entry.name,
  regex: new RegExp(
    `(?<![\\p{L}\\p{N}-])(?:${entry.patterns.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}]|-[\\p{L}])`,
    'u',
  ),
}));

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Agencies named in a short piece of text that is known to name sources (byline, dateline, credit). */
export function agenciesIn(text: string): string[] {
  const found: string[] = [];
  for (const { name, regex } of MATCHERS) {
    if (regex.test(text) && !found.includes(name)) found.push(name);
  }
  return found;
}

/** Removes agency names from a byline, leaving the people: "John Irish / Reuters" → "John Irish". */
export function stripAgencies(text: string): string {
  let out = text;
  for (const { regex } of MATCHERS) out = out.replace(new RegExp(regex.source, 'gu'), ' ');
  return out
    .replace(/\b(with|avec|and|et|by|par)\s*$/i, '')
    .replace(/[\s,;/|&()+-]+$/g, '')
    .replace(/^[\s,;/|&()+:-]+/g, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}
