import { readFileSync } from 'node:fs';
import type { ArticleAddedMessage, ArticleJob, ArticleJobResult, DiscoverJob } from '@famwatch/shared';
import { articleAddedChannel, articlesChangedChannel, QUEUES } from '@famwatch/shared';
import {
  createQueues,
  createRedis,
  type Db,
  jobsTotal,
  listSources,
  type Queues,
  recordFailure,
  syncSchedules,
} from '@famwatch/store';
import { type Job, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { WorkerConfig } from './config.js';
import type { PageInput } from './cpu/analyze-page.js';
import { CpuPool } from './cpu/cpu-pool.js';
import { HttpFetcher } from './fetch/http-fetcher.js';
import { SourceSuccessBuffer } from './health-buffer.js';
import { articleProcessor } from './jobs/article.processor.js';
import { discoverProcessor } from './jobs/discover.processor.js';
import { codeOfReason } from './jobs/job-errors.js';
import type { Logger } from './logger.js';
import type { DiscoverResult } from './pipeline/discover-source.js';
import { FeedLock } from './politeness/feed-lock.js';
import { HostThrottle } from './politeness/host-throttle.js';
import { Politeness } from './politeness/politeness.js';
import { RobotsPolicy } from './politeness/robots.js';
import { SourceCache } from './source-cache.js';

export interface WorkerRuntime {
  queues: Queues;
  fetcher: HttpFetcher;
  /** Re-reads the sources from the database and updates the schedules; `pollNow` polls every feed at once. */
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

/** Analyses of the warm-up page per analysis thread before the workers take jobs. */
const WARM_UP_ROUNDS = 40;

/** A made-up article page (data/warm-up-page.html) as analysis input. */
function warmUpPage(): PageInput {
  const url = new URL('../data/warm-up-page.html', import.meta.url);
  return {
    bytes: readFileSync(url),
    charset: 'utf-8',
    url: 'https://news.example.org/africa/warm-up',
    now: Date.now(),
  };
}

export function fetcherFromConfig(config: WorkerConfig): HttpFetcher {
  return new HttpFetcher({
    userAgent: config.FETCH_USER_AGENT,
    allowPrivate: config.FETCH_ALLOW_PRIVATE,
    privateAllowlist: config.FETCH_PRIVATE_ALLOWLIST,
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
  // Warm before any connection opens: nothing to undo but the threads if it fails.
  const cpu = new CpuPool(config.EXTRACT_THREADS);
  const warmStarted = performance.now();
  try {
    await cpu.warmUp(warmUpPage(), WARM_UP_ROUNDS);
  } catch (error) {
    await cpu.close();
    throw error;
  }
  logger.info(
    { threads: config.EXTRACT_THREADS, ms: Math.round(performance.now() - warmStarted) },
    'page analysis warmed up',
  );
  const connection: Redis = createRedis(config.REDIS_URL);
  const publisher: Redis = createRedis(config.REDIS_URL);
  connection.on('error', (error) => logger.warn({ err: error.message }, 'redis connection error'));
  publisher.on('error', (error) => logger.warn({ err: error.message }, 'redis publisher error'));
  const queues = createQueues(connection, {
    prefix: config.QUEUE_PREFIX,
    attempts: config.JOB_ATTEMPTS,
    backoffMs: config.JOB_BACKOFF_MS,
    onError: (error) => logger.warn({ err: error.message }, 'queue connection error'),
  });
  const fetcher = fetcherFromConfig(config);
  const politeness = new Politeness({
    robots: config.RESPECT_ROBOTS
      ? new RobotsPolicy({
          fetcher,
          redis: connection,
          prefix: config.QUEUE_PREFIX,
          userAgent: config.FETCH_USER_AGENT,
        })
      : null,
    throttle: new HostThrottle(connection, config.QUEUE_PREFIX),
    defaultIntervalMs: config.POLITENESS_INTERVAL_MS,
  });
  const sources = new SourceCache(db);
  const health = new SourceSuccessBuffer(db, logger);
  const channel = articleAddedChannel(config.QUEUE_PREFIX);
  const publish = async (message: ArticleAddedMessage) => {
    await publisher.publish(channel, JSON.stringify(message));
  };
  // Any store (new or updated article) empties the API's aggregate caches; at most one notice
  // per quarter second, however fast articles arrive.
  let noticePending = false;
  const changed = () => {
    if (noticePending) return;
    noticePending = true;
    setTimeout(() => {
      noticePending = false;
      // A lost notice only delays cache refreshes until their TTL: log it, do not fail a job.
      void publisher
        .publish(articlesChangedChannel(config.QUEUE_PREFIX), '{}')
        .catch((error: unknown) => logger.warn({ err: String(error) }, 'could not announce changed articles'));
    }, 250).unref();
  };
  const workerOptions = {
    connection,
    prefix: config.QUEUE_PREFIX,
    lockDuration: config.JOB_LOCK_MS,
    stalledInterval: config.STALLED_INTERVAL_MS,
    // A job whose worker died twice is more likely a poison page than bad luck.
    maxStalledCount: 2,
  };

  const discoverWorker = new Worker<DiscoverJob, DiscoverResult, 'discover'>(
    QUEUES.discover,
    discoverProcessor({
      db,
      logger,
      politeness,
      fetcher,
      sources,
      health,
      feedLock: new FeedLock(connection, config.QUEUE_PREFIX),
      lockMs: config.FETCH_TIMEOUT_MS * 4,
      enqueue: async (jobs) => {
        await queues.article.addBulk(jobs.map((j) => ({ name: 'article', data: j.data, opts: { jobId: j.jobId } })));
      },
    }),
    { ...workerOptions, concurrency: config.DISCOVERY_CONCURRENCY },
  );

  const articleWorker = new Worker<ArticleJob, ArticleJobResult, 'article'>(
    QUEUES.article,
    articleProcessor({
      db,
      logger,
      politeness,
      fetcher,
      publish,
      changed,
      cpu,
      health,
      minIntervalMs: async (sourceId) => (await sources.get(sourceId))?.minIntervalMs,
    }),
    { ...workerOptions, concurrency: config.WORKER_CONCURRENCY },
  );

  for (const worker of [discoverWorker, articleWorker] as Array<Worker<DiscoverJob | ArticleJob>>) {
    worker.on('completed', () => jobsTotal.inc({ queue: worker.name, outcome: 'completed', code: '' }));
    worker.on('failed', (job: Job<DiscoverJob | ArticleJob> | undefined, error: Error) => {
      const final = !job || job.attemptsMade >= (job.opts.attempts ?? 1) || error.name === 'UnrecoverableError';
      jobsTotal.inc({ queue: worker.name, outcome: final ? 'failed' : 'retried', code: codeOfReason(error.message) });
      logger[final ? 'warn' : 'info'](
        { queue: worker.name, job: job?.id, code: codeOfReason(error.message), attempts: job?.attemptsMade, final },
        error.message,
      );
      // A job that stalled too often never reached the processor's bookkeeping: record it here.
      if (job && /stalled more than allowable limit/i.test(error.message)) {
        const url = 'feedUrl' in job.data ? job.data.feedUrl : job.data.url;
        void recordFailure(db, {
          kind: worker.name === QUEUES.discover ? 'discover' : 'article',
          url,
          sourceId: job.data.sourceId,
          code: 'INTERNAL',
          message: error.message,
          attempts: job.attemptsMade,
          payload: job.data,
        }).catch((recordError: unknown) =>
          logger.error({ err: String(recordError), job: job.id }, 'could not record a stalled job as a failure'),
        );
      }
    });
    worker.on('error', (error) => logger.error({ queue: worker.name, err: error.message }, 'worker error'));
  }

  const resync = async (pollNow = false) => {
    sources.clear();
    const count = await syncSchedules(queues, await listSources(db), pollNow);
    logger.info({ schedules: count, pollNow }, 'schedules synchronised');
    return count;
  };
  // Admins change sources through the API: drop cached sources so jobs see the change.
  const changes = createRedis(config.REDIS_URL);
  changes.on('error', (error) => logger.warn({ err: error.message }, 'redis subscriber error'));
  changes.on('message', () => sources.clear());
  await changes.subscribe(`${config.QUEUE_PREFIX}:sources-changed`);

  if (options.schedule !== false) await resync(config.POLL_ON_START);

  return {
    queues,
    fetcher,
    resync,
    async close() {
      await Promise.all([discoverWorker.close(), articleWorker.close()]);
      await health.close();
      await cpu.close();
      await queues.close();
      await fetcher.close();
      connection.disconnect();
      publisher.disconnect();
      changes.disconnect();
    },
  };
}
