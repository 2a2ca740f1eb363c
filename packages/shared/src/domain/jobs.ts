import { z } from 'zod';
import type { JsonCompatible } from './json.js';
import { FEED_KINDS } from './source.js';

/** Queue names. The prefix (QUEUE_PREFIX) separates deployments and test runs. */
export const QUEUES = {
  /** Polls one feed of one source and enqueues its new items. */
  discover: 'discover',
  /** Fetches, extracts, normalizes and stores one article URL. */
  article: 'article',
} as const;

export const discoverJobSchema = z.object({
  sourceId: z.string().min(1),
  feedUrl: z.string().url(),
  kind: z.enum(FEED_KINDS),
  selector: z.string().optional(),
  /** Poll even if adaptive back-off says the feed is not due (runSource, polls at start). */
  force: z.boolean().optional(),
  /** Times the job was delayed by Retry-After; bounded so a server cannot park it forever. */
  delays: z.number().int().nonnegative().optional(),
});
export type DiscoverJob = JsonCompatible<z.infer<typeof discoverJobSchema>>;

export const articleJobSchema = z.object({
  url: z.string().url(),
  /** Source the URL belongs to; `null` for URLs submitted by hand that match no source. */
  sourceId: z.string().min(1).nullable(),
  /** Hints from the feed item, used when the page lacks them. */
  hint: z
    .object({
      title: z.string().nullable().optional(),
      publishedAt: z.string().nullable().optional(),
    })
    .optional(),
  /** Times the job was delayed by Retry-After; bounded so a server cannot park it forever. */
  delays: z.number().int().nonnegative().optional(),
  /** The URL failed before (queued again by retryFailures or a later poll): clear its failure on success. */
  retry: z.boolean().optional(),
});
export type ArticleJob = JsonCompatible<z.infer<typeof articleJobSchema>>;

/** What a discover job returns. */
export interface DiscoverJobResult {
  /** `skipped`: not due (adaptive back-off) or polled elsewhere; `unchanged`: 304 or same body; `polled`: parsed. */
  outcome: 'skipped' | 'unchanged' | 'polled';
  items: number;
  enqueued: number;
}

/** What an article job returns when it completes. */
export interface ArticleJobResult {
  articleId: string;
  canonicalUrl: string;
  /** true when the article was new, false when an existing row was updated. */
  created: boolean;
  /** Where the time went, in milliseconds (logged; kept with the completed job). */
  timings?: { fetchMs: number; analyzeMs: number; storeMs: number };
}

/** Redis channel on which workers announce each newly stored article (ArticleAddedMessage). */
export function articleAddedChannel(prefix: string): string {
  return `${prefix}:article-added`;
}

/** Redis channel announcing that stored articles changed in any way (API caches empty themselves). */
export function articlesChangedChannel(prefix: string): string {
  return `${prefix}:articles-changed`;
}

/** Published on Redis (channel `${prefix}:article-added`) when the worker stores a new article. */
export interface ArticleAddedMessage {
  articleId: string;
  sourceId: string | null;
}
