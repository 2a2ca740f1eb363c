import type { Queryable } from './db.js';
import { toIso } from './time.js';

/** What the store keeps of an article's enrichment (shapes of @famwatch/enrich, as JSON). */
export interface StoredEnrichment {
  relevance: { score: number; relevant: boolean; reasons: readonly string[] };
  countries: ReadonlyArray<{ code: string; name: string; mentions: number }>;
  actors: ReadonlyArray<{ id: string; name: string; kind: string; mentions: number }>;
  events: ReadonlyArray<{ type: string; label: string; evidence: string }>;
}

/** Writes an article's enrichment, signature and band keys (replacing earlier ones). */
export async function saveEnrichment(
  q: Queryable,
  articleId: string,
  enrichment: StoredEnrichment,
  signature: string | null,
  bands: readonly string[],
): Promise<void> {
  await q.query(
    `UPDATE articles SET relevance_score = $2, relevant = $3, relevance_reasons = $4, country_tags = $5,
       actor_tags = $6, event_tags = $7, countries = $8, actors = $9, event_types = $10, minhash = $11,
       enriched_at = now()
     WHERE id = $1`,
    [
      articleId,
      enrichment.relevance.score,
      enrichment.relevance.relevant,
      JSON.stringify(enrichment.relevance.reasons),
      JSON.stringify(enrichment.countries),
      JSON.stringify(enrichment.actors),
      JSON.stringify(enrichment.events),
      enrichment.countries.map((c) => c.code),
      enrichment.actors.map((a) => a.id),
      [...new Set(enrichment.events.map((e) => e.type))],
      signature,
    ],
  );
  await saveBands(q, articleId, bands, true);
}

export interface ClusterCandidate {
  id: string;
  signature: string;
  publishedAt: string | null;
  clusterId: string | null;
}

/**
 * Takes transaction-scoped advisory locks on band keys, in a fixed order (so two writers
 * cannot deadlock on each other's keys). Released at commit or rollback.
 */
export async function lockBands(q: Queryable, bands: readonly string[]): Promise<void> {
  if (bands.length === 0) return;
  await q.query(
    `SELECT count(pg_advisory_xact_lock(k)) FROM (SELECT DISTINCT hashtextextended(b, 0) AS k FROM unnest($1::text[]) b ORDER BY 1) x`,
    [bands],
  );
}

/** Replaces an article's LSH band keys. */
export async function saveBands(
  q: Queryable,
  articleId: string,
  bands: readonly string[],
  replace: boolean,
): Promise<void> {
  if (replace) await q.query('DELETE FROM article_bands WHERE article_id = $1', [articleId]);
  if (bands.length > 0) {
    await q.query('INSERT INTO article_bands (band, article_id) SELECT unnest($1::text[]), $2 ON CONFLICT DO NOTHING', [
      bands,
      articleId,
    ]);
  }
}

/** Stored articles sharing at least one band key with `bands` (the article itself excluded). */
export async function clusterCandidates(
  q: Queryable,
  articleId: string,
  bands: readonly string[],
): Promise<ClusterCandidate[]> {
  if (bands.length === 0) return [];
  const rows = await q.query<{ id: string; minhash: string; published_at: Date | null; cluster_id: string | null }>(
    `SELECT a.id, a.minhash, a.published_at, a.cluster_id FROM articles a
     WHERE a.id IN (SELECT DISTINCT article_id FROM article_bands WHERE band = ANY($1::text[]) AND article_id <> $2)
       AND a.minhash IS NOT NULL
     LIMIT 200`,
    [bands, articleId],
  );
  return rows.map((row) => ({
    id: row.id,
    signature: row.minhash,
    publishedAt: toIso(row.published_at),
    clusterId: row.cluster_id,
  }));
}

/** Sets the cluster of several articles at once. */
export async function setClusters(
  q: Queryable,
  assignments: ReadonlyArray<{ id: string; clusterId: string }>,
): Promise<void> {
  if (assignments.length === 0) return;
  await q.query(
    `UPDATE articles a SET cluster_id = v.cluster_id
     FROM (SELECT unnest($1::text[]) AS id, unnest($2::text[]) AS cluster_id) v WHERE a.id = v.id`,
    [assignments.map((a) => a.id), assignments.map((a) => a.clusterId)],
  );
}

/** Merges clusters: every article of `from` clusters moves to `to`. */
export async function mergeClusters(q: Queryable, from: readonly string[], to: string): Promise<void> {
  const others = from.filter((id) => id !== to);
  if (others.length === 0) return;
  await q.query('UPDATE articles SET cluster_id = $2 WHERE cluster_id = ANY($1::text[])', [others, to]);
}
