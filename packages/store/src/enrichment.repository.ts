import { articleUpsertStatement, type UpsertArticleInput, type UpsertResult } from './articles.repository.js';
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

export interface ClusterCandidate {
  id: string;
  signature: string;
  publishedAt: string | null;
  clusterId: string | null;
}

/**
 * Locks an article's LSH band keys for the rest of the transaction and returns the stored
 * articles sharing at least one of them (the article itself excluded), in one round trip.
 * The locks are taken in a fixed order, so two writers cannot deadlock on each other's keys;
 * the copy that waited for a lock then sees the copy that held it (migration 0005 explains
 * why this takes a database function).
 */
export async function lockClusterCandidates(
  q: Queryable,
  articleId: string,
  bands: readonly string[],
): Promise<ClusterCandidate[]> {
  if (bands.length === 0) return [];
  const rows = await q.query<{ id: string; minhash: string; published_at: Date | null; cluster_id: string | null }>(
    'SELECT id, minhash, published_at, cluster_id FROM famwatch_lock_cluster_candidates($1::text[], $2)',
    [bands, articleId],
    { name: 'lock_cluster_candidates' },
  );
  return rows.map((row) => ({
    id: row.id,
    signature: row.minhash,
    publishedAt: toIso(row.published_at),
    clusterId: row.cluster_id,
  }));
}

/** Where an enriched article goes in its syndication cluster. */
export interface ClusterPlacement {
  /** The article's LSH band keys (replacing any it had). */
  bands: readonly string[];
  /** Clusters the article bridges: their articles move to the article's cluster. */
  merge: readonly string[];
  /** Articles without a cluster yet that join the article's cluster. */
  join: readonly string[];
}

/**
 * Writes an enriched article (`input.enrichment` set), its band keys and its cluster changes
 * in one statement: one round trip instead of four on the crawler's hottest path.
 */
export async function writeEnrichedArticle(
  q: Queryable,
  input: UpsertArticleInput & { enrichment: NonNullable<UpsertArticleInput['enrichment']> },
  placement: ClusterPlacement,
): Promise<UpsertResult> {
  const { sql, params } = articleUpsertStatement(input);
  const n = params.length;
  const regroups = placement.merge.length > 0 || placement.join.length > 0;
  // Each CTE sees the snapshot from before the statement, so none may touch the article's
  // own row again (updating one row twice in a statement is an error): `id <> $1` below.
  const clusterChanges = regroups
    ? `,
       merged AS (UPDATE articles SET cluster_id = $${n + 4} WHERE cluster_id = ANY($${n + 2}::text[]) AND id <> $1),
       joined AS (UPDATE articles SET cluster_id = $${n + 4} WHERE id = ANY($${n + 3}::text[]) AND id <> $1)`
    : '';
  const rows = await q.query<{ id: string; created: boolean }>(
    `WITH up AS (${sql}),
       stale AS (DELETE FROM article_bands WHERE article_id = $1 AND NOT (band = ANY($${n + 1}::text[]))),
       bands AS (INSERT INTO article_bands (band, article_id) SELECT unnest($${n + 1}::text[]), $1 ON CONFLICT DO NOTHING)${clusterChanges}
     SELECT id, created FROM up`,
    regroups
      ? [...params, placement.bands, placement.merge, placement.join, input.enrichment.clusterId]
      : [...params, placement.bands],
    // Only the common shape is a named statement: a generic plan of the cluster updates, made
    // while the table is small, would scan every article on every call.
    regroups ? {} : { name: 'write_enriched_article' },
  );
  const row = rows[0]!;
  return { id: row.id, created: row.created };
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
