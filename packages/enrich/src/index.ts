// @famwatch/enrich: pure enrichment (relevance, countries, actors, events, near-duplicate clusters).
