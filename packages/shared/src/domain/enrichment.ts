/**
 * Enrichment as stored with an article and served by the API (computed by @famwatch/enrich).
 * Plain data: it crosses JSON between the worker, the database and the API.
 */
export interface ArticleEnrichment {
  relevance: { score: number; relevant: boolean; reasons: string[] };
  countries: Array<{ code: string; name: string; mentions: number }>;
  actors: Array<{ id: string; name: string; kind: string; mentions: number }>;
  events: Array<{ type: string; label: string; evidence: string }>;
}

/** The enrichment of an article not enriched yet. */
export const EMPTY_ENRICHMENT: ArticleEnrichment = {
  relevance: { score: 0, relevant: false, reasons: [] },
  countries: [],
  actors: [],
  events: [],
};
