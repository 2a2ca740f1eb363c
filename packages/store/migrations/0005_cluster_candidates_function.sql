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
  -- The ids first, then primary-key lookups: a plain IN (subquery) lets the planner hash-join
  -- against a scan of every article when a popular story's bands hold many copies. EXECUTE
  -- plans the query for each call: PL/pgSQL would otherwise keep a generic plan made while
  -- the table was small, a sequential scan that it never revisits as the table grows.
  RETURN QUERY EXECUTE
    'SELECT a.id, a.minhash, a.published_at, a.cluster_id FROM articles a
     WHERE a.id = ANY (ARRAY(SELECT DISTINCT ab.article_id FROM article_bands ab
                             WHERE ab.band = ANY($1) AND ab.article_id <> $2 LIMIT 200))
       AND a.minhash IS NOT NULL'
    USING bands, self_id;
END;
$$;
