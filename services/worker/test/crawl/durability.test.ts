import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRedis, type Db, openDatabase } from '@famwatch/store';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureServer, rssFeed, startFixtureServer } from '../../../../test/helpers/fixture-server.js';
import { waitFor } from '../../../../test/helpers/graphql.js';
import { createTempDatabase, type TempDatabase } from '../../../../test/helpers/postgres.js';
import { ROOT } from '../../../../test/helpers/shared-dir.js';
import { articlePage } from '../helpers/article-page.js';

const PAGES = 500;

describe('a worker killed with SIGKILL mid-run', () => {
  let site: FixtureServer;
  let database: TempDatabase;
  let db: Db;
  let dir: string;
  let env: Record<string, string>;
  const children: ChildProcess[] = [];

  const startWorkerProcess = () => {
    // Node itself with tsx's loader, not the tsx command: SIGKILL cannot be relayed, so killing
    // the tsx wrapper would leave the real worker running on.
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'services', 'worker', 'src', 'main.ts')], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    children.push(child);
    return child;
  };
  const stored = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM articles'))[0]!.n;

  beforeAll(async () => {
    site = await startFixtureServer();
    const items = Array.from({ length: PAGES }, (_, i) => ({
      url: `${site.url}/a/${i}`,
      title: `A${i}`,
      pubDate: 'Tue, 03 May 2022 08:27:00 GMT',
    }));
    site.route('/feed.xml', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rssFeed('durable', items));
    });
    for (let i = 0; i < PAGES; i += 1) {
      const html = articlePage(`Article number ${i}`);
      // A little latency per page keeps the run long enough to kill it in the middle.
      site.route(`/a/${i}`, (_req, res) =>
        setTimeout(() => res.writeHead(200, { 'content-type': 'text/html' }).end(html), 20),
      );
    }
    database = await createTempDatabase();
    db = await openDatabase({ databaseUrl: database.url });
    dir = mkdtempSync(join(tmpdir(), 'famwatch-durable-'));
    writeFileSync(
      join(dir, 'sources.json'),
      JSON.stringify([
        {
          id: 'durable',
          name: 'Durable',
          homepage: `${site.url}/`,
          language: 'en',
          feeds: [{ url: `${site.url}/feed.xml` }],
        },
      ]),
    );
    env = {
      DATABASE_URL: database.url,
      SOURCES_FILE: join(dir, 'sources.json'),
      QUEUE_PREFIX: `durable-${randomUUID().slice(0, 8)}`,
      FETCH_ALLOW_PRIVATE: 'true',
      POLITENESS_INTERVAL_MS: '0',
      RESPECT_ROBOTS: 'false',
      WORKER_CONCURRENCY: '8',
      JOB_LOCK_MS: '2000',
      STALLED_INTERVAL_MS: '1000',
      LOG_LEVEL: 'silent',
    };
  });

  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    const connection = createRedis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
    for (const name of ['discover', 'article']) {
      const queue = new Queue(name, { connection, prefix: env['QUEUE_PREFIX']! });
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
    }
    connection.disconnect();
    await db?.close();
    await site?.close();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loses nothing and stores nothing twice', async () => {
    const first = startWorkerProcess();
    // Kill it hard once a good share of the pages, but not all, are stored.
    await waitFor(async () => (await stored()) >= PAGES / 5, 60_000, 'a fifth of the pages');
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('exit', resolve));
    // The worker itself is gone (ESRCH), and nothing is stored while no worker runs.
    expect(() => process.kill(first.pid!, 0)).toThrow();
    const atKill = await stored();
    expect(atKill).toBeLessThan(PAGES);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await stored()).toBe(atKill);

    startWorkerProcess();
    await waitFor(async () => (await stored()) >= PAGES, 90_000, 'every page stored');
    // Let recovered jobs that were mid-flight finish, then check.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const rows = await db.query<{ n: number; distinct_urls: number }>(
      'SELECT count(*)::int AS n, count(DISTINCT canonical_url)::int AS distinct_urls FROM articles',
    );
    expect(rows[0]).toEqual({ n: PAGES, distinct_urls: PAGES });
    const urls = await db.query<{ url: string }>('SELECT url FROM articles');
    const expected = new Set(Array.from({ length: PAGES }, (_, i) => `${site.url}/a/${i}`));
    expect(new Set(urls.map((r) => r.url))).toEqual(expected);
    const failures = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM failures');
    expect(failures[0]!.n).toBe(0);
    console.log(
      `durability: killed at ${atKill}/${PAGES} stored; after restart ${PAGES}/${PAGES}, 0 duplicated, 0 lost`,
    );
  });
});
