// enrich(article): relevance, countries, actors and events of one article. Pure and
// synchronous: no I/O, no clock; the data files were compiled when the module loaded.

import { tagActors } from './actors.js';
import { analyze } from './analyze.js';
import { detectEvents } from './events.js';
import { tagCountries } from './gazetteer.js';
import { scoreRelevance } from './relevance.js';
import { extractFeatures } from './relevance-features.js';
import { flagSentences } from './sentence-flags.js';
import type { EnrichInput, EnrichmentResult } from './types.js';

/**
 * Enriches one article: whether it is about French–African military relations (with the
 * reasons), the countries it substantively involves, the actors it names and the events it
 * reports, each event with the sentence that shows it. Works on a headline and two sentences
 * as well as on a full article, in English and French.
 */
export function enrich(article: EnrichInput): EnrichmentResult {
  const analysis = analyze(article);
  const flags = flagSentences(analysis);
  const events = detectEvents(analysis.sentences, analysis.lang);
  const eventSentences = new Set<number>();
  for (const s of analysis.sentences) {
    if (events.some((e) => e.evidence === s.sentence.text)) eventSentences.add(s.sentence.index);
  }
  const relevance = scoreRelevance(extractFeatures(flags));
  return {
    relevance,
    countries: tagCountries(flags, eventSentences, relevance.relevant),
    actors: tagActors(analysis.sentences),
    events,
  };
}
