import type { ArticleAddedMessage, ArticleJob, ArticleJobResult, ExtractedArticle } from '@famwatch/shared';
import { canonicalizeUrl, normalizeDate, siteKey } from '@famwatch/shared';
import { type Db, ensureSourceForUrl } from '@famwatch/store';
import { analyzePage } from '../cpu/analyze-page.js';
import type { CpuPool } from '../cpu/cpu-pool.js';
import { InvalidUrlError, ParseEmptyError, StoreError } from '../errors.js';
import type { HttpFetcher } from '../fetch/http-fetcher.js';
import type { Politeness } from '../politeness/politeness.js';
import { storeEnrichedArticle } from './enrich-article.js';

export interface IngestDeps {
  db: Db;
  fetcher: HttpFetcher;
  /** Robots and per-host intervals; absent in one-off CLI use. */
  politeness?: Politeness;
  /** The source's per-host interval override, when the job has a source. */
  minIntervalMs?: (sourceId: string) => Promise<number | null | undefined>;
  /** Announces a newly stored article (Redis pub/sub in production). */
  publish?: (message: ArticleAddedMessage) => Promise<void>;
  /** Notes that stored articles changed (new or updated). */
  changed?: () => void;
  now?: () => number;
  /** Threads for the CPU-heavy analysis; absent: analysed on this thread. */
  cpu?: CpuPool;
}

/** Fewer words than this is a stub, a paywall teaser or an error page, not an article. */
const MIN_WORDS = 25;
/** An article job sleeps for the host's next slot up to this long; longer waits delay the job. */
const INLINE_WAIT_MS = 1_000;

/**
 * One article URL through the whole path: fetch → decode → extract → normalize → store →
 * announce. Throws the coded errors of ../errors.ts; the job processor decides on retries.
 */
export async function ingestArticle(
  deps: IngestDeps,
  job: ArticleJob,
  signal?: AbortSignal,
): Promise<ArticleJobResult> {
  const now = deps.now?.() ?? Date.now();
  const requested = canonicalizeUrl(job.url);
  if (requested === null) throw new InvalidUrlError(job.url);
  if (deps.politeness) {
    const interval = job.sourceId && deps.minIntervalMs ? await deps.minIntervalMs(job.sourceId) : null;
    await deps.politeness.beforeFetch(job.url, interval, INLINE_WAIT_MS);
  }
  const t0 = performance.now();
  const fetched = await deps.fetcher.fetch({ url: job.url, expect: 'html', ...(signal ? { signal } : {}) });
  const t1 = performance.now();
  const input = {
    bytes: fetched.bytes,
    charset: fetched.charset,
    url: fetched.finalUrl,
    now,
    fallbackTitle: job.hint?.title ?? null,
  };
  const { extracted, computed } = deps.cpu ? await deps.cpu.analyze(input) : analyzePage(input);
  const t2 = performance.now();
  const article = applyHints({ ...extracted, url: requested }, job, now);
  if (article.wordCount < MIN_WORDS || article.title === '') throw new ParseEmptyError(job.url);

  let stored: { id: string; created: boolean };
  try {
    const sourceId = job.sourceId ?? (await ensureSourceForUrl(deps.db, fetched.finalUrl, siteKey));
    // One transaction: an article is never visible without its enrichment and cluster.
    stored = await deps.db.transaction((tx) =>
      storeEnrichedArticle(tx, { article, sourceId, fetchedAt: new Date(now).toISOString() }, computed),
    );
    deps.changed?.();
    if (stored.created) await deps.publish?.({ articleId: stored.id, sourceId });
  } catch (error) {
    throw new StoreError(error instanceof Error ? error.message : String(error), error);
  }
  const t3 = performance.now();
  return {
    articleId: stored.id,
    canonicalUrl: article.canonicalUrl,
    created: stored.created,
    timings: { fetchMs: Math.round(t1 - t0), analyzeMs: Math.round(t2 - t1), storeMs: Math.round(t3 - t2) },
  };
}

/** Fills what the page lacks from what the feed said about the item. */
function applyHints(article: ExtractedArticle, job: ArticleJob, now: number): ExtractedArticle {
  const hintDate = job.hint?.publishedAt ? normalizeDate(job.hint.publishedAt, now) : null;
  return {
    ...article,
    publishedAt: article.publishedAt ?? hintDate,
  };
}
