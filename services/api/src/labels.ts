import { actorCatalog, EVENT_TAXONOMY } from '@famwatch/enrich';

const regions = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
const languages = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });
const actorNames = new Map(actorCatalog().map((a) => [a.id, a.name]));
const eventLabels = new Map(EVENT_TAXONOMY.map((e) => [e.id, e.label]));

/** English name of an ISO 3166-1 alpha-2 code ("ML" → "Mali"). */
export function countryName(code: string): string {
  try {
    return regions.of(code) ?? code;
  } catch {
    return code;
  }
}

/** English name of an ISO 639-1 code ("fr" → "French"); "und" → "Unknown". */
export function languageName(code: string): string {
  if (code === 'und') return 'Unknown';
  try {
    return languages.of(code) ?? code;
  } catch {
    return code;
  }
}

export function actorName(id: string): string {
  return actorNames.get(id) ?? id;
}

export function eventLabel(type: string): string {
  return eventLabels.get(type) ?? type;
}
