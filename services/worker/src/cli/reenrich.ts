// `npm run reenrich`: re-applies enrichment (relevance, countries, actors, events) and the
// near-duplicate clustering to every stored article, after the data files changed. Fetches
// nothing; needs only the database (not Redis). Progress goes to stderr.
import { clusterArticles, decodeSignature } from '@famwatch/enrich';
import { articlesChangedChannel, CodedError } from '@famwatch/shared';
import {
  assertRedisReachable,
  createRedis,
  getArticlesByIds,
  openDatabase,
  saveEnrichment,
  setClusters,
} from '@famwatch/store';
import { loadWorkerConfig } from '../config.js';
import { computeEnrichment, LSH_OPTIONS } from '../pipeline/enrich-article.js';

const BATCH = 500;

try {
  const config = loadWorkerConfig(process.env);
  const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  const total = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM articles'))[0]!.n;
  console.error(`reenrich: ${total} articles in the ${db.kind} database`);
  const started = performance.now();
  let done = 0;
  let relevant = 0;
  let after = '';
  for (;;) {
    const ids = (
      await db.query<{ id: string }>('SELECT id FROM articles WHERE id > $1 ORDER BY id LIMIT $2', [after, BATCH])
    ).map((row) => row.id);
    if (ids.length === 0) break;
    const articles = await getArticlesByIds(db, ids);
    await db.transaction(async (tx) => {
      for (const article of articles) {
        const computed = computeEnrichment(article);
        if (computed.enrichment.relevance.relevant) relevant += 1;
        await saveEnrichment(tx, article.id, computed.enrichment, computed.signature, computed.bands);
      }
    });
    done += ids.length;
    after = ids[ids.length - 1]!;
    const rate = done / ((performance.now() - started) / 1000);
    console.error(`reenrich: ${done}/${total} enriched (${rate.toFixed(0)}/s)`);
  }
  // Clusters are recomputed over the whole collection at once: a change of signatures can
  // split or join clusters anywhere.
  const rows = await db.query<{ id: string; minhash: string | null; published_at: Date | null }>(
    'SELECT id, minhash, published_at FROM articles',
  );
  const members = rows
    .filter((row) => row.minhash !== null)
    .map((row) => ({
      id: row.id,
      signature: decodeSignature(row.minhash!),
      publishedAt: row.published_at?.toISOString() ?? null,
    }));
  const clusters = clusterArticles(members, LSH_OPTIONS);
  const assignments = rows.map((row) => ({ id: row.id, clusterId: clusters.get(row.id)?.clusterId ?? row.id }));
  for (let i = 0; i < assignments.length; i += BATCH) await setClusters(db, assignments.slice(i, i + BATCH));
  const multi = new Set([...clusters.values()].filter((c) => c.size > 1).map((c) => c.clusterId)).size;
  console.error(
    `reenrich: done in ${((performance.now() - started) / 1000).toFixed(1)} s — ${relevant} relevant, ${multi} clusters with copies`,
  );
  await db.close();
  // Running APIs cache aggregates: tell them the data changed (they expire on their own otherwise).
  try {
    await assertRedisReachable(config.REDIS_URL, 1000);
    const redis = createRedis(config.REDIS_URL, { maxRetriesPerRequest: 1 });
    await redis.publish(articlesChangedChannel(config.QUEUE_PREFIX), '{}');
    redis.disconnect();
  } catch {
    console.error('reenrich: Redis not reachable; running APIs will pick the changes up when their caches expire');
  }
} catch (error) {
  console.error(`reenrich failed: ${error instanceof CodedError ? `[${error.code}] ` : ''}${(error as Error).message}`);
  process.exit(1);
}
