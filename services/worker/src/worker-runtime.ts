import type { ArticleAddedMessage, ArticleJob, ArticleJobResult, DiscoverJob, Source } from '@famwatch/shared';
import { articleJobSchema, discoverJobSchema, QUEUES, ValidationError } from '@famwatch/shared';
import { createRedis, type Db, listSources } from '@famwatch/store';
import { type Job, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { WorkerConfig } from './config.js';
import { HttpFetcher } from './fetch/http-fetcher.js';
import { codeOfReason, toJobError } from './jobs/job-errors.js';
import type { Logger } from './logger.js';
import { discoverFeed } from './pipeline/discover-feed.js';
import { ingestArticle } from './pipeline/ingest-article.js';
import { createQueues, type Queues } from './queues.js';
import { syncSchedules } from './scheduler.js';

export interface WorkerRuntime {
  queues: Queues;
  fetcher: HttpFetcher;
  /** Re-reads the sources from the database and updates the schedules. */
  resync(pollNow?: boolean): Promise<number>;
  /** Stops taking jobs, waits for the active ones, closes connections. */
  close(): Promise<void>;
}

export interface StartWorkerOptions {
  config: WorkerConfig;
  db: Db;
  logger: Logger;
  /** Run the schedulers (the main job does; extra worker replicas may not need to). @defaultValue true */
  schedule?: boolean;
}

/** Channel on which new articles are announced (the API's subscriptions listen to it). */
export function articleAddedChannel(prefix: string): string {
  return `${prefix}:article-added`;
}

export function fetcherFromConfig(config: WorkerConfig): HttpFetcher {
  return new HttpFetcher({
    userAgent: config.FETCH_USER_AGENT,
    allowPrivate: config.FETCH_ALLOW_PRIVATE,
    connectTimeoutMs: config.FETCH_CONNECT_TIMEOUT_MS,
    headersTimeoutMs: config.FETCH_HEADERS_TIMEOUT_MS,
    bodyTimeoutMs: config.FETCH_BODY_TIMEOUT_MS,
    totalTimeoutMs: config.FETCH_TIMEOUT_MS,
    maxBytes: config.FETCH_MAX_BYTES,
    maxRedirects: config.FETCH_MAX_REDIRECTS,
  });
}

/** Starts the discovery and article workers (and, by default, the schedules). */
export async function startWorker(options: StartWorkerOptions): Promise<WorkerRuntime> {
  const { config, db, logger } = options;
  const connection: Redis = createRedis(config.REDIS_URL);
  const publisher: Redis = createRedis(config.REDIS_URL);
  connection.on('error', (error) => logger.warn({ err: error.message }, 'redis connection error'));
  publisher.on('error', (error) => logger.warn({ err: error.message }, 'redis publisher error'));
  const queues = createQueues(connection, {
    prefix: config.QUEUE_PREFIX,
    attempts: config.JOB_ATTEMPTS,
    backoffMs: config.JOB_BACKOFF_MS,
  });
  const fetcher = fetcherFromConfig(config);
  const channel = articleAddedChannel(config.QUEUE_PREFIX);
  const publish = async (message: ArticleAddedMessage) => {
    await publisher.publish(channel, JSON.stringify(message));
  };

  const discoverWorker = new Worker<DiscoverJob, number, 'discover'>(
    QUEUES.discover,
    async (job: Job<DiscoverJob, number, 'discover'>, _token, signal) => {
      const parsed = discoverJobSchema.safeParse(job.data);
      if (!parsed.success) throw toJobError(new ValidationError(`discover job ${job.id}: ${parsed.error.message}`));
      try {
        const result = await discoverFeed(
          {
            db,
            fetcher,
            enqueue: async (jobs) => {
              await queues.article.addBulk(
                jobs.map((j) => ({ name: 'article', data: j.data, opts: { jobId: j.jobId } })),
              );
            },
          },
          parsed.data,
          signal,
        );
        logger.info({ source: parsed.data.sourceId, feed: parsed.data.feedUrl, ...result }, 'feed polled');
        return result.enqueued;
      } catch (error) {
        throw toJobError(error);
      }
    },
    { connection, prefix: config.QUEUE_PREFIX, concurrency: config.DISCOVERY_CONCURRENCY },
  );

  const articleWorker = new Worker<ArticleJob, ArticleJobResult, 'article'>(
    QUEUES.article,
    async (job: Job<ArticleJob, ArticleJobResult, 'article'>, _token, signal) => {
      const parsed = articleJobSchema.safeParse(job.data);
      if (!parsed.success) throw toJobError(new ValidationError(`article job ${job.id}: ${parsed.error.message}`));
      try {
        const result = await ingestArticle({ db, fetcher, publish }, parsed.data, signal);
        logger.info({ url: parsed.data.url, id: result.articleId, created: result.created }, 'article stored');
        return result;
      } catch (error) {
        throw toJobError(error);
      }
    },
    { connection, prefix: config.QUEUE_PREFIX, concurrency: config.WORKER_CONCURRENCY },
  );

  for (const worker of [discoverWorker, articleWorker]) {
    worker.on('failed', (job, error) => {
      const final = !job || job.attemptsMade >= (job.opts.attempts ?? 1) || error.name === 'UnrecoverableError';
      logger[final ? 'warn' : 'info'](
        {
          queue: worker.name,
          job: job?.id,
          code: codeOfReason(error.message),
          attempts: job?.attemptsMade,
          final,
        },
        error.message,
      );
    });
    worker.on('error', (error) => logger.error({ queue: worker.name, err: error.message }, 'worker error'));
  }

  const resync = async (pollNow = false) => {
    const sources: Source[] = await listSources(db);
    const count = await syncSchedules(queues, sources, pollNow);
    logger.info({ schedules: count, pollNow }, 'schedules synchronised');
    return count;
  };
  if (options.schedule !== false) await resync(config.POLL_ON_START);

  return {
    queues,
    fetcher,
    resync,
    async close() {
      await Promise.all([discoverWorker.close(), articleWorker.close()]);
      await queues.close();
      await fetcher.close();
      connection.disconnect();
      publisher.disconnect();
    },
  };
}
