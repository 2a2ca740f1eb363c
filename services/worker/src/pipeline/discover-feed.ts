import type { ArticleJob, DiscoverJob } from '@famwatch/shared';
import { articleJobIdFor, canonicalizeUrl } from '@famwatch/shared';
import { type Db, existingArticleUrls } from '@famwatch/store';
import { parseFeedItems } from '../discovery/parse-feed.js';
import { decodeBody } from '../fetch/decode.js';
import type { HttpFetcher } from '../fetch/http-fetcher.js';

export interface DiscoverDeps {
  db: Db;
  fetcher: HttpFetcher;
  /** Enqueues article jobs; ids are derived from canonical URLs, so a URL is queued once. */
  enqueue: (jobs: Array<{ jobId: string; data: ArticleJob }>) => Promise<void>;
}

export interface DiscoverResult {
  items: number;
  enqueued: number;
}

/**
 * Polls one feed: fetch → parse → canonicalize → drop URLs already stored → enqueue the rest.
 */
export async function discoverFeed(
  deps: DiscoverDeps,
  job: DiscoverJob,
  signal?: AbortSignal,
): Promise<DiscoverResult> {
  const fetched = await deps.fetcher.fetch({
    url: job.feedUrl,
    expect: 'feed',
    ...(signal ? { signal } : {}),
  });
  const text = decodeBody(fetched.bytes, fetched.charset);
  const { items } = parseFeedItems(text, fetched.finalUrl);
  const byCanonical = new Map<string, (typeof items)[number]>();
  for (const item of items) {
    const canonical = canonicalizeUrl(item.url);
    if (canonical && !byCanonical.has(canonical)) byCanonical.set(canonical, item);
  }
  const seen = await existingArticleUrls(deps.db, [...byCanonical.keys()]);
  const jobs = [...byCanonical]
    .filter(([canonical]) => !seen.has(canonical))
    .map(([canonical, item]) => ({
      jobId: articleJobIdFor(canonical),
      data: {
        url: item.url,
        sourceId: job.sourceId,
        hint: { title: item.title, publishedAt: item.published },
      },
    }));
  if (jobs.length > 0) await deps.enqueue(jobs);
  return { items: items.length, enqueued: jobs.length };
}
