import type { ArticleAddedMessage, ArticleJob, ArticleJobResult, ExtractedArticle } from '@famwatch/shared';
import { canonicalizeUrl, normalizeDate, siteKey } from '@famwatch/shared';
import { type Db, ensureSourceForUrl, upsertArticle } from '@famwatch/store';
import { InvalidUrlError, ParseEmptyError, StoreError } from '../errors.js';
import { extractArticle } from '../extract/index.js';
import { decodeBody } from '../fetch/decode.js';
import type { HttpFetcher } from '../fetch/http-fetcher.js';
import type { Politeness } from '../politeness/politeness.js';
import { computeEnrichment, storeEnrichment } from './enrich-article.js';

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
  const fetched = await deps.fetcher.fetch({ url: job.url, expect: 'html', ...(signal ? { signal } : {}) });
  const html = decodeBody(fetched.bytes, fetched.charset);
  const extracted = extractArticle(html, fetched.finalUrl, { now });
  const article = applyHints({ ...extracted, url: requested }, job, now);
  if (article.wordCount < MIN_WORDS || article.title === '') throw new ParseEmptyError(job.url);

  const computed = computeEnrichment(article);
  let stored: { id: string; created: boolean };
  try {
    const sourceId = job.sourceId ?? (await ensureSourceForUrl(deps.db, fetched.finalUrl, siteKey));
    // One transaction: an article is never visible without its enrichment and cluster.
    stored = await deps.db.transaction(async (tx) => {
      const row = await upsertArticle(tx, { article, sourceId, fetchedAt: new Date(now).toISOString() });
      await storeEnrichment(tx, { id: row.id, publishedAt: article.publishedAt }, computed);
      return row;
    });
    deps.changed?.();
    if (stored.created) await deps.publish?.({ articleId: stored.id, sourceId });
  } catch (error) {
    throw new StoreError(error instanceof Error ? error.message : String(error), error);
  }
  return { articleId: stored.id, canonicalUrl: article.canonicalUrl, created: stored.created };
}

/** Fills what the page lacks from what the feed said about the item. */
function applyHints(article: ExtractedArticle, job: ArticleJob, now: number): ExtractedArticle {
  const hintTitle = job.hint?.title?.trim();
  const hintDate = job.hint?.publishedAt ? normalizeDate(job.hint.publishedAt, now) : null;
  return {
    ...article,
    title: article.title || hintTitle || '',
    publishedAt: article.publishedAt ?? hintDate,
  };
}
