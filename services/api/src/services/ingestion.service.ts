import type { ArticleJob, ArticleJobResult, DiscoverJob, Gql } from '@famwatch/shared';
import { articleIdFor, canonicalizeUrl, isPrivateHost, siteKey } from '@famwatch/shared';
import {
  failuresOfSource,
  findSourceForUrl,
  getArticle,
  getFailureByUrl,
  getFailuresByIds,
  listFailures,
  queueArticle,
} from '@famwatch/store';
import type { Job } from 'bullmq';
import type { ApiContext } from '../context.js';
import type { IngestJobModel } from '../models.js';

export async function queueCounts(ctx: ApiContext): Promise<Gql.QueueCounts[]> {
  return Promise.all(
    [ctx.queues.discover, ctx.queues.article].map(async (queue) => {
      const c = await queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'failed', 'completed');
      return {
        name: queue.name,
        waiting: (c['waiting'] ?? 0) + (c['prioritized'] ?? 0),
        active: c['active'] ?? 0,
        delayed: c['delayed'] ?? 0,
        failed: c['failed'] ?? 0,
        completed: c['completed'] ?? 0,
      };
    }),
  );
}

export async function failures(
  ctx: ApiContext,
  args: { first?: number | null; sourceId?: string | null; code?: string | null },
) {
  const first = Math.min(Math.max(args.first ?? 20, 0), 100);
  return listFailures(ctx.db, { first, sourceId: args.sourceId ?? null, code: args.code ?? null });
}

type JobState = IngestJobModel['state'];

async function stateOf(job: Job): Promise<JobState> {
  const state = await job.getState();
  switch (state) {
    case 'waiting':
    case 'prioritized':
    case 'waiting-children':
      return 'WAITING';
    case 'active':
      return 'ACTIVE';
    case 'delayed':
      return 'DELAYED';
    case 'completed':
      return 'COMPLETED';
    case 'failed':
      return 'FAILED';
    default:
      return 'UNKNOWN';
  }
}

function modelOf(job: Job<ArticleJob, ArticleJobResult>, state: JobState): IngestJobModel {
  const canonical = canonicalizeUrl(job.data.url) ?? job.data.url;
  return {
    id: String(job.id),
    url: job.data.url,
    state,
    articleId: job.returnvalue?.articleId ?? null,
    canonicalUrl: canonical,
  };
}

/** Queues an article URL (an earlier finished job of the same URL is replaced). */
export async function ingestUrl(ctx: ApiContext, url: string) {
  const canonical = url.length <= 2048 ? canonicalizeUrl(url) : null;
  if (canonical === null) {
    return {
      __typename: 'InvalidUrlError' as const,
      message: 'Not an absolute http(s) URL',
      code: 'INVALID_URL',
      url: url.slice(0, 2048),
    };
  }
  if (!ctx.config.FETCH_ALLOW_PRIVATE && isPrivateHost(new URL(canonical).hostname)) {
    return {
      __typename: 'InvalidUrlError' as const,
      message: 'The URL points at a loopback or private address',
      code: 'SSRF_BLOCKED',
      url,
    };
  }
  // The source is known now, so that a failure is recorded against it.
  const sourceId = await findSourceForUrl(ctx.db, canonical, siteKey);
  // A URL submitted again may have failed before.
  const job = await queueArticle(ctx.queues, { url, sourceId, retry: true });
  return { __typename: 'IngestJob' as const, ...modelOf(job, await stateOf(job)) };
}

/** An ingestion job by id; once BullMQ has forgotten it, the stored article still answers. */
export async function ingestJob(ctx: ApiContext, id: string): Promise<IngestJobModel | null> {
  if (!/^article-[0-9a-f]{16}$/.test(id)) return null;
  const job = (await ctx.queues.article.getJob(id)) as Job<ArticleJob, ArticleJobResult> | undefined;
  if (job) return modelOf(job, await stateOf(job));
  const article = await getArticle(ctx.db, id.slice('article-'.length));
  if (!article) return null;
  return { id, url: article.url, state: 'COMPLETED', articleId: article.id, canonicalUrl: article.canonicalUrl };
}

export async function ingestJobArticle(ctx: ApiContext, job: IngestJobModel) {
  if (job.state !== 'COMPLETED') return null;
  return ctx.loaders.article.load(job.articleId ?? articleIdFor(job.canonicalUrl));
}

export async function ingestJobFailure(ctx: ApiContext, job: IngestJobModel) {
  if (job.state !== 'FAILED') return null;
  return getFailureByUrl(ctx.db, 'article', job.canonicalUrl);
}

/** Queues failures again: by ids, or every failure of a source. */
export async function retryFailures(
  ctx: ApiContext,
  args: { ids?: readonly string[] | null; sourceId?: string | null },
) {
  const byIds = args.ids !== null && args.ids !== undefined;
  const bySource = args.sourceId !== null && args.sourceId !== undefined;
  if (byIds === bySource) {
    return {
      __typename: 'InvalidInputError' as const,
      message: 'give either `ids` or `sourceId`',
      code: 'INVALID_INPUT',
      field: 'ids',
    };
  }
  if (byIds && args.ids!.length > 1000) {
    return {
      __typename: 'InvalidInputError' as const,
      message: 'at most 1000 ids at once',
      code: 'INVALID_INPUT',
      field: 'ids',
    };
  }
  const rows = byIds ? await getFailuresByIds(ctx.db, args.ids!) : await failuresOfSource(ctx.db, args.sourceId!);
  for (const failure of rows) {
    const payload = failure.payload as Record<string, unknown>;
    if (failure.kind === 'article') {
      await queueArticle(ctx.queues, { ...(payload as unknown as ArticleJob), delays: 0, retry: true });
    } else {
      await ctx.queues.discover.add('discover', { ...(payload as unknown as DiscoverJob), force: true, delays: 0 });
    }
  }
  return { __typename: 'RetryFailuresPayload' as const, retried: rows.length };
}
