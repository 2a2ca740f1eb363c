import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MainJob, startMainJob } from '../../scripts/main-job.js';
import { type Browser, chromiumAvailable, explainChromiumSkip, launchChromium } from '../helpers/browser.js';
import { type FixtureServer, rssFeed, sendHtml, startFixtureServer } from '../helpers/fixture-server.js';
import { gql, waitFor } from '../helpers/graphql.js';
import { createTempDatabase, type TempDatabase } from '../helpers/postgres.js';
import { obliterateQueues } from '../helpers/queues.js';
import { buildSeedPages, type SeedPage } from '../helpers/seed-pages.js';
import { explainSkip, ROOT, sharedAvailable } from '../helpers/shared-dir.js';

const BUNDLE = join(ROOT, 'services', 'api', 'public', 'index.html');
const ARTIFACTS = join(ROOT, 'test-artifacts');

// The article that arrives while the page is open. Written for this test: on topic, so that
// it passes the dashboard's default "relevant only" filter.
const LIVE = {
  path: '/live/2024/03/01/wagner-replaces-french-troops-in-mali.html',
  title: 'Wagner fighters take over the last French base in northern Mali',
  published: '2024-03-01T09:30:00+00:00',
  paragraphs: [
    'Russian mercenaries of the Wagner Group moved into the former French military base in Timbuktu on Friday, days after the last soldiers of Operation Barkhane left northern Mali, according to residents and a Malian army officer.',
    "Mali's military junta ordered French troops out of the country after relations with Paris collapsed over the coup, accusing France of failing to defeat the jihadist insurgency despite nearly a decade of military presence in the Sahel.",
    'France has withdrawn its forces from Mali, Burkina Faso and Niger since 2022, and its military cooperation with the three Sahel states has been suspended. The French defence ministry said the withdrawal from Mali was complete.',
    'Western governments accuse the Wagner Group of human rights abuses alongside the Malian armed forces, and say the Russian paramilitary force is paid with access to gold mines. Moscow describes the fighters as instructors invited by Bamako.',
    'Analysts in Bamako said the handover marked the end of French military influence in Mali and the rise of Russian security partnerships across the Sahel, where several juntas have turned to Moscow for weapons and training.',
  ],
};

function livePage(baseUrl: string): string {
  const url = `${baseUrl}${LIVE.path}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${LIVE.title} | Sahel Wire</title>
<link rel="canonical" href="${url}">
<meta property="og:title" content="${LIVE.title}">
<meta property="article:published_time" content="${LIVE.published}">
</head><body>
<header><nav><a href="/">Home</a> <a href="/africa">Africa</a> <a href="/world">World</a></nav></header>
<main><article>
<h1>${LIVE.title}</h1>
<p class="byline">By Staff reporter | <time datetime="${LIVE.published}">1 March 2024</time></p>
${LIVE.paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
</article></main>
<footer><p>© Sahel Wire. All rights reserved.</p></footer>
</body></html>`;
}

interface Facets {
  total: number;
  countries: Array<{ key: string; count: number }>;
  actors: Array<{ key: string }>;
  eventTypes: Array<{ key: string }>;
}

/** The dashboard's default filter, as it sends it. */
const DEFAULT_FILTER = { relevantOnly: true };

async function facets(baseUrl: string, filter: Record<string, unknown>): Promise<Facets> {
  const result = await gql<{ facets: Facets }>(
    baseUrl,
    'query ($filter: ArticleFilter) { facets(filter: $filter, limit: 100) { total countries { key count } actors { key } eventTypes { key } } }',
    { filter },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.facets;
}

async function articleIds(baseUrl: string, filter: Record<string, unknown>): Promise<string[]> {
  const result = await gql<{ articles: { edges: Array<{ node: { id: string } }> } }>(
    baseUrl,
    'query ($filter: ArticleFilter) { articles(filter: $filter, first: 20) { edges { node { id } } } }',
    { filter },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.articles.edges.map((e) => e.node.id);
}

const storyIds = (page: Page) =>
  page.locator('#stories-body .story').evaluateAll((els) => els.map((el) => el.getAttribute('data-id')));

explainSkip('the dashboard end-to-end test');
explainChromiumSkip('the dashboard end-to-end test');

describe.skipIf(!sharedAvailable || !chromiumAvailable)('dashboard in headless Chromium against the real API', () => {
  let site: FixtureServer;
  let pages: SeedPage[];
  let job: MainJob;
  let database: TempDatabase;
  let dir: string;
  let browser: Browser;
  const feedItems = new Map<string, Array<{ url: string; title: string; pubDate: string }>>();

  beforeAll(async () => {
    // `npm test` builds first; a lone run of this file builds the bundle if it is missing.
    if (!existsSync(BUNDLE))
      execFileSync('npm', ['run', 'build', '-w', '@famwatch/dashboard'], { cwd: ROOT, stdio: 'inherit' });
    site = await startFixtureServer();
    pages = buildSeedPages(site.url);
    dir = mkdtempSync(join(tmpdir(), 'famwatch-dashboard-e2e-'));
    const sources = pages.map((page) => {
      site.route(page.path, sendHtml(page.html));
      feedItems.set(page.outlet, [
        { url: `${site.url}${page.path}`, title: page.title, pubDate: 'Mon, 01 Jan 2024 00:00:00 GMT' },
      ]);
      site.route(`/${page.outlet}/feed.xml`, (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end(rssFeed(page.outlet, feedItems.get(page.outlet)!));
      });
      return {
        id: page.outlet,
        name: `Fixture ${page.outlet}`,
        homepage: `${site.url}/${page.outlet}/`,
        language: 'en',
        feeds: [{ url: `${site.url}/${page.outlet}/feed.xml`, kind: 'feed' }],
      };
    });
    site.route(LIVE.path, sendHtml(livePage(site.url)));
    writeFileSync(join(dir, 'sources.json'), JSON.stringify(sources));
    database = await createTempDatabase();
    job = await startMainJob({
      SOURCES_FILE: join(dir, 'sources.json'),
      QUEUE_PREFIX: `e2e-dash-${randomUUID().slice(0, 8)}`,
      DATABASE_URL: database.url,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      FETCH_ALLOW_PRIVATE: 'true',
      JOB_BACKOFF_MS: '100',
    });
    await waitFor(
      async () =>
        (await gql<{ articles: { totalCount: number } }>(job.api.url, '{ articles { totalCount } }')).data?.articles
          .totalCount === pages.length,
      40_000,
      'the seed articles stored',
    );
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await obliterateQueues(job?.worker.queues);
    await job?.close();
    await site?.close();
    await database?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('renders every panel from the API, filters by a clicked country, reads a story, shows a new article live, and stays local', {
    timeout: 150_000,
  }, async () => {
    const origin = new URL(job.api.url);
    const requested: string[] = [];
    const page = await browser.context.newPage();
    page.on('request', (request) => requested.push(request.url()));
    page.on('websocket', (socket) => requested.push(socket.url()));
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));

    await page.goto(`${job.api.url}/`);
    await page.waitForSelector('html[data-ready="true"]', { timeout: 20_000 });
    const firstRender = await page.evaluate(() => {
      const mark = performance.getEntriesByName('famwatch:first-render')[0];
      const paint = performance.getEntriesByName('first-contentful-paint')[0];
      return { ready: mark?.startTime ?? null, firstContentfulPaint: paint?.startTime ?? null };
    });
    console.info(`dashboard first render (fixture data): ${JSON.stringify(firstRender)} ms after navigation start`);

    // Every panel shows what the API says.
    const expected = await facets(job.api.url, DEFAULT_FILTER);
    const ids = await articleIds(job.api.url, DEFAULT_FILTER);
    expect(expected.total).toBeGreaterThan(0);
    expect(await storyIds(page)).toEqual(ids);
    expect(await page.locator('#stories-summary').textContent()).toContain(String(expected.total));
    expect(await page.locator('#timeline-body svg .bucket').count()).toBeGreaterThan(0);
    expect(await page.locator('#map-body path.country').count()).toBeGreaterThanOrEqual(50);
    expect(expected.actors.length).toBeGreaterThan(0);
    expect(await page.locator('#actors-body .bar').count()).toBe(Math.min(10, expected.actors.length));
    expect(await page.locator('#events-body .bar').count()).toBe(Math.min(10, expected.eventTypes.length));
    expect(await page.locator('#health-body tr[data-source]').count()).toBe(pages.length);
    expect(await page.locator('#health-body tr[data-queue]').count()).toBeGreaterThanOrEqual(2);

    // Clicking the African country with the fewest articles narrows the list to its articles.
    const drawn = new Set(
      await page.locator('#map-body path.country').evaluateAll((els) => els.map((el) => el.getAttribute('data-code'))),
    );
    const country = expected.countries
      .filter((c) => drawn.has(c.key) && c.count > 0)
      .sort((a, b) => a.count - b.count)[0];
    expect(country, 'an African country tagged in the seed articles').toBeDefined();
    expect(country!.count).toBeLessThan(expected.total);
    const shaded = page.locator(`#map-body path.country[data-code="${country!.key}"]`);
    expect(Number(await shaded.getAttribute('data-count'))).toBe(country!.count);
    await shaded.click();
    const narrowed = await articleIds(job.api.url, { ...DEFAULT_FILTER, countries: [country!.key] });
    expect(narrowed).toHaveLength(country!.count);
    await waitFor(
      async () => JSON.stringify(await storyIds(page)) === JSON.stringify(narrowed),
      10_000,
      'the list filtered by country',
    );
    expect(page.url()).toContain(`country=${country!.key}`);
    await expect
      .poll(() => page.locator(`#map-body path.country[data-code="${country!.key}"]`).getAttribute('aria-pressed'))
      .toBe('true');
    await expect.poll(() => page.locator('#active-filters .chip--active').count()).toBe(1);

    // The reader shows the extracted text, with the evidence of the event tags highlighted.
    const opened = narrowed[0]!;
    const article = (
      await gql<{ article: { body: string; events: Array<{ evidence: string }> } }>(
        job.api.url,
        'query ($id: ID!) { article(id: $id) { body events { evidence } } }',
        { id: opened },
      )
    ).data!.article;
    await page.locator(`#stories-body .story[data-id="${opened}"] .story__title`).click();
    await page.waitForSelector('#reader[open] .reader__body p');
    const firstParagraph = article.body
      .split(/\n\s*\n/)[0]!
      .replace(/\s+/g, ' ')
      .trim();
    expect(await page.locator('#reader .reader__body').textContent()).toContain(firstParagraph);
    const flatBody = article.body.replace(/\s+/g, ' ');
    const findable = article.events.filter((e) => flatBody.includes(e.evidence.replace(/\s+/g, ' ').trim()));
    if (findable.length > 0) expect(await page.locator('#reader .reader__body mark').count()).toBeGreaterThan(0);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-reader.png') });
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.locator('#reader').evaluate((dialog) => (dialog as unknown as { open: boolean }).open))
      .toBe(false);

    // Back to everything, then a new article arrives while the page stays open.
    await page.locator('#active-filters .chip--active').click();
    await waitFor(
      async () => JSON.stringify(await storyIds(page)) === JSON.stringify(ids),
      10_000,
      'the unfiltered list',
    );
    await page.waitForSelector('#live-status[data-status="live"]', { timeout: 15_000 });
    await page.evaluate(() => {
      // A page reload would lose this.
      (globalThis as unknown as { notReloaded: boolean }).notReloaded = true;
    });
    const outlet = pages[0]!.outlet;
    feedItems
      .get(outlet)!
      .push({ url: `${site.url}${LIVE.path}`, title: LIVE.title, pubDate: 'Fri, 01 Mar 2024 09:30:00 GMT' });
    await job.worker.resync(true);
    const arrived = page.locator('#stories-body .story--new', { hasText: LIVE.title });
    await arrived.waitFor({ timeout: 40_000 });
    expect(await page.evaluate(() => (globalThis as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    expect(await page.locator('#stories-body .story').first().getAttribute('data-id')).toBe(
      await arrived.getAttribute('data-id'),
    );
    await expect
      .poll(() => page.locator('#stories-summary').textContent(), { timeout: 10_000 })
      .toContain(String(expected.total + 1));

    await page.screenshot({ path: join(ARTIFACTS, 'dashboard.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-phone.png'), fullPage: true });

    // Nothing left the machine: every request went to the API's own origin.
    const foreign = requested.filter((url) => {
      const parsed = new URL(url);
      return parsed.host !== origin.host || !['http:', 'ws:'].includes(parsed.protocol);
    });
    expect(requested.length).toBeGreaterThan(5);
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
