import { type Db, openDatabase } from '@famwatch/store';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { API_KEY, type ApiFixture, frenchPage, startApiFixture } from '../../../test/helpers/api-fixture.js';
import { gql, waitFor } from '../../../test/helpers/graphql.js';
import { explainSkip, sharedAvailable } from '../../../test/helpers/shared-dir.js';
import { loadApiConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { type ApiServer, startApiServer } from '../src/server.js';

type Errors = Array<{ message: string; extensions?: Record<string, unknown> }>;
const codes = (errors: Errors | undefined) => (errors ?? []).map((e) => e.extensions?.['code']);
const admin = { authorization: `Bearer ${API_KEY}` };

explainSkip('the API end-to-end tests');

describe.skipIf(!sharedAvailable)('the GraphQL API over HTTP', () => {
  let fx: ApiFixture;
  let url: string;
  let strict: ApiServer;
  let keyless: ApiServer;
  let counted: ApiServer;
  let countedDb: Db;

  beforeAll(async () => {
    fx = await startApiFixture();
    url = fx.job.api.url;
    const base = {
      DATABASE_URL: fx.database.url,
      QUEUE_PREFIX: 'unused-strict',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
    };
    // A production-like server (private addresses refused, errors masked, no introspection)
    // and one without an API key, over the same database.
    strict = await startApiServer({
      config: loadApiConfig({ ...base, API_KEY, NODE_ENV: 'production' }),
      db: fx.job.db,
      logger: createLogger('silent', 'strict'),
    });
    keyless = await startApiServer({
      config: loadApiConfig(base),
      db: fx.job.db,
      logger: createLogger('silent', 'keyless'),
    });
    // A server with a database handle of its own, so that its query count is only its own.
    countedDb = await openDatabase({ databaseUrl: fx.database.url });
    counted = await startApiServer({
      config: loadApiConfig(base),
      db: countedDb,
      logger: createLogger('silent', 'counted'),
    });
  });

  afterAll(async () => {
    await strict?.close();
    await keyless?.close();
    await counted?.close();
    await countedDb?.close();
    await fx?.close();
  });

  describe('queries', () => {
    it('lists articles newest first with filters, orders and cursors', async () => {
      const all = await gql<{ articles: { totalCount: number; edges: Array<{ node: { publishedAt: string } }> } }>(
        url,
        '{ articles(first: 100) { totalCount edges { node { publishedAt } } } }',
      );
      expect(all.data!.articles.totalCount).toBe(6);
      const dates = all.data!.articles.edges.map((e) => Date.parse(e.node.publishedAt));
      expect(dates).toEqual([...dates].sort((a, b) => b - a));

      const q = `query ($f: ArticleFilter, $o: ArticleOrder, $after: String) {
        articles(filter: $f, orderBy: $o, first: 2, after: $after) {
          totalCount edges { cursor node { id title language agencies relevance { score } } } pageInfo { hasNextPage endCursor } } }`;
      type Page = {
        articles: {
          totalCount: number;
          edges: Array<{
            node: { id: string; title: string; language: string; agencies: string[]; relevance: { score: number } };
          }>;
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
      };
      const fr = await gql<Page>(url, q, { f: { languages: ['fr'] } });
      expect(fr.data!.articles.totalCount).toBe(3);
      expect(fr.data!.articles.edges.every((e) => e.node.language === 'fr')).toBe(true);
      const titles = async (f: Record<string, unknown>) =>
        (
          await gql<{ articles: { edges: Array<{ node: { title: string } }> } }>(
            url,
            'query ($f: ArticleFilter) { articles(filter: $f, first: 50) { edges { node { title } } } }',
            { f },
          )
        ).data!.articles.edges.map((e) => e.node.title);
      expect(await titles({ countries: ['ML'], relevantOnly: true })).toContain(
        'Mali set to cut off military cooperation with France',
      );
      expect(await titles({ countries: ['TD'] })).toEqual([
        "Tchad : l'armée française rétrocède la base de Faya-Largeau",
      ]);
      expect(await titles({ actors: ['operation-barkhane'], eventTypes: ['troop_withdrawal'] })).toContain(
        'Mali set to cut off military cooperation with France',
      );
      expect(await titles({ sourceIds: ['southfront'] })).toEqual([
        'CAR Rebels Ask France For Help In Their Fight Against ‘Evil’ Russians',
      ]);
      expect((await titles({ minRelevance: 0.99999 })).length).toBeLessThan(6);
      const afp = await gql<Page>(url, q, { f: { agencies: ['AFP'], languages: ['fr'] } });
      expect(afp.data!.articles.totalCount).toBeGreaterThanOrEqual(1);
      const ranged = await gql<Page>(url, q, { f: { from: '2023-01-01T00:00:00Z', to: '2024-01-01T00:00:00Z' } });
      expect(ranged.data!.articles.totalCount).toBe(2);

      // Relevance order, walked page by page with cursors: every article once, scores descending.
      const seen: number[] = [];
      const ids = new Set<string>();
      let after: string | null = null;
      for (let i = 0; i < 5; i += 1) {
        const page: { data?: Page } = await gql<Page>(url, q, { o: 'RELEVANCE', after });
        for (const e of page.data!.articles.edges) {
          seen.push(e.node.relevance.score);
          ids.add(e.node.id);
        }
        if (!page.data!.articles.pageInfo.hasNextPage) break;
        after = page.data!.articles.pageInfo.endCursor;
      }
      expect(ids.size).toBe(6);
      expect(seen).toEqual([...seen].sort((a, b) => b - a));
    });

    it('searches French text with French stemming, without accents, with highlighted snippets', async () => {
      const q = `query ($s: String!, $o: ArticleOrder) { articles(filter: { search: $s }, orderBy: $o) { totalCount edges { node { title snippet } } } }`;
      type R = { articles: { totalCount: number; edges: Array<{ node: { title: string; snippet: string } }> } };
      const soldiers = await gql<R>(url, q, { s: 'soldat français' });
      expect(soldiers.data!.articles.edges.map((e) => e.node.title)).toEqual(
        expect.arrayContaining([
          "Tchad : l'armée française rétrocède la base de Faya-Largeau",
          'Le Niger dénonce ses accords de défense avec la France',
        ]),
      );
      expect(soldiers.data!.articles.edges[0]!.node.snippet).toMatch(/<mark>soldats<\/mark>/);
      const unaccented = await gql<R>(url, q, { s: 'retrocede', o: 'SEARCH_RANK' });
      expect(unaccented.data!.articles.edges.map((e) => e.node.title)).toEqual([
        "Tchad : l'armée française rétrocède la base de Faya-Largeau",
      ]);
      const none = await gql<R>(url, q, { s: 'soldat -tchad -niger' });
      expect(none.data!.articles.totalCount).toBe(0);
    });

    it('exposes enrichment, the source and the syndication cluster of an article', async () => {
      type A = {
        articleByUrl: {
          id: string;
          title: string;
          byline: string;
          wordCount: number;
          source: { id: string };
          relevance: { relevant: boolean; reasons: string[] };
          countries: Array<{ code: string; name: string }>;
          actors: Array<{ id: string; kind: string }>;
          events: Array<{ type: string; label: string; evidence: string }>;
          cluster: { size: number; lead: { source: { id: string } }; articles: Array<{ id: string }> } | null;
        } | null;
      };
      const pageUrl = `${fx.site.url}/sahel/niger-accords?utm_campaign=test`;
      const q = `query ($u: String!) { articleByUrl(url: $u) { id title byline wordCount source { id }
        relevance { relevant reasons } countries { code name } actors { id kind } events { type label evidence }
        cluster { size lead { source { id } } articles { id } } } }`;
      const { data } = await gql<A>(url, q, { u: pageUrl });
      const article = data!.articleByUrl!;
      expect(article.source.id).toBe('sahel');
      expect(article.relevance.relevant).toBe(true);
      expect(article.relevance.reasons.length).toBeGreaterThan(0);
      expect(article.countries.map((c) => c.code)).toEqual(expect.arrayContaining(['NE', 'FR']));
      expect(article.countries.find((c) => c.code === 'NE')!.name).toBe('Niger');
      expect(article.events.map((e) => e.type)).toContain('cooperation_ended');
      expect(article.events.find((e) => e.type === 'cooperation_ended')!.evidence).toMatch(
        /accords de (défense|coopération militaire)/,
      );
      // The mirror's copy, with other boilerplate and an hour later, joins the same cluster.
      expect(article.cluster).toMatchObject({ size: 2, lead: { source: { id: 'sahel' } } });
      expect(article.cluster!.articles[0]!.id).toBe(article.id);
      const byId = await gql<{ article: { title: string } | null }>(
        url,
        'query ($id: ID!) { article(id: $id) { title } }',
        { id: article.id },
      );
      expect(byId.data!.article!.title).toBe(article.title);
      const missing = await gql<{ article: null }>(
        url,
        '{ article(id: "0000000000000000") { id } malformed: article(id: "x") { id } }',
      );
      expect(missing.data).toEqual({ article: null, malformed: null });
      const lone = await gql<{ articleByUrl: { cluster: null; actors: Array<{ id: string }> } }>(url, q, {
        u: `${fx.site.url}/press-tv/x`,
      });
      expect(lone.data!.articleByUrl).toBeNull();
    });

    it('reports sources with their health, and one source by id', async () => {
      type S = {
        sources: Array<{
          id: string;
          name: string;
          articleCount: number;
          enabled: boolean;
          feeds: Array<{ kind: string }>;
          schedule: { every: number };
          health: {
            lastSuccessAt: string | null;
            consecutiveFailures: number;
            itemsSeen: number;
            nextPollAt: string | null;
          };
        }>;
      };
      const { data } = await gql<S>(
        url,
        '{ sources { id name articleCount enabled feeds { kind } schedule { every } health { lastSuccessAt consecutiveFailures itemsSeen nextPollAt } } }',
      );
      const sahel = data!.sources.find((s) => s.id === 'sahel')!;
      expect(sahel.articleCount).toBe(2);
      expect(sahel.feeds).toEqual([{ kind: 'FEED' }]);
      expect(sahel.schedule.every).toBe(900);
      await waitFor(
        async () => {
          const r = await gql<{ source: { health: { lastSuccessAt: string | null; itemsSeen: number } } }>(
            url,
            '{ source(id: "sahel") { health { lastSuccessAt itemsSeen } } }',
          );
          return r.data!.source.health.lastSuccessAt !== null && r.data!.source.health.itemsSeen >= 2;
        },
        5000,
        'source health',
      );
      expect(sahel.health.consecutiveFailures).toBe(0);
      expect(sahel.health.nextPollAt).not.toBeNull();
    });

    it('aggregates a timeline and facets in SQL', async () => {
      type T = {
        timeline: {
          interval: string;
          buckets: Array<{
            start: string;
            count: number;
            byEventType: Array<{ key: string; label: string; count: number }>;
          }>;
        };
      };
      const month = await gql<T>(
        url,
        '{ timeline(interval: MONTH) { interval buckets { start count byEventType { key label count } } } }',
      );
      const buckets = month.data!.timeline.buckets;
      expect(buckets.reduce((sum, b) => sum + b.count, 0)).toBe(6);
      expect(buckets[0]!.start).toMatch(/^2021-02-01T00:00:00/);
      // Months without articles are there as zeros between the first and the last.
      expect(buckets.some((b) => b.count === 0)).toBe(true);
      expect(buckets.find((b) => b.start.startsWith('2023-08'))!.byEventType.map((e) => e.key)).toContain(
        'cooperation_ended',
      );
      const day = await gql<T>(
        url,
        '{ timeline(interval: DAY, filter: { languages: ["fr"], from: "2023-08-01T00:00:00Z", to: "2023-09-01T00:00:00Z" }) { buckets { start count } } }',
      );
      expect(day.data!.timeline.buckets).toEqual([{ start: '2023-08-04T00:00:00+00:00', count: 2 }]);

      type F = { facets: Record<string, Array<{ key: string; label: string; count: number }>> & { total: number } };
      const { data } = await gql<F>(
        url,
        '{ facets(limit: 5) { total countries { key label count } actors { key label count } eventTypes { key label count } sources { key label count } languages { key label count } agencies { key label count } } }',
      );
      expect(data!.facets.total).toBe(6);
      expect(data!.facets['countries']!.find((c) => c.key === 'FR')).toMatchObject({ label: 'France' });
      expect(data!.facets['countries']!.length).toBeLessThanOrEqual(5);
      const counts = data!.facets['countries']!.map((c) => c.count);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
      expect(data!.facets['languages']).toEqual(
        expect.arrayContaining([
          { key: 'fr', label: 'French', count: 3 },
          { key: 'en', label: 'English', count: 3 },
        ]),
      );
      expect(data!.facets['sources']!.find((s) => s.key === 'sahel')).toEqual({
        key: 'sahel',
        label: 'Outlet sahel',
        count: 2,
      });
      const bad = await gql(url, '{ facets(limit: 0) { total } }');
      expect(codes(bad.errors)).toEqual(['BAD_USER_INPUT']);
    });

    it('shows queue counts, failures and the event taxonomy', async () => {
      type I = {
        ingestion: { queues: Array<{ name: string; waiting: number; failed: number }>; failures: unknown[] };
        eventTypes: Array<{ id: string; label: string; labelFr: string }>;
      };
      const { data } = await gql<I>(
        url,
        '{ ingestion { queues { name waiting failed } failures { url code } } eventTypes { id label labelFr } }',
      );
      expect(data!.ingestion.queues.map((q) => q.name).sort()).toEqual(['article', 'discover']);
      expect(Array.isArray(data!.ingestion.failures)).toBe(true);
      expect(data!.eventTypes).toHaveLength(14);
      expect(data!.eventTypes.find((e) => e.id === 'troop_withdrawal')!.labelFr).toBeTruthy();
    });
  });

  describe('mutations', () => {
    const addSource = `mutation ($i: SourceInput!) { addSource(input: $i) { __typename
      ... on Source { id name schedule { every cron } }
      ... on UserError { message code }
      ... on InvalidInputError { field }
      ... on DuplicateSourceError { existingId } } }`;
    const input = (overrides: Record<string, unknown> = {}) => ({
      name: 'Test Outlet',
      homepage: `${fx.site.url}/test-outlet/`,
      language: 'en',
      feeds: [{ url: `${fx.site.url}/test-outlet/feed.xml`, kind: 'FEED' }],
      ...overrides,
    });

    it('are refused without the key, with a wrong key, and on a server without API_KEY', async () => {
      const anonymous = await gql(url, addSource, { i: input() });
      expect(codes(anonymous.errors)).toEqual(['UNAUTHENTICATED']);
      const wrong = await gql(url, addSource, { i: input() }, { authorization: 'Bearer not-the-key-at-all' });
      expect(codes(wrong.errors)).toEqual(['UNAUTHENTICATED']);
      const disabled = await gql(keyless.url, addSource, { i: input() }, admin);
      expect(codes(disabled.errors)).toEqual(['FORBIDDEN']);
      for (const m of [
        'runSource(id: "sahel") { __typename }',
        'removeSource(id: "sahel") { __typename }',
        'ingestUrl(url: "https://example.org/") { __typename }',
        'retryFailures(sourceId: "sahel") { __typename }',
        'updateSource(id: "sahel", input: { name: "x" }) { __typename }',
      ]) {
        expect(codes((await gql(url, `mutation { ${m} }`)).errors)).toEqual(['UNAUTHENTICATED']);
      }
      const sources = await gql<{ sources: Array<{ id: string }> }>(url, '{ sources { id } }');
      expect(sources.data!.sources.map((s) => s.id)).not.toContain('test-outlet');
    });

    it('add, update, run and remove a source, with typed outcomes for bad input and duplicates', async () => {
      fx.site.route('/test-outlet/feed.xml', (_req, res) =>
        res
          .writeHead(200, { 'content-type': 'application/rss+xml' })
          .end('<rss version="2.0"><channel><title>t</title></channel></rss>'),
      );
      const added = await gql<{ addSource: Record<string, unknown> }>(
        url,
        addSource,
        { i: input({ every: 3600 }) },
        admin,
      );
      expect(added.data!.addSource).toMatchObject({
        __typename: 'Source',
        id: 'test-outlet',
        schedule: { every: 3600, cron: null },
      });
      const duplicate = await gql<{ addSource: Record<string, unknown> }>(url, addSource, { i: input() }, admin);
      expect(duplicate.data!.addSource).toMatchObject({
        __typename: 'DuplicateSourceError',
        code: 'DUPLICATE_SOURCE',
        existingId: 'test-outlet',
      });
      const invalid = await gql<{ addSource: Record<string, unknown> }>(
        url,
        addSource,
        { i: input({ id: 'other', homepage: 'javascript:alert(1)' }) },
        admin,
      );
      expect(invalid.data!.addSource).toMatchObject({
        __typename: 'InvalidInputError',
        code: 'INVALID_INPUT',
        field: 'homepage',
      });
      const cron = await gql<{ addSource: Record<string, unknown> }>(
        url,
        addSource,
        { i: input({ id: 'other', cron: 'every day' }) },
        admin,
      );
      expect(cron.data!.addSource).toMatchObject({ __typename: 'InvalidInputError', field: 'cron' });

      const update = `mutation ($id: ID!, $p: SourcePatch!) { updateSource(id: $id, input: $p) { __typename ... on Source { name enabled schedule { cron } } ... on NotFoundError { code id } } }`;
      const updated = await gql<{ updateSource: Record<string, unknown> }>(
        url,
        update,
        { id: 'test-outlet', p: { name: 'Renamed', cron: '*/30 * * * *', enabled: false } },
        admin,
      );
      expect(updated.data!.updateSource).toEqual({
        __typename: 'Source',
        name: 'Renamed',
        enabled: false,
        schedule: { cron: '*/30 * * * *' },
      });
      const absent = await gql<{ updateSource: Record<string, unknown> }>(
        url,
        update,
        { id: 'nope', p: { name: 'x' } },
        admin,
      );
      expect(absent.data!.updateSource).toEqual({ __typename: 'NotFoundError', code: 'NOT_FOUND', id: 'nope' });

      const run = await gql<{ runSource: Record<string, unknown> }>(
        url,
        'mutation { runSource(id: "test-outlet") { __typename ... on RunSourcePayload { queued source { id } } } }',
        {},
        admin,
      );
      expect(run.data!.runSource).toEqual({ __typename: 'RunSourcePayload', queued: 1, source: { id: 'test-outlet' } });
      await waitFor(async () => (fx.site.hits.get('/test-outlet/feed.xml') ?? 0) >= 1, 10_000, 'the source polled');

      const remove =
        'mutation ($id: ID!) { removeSource(id: $id) { __typename ... on RemovedSource { id articlesRemoved } ... on NotFoundError { code } } }';
      const removed = await gql<{ removeSource: Record<string, unknown> }>(url, remove, { id: 'test-outlet' }, admin);
      expect(removed.data!.removeSource).toEqual({
        __typename: 'RemovedSource',
        id: 'test-outlet',
        articlesRemoved: 0,
      });
      const again = await gql<{ removeSource: Record<string, unknown> }>(url, remove, { id: 'test-outlet' }, admin);
      expect(again.data!.removeSource).toEqual({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
    });

    it('ingests a URL, follows the job to its article, and retries failures', async () => {
      const ingest =
        'mutation ($u: String!) { ingestUrl(url: $u) { __typename ... on IngestJob { id state } ... on InvalidUrlError { code url } } }';
      const follow =
        'query ($id: ID!) { ingestJob(id: $id) { state article { title source { id } } failure { code attempts } } }';
      type J = {
        ingestJob: {
          state: string;
          article: { title: string; source: { id: string } } | null;
          failure: { code: string } | null;
        };
      };
      const pageUrl = `${fx.site.url}/sahel/later`;
      fx.site.route('/sahel/later', (_req, res) => res.writeHead(404).end('not yet'));
      const queued = await gql<{ ingestUrl: { __typename: string; id: string } }>(url, ingest, { u: pageUrl }, admin);
      expect(queued.errors).toBeUndefined();
      expect(queued.data!.ingestUrl.__typename).toBe('IngestJob');
      const failed = await waitFor(
        async () => {
          const r = await gql<J>(url, follow, { id: queued.data!.ingestUrl.id });
          return r.data!.ingestJob.state === 'FAILED' ? r.data!.ingestJob : null;
        },
        15_000,
        'the job to fail',
      );
      expect(failed.failure).toMatchObject({ code: 'HTTP_STATUS' });
      const listed = await gql<{
        ingestion: { failures: Array<{ id: string; url: string; code: string; source: { id: string } | null }> };
      }>(url, '{ ingestion { failures(code: "HTTP_STATUS") { id url code source { id } } } }');
      const failure = listed.data!.ingestion.failures.find((f) => f.url === pageUrl)!;
      expect(failure.source).toEqual({ id: 'sahel' });

      // The page comes online; the failure is queued again and ends stored.
      fx.site.route('/sahel/later', (_req, res) =>
        res
          .writeHead(200, { 'content-type': 'text/html' })
          .end(frenchPage('tchad-base.fr.html').replaceAll('Faya-Largeau', 'Abéché')),
      );
      const retry =
        'mutation ($ids: [ID!], $s: ID) { retryFailures(ids: $ids, sourceId: $s) { __typename ... on RetryFailuresPayload { retried } ... on InvalidInputError { field } } }';
      const retried = await gql<{ retryFailures: Record<string, unknown> }>(url, retry, { ids: [failure.id] }, admin);
      expect(retried.data!.retryFailures).toEqual({ __typename: 'RetryFailuresPayload', retried: 1 });
      const done = await waitFor(
        async () => {
          const r = await gql<J>(url, follow, { id: queued.data!.ingestUrl.id });
          return r.data!.ingestJob.state === 'COMPLETED' && r.data!.ingestJob.article ? r.data!.ingestJob : null;
        },
        15_000,
        'the retried job to complete',
      );
      expect(done.article!.title).toMatch(/Abéché/);
      expect(done.article!.source.id).toBe('sahel');
      const after = await gql<{ ingestion: { failures: Array<{ url: string }> } }>(
        url,
        '{ ingestion { failures { url } } }',
      );
      expect(after.data!.ingestion.failures.map((f) => f.url)).not.toContain(pageUrl);
      const neither = await gql<{ retryFailures: Record<string, unknown> }>(url, retry, {}, admin);
      expect(neither.data!.retryFailures).toEqual({ __typename: 'InvalidInputError', field: 'ids' });

      const bad = await gql<{ ingestUrl: Record<string, unknown> }>(url, ingest, { u: 'not a url' }, admin);
      expect(bad.data!.ingestUrl).toMatchObject({ __typename: 'InvalidUrlError', code: 'INVALID_URL' });
      const ssrf = await gql<{ ingestUrl: Record<string, unknown> }>(
        strict.url,
        ingest,
        { u: 'http://127.0.0.1:6379/' },
        admin,
      );
      expect(ssrf.data!.ingestUrl).toMatchObject({ __typename: 'InvalidUrlError', code: 'SSRF_BLOCKED' });
    });
  });

  it('answers cached dashboard queries fast but never with data older than the last stored article', async () => {
    const total = async () =>
      (
        await gql<{ facets: { total: number }; articles: { totalCount: number } }>(
          url,
          '{ facets { total } articles(first: 1) { totalCount } }',
        )
      ).data!;
    const before = await total();
    expect(await total()).toEqual(before);
    fx.publish(
      'press-tv',
      '/press-tv/cache-check',
      frenchPage('tchad-base.fr.html').replaceAll('Faya-Largeau', 'Mongo'),
      'cache',
    );
    await fx.job.worker.resync(true);
    await waitFor(
      async () => (await total()).facets.total === before.facets.total + 1,
      15_000,
      'the cache to follow the new article',
    );
    expect((await total()).articles.totalCount).toBe(before.articles.totalCount + 1);
  });

  it('pushes a newly stored article to a subscriber whose filter it matches', async () => {
    const client = createClient({
      url: `${url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
    });
    const received: Array<{ title: string; language: string; source: { id: string } }> = [];
    const done = new Promise<void>((resolve, reject) => {
      client.subscribe<{ articleAdded: { title: string; language: string; source: { id: string } } }>(
        { query: 'subscription { articleAdded(filter: { languages: ["fr"] }) { title language source { id } } }' },
        {
          next: (value) => {
            if (value.data) received.push(value.data.articleAdded);
            if (value.errors) reject(new Error(JSON.stringify(value.errors)));
            if (received.length > 0) resolve();
          },
          error: reject,
          complete: () => undefined,
        },
      );
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    // An English article (filtered out) and a French one arrive through the worker.
    fx.publish(
      'urdupoint',
      '/urdupoint/extra',
      frenchPage('tchad-base.fr.html')
        .replace('lang="fr"', 'lang="en"')
        .replace(
          /<article>[\s\S]*<\/article>/,
          `<article><h1>France hands over its last base in Chad</h1>${'<p>French troops left the Faya-Largeau base in northern Chad on Thursday, handing it over to the Chadian army after the end of defence cooperation.</p>'.repeat(3)}</article>`,
        ),
      'extra',
    );
    fx.publish(
      'sahel',
      '/sahel/live',
      frenchPage('tchad-base.fr.html').replaceAll('Faya-Largeau', 'Amdjarass'),
      'live',
    );
    await fx.job.worker.resync(true);
    await Promise.race([
      done,
      new Promise((_, reject) => setTimeout(() => reject(new Error('no live article within 20 s')), 20_000)),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await client.dispose();
    expect(received.map((a) => a.title)).toEqual(["Tchad : l'armée française rétrocède la base de Amdjarass"]);
    expect(received[0]).toMatchObject({ language: 'fr', source: { id: 'sahel' } });
  });

  describe('safety', () => {
    it('refuses queries that are too deep or too costly, with stable codes', async () => {
      const deep = `{ articles(first: 1) { edges { node { cluster { articles { cluster { articles { cluster { articles { cluster { articles { id } } } } } } } } } } } }`;
      const tooDeep = await gql(url, deep);
      expect(codes(tooDeep.errors)).toEqual(['QUERY_TOO_DEEP']);
      const costly =
        '{ articles(first: 100) { edges { node { cluster { articles { cluster { articles { id } } } } } } } }';
      expect(codes((await gql(url, costly)).errors)).toEqual(['QUERY_TOO_COSTLY']);
      const viaFragment =
        'query { ...A } fragment A on Query { articles(first: 100) { edges { node { cluster { articles { cluster { articles { id } } } } } } } }';
      expect(codes((await gql(url, viaFragment)).errors)).toEqual(['QUERY_TOO_COSTLY']);
    });

    it('batches loads: the number of queries does not grow with the page size', async () => {
      const q = (n: number) =>
        `{ articles(first: ${n}) { edges { node { source { name health { itemsSeen } } cluster { size } } } } }`;
      const count = async (n: number) => {
        const before = countedDb.queryCount;
        const r = await gql(counted.url, q(n));
        expect(r.errors).toBeUndefined();
        return countedDb.queryCount - before;
      };
      // Page, count, sources, their health, clusters: one query each, however many articles.
      expect(await count(6)).toBeLessThanOrEqual(5);
      expect(await count(6)).toBe(await count(4));
    });

    it('masks internal details in production, turns off introspection there, and prevents CSRF', async () => {
      const introspection = await gql(strict.url, '{ __schema { queryType { name } } }');
      expect(codes(introspection.errors)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(
        (await gql<{ __schema: unknown }>(url, '{ __schema { queryType { name } } }')).data!.__schema,
      ).toBeTruthy();
      const csrf = await fetch(`${url}/graphql?query=${encodeURIComponent('{ sources { id } }')}`);
      expect(csrf.status).toBe(400);
      expect(await csrf.text()).toMatch(/CSRF/);
      const cursor = await gql(strict.url, '{ articles(after: "bm90LWEtY3Vyc29y") { totalCount } }');
      expect(codes(cursor.errors)).toEqual(['BAD_CURSOR']);
    });

    it('answers health, readiness and metrics', async () => {
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      const ready = await fetch(`${url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ready', database: 'ok', redis: 'ok' });
      const metrics = await (await fetch(`${url}/metrics`)).text();
      expect(metrics).toMatch(/famwatch_queue_jobs\{queue="article",state="completed"\} \d+/);
      expect(metrics).toMatch(/famwatch_jobs_total\{queue="article",outcome="completed",code=""\} \d+/);
      expect(metrics).toMatch(/famwatch_graphql_request_duration_seconds_bucket/);
      expect(metrics).toMatch(/famwatch_fetch_duration_seconds_count\{expect="html",outcome="ok"\} \d+/);
    });
  });
});
