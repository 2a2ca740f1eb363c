import {
  type ArticleJob,
  type ArticleJobResult,
  articleJobIdFor,
  canonicalizeUrl,
  type DiscoverJob,
  type DiscoverJobResult,
  QUEUES,
} from '@famwatch/shared';
import { type Job, type JobsOptions, Queue } from 'bullmq';
import type { Redis } from 'ioredis';

export interface QueueOptions {
  /** Redis key prefix (QUEUE_PREFIX). */
  prefix: string;
  /** Attempts before a transiently failing job is recorded as failed. @defaultValue 5 */
  attempts: number;
  /** First retry delay in ms; exponential with jitter after that. @defaultValue 5000 */
  backoffMs: number;
  /** Connection errors while Redis restarts; without a listener BullMQ prints them to stderr. */
  onError?: (error: Error) => void;
}

export interface Queues {
  discover: Queue<DiscoverJob, DiscoverJobResult, 'discover'>;
  article: Queue<ArticleJob, ArticleJobResult, 'article'>;
  close(): Promise<void>;
}

/** The two queues with their retry policy. Completed jobs are kept a day, failed ones a week. */
export function createQueues(connection: Redis, options: QueueOptions): Queues {
  const defaultJobOptions = {
    attempts: options.attempts,
    backoff: { type: 'exponential' as const, delay: options.backoffMs, jitter: 0.5 },
    removeOnComplete: { age: 24 * 3600, count: 50_000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  };
  const discover = new Queue<DiscoverJob, DiscoverJobResult, 'discover'>(QUEUES.discover, {
    connection,
    prefix: options.prefix,
    defaultJobOptions: { ...defaultJobOptions, attempts: Math.min(options.attempts, 3) },
  });
  const article = new Queue<ArticleJob, ArticleJobResult, 'article'>(QUEUES.article, {
    connection,
    prefix: options.prefix,
    defaultJobOptions,
  });
  const onError = options.onError ?? (() => undefined);
  discover.on('error', onError);
  article.on('error', onError);
  return {
    discover,
    article,
    async close() {
      await Promise.all([discover.close(), article.close()]);
    },
  };
}

/**
 * Queues an article URL by hand (ingestUrl, retries, the ingest CLI). The job id comes from the
 * canonical URL, so a URL already waiting is not queued twice; a finished job of the same URL
 * (kept for a day) is removed first, or BullMQ would ignore the new one.
 */
export async function queueArticle(
  queues: Queues,
  data: ArticleJob,
  options: Omit<JobsOptions, 'jobId'> = {},
): Promise<Job<ArticleJob, ArticleJobResult, 'article'>> {
  const jobId = articleJobIdFor(canonicalizeUrl(data.url) ?? data.url);
  const previous = await queues.article.getJob(jobId);
  if (previous && ((await previous.isCompleted()) || (await previous.isFailed()))) await previous.remove();
  return queues.article.add('article', data, { ...options, jobId });
}
