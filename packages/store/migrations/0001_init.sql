-- Sources, articles and the full-text index: the walking skeleton's schema.

-- Text search configurations that fold accents before stemming, so that "securite" finds
-- "sécurité" (readers and headlines drop accents: lefaso.net titles have none).
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH CONFIGURATION famwatch_fr (COPY = french);
ALTER TEXT SEARCH CONFIGURATION famwatch_fr ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
CREATE TEXT SEARCH CONFIGURATION famwatch_en (COPY = english);
ALTER TEXT SEARCH CONFIGURATION famwatch_en ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;

CREATE TABLE sources (
  id              text PRIMARY KEY,
  name            text NOT NULL,
  homepage        text NOT NULL,
  language        text NOT NULL,
  country         text,
  affiliation     text,
  schedule        jsonb NOT NULL DEFAULT '{"every": 900}',
  enabled         boolean NOT NULL DEFAULT true,
  min_interval_ms integer,
  feeds           jsonb NOT NULL DEFAULT '[]',
  -- 'file' rows follow SOURCES_FILE at each start; 'api' rows were added by an admin and
  -- are never overwritten by the file.
  origin          text NOT NULL DEFAULT 'file' CHECK (origin IN ('file', 'api')),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE articles (
  id               text PRIMARY KEY,
  source_id        text NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  url              text NOT NULL,
  canonical_url    text NOT NULL UNIQUE,
  title            text NOT NULL,
  body             text NOT NULL,
  body_html        text NOT NULL DEFAULT '',
  summary          text,
  byline           text,
  agencies         text[] NOT NULL DEFAULT '{}',
  language         text,
  -- timestamptz keeps the instant; the *_offset columns keep the UTC offset the page
  -- stated (minutes), so the API can give the time back as the outlet printed it.
  published_at     timestamptz,
  published_offset smallint,
  modified_at      timestamptz,
  modified_offset  smallint,
  image_url        text,
  word_count       integer NOT NULL DEFAULT 0,
  fetched_at       timestamptz NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  -- Articles without a publication date sort by when we fetched them.
  sort_at          timestamptz GENERATED ALWAYS AS (coalesce(published_at, fetched_at)) STORED,
  -- Full-text vector in the article's own language: French stemming for French articles,
  -- English for everything else. The title weighs more than the body.
  search           tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector(CASE WHEN language = 'fr' THEN 'famwatch_fr'::regconfig ELSE 'famwatch_en'::regconfig END, title), 'A') ||
    setweight(to_tsvector(CASE WHEN language = 'fr' THEN 'famwatch_fr'::regconfig ELSE 'famwatch_en'::regconfig END, body), 'B')
  ) STORED
);

CREATE INDEX articles_sort_idx ON articles (sort_at DESC, id DESC);
CREATE INDEX articles_source_sort_idx ON articles (source_id, sort_at DESC, id DESC);
CREATE INDEX articles_search_idx ON articles USING gin (search);
CREATE INDEX articles_url_idx ON articles (url);
