-- Storing an article locks its LSH band keys, then reads the articles already sharing them.
-- Both must be separate statements: a statement's snapshot is taken when it starts, so a
-- statement that waited for a lock inside itself would still miss the copy that held it. In a
-- VOLATILE PL/pgSQL function each statement takes a new snapshot, which lets the crawler do
-- both in one round trip instead of two.
CREATE FUNCTION famwatch_lock_cluster_candidates(bands text[], self_id text)
RETURNS TABLE (id text, minhash text, published_at timestamptz, cluster_id text)
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  -- A fixed lock order: two writers never wait for each other's keys in a cycle.
  PERFORM pg_advisory_xact_lock(x.k)
    FROM (SELECT DISTINCT hashtextextended(b, 0) AS k FROM unnest(bands) b ORDER BY 1) x;
  RETURN QUERY
    SELECT a.id, a.minhash, a.published_at, a.cluster_id FROM articles a
    WHERE a.id IN (SELECT DISTINCT ab.article_id FROM article_bands ab
                   WHERE ab.band = ANY(bands) AND ab.article_id <> self_id)
      AND a.minhash IS NOT NULL
    LIMIT 200;
END;
$$;
