import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MainJob, startMainJob } from '../../scripts/main-job.js';
import { type FixtureServer, rssFeed, sendHtml, startFixtureServer } from '../helpers/fixture-server.js';
import { gql, waitFor } from '../helpers/graphql.js';
import { createTempDatabase, type TempDatabase } from '../helpers/postgres.js';
import { obliterateQueues } from '../helpers/queues.js';
import { buildSeedPages, type SeedPage, tokenOverlap } from '../helpers/seed-pages.js';
import { explainSkip, sharedAvailable } from '../helpers/shared-dir.js';

const ARTICLES = `query ($first: Int) {
  articles(first: $first) {
    totalCount
    edges { node { id url canonicalUrl title body publishedAt byline language fetchedAt source { id name homepage } } }
  }
}`;

interface ArticleNode {
  id: string;
  url: string;
  canonicalUrl: string;
  title: string;
  body: string;
  publishedAt: string | null;
  source: { id: string; name: string };
}

explainSkip('the end-to-end pipeline tests');

for (const engine of ['postgres', 'pglite'] as const) {
  describe.skipIf(!sharedAvailable)(`feed → worker → ${engine} → GraphQL`, () => {
    let site: FixtureServer;
    let pages: SeedPage[];
    let job: MainJob;
    let database: TempDatabase | null = null;
    let dir: string;

    beforeAll(async () => {
      site = await startFixtureServer();
      pages = buildSeedPages(site.url);
      dir = mkdtempSync(join(tmpdir(), 'famwatch-e2e-'));
      const sources = pages.map((page) => {
        // Feed links carry tracking parameters: canonicalization must strip them.
        const link = `${site.url}${page.path}?utm_source=rss&utm_medium=feed`;
        site.route(page.path, sendHtml(page.html));
        site.route(`/${page.outlet}/feed.xml`, (_req, res) => {
          res.writeHead(200, { 'content-type': 'application/rss+xml' });
          res.end(rssFeed(page.outlet, [{ url: link, title: page.title, pubDate: 'Mon, 01 Jan 2024 00:00:00 GMT' }]));
        });
        return {
          id: page.outlet,
          name: `Fixture ${page.outlet}`,
          homepage: `${site.url}/${page.outlet}/`,
          language: 'en',
          feeds: [{ url: `${site.url}/${page.outlet}/feed.xml`, kind: 'feed' }],
        };
      });
      writeFileSync(join(dir, 'sources.json'), JSON.stringify(sources));
      const env: Record<string, string> = {
        SOURCES_FILE: join(dir, 'sources.json'),
        QUEUE_PREFIX: `e2e-${randomUUID().slice(0, 8)}`,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        FETCH_ALLOW_PRIVATE: 'true',
        JOB_BACKOFF_MS: '100',
        // Politeness is exercised by the crawl tests; here it would only slow the run down.
        POLITENESS_INTERVAL_MS: '100',
      };
      if (engine === 'postgres') {
        database = await createTempDatabase();
        env['DATABASE_URL'] = database.url;
      } else {
        env['DATA_DIR'] = join(dir, 'data');
      }
      job = await startMainJob(env);
    });

    afterAll(async () => {
      await obliterateQueues(job?.worker.queues);
      await job?.close();
      await site?.close();
      await database?.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    const idle = async () => {
      const counts = await Promise.all([
        // The schedulers always hold one delayed job per feed (the next poll): not counted.
        job.worker.queues.discover.getJobCounts('waiting', 'active', 'prioritized'),
        job.worker.queues.article.getJobCounts('waiting', 'active', 'delayed', 'prioritized'),
      ]);
      return counts.every((c) => Object.values(c).every((n) => n === 0));
    };

    it('stores each seed article once, with title, date, source and a clean body, across two polls', async () => {
      const first = await waitFor(
        async () => {
          const result = await gql<{ articles: { totalCount: number; edges: Array<{ node: ArticleNode }> } }>(
            job.api.url,
            ARTICLES,
            { first: 10 },
          );
          return result.data && result.data.articles.totalCount === 3 && (await idle()) ? result.data.articles : null;
        },
        40_000,
        'three stored articles',
      );

      // Second poll of every feed: nothing new may be stored.
      await job.worker.resync(true);
      await waitFor(async () => (await idle()) && site.hits.size > 0, 20_000, 'second poll');
      await waitFor(
        async () => [...site.hits].filter(([path]) => path.endsWith('feed.xml')).every(([, n]) => n >= 2),
        20_000,
        'feeds polled twice',
      );
      await waitFor(idle, 20_000, 'queues idle');

      const second = await gql<{ articles: { totalCount: number; edges: Array<{ node: ArticleNode }> } }>(
        job.api.url,
        ARTICLES,
        { first: 10 },
      );
      expect(second.errors).toBeUndefined();
      expect(second.data!.articles.totalCount).toBe(3);
      const rows = await job.db.query<{ canonical_url: string; n: number }>(
        'SELECT canonical_url, count(*)::int AS n FROM articles GROUP BY canonical_url',
      );
      expect(rows).toHaveLength(3);
      expect(rows.every((row) => row.n === 1)).toBe(true);
      expect(first.edges.map((e) => e.node.id).sort()).toEqual(
        second.data!.articles.edges.map((e) => e.node.id).sort(),
      );

      for (const page of pages) {
        const node = second.data!.articles.edges.map((e) => e.node).find((n) => n.source.id === page.outlet);
        expect(node, `article of ${page.outlet}`).toBeDefined();
        expect(node!.title).toBe(page.title);
        expect(node!.canonicalUrl).toBe(`${site.url}${page.path}`);
        expect(node!.publishedAt).toBe(page.expectPublished);
        const expected = page.body.join('\n\n');
        const overlap = tokenOverlap(node!.body, expected);
        expect(overlap.f1, `${page.outlet} token overlap`).toBeGreaterThanOrEqual(0.95);
        const flat = node!.body.replace(/\s+/g, ' ');
        for (const paragraph of page.body) expect(flat, `${page.outlet} keeps a paragraph`).toContain(paragraph);
        for (const junk of page.boilerplate) expect(flat, `${page.outlet} drops boilerplate`).not.toContain(junk);
        expect(node!.body.split('\n\n')).toHaveLength(page.body.length);
      }
    });

    it('pages through the articles newest first with cursors', async () => {
      const one = await gql<{
        articles: {
          edges: Array<{ cursor: string; node: { publishedAt: string } }>;
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
      }>(
        job.api.url,
        'query { articles(first: 2) { edges { cursor node { publishedAt } } pageInfo { hasNextPage endCursor } } }',
      );
      expect(one.data!.articles.edges).toHaveLength(2);
      expect(one.data!.articles.pageInfo.hasNextPage).toBe(true);
      const dates = one.data!.articles.edges.map((e) => Date.parse(e.node.publishedAt));
      expect(dates[0]).toBeGreaterThan(dates[1]!);
      const two = await gql<{
        articles: { edges: Array<{ node: { publishedAt: string } }>; pageInfo: { hasNextPage: boolean } };
      }>(
        job.api.url,
        'query ($after: String) { articles(first: 2, after: $after) { edges { node { publishedAt } } pageInfo { hasNextPage } } }',
        { after: one.data!.articles.pageInfo.endCursor },
      );
      expect(two.data!.articles.edges).toHaveLength(1);
      expect(Date.parse(two.data!.articles.edges[0]!.node.publishedAt)).toBeLessThan(dates[1]!);
      expect(two.data!.articles.pageInfo.hasNextPage).toBe(false);
    });

    it('answers the health endpoint', async () => {
      const response = await fetch(`${job.api.url}/healthz`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok' });
    });
  });
}
