import { randomUUID } from 'node:crypto';
import type { ExtractedArticle } from '@famwatch/shared';
import { type Db, openDatabase, seedSources, upsertArticle } from '@famwatch/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadApiConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { type ApiServer, startApiServer } from '../src/server.js';

/** A small deterministic PRNG, so that a failing input can be reproduced from the seed. */
function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const VALID = `query Q($f: ArticleFilter, $o: ArticleOrder, $n: Int, $a: String) {
  articles(filter: $f, orderBy: $o, first: $n, after: $a) { totalCount edges { cursor node { id title snippet } } }
}`;

const BAD_VALUES: unknown[] = [
  null,
  -1,
  101,
  1e12,
  3.5,
  'abc',
  '',
  ' ',
  [],
  {},
  [1, 2],
  true,
  '2020-13-45',
  'yesterday',
  '1989-01-01T00:00:00Z',
  'x'.repeat(20_000),
  '💥'.repeat(200),
  '\u0000',
  "'; DROP TABLE articles; --",
  '!!&&|| <-> :*',
  '"unterminated',
  { $ne: 1 },
  ['ML', 1],
  ['mali'],
  ['EN-us'],
  Number.MAX_SAFE_INTEGER,
  -0.5,
  2,
  'NaN',
];

const BAD_CURSORS = [
  'x',
  '!!!',
  'a'.repeat(400),
  Buffer.from('[0,"2020-01-01T00:00:00Z","zz"]').toString('base64url'),
  Buffer.from('[9,"2020-01-01T00:00:00Z","0123456789abcdef"]').toString('base64url'),
  Buffer.from('[0,12,"0123456789abcdef"]').toString('base64url'),
  Buffer.from('[2,"high","0123456789abcdef"]').toString('base64url'),
  Buffer.from('{"a":1}').toString('base64url'),
  Buffer.from('[0,"not a date","0123456789abcdef"]').toString('base64url'),
  Buffer.from('null').toString('base64url'),
  Buffer.from('[0,"2020-01-01T00:00:00Z","0123456789abcdef",4]').toString('base64url'),
];

const FILTER_KEYS = [
  'search',
  'countries',
  'actors',
  'eventTypes',
  'sourceIds',
  'languages',
  'agencies',
  'from',
  'to',
  'relevantOnly',
  'minRelevance',
  'unknownKey',
];

const GARBAGE_QUERIES = [
  '{',
  '}',
  '{ articles',
  'query {',
  'mutation',
  '{ articles(first: ) { totalCount } }',
  '{ articles(first: 1, first: 2) { totalCount } }',
  '{ nope }',
  '{ articles { nope } }',
  '{ article }',
  '{ article(id: 1) { id } }',
  'subscription { articleAdded { id } }',
  'query A { ...F } fragment F on Query { ...G } fragment G on Query { ...F }',
  'fragment F on Article { id }',
  '{ sources { ... on Article { id } } }',
  `{ ${'articles(first: 1) { edges { node { cluster { articles { '.repeat(30)}id${' } } } } }'.repeat(30)} }`,
  `${'{'.repeat(5000)}${'}'.repeat(5000)}`,
  `query ${'($a: Int)'.repeat(300)} { sources { id } }`,
  '{ __schema { types { name } } }',
  '{ timeline(interval: YEAR) { interval } }',
  '{ facets(limit: 100000) { total } }',
  '{ ingestJob(id: "../../etc") { id } }',
  '{ articleByUrl(url: "javascript:alert(1)") { id } }',
  `{ articleByUrl(url: "http://x/${'a'.repeat(5000)}") { id } }`,
  'mutation { addSource(input: {}) { __typename } }',
  'query Q { a: sources { id } a: sources { name } }',
];

describe('malformed queries, variables and cursors', () => {
  let db: Db;
  let server: ApiServer;

  beforeAll(async () => {
    db = await openDatabase({ dataDir: 'memory://' });
    await seedSources(db, [
      { id: 's', name: 'S', homepage: 'https://s.example/', language: 'en', enabled: true, feeds: [] },
    ]);
    for (let i = 0; i < 5; i += 1) {
      const article: ExtractedArticle = {
        url: `https://s.example/${i}`,
        canonicalUrl: `https://s.example/${i}`,
        title: `Title ${i}`,
        body: `French troops ${i} left the base.`,
        bodyHtml: '',
        summary: null,
        publishedAt: `2022-05-0${i + 1}T08:00:00+00:00`,
        modifiedAt: null,
        byline: null,
        agencies: [],
        language: i % 2 ? 'fr' : 'en',
        imageUrl: null,
        wordCount: 6,
      };
      await upsertArticle(db, { article, sourceId: 's', fetchedAt: '2022-06-01T00:00:00Z' });
    }
    server = await startApiServer({
      config: loadApiConfig({
        PORT: '0',
        HOST: '127.0.0.1',
        QUEUE_PREFIX: `fuzz-${randomUUID().slice(0, 8)}`,
        LOG_LEVEL: 'silent',
        API_KEY: 'fuzz-key-0123456789abcdef',
      }),
      db,
      logger: createLogger('silent', 'fuzz'),
    });
  });

  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  const post = async (body: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    const text = await response.text();
    return { status: response.status, text };
  };

  const internalErrors = (text: string): string[] => {
    try {
      const parsed = JSON.parse(text) as { errors?: Array<{ message: string; extensions?: { code?: string } }> };
      return (parsed.errors ?? [])
        .filter((e) => !e.extensions?.code || e.extensions.code === 'INTERNAL_SERVER_ERROR')
        .map((e) => e.message);
    } catch {
      return [];
    }
  };

  it('answers hundreds of generated bad inputs without a 5xx or an internal error', async () => {
    const random = prng(20261123);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const requests: Array<{ label: string; body: string; headers?: Record<string, string> }> = [];
    for (let i = 0; i < 200; i += 1) {
      const filter: Record<string, unknown> = {};
      for (let k = 0; k < 1 + Math.floor(random() * 3); k += 1) filter[pick(FILTER_KEYS)] = pick(BAD_VALUES);
      const variables: Record<string, unknown> = { f: random() < 0.8 ? filter : pick(BAD_VALUES) };
      if (random() < 0.5) variables['n'] = pick(BAD_VALUES);
      if (random() < 0.5) variables['a'] = random() < 0.7 ? pick(BAD_CURSORS) : pick(BAD_VALUES);
      if (random() < 0.3) variables['o'] = pick(['NEWEST', 'SEARCH_RANK', 'RELEVANCE', 'sideways', 3, null]);
      requests.push({ label: `variables #${i}`, body: JSON.stringify({ query: VALID, variables }) });
    }
    for (const query of GARBAGE_QUERIES)
      requests.push({ label: `query ${query.slice(0, 40)}`, body: JSON.stringify({ query }) });
    for (let i = 0; i < 60; i += 1) {
      // Valid queries cut at a random point, and random printable noise.
      const cut = VALID.slice(0, Math.floor(random() * VALID.length));
      const noise = Array.from({ length: 1 + Math.floor(random() * 60) }, () =>
        String.fromCharCode(32 + Math.floor(random() * 95)),
      ).join('');
      requests.push({ label: `cut #${i}`, body: JSON.stringify({ query: i % 2 ? cut : noise }) });
    }
    for (const body of [
      '',
      '{',
      'null',
      '[]',
      '"query"',
      '{"query": 5}',
      '{"query": "{ sources { id } }", "variables": "x"}',
      '{"query": "{ sources { id } }", "operationName": 7}',
      `{"query": "${'a'.repeat(200_000)}"}`,
      JSON.stringify([{ query: '{ sources { id } }' }]),
    ]) {
      requests.push({ label: `body ${body.slice(0, 30)}`, body });
    }
    requests.push({
      label: 'mutation with a bad key',
      body: JSON.stringify({ query: 'mutation { runSource(id: "s") { __typename } }' }),
      headers: { authorization: 'Bearer \u00ff\u00fe' },
    });
    requests.push({
      label: 'mutation with a bad input',
      body: JSON.stringify({
        query: 'mutation ($i: SourceInput!) { addSource(input: $i) { __typename } }',
        variables: { i: { name: 1, feeds: 'x' } },
      }),
      headers: { authorization: 'Bearer fuzz-key-0123456789abcdef' },
    });

    expect(requests.length).toBeGreaterThan(280);
    const problems: string[] = [];
    for (const request of requests) {
      const { status, text } = await post(request.body, request.headers);
      if (status >= 500) problems.push(`${request.label}: HTTP ${status} ${text.slice(0, 200)}`);
      for (const message of internalErrors(text))
        problems.push(`${request.label}: internal error ${message.slice(0, 200)}`);
    }
    expect(problems).toEqual([]);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
