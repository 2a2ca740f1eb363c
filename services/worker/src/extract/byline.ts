import { agenciesIn, stripAgencies } from './agencies.js';

export interface BylineResult {
  /** The people, or null when only an agency (or nothing) signs the piece. */
  byline: string | null;
  agencies: string[];
}

// Datelines that name the agency: "PARIS (AFP) -", "Bamako, (APP - UrduPoint …)", "DAKAR, Senegal (AP) —".
const DATELINE = /^[\p{Lu}\p{L} .,'’-]{2,60}?[,\s]*\(([^)]{2,120})\)\s*[:—–-]?/u;
// Credit lines at the end of a text: "— AFP", "(Reuters)", "With AFP", "Avec AFP".
const CREDIT = /(?:^|\n)\s*(?:[—–-]\s*|\(|(?:with|avec)\s+)([\p{L} ,/&.-]{2,60}?)\)?\s*$/iu;

/**
 * Separates the person from the agency. Looks at the byline the page gives, the first
 * paragraph's dateline and the last paragraph's credit line.
 */
export function resolveByline(rawAuthors: string[], firstParagraph: string, lastParagraph: string): BylineResult {
  const agencies: string[] = [];
  const add = (names: string[]) => {
    for (const name of names) if (!agencies.includes(name)) agencies.push(name);
  };
  const people: string[] = [];
  for (const raw of rawAuthors) {
    const clean = raw.replace(/^\s*(by|par|de)\s+/i, '').trim();
    if (!clean || /^https?:\/\//.test(clean)) continue;
    add(agenciesIn(clean));
    const person = stripAgencies(clean);
    if (
      person &&
      !/^(staff|admin|editor|rédaction|redaction|newsroom|web desk|desk)$/i.test(person) &&
      !people.includes(person)
    ) {
      people.push(person);
    }
  }
  const dateline = DATELINE.exec(firstParagraph.slice(0, 200));
  if (dateline?.[1]) add(agenciesIn(dateline[1]));
  const credit = CREDIT.exec(lastParagraph.slice(-120));
  if (credit?.[1]) add(agenciesIn(credit[1]));
  return { byline: people.length > 0 ? people.join(', ') : null, agencies };
}
