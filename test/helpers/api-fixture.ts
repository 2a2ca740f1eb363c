import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type MainJob, startMainJob } from '../../scripts/main-job.js';
import { type FixtureServer, rssFeed, sendHtml, startFixtureServer } from './fixture-server.js';
import { waitFor } from './graphql.js';
import { createTempDatabase, type TempDatabase } from './postgres.js';
import { obliterateQueues } from './queues.js';
import { buildSeedPages } from './seed-pages.js';
import { ROOT } from './shared-dir.js';

export const API_KEY = 'test-key-0123456789abcdef';

/** A French article fixture (test/fixtures/articles). */
export function frenchPage(name: string): string {
  return readFileSync(join(ROOT, 'test', 'fixtures', 'articles', name), 'utf8');
}

/** The Niger story as a second outlet prints it: other boilerplate, published an hour later. */
export function mirroredNigerPage(): string {
  return frenchPage('niger-accords.fr.html')
    .replace('Le Journal du Sahel', 'Sahel Hebdo')
    .replace('2023-08-04T09:15:00+01:00', '2023-08-04T10:15:00+01:00')
    .replace(
      /<nav class="menu">[\s\S]*?<\/nav>/,
      '<header><a href="/">Sahel Hebdo</a> <a href="/abonnement">Abonnez-vous</a></header>',
    )
    .replace(
      /<section class="related">[\s\S]*?<\/section>/,
      '<aside class="most-read"><h3>Les plus lus</h3><a href="/x">Match nul à Niamey</a></aside>',
    );
}

export interface ApiFixture {
  job: MainJob;
  site: FixtureServer;
  database: TempDatabase;
  /** Adds an item to a fixture outlet's feed (served at once). */
  publish(outlet: string, path: string, html: string, title: string): void;
  close(): Promise<void>;
}

/**
 * The main job (worker + API) on a temp PostgreSQL database, with a fixture site of five
 * outlets: the three seed pages, a French outlet with two articles, and a mirror that prints
 * one of them again. Waits until all six articles are stored.
 */
export async function startApiFixture(extraEnv: Record<string, string> = {}): Promise<ApiFixture> {
  const site = await startFixtureServer();
  const feeds = new Map<string, Array<{ url: string; title: string; pubDate: string }>>();
  const publish = (outlet: string, path: string, html: string, title: string) => {
    site.route(path, sendHtml(html));
    feeds.get(outlet)!.push({ url: `${site.url}${path}`, title, pubDate: 'Mon, 01 Jan 2024 00:00:00 GMT' });
  };
  const outlets = ['urdupoint', 'southfront', 'press-tv', 'sahel', 'mirror'];
  for (const outlet of outlets) {
    feeds.set(outlet, []);
    site.route(`/${outlet}/feed.xml`, (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rssFeed(outlet, feeds.get(outlet)!));
    });
  }
  for (const page of buildSeedPages(site.url)) publish(page.outlet, page.path, page.html, page.title);
  publish('sahel', '/sahel/niger-accords', frenchPage('niger-accords.fr.html'), 'Niger');
  publish('sahel', '/sahel/tchad-base', frenchPage('tchad-base.fr.html'), 'Tchad');
  publish('mirror', '/mirror/niger', mirroredNigerPage(), 'Niger (copie)');

  const dir = mkdtempSync(join(tmpdir(), 'famwatch-api-'));
  writeFileSync(
    join(dir, 'sources.json'),
    JSON.stringify(
      outlets.map((outlet) => ({
        id: outlet,
        name: `Outlet ${outlet}`,
        homepage: `${site.url}/${outlet}/`,
        language: outlet === 'sahel' || outlet === 'mirror' ? 'fr' : 'en',
        feeds: [{ url: `${site.url}/${outlet}/feed.xml`, kind: 'feed' }],
      })),
    ),
  );
  const database = await createTempDatabase();
  const job = await startMainJob({
    SOURCES_FILE: join(dir, 'sources.json'),
    DATABASE_URL: database.url,
    QUEUE_PREFIX: `api-${randomUUID().slice(0, 8)}`,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    FETCH_ALLOW_PRIVATE: 'true',
    POLITENESS_INTERVAL_MS: '0',
    JOB_ATTEMPTS: '2',
    JOB_BACKOFF_MS: '100',
    API_KEY,
    ...extraEnv,
  });
  await waitFor(
    async () => {
      const rows = await job.db.query<{ n: number }>('SELECT count(*)::int AS n FROM articles');
      return rows[0]!.n >= 6;
    },
    40_000,
    'six fixture articles',
  );
  return {
    job,
    site,
    database,
    publish,
    async close() {
      await obliterateQueues(job.worker.queues);
      await job.close();
      await site.close();
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
