import { randomUUID } from 'node:crypto';
import type { Source } from '@famwatch/shared';
import { type Db, getFeedState, openDatabase, seedSources } from '@famwatch/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureServer, sendHtml, startFixtureServer } from '../../../../test/helpers/fixture-server.js';
import { waitFor } from '../../../../test/helpers/graphql.js';
import { obliterateQueues } from '../../../../test/helpers/queues.js';
import { loadWorkerConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { startWorker, type WorkerRuntime } from '../../src/worker-runtime.js';
import { articlePage } from '../helpers/article-page.js';

const today = new Date().toISOString().slice(0, 10);

describe('discovery from sitemaps, listing pages and home pages', () => {
  let sites: FixtureServer[];
  let db: Db;
  let worker: WorkerRuntime;

  const xml = (body: string) => (_req: unknown, res: import('node:http').ServerResponse) =>
    res.writeHead(200, { 'content-type': 'application/xml' }).end(body);

  beforeAll(async () => {
    sites = await Promise.all([startFixtureServer(), startFixtureServer(), startFixtureServer(), startFixtureServer()]);
    const [maps, listing, home, robots] = sites as [FixtureServer, FixtureServer, FixtureServer, FixtureServer];
    // 1. A sitemap index with a fresh news sitemap and a stale one that must not be read.
    maps.route(
      '/sitemap.xml',
      xml(`<sitemapindex><sitemap><loc>${maps.url}/news.xml</loc><lastmod>${today}</lastmod></sitemap>
      <sitemap><loc>${maps.url}/2015.xml</loc><lastmod>2015-01-01</lastmod></sitemap></sitemapindex>`),
    );
    maps.route(
      '/news.xml',
      xml(`<urlset xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
      <url><loc>${maps.url}/s/1</loc><news:news><news:publication_date>${today}T08:00:00Z</news:publication_date><news:title>S1</news:title></news:news></url>
      <url><loc>${maps.url}/s/2</loc><lastmod>${today}</lastmod></url>
      <url><loc>${maps.url}/s/old</loc><lastmod>2016-01-01</lastmod></url></urlset>`),
    );
    maps.route('/2015.xml', xml(`<urlset><url><loc>${maps.url}/s/ancient</loc></url></urlset>`));
    // 2. A section page whose article links match a selector.
    listing.route(
      '/afrique/',
      sendHtml(`<html><body><nav><a href="/about">About</a></nav>
      <div class="list"><h3 class="title"><a href="/l/1">One</a></h3><h3 class="title"><a href="/l/2">Two</a></h3></div></body></html>`),
    );
    // 3. A home page given instead of a feed, announcing its RSS feed.
    home.route(
      '/',
      sendHtml(
        `<html><head><link rel="alternate" type="application/rss+xml" href="/rss.xml"></head><body>Home</body></html>`,
      ),
    );
    home.route('/rss.xml', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(
        `<rss version="2.0"><channel><title>h</title><item><title>H1</title><link>${home.url}/h/1</link></item></channel></rss>`,
      );
    });
    // 4. A home page with no feed, on a site whose robots.txt lists a sitemap.
    robots.route('/', sendHtml('<html><body>No feed here</body></html>'));
    robots.route('/robots.txt', (_req, res) =>
      res
        .writeHead(200, { 'content-type': 'text/plain' })
        .end(`User-agent: *\nAllow: /\nSitemap: ${robots.url}/sm.xml\n`),
    );
    robots.route('/sm.xml', xml(`<urlset><url><loc>${robots.url}/r/1</loc><lastmod>${today}</lastmod></url></urlset>`));
    for (const [site, paths] of [
      [maps, ['/s/1', '/s/2', '/s/old', '/s/ancient']],
      [listing, ['/l/1', '/l/2', '/about']],
      [home, ['/h/1']],
      [robots, ['/r/1']],
    ] as const) {
      for (const path of paths) site.route(path, sendHtml(articlePage(`Page ${path}`)));
    }

    db = await openDatabase({ dataDir: 'memory://' });
    const source = (id: string, site: FixtureServer, feeds: Source['feeds']): Source => ({
      id,
      name: id,
      homepage: `${site.url}/`,
      language: 'en',
      enabled: true,
      feeds,
    });
    await seedSources(db, [
      source('maps', maps, [{ url: `${maps.url}/sitemap.xml`, kind: 'sitemap' }]),
      source('listing', listing, [{ url: `${listing.url}/afrique/`, kind: 'listing', selector: '.list .title a' }]),
      source('home', home, []),
      source('robots', robots, []),
    ]);
    const config = loadWorkerConfig({
      QUEUE_PREFIX: `kinds-${randomUUID().slice(0, 8)}`,
      FETCH_ALLOW_PRIVATE: 'true',
      POLITENESS_INTERVAL_MS: '0',
      LOG_LEVEL: 'silent',
    });
    worker = await startWorker({ config, db, logger: createLogger('silent', 'test') });
  });

  afterAll(async () => {
    await obliterateQueues(worker?.queues);
    await worker?.close();
    await db?.close();
    await Promise.all(sites.map((site) => site.close()));
  });

  it('queues exactly the fresh article URLs each kind of feed announces', async () => {
    const [maps, listing, home, robots] = sites as [FixtureServer, FixtureServer, FixtureServer, FixtureServer];
    const expected = [
      `${maps.url}/s/1`,
      `${maps.url}/s/2`,
      `${listing.url}/l/1`,
      `${listing.url}/l/2`,
      `${home.url}/h/1`,
      `${robots.url}/r/1`,
    ].sort();
    const stored = await waitFor(
      async () => {
        const rows = await db.query<{ url: string }>('SELECT url FROM articles ORDER BY url');
        return rows.length >= expected.length ? rows.map((r) => r.url) : null;
      },
      30_000,
      'articles from every kind of feed',
    );
    expect(stored.sort()).toEqual(expected);
    expect(maps.hits.get('/2015.xml')).toBeUndefined();
    const state = await getFeedState(db, 'maps', `${maps.url}/sitemap.xml`);
    expect(state?.bodyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(state?.unchangedPolls).toBe(0);
  });
});
