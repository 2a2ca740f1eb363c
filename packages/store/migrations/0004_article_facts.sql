-- A narrow copy of each article's filterable facts. Dashboards count, group and facet over
-- thousands of articles per request; reading these ~150-byte rows instead of the wide
-- article rows (bodies, tags as JSON) makes those scans several times cheaper. Triggers keep
-- it in step with `articles`, whoever writes there.

CREATE TABLE article_facts (
  id              text PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
  sort_at         timestamptz NOT NULL,
  source_id       text NOT NULL,
  language        text,
  relevant        boolean NOT NULL,
  relevance_score real NOT NULL,
  countries       text[] NOT NULL,
  actors          text[] NOT NULL,
  event_types     text[] NOT NULL,
  agencies        text[] NOT NULL
);

CREATE FUNCTION article_facts_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO article_facts (id, sort_at, source_id, language, relevant, relevance_score, countries, actors, event_types, agencies)
  VALUES (NEW.id, NEW.sort_at, NEW.source_id, NEW.language, NEW.relevant, NEW.relevance_score, NEW.countries, NEW.actors,
          NEW.event_types, NEW.agencies)
  ON CONFLICT (id) DO UPDATE SET sort_at = EXCLUDED.sort_at, source_id = EXCLUDED.source_id, language = EXCLUDED.language,
    relevant = EXCLUDED.relevant, relevance_score = EXCLUDED.relevance_score, countries = EXCLUDED.countries,
    actors = EXCLUDED.actors, event_types = EXCLUDED.event_types, agencies = EXCLUDED.agencies;
  RETURN NULL;
END;
$$;

CREATE TRIGGER article_facts_sync AFTER INSERT OR UPDATE OF published_at, fetched_at, source_id, language, relevant,
  relevance_score, countries, actors, event_types, agencies ON articles
  FOR EACH ROW EXECUTE FUNCTION article_facts_sync();

INSERT INTO article_facts (id, sort_at, source_id, language, relevant, relevance_score, countries, actors, event_types, agencies)
SELECT id, sort_at, source_id, language, relevant, relevance_score, countries, actors, event_types, agencies FROM articles;

CREATE INDEX article_facts_sort_idx ON article_facts (sort_at DESC, id DESC);
CREATE INDEX article_facts_relevant_sort_idx ON article_facts (sort_at DESC, id DESC) WHERE relevant;
CREATE INDEX article_facts_relevance_idx ON article_facts (relevance_score DESC, id DESC);
CREATE INDEX article_facts_source_idx ON article_facts (source_id, sort_at DESC);
CREATE INDEX article_facts_countries_idx ON article_facts USING gin (countries);
CREATE INDEX article_facts_actors_idx ON article_facts USING gin (actors);
CREATE INDEX article_facts_event_types_idx ON article_facts USING gin (event_types);
CREATE INDEX article_facts_agencies_idx ON article_facts USING gin (agencies);

-- The wide table no longer serves these filters.
DROP INDEX articles_countries_idx;
DROP INDEX articles_actors_idx;
DROP INDEX articles_event_types_idx;
DROP INDEX articles_agencies_idx;
DROP INDEX articles_relevant_sort_idx;
DROP INDEX articles_relevance_idx;
