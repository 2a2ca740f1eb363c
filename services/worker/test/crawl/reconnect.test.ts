import { randomUUID } from 'node:crypto';
import { type Db, openDatabase, seedSources } from '@famwatch/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureServer, rssFeed, startFixtureServer } from '../../../../test/helpers/fixture-server.js';
import { waitFor } from '../../../../test/helpers/graphql.js';
import { createTempDatabase, type TempDatabase } from '../../../../test/helpers/postgres.js';
import { obliterateQueues } from '../../../../test/helpers/queues.js';
import { startTcpProxy, type TcpProxy } from '../../../../test/helpers/tcp-proxy.js';
import { loadWorkerConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { startWorker, type WorkerRuntime } from '../../src/worker-runtime.js';
import { articlePage } from '../helpers/article-page.js';

const PAGES = 40;

describe('a worker whose Redis and PostgreSQL restart under it', () => {
  let site: FixtureServer;
  let database: TempDatabase;
  let pgProxy: TcpProxy;
  let redisProxy: TcpProxy;
  let worker: WorkerRuntime;
  let workerDb: Db;
  let checkDb: Db;

  beforeAll(async () => {
    site = await startFixtureServer();
    const items = Array.from({ length: PAGES }, (_, i) => ({
      url: `${site.url}/r/${i}`,
      title: `R${i}`,
      pubDate: 'Tue, 03 May 2022 08:27:00 GMT',
    }));
    site.route('/feed.xml', (_req, res) =>
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rssFeed('r', items)),
    );
    for (let i = 0; i < PAGES; i += 1) {
      const html = articlePage(`Restart article ${i}`);
      site.route(`/r/${i}`, (_req, res) =>
        setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end(html), 100),
      );
    }
    database = await createTempDatabase();
    const target = new URL(database.url);
    pgProxy = await startTcpProxy('127.0.0.1', Number(target.port || 5432));
    redisProxy = await startTcpProxy('127.0.0.1', 6379);
    const viaProxy = new URL(database.url);
    viaProxy.port = String(pgProxy.port);
    checkDb = await openDatabase({ databaseUrl: database.url });
    await seedSources(checkDb, [
      {
        id: 'r',
        name: 'R',
        homepage: `${site.url}/`,
        language: 'en',
        enabled: true,
        feeds: [{ url: `${site.url}/feed.xml`, kind: 'feed' }],
      },
    ]);
    const config = loadWorkerConfig({
      DATABASE_URL: viaProxy.toString(),
      REDIS_URL: `redis://127.0.0.1:${redisProxy.port}`,
      QUEUE_PREFIX: `restart-${randomUUID().slice(0, 8)}`,
      FETCH_ALLOW_PRIVATE: 'true',
      POLITENESS_INTERVAL_MS: '0',
      RESPECT_ROBOTS: 'false',
      WORKER_CONCURRENCY: '4',
      JOB_ATTEMPTS: '20',
      JOB_BACKOFF_MS: '200',
      LOG_LEVEL: 'silent',
    });
    const logger = createLogger('silent', 'test');
    workerDb = await openDatabase({ databaseUrl: config.DATABASE_URL, onError: () => undefined });
    worker = await startWorker({ config, db: workerDb, logger });
  });

  afterAll(async () => {
    await obliterateQueues(worker?.queues);
    await worker?.close();
    await workerDb?.close();
    await checkDb?.close();
    await pgProxy?.close();
    await redisProxy?.close();
    await site?.close();
    await database?.drop();
  });

  const stored = async () => (await checkDb.query<{ n: number }>('SELECT count(*)::int AS n FROM articles'))[0]!.n;

  it('reconnects, retries the stores that failed, and ends with every page stored once', async () => {
    await waitFor(async () => (await stored()) >= 4, 30_000, 'first articles');
    await pgProxy.cut();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await pgProxy.restore();
    await waitFor(async () => (await stored()) >= 12, 30_000, 'articles after the PostgreSQL restart');
    await redisProxy.cut();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await redisProxy.restore();
    await waitFor(async () => (await stored()) >= PAGES, 60_000, 'every article after the Redis restart');
    const rows = await checkDb.query<{ n: number; d: number }>(
      'SELECT count(*)::int AS n, count(DISTINCT url)::int AS d FROM articles',
    );
    expect(rows[0]).toEqual({ n: PAGES, d: PAGES });
    const failures = await checkDb.query<{ n: number }>('SELECT count(*)::int AS n FROM failures');
    expect(failures[0]!.n).toBe(0);
  });
});
