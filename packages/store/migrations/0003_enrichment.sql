-- Enrichment stored with each article: relevance, tags (as JSON for display and as arrays for
-- filtering and facets), and near-duplicate clustering (MinHash signature and LSH band keys).

ALTER TABLE articles
  ADD COLUMN relevance_score   real NOT NULL DEFAULT 0,
  ADD COLUMN relevant          boolean NOT NULL DEFAULT false,
  ADD COLUMN relevance_reasons jsonb NOT NULL DEFAULT '[]',
  ADD COLUMN country_tags      jsonb NOT NULL DEFAULT '[]',
  ADD COLUMN actor_tags        jsonb NOT NULL DEFAULT '[]',
  ADD COLUMN event_tags        jsonb NOT NULL DEFAULT '[]',
  ADD COLUMN countries         text[] NOT NULL DEFAULT '{}',
  ADD COLUMN actors            text[] NOT NULL DEFAULT '{}',
  ADD COLUMN event_types       text[] NOT NULL DEFAULT '{}',
  ADD COLUMN minhash           text,
  -- The cluster of copies of one wire story; an article alone is its own cluster.
  ADD COLUMN cluster_id        text,
  ADD COLUMN enriched_at       timestamptz;

CREATE INDEX articles_countries_idx ON articles USING gin (countries);
CREATE INDEX articles_actors_idx ON articles USING gin (actors);
CREATE INDEX articles_event_types_idx ON articles USING gin (event_types);
CREATE INDEX articles_agencies_idx ON articles USING gin (agencies);
CREATE INDEX articles_cluster_idx ON articles (cluster_id);
CREATE INDEX articles_relevant_sort_idx ON articles (sort_at DESC, id DESC) WHERE relevant;
CREATE INDEX articles_relevance_idx ON articles (relevance_score DESC, id DESC);

-- LSH band keys: two articles sharing a key are candidates for near-duplicate comparison.
CREATE TABLE article_bands (
  band       text NOT NULL,
  article_id text NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  PRIMARY KEY (band, article_id)
);
CREATE INDEX article_bands_article_idx ON article_bands (article_id);
