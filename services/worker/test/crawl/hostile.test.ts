import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Source } from '@famwatch/shared';
import { type Db, getArticleByUrl, listFailures, openDatabase, seedSources } from '@famwatch/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureServer, rssFeed, sendHtml, startFixtureServer } from '../../../../test/helpers/fixture-server.js';
import { waitFor } from '../../../../test/helpers/graphql.js';
import { createTempDatabase, type TempDatabase } from '../../../../test/helpers/postgres.js';
import { obliterateQueues } from '../../../../test/helpers/queues.js';
import { loadWorkerConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { startWorker, type WorkerRuntime } from '../../src/worker-runtime.js';
import { articlePage } from '../helpers/article-page.js';

// Every hostile case and the code it must end in (null: it must end stored).
const CASES: Record<string, string | null> = {
  '/big': 'TOO_LARGE',
  '/drip': 'FETCH_TIMEOUT',
  '/bomb': 'TOO_LARGE',
  '/loop-a': 'TOO_MANY_REDIRECTS',
  '/to-loopback': 'SSRF_BLOCKED',
  '/image': 'NOT_HTML',
  '/private/page': 'ROBOTS_DISALLOWED',
  '/gone': 'HTTP_STATUS',
  '/429': null,
  '/503': null,
  '/cp1252': null,
  '/good/1': null,
  '/good/2': null,
};

describe('a worker facing a hostile site', () => {
  let site: FixtureServer;
  let database: TempDatabase;
  let db: Db;
  let worker: WorkerRuntime;
  let base: string;
  const requestTimes = new Map<string, number[]>();
  const etagRequests: Array<string | undefined> = [];

  beforeAll(async () => {
    site = await startFixtureServer();
    // Everything is fetched as "localhost", allowlisted for private addresses, so that a
    // redirect to the literal 127.0.0.1 meets the address policy.
    base = site.url.replace('127.0.0.1', 'localhost');
    const note = (path: string) => requestTimes.set(path, [...(requestTimes.get(path) ?? []), Date.now()]);

    site.route('/robots.txt', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: famwatch\nDisallow: /private/\n');
    });
    site.route('/feed.xml', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(
        rssFeed(
          'hostile',
          Object.keys(CASES).map((path) => ({
            url: `${base}${path}`,
            title: path,
            pubDate: 'Tue, 03 May 2022 08:27:00 GMT',
          })),
        ),
      );
    });
    site.route('/big', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(1024 * 1024, 'a');
      let sent = 0;
      const pump = () => {
        while (sent < 20 && res.write(chunk)) sent += 1;
        if (sent >= 20) res.end();
        else
          res.once('drain', () => {
            sent += 1;
            pump();
          });
      };
      res.on('error', () => undefined);
      pump();
    });
    site.route('/drip', (req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const timer = setInterval(() => res.write('a'), 1000);
      req.on('close', () => clearInterval(timer));
    });
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024, 'a'));
    site.route('/bomb', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(bomb);
    });
    site.route('/loop-a', (_req, res) => res.writeHead(302, { location: '/loop-b' }).end());
    site.route('/loop-b', (_req, res) => res.writeHead(302, { location: '/loop-a' }).end());
    site.route('/to-loopback', (_req, res) => res.writeHead(302, { location: `${site.url}/good/1` }).end());
    site.route('/image', (_req, res) => {
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    });
    site.route('/private/page', sendHtml(articlePage('Private')));
    site.route('/gone', (_req, res) => res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>'));
    site.route('/429', (_req, res) => {
      note('/429');
      if (requestTimes.get('/429')!.length === 1) res.writeHead(429, { 'retry-after': '1' }).end('slow down');
      else sendHtml(articlePage('After 429'))(_req, res);
    });
    site.route('/503', (_req, res) => {
      note('/503');
      if (requestTimes.get('/503')!.length === 1) res.writeHead(503).end('busy');
      else sendHtml(articlePage('After 503'))(_req, res);
    });
    site.route('/cp1252', (_req, res) => {
      const html = `<html><head><meta charset="windows-1252"><title>Sécurité au Sahel : l’armée française quitte Gossi</title></head><body><article><h1>Sécurité au Sahel : l’armée française quitte Gossi</h1>${'<p>Les soldats français de l’opération Barkhane ont rétrocédé la base de Gossi à l’armée malienne, a annoncé l’état-major mardi.</p>'.repeat(3)}</article></body></html>`;
      res.writeHead(200, { 'content-type': 'text/html' }).end(encode1252(html));
    });
    site.route('/good/1', sendHtml(articlePage('Good one')));
    site.route('/good/2', sendHtml(articlePage('Good two')));
    site.route('/good/3', sendHtml(articlePage('Good three')));
    site.route('/bad-feed.xml', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<rss><channel><item><title>broken');
    });
    site.route('/etag-feed.xml', (req, res) => {
      etagRequests.push(req.headers['if-none-match']);
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' });
      res.end(rssFeed('etag', [{ url: `${base}/good/3`, title: 'three', pubDate: 'Tue, 03 May 2022 08:27:00 GMT' }]));
    });

    database = await createTempDatabase();
    const config = loadWorkerConfig({
      DATABASE_URL: database.url,
      QUEUE_PREFIX: `hostile-${randomUUID().slice(0, 8)}`,
      FETCH_ALLOW_PRIVATE: 'false',
      FETCH_PRIVATE_ALLOWLIST: 'localhost',
      FETCH_MAX_BYTES: String(1024 * 1024),
      FETCH_TIMEOUT_MS: '2500',
      FETCH_BODY_TIMEOUT_MS: '2000',
      FETCH_HEADERS_TIMEOUT_MS: '2000',
      JOB_ATTEMPTS: '2',
      JOB_BACKOFF_MS: '200',
      POLITENESS_INTERVAL_MS: '0',
      WORKER_CONCURRENCY: '8',
      POLL_ON_START: 'true',
      LOG_LEVEL: 'silent',
    });
    db = await openDatabase({ databaseUrl: config.DATABASE_URL });
    const source = (id: string, feed: string): Source => ({
      id,
      name: id,
      homepage: `${base}/`,
      language: 'en',
      enabled: true,
      feeds: [{ url: `${base}${feed}`, kind: 'feed' }],
    });
    await seedSources(db, [
      source('hostile', '/feed.xml'),
      source('broken', '/bad-feed.xml'),
      source('etag', '/etag-feed.xml'),
    ]);
    worker = await startWorker({ config, db, logger: createLogger('silent', 'test') });
  });

  afterAll(async () => {
    await obliterateQueues(worker?.queues);
    await worker?.close();
    await db?.close();
    await site?.close();
    await database?.drop();
  });

  it('ends every case in its coded outcome and stores the rest', async () => {
    const expectedFailures = Object.values(CASES).filter(Boolean).length + 1; // + the malformed feed
    await waitFor(
      async () => (await listFailures(db, { first: 100 })).length >= expectedFailures,
      45_000,
      'failures',
    ).catch(async (error: unknown) => {
      const seen = (await listFailures(db, { first: 100 })).map((f) => `${f.url} ${f.code}`);
      const counts = await worker.queues.article.getJobCounts();
      throw new Error(`${String(error)}; failures so far: ${seen.join(', ')}; queue: ${JSON.stringify(counts)}`);
    });
    await waitFor(
      async () => {
        for (const [path, code] of Object.entries(CASES)) {
          if (code === null && !(await getArticleByUrl(db, `${base}${path}`))) return false;
        }
        return true;
      },
      45_000,
      'stored articles',
    );

    const failures = await listFailures(db, { first: 100 });
    const byUrl = new Map(failures.map((f) => [f.url, f]));
    for (const [path, code] of Object.entries(CASES)) {
      if (code) expect(byUrl.get(`${base}${path}`)?.code, path).toBe(code);
      else expect(byUrl.has(`${base}${path}`), path).toBe(false);
    }
    const feed = byUrl.get(`${base}/bad-feed.xml`);
    expect(feed).toMatchObject({ kind: 'discover', code: 'FEED_PARSE', sourceId: 'broken' });
    // Permanent failures are not retried; transient ones used every attempt.
    expect(byUrl.get(`${base}/image`)!.attempts).toBe(1);
    expect(byUrl.get(`${base}/drip`)!.attempts).toBe(2);
    // The failure keeps what is needed to queue it again.
    expect(byUrl.get(`${base}/gone`)!.payload).toMatchObject({ url: `${base}/gone`, sourceId: 'hostile' });

    const cp1252 = await getArticleByUrl(db, `${base}/cp1252`);
    expect(cp1252!.title).toBe('Sécurité au Sahel : l’armée française quitte Gossi');
    expect(cp1252!.body).toContain('Les soldats français de l’opération Barkhane ont rétrocédé');
  });

  it('waits as Retry-After asks instead of failing', async () => {
    const times = requestTimes.get('/429')!;
    expect(times.length).toBe(2);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(950);
    expect(requestTimes.get('/503')!.length).toBe(2);
  });

  it('records source health', async () => {
    const rows = await db.query<{
      id: string;
      consecutive_failures: number;
      last_error_code: string | null;
      last_success_at: Date | null;
      items_seen: number;
    }>('SELECT id, consecutive_failures, last_error_code, last_success_at, items_seen::int FROM sources ORDER BY id');
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(byId['broken']!.consecutive_failures).toBeGreaterThanOrEqual(1);
    expect(byId['broken']!.last_error_code).toBe('FEED_PARSE');
    expect(byId['hostile']!.last_success_at).not.toBeNull();
    expect(byId['hostile']!.items_seen).toBe(Object.keys(CASES).length);
  });

  it('sends conditional requests and skips a feed that answers 304, and keeps serving', async () => {
    await waitFor(async () => (await getArticleByUrl(db, `${base}/good/3`)) !== null, 20_000, 'first etag poll');
    await worker.resync(true);
    await waitFor(async () => etagRequests.length >= 2, 20_000, 'second etag poll');
    expect(etagRequests[0]).toBeUndefined();
    expect(etagRequests[1]).toBe('"v1"');
    // The worker is still up: a new page on the good source is fetched and stored.
    site.route('/feed.xml', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(rssFeed('hostile', [{ url: `${base}/good/4`, title: 'four', pubDate: 'Tue, 03 May 2022 09:00:00 GMT' }]));
    });
    site.route('/good/4', sendHtml(articlePage('Good four')));
    await worker.resync(true);
    await waitFor(async () => (await getArticleByUrl(db, `${base}/good/4`)) !== null, 20_000, 'a later article');
  });
});

/** windows-1252 bytes of a text (only the characters this fixture uses). */
function encode1252(text: string): Buffer {
  const map: Record<string, number> = { '’': 0x92 };
  return Buffer.from([...text].map((ch) => map[ch] ?? ch.charCodeAt(0)));
}
