import { createHash } from 'node:crypto';
import type { ArticleJob, DiscoverJob, DiscoverJobResult, Schedule } from '@famwatch/shared';
import { articleJobIdFor, canonicalizeUrl, ERROR_CODES, type ErrorCode } from '@famwatch/shared';
import {
  type Db,
  existingArticleUrls,
  type FeedState,
  failedUrls,
  getFeedState,
  nextPollDelayMs,
  saveFeedState,
  scheduleIntervalMs,
} from '@famwatch/store';
import { feedLinksOf, looksLikeHtml, sitemapsInRobots } from '../discovery/autodiscover.js';
import { type FeedItem, parseFeedItems } from '../discovery/parse-feed.js';
import { parseListing } from '../discovery/parse-listing.js';
import { parseSitemap, type SitemapEntry } from '../discovery/parse-sitemap.js';
import { FeedParseError } from '../errors.js';
import { decodeBody } from '../fetch/decode.js';
import type { FetchedResource, HttpFetcher } from '../fetch/http-fetcher.js';
import type { Politeness } from '../politeness/politeness.js';

export interface DiscoverDeps {
  db: Db;
  fetcher: HttpFetcher;
  politeness: Politeness;
  /** Enqueues article jobs; ids come from canonical URLs, so a URL is queued once. */
  enqueue: (jobs: Array<{ jobId: string; data: ArticleJob }>) => Promise<void>;
  now?: () => number;
}

export interface DiscoverContext {
  schedule: Schedule;
  /** The source's per-host interval override. */
  minIntervalMs?: number | null | undefined;
}

export type DiscoverResult = DiscoverJobResult;

/** Limits on sitemap recursion: how deep, how many child sitemaps, how many URLs per poll. */
export const SITEMAP_LIMITS = { depth: 2, children: 20, urls: 1000, maxAgeDays: 7 };
/** A discover job sleeps for the host's next slot up to this long; longer waits delay the job. */
const INLINE_WAIT_MS = 5_000;

const PERMANENT_CODES = (Object.keys(ERROR_CODES) as ErrorCode[]).filter((code) => !ERROR_CODES[code].transient);

/**
 * Polls one feed of a source: feed (RSS/Atom/JSON, or a home page whose alternate feeds are
 * found), sitemap (index recursion, news sitemaps, lastmod) or listing page. Sends conditional
 * requests, skips unchanged bodies, backs off feeds that rarely change, and queues only URLs
 * that are neither stored nor failed.
 */
export async function discoverSource(
  deps: DiscoverDeps,
  job: DiscoverJob,
  context: DiscoverContext,
  signal?: AbortSignal,
): Promise<DiscoverResult> {
  const now = deps.now?.() ?? Date.now();
  const state = await getFeedState(deps.db, job.sourceId, job.feedUrl);
  const baseMs = scheduleIntervalMs(context.schedule, now);
  // The scheduler fires at the schedule; adaptive back-off skips polls that are not due yet.
  // A tenth of the interval of slack absorbs scheduler jitter.
  if (!job.force && state?.nextPollAt && Date.parse(state.nextPollAt) - baseMs / 10 > now) {
    return { outcome: 'skipped', items: 0, enqueued: 0 };
  }

  const fetchPolitely = async (url: string, expect: 'feed' | 'html', conditional?: FeedState | null) => {
    await deps.politeness.beforeFetch(url, context.minIntervalMs, INLINE_WAIT_MS);
    return deps.fetcher.fetch({
      url,
      expect,
      ...(conditional?.etag ? { etag: conditional.etag } : {}),
      ...(conditional?.lastModified ? { lastModified: conditional.lastModified } : {}),
      ...(signal ? { signal } : {}),
    });
  };

  const fetched = await fetchPolitely(job.feedUrl, job.kind === 'listing' ? 'html' : 'feed', state);
  const bodyHash = fetched.notModified
    ? (state?.bodyHash ?? null)
    : createHash('sha256').update(fetched.bytes).digest('hex');
  const unchanged = fetched.notModified || (state?.bodyHash != null && state.bodyHash === bodyHash);

  let items: FeedItem[] = [];
  if (!unchanged) {
    const text = decodeBody(fetched.bytes, fetched.charset);
    if (job.kind === 'sitemap') items = await sitemapItems(text, fetched.finalUrl, fetchPolitely, now);
    else if (job.kind === 'feed' && new URL(fetched.finalUrl).pathname === '/robots.txt') {
      items = await sitemapItems(robotsAsIndex(text, fetched.finalUrl), fetched.finalUrl, fetchPolitely, now);
    } else if (job.kind === 'listing') {
      if (!job.selector) throw new FeedParseError(job.feedUrl, 'a listing feed needs a CSS selector');
      items = parseListing(text, fetched.finalUrl, job.selector).map((url) => ({ url, title: null, published: null }));
    } else items = await feedItems(text, fetched, fetchPolitely);
  }

  const enqueued = await enqueueUnseen(deps, job.sourceId, items);
  const unchangedPolls = enqueued > 0 ? 0 : (state?.unchangedPolls ?? 0) + 1;
  const iso = (ms: number) => new Date(ms).toISOString();
  await saveFeedState(deps.db, job.sourceId, job.feedUrl, {
    etag: fetched.notModified ? (state?.etag ?? null) : fetched.etag,
    lastModified: fetched.notModified ? (state?.lastModified ?? null) : fetched.lastModified,
    bodyHash,
    lastPolledAt: iso(now),
    lastChangedAt: enqueued > 0 ? iso(now) : (state?.lastChangedAt ?? null),
    unchangedPolls,
    nextPollAt: iso(now + nextPollDelayMs(baseMs, unchangedPolls)),
  });
  return { outcome: unchanged ? 'unchanged' : 'polled', items: items.length, enqueued };
}

type PoliteFetch = (url: string, expect: 'feed' | 'html') => Promise<FetchedResource>;

/** Items of a feed; a home page in place of a feed is searched for its alternate feeds. */
async function feedItems(text: string, fetched: FetchedResource, fetchPolitely: PoliteFetch): Promise<FeedItem[]> {
  try {
    return parseFeedItems(text, fetched.finalUrl).items;
  } catch (error) {
    if (!(error instanceof FeedParseError) || !looksLikeHtml(text)) throw error;
    const alternates = feedLinksOf(text, fetched.finalUrl).slice(0, 3);
    if (alternates.length === 0) {
      // No feed announced: the site's sitemaps, as robots.txt lists them, are the next best.
      const robotsUrl = new URL('/robots.txt', fetched.finalUrl).toString();
      const robots = await fetchPolitely(robotsUrl, 'feed').catch(() => null);
      const index = robots ? robotsAsIndex(decodeBody(robots.bytes, robots.charset), robotsUrl) : null;
      if (!index?.includes('<sitemap>')) {
        throw new FeedParseError(
          fetched.finalUrl,
          'an HTML page that announces no feed, on a site whose robots.txt lists no sitemap',
        );
      }
      return sitemapItems(index, robotsUrl, fetchPolitely, Date.now());
    }
    const items: FeedItem[] = [];
    for (const url of alternates) {
      const feed = await fetchPolitely(url, 'feed');
      items.push(...parseFeedItems(decodeBody(feed.bytes, feed.charset), feed.finalUrl).items);
    }
    return items;
  }
}

/**
 * Items of a sitemap: an index is followed (newest child sitemaps first, within
 * SITEMAP_LIMITS); entries whose lastmod or news date is older than maxAgeDays are left out,
 * and the newest come first.
 */
async function sitemapItems(text: string, url: string, fetchPolitely: PoliteFetch, now: number): Promise<FeedItem[]> {
  const entries: SitemapEntry[] = [];
  const visited = new Set<string>([url]);
  let children = 0;
  const visit = async (body: string, at: string, depth: number): Promise<void> => {
    const parsed = parseSitemap(body, at);
    if (parsed.kind === 'urlset') {
      entries.push(...parsed.entries);
      return;
    }
    if (depth >= SITEMAP_LIMITS.depth) return;
    const ordered = [...parsed.sitemaps].sort((a, b) => Date.parse(b.lastmod ?? '') - Date.parse(a.lastmod ?? '') || 0);
    for (const child of ordered) {
      if (children >= SITEMAP_LIMITS.children || entries.length >= SITEMAP_LIMITS.urls) return;
      if (visited.has(child.url)) continue;
      if (child.lastmod && now - Date.parse(child.lastmod) > SITEMAP_LIMITS.maxAgeDays * 86_400_000) continue;
      visited.add(child.url);
      children += 1;
      const fetched = await fetchPolitely(child.url, 'feed');
      await visit(decodeBody(fetched.bytes, fetched.charset), fetched.finalUrl, depth + 1);
    }
  };
  await visit(text, url, 0);
  const cutoff = now - SITEMAP_LIMITS.maxAgeDays * 86_400_000;
  return entries
    .map((entry) => ({ entry, at: Date.parse(entry.published ?? entry.lastmod ?? '') }))
    .filter(({ at }) => Number.isNaN(at) || at >= cutoff)
    .sort((a, b) => (Number.isNaN(b.at) ? 0 : b.at) - (Number.isNaN(a.at) ? 0 : a.at))
    .slice(0, SITEMAP_LIMITS.urls)
    .map(({ entry }) => ({ url: entry.url, title: entry.title, published: entry.published ?? entry.lastmod }));
}

/** The sitemaps a robots.txt lists, written as a sitemap index so that one path reads both. */
function robotsAsIndex(robotsText: string, robotsUrl: string): string {
  const entries = sitemapsInRobots(robotsText, robotsUrl).map(
    (url) => `<sitemap><loc>${escapeXml(url)}</loc></sitemap>`,
  );
  return `<sitemapindex>${entries.join('')}</sitemapindex>`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

/** Queues the items whose canonical URL is neither stored nor recently failed. */
async function enqueueUnseen(deps: DiscoverDeps, sourceId: string, items: FeedItem[]): Promise<number> {
  const byCanonical = new Map<string, FeedItem>();
  for (const item of items) {
    const canonical = canonicalizeUrl(item.url);
    if (canonical && !byCanonical.has(canonical)) byCanonical.set(canonical, item);
  }
  const urls = [...byCanonical.keys()];
  const [stored, failed] = await Promise.all([
    existingArticleUrls(deps.db, urls),
    failedUrls(deps.db, urls, PERMANENT_CODES),
  ]);
  const jobs = urls
    .filter((canonical) => !stored.has(canonical) && !failed.skip.has(canonical))
    .map((canonical) => {
      const item = byCanonical.get(canonical)!;
      return {
        jobId: articleJobIdFor(canonical),
        data: {
          url: item.url,
          sourceId,
          hint: { title: item.title, publishedAt: item.published },
          ...(failed.retry.has(canonical) ? { retry: true } : {}),
        },
      };
    });
  if (jobs.length > 0) await deps.enqueue(jobs);
  return jobs.length;
}
