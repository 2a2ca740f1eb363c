// `npm run bench:api`: 100,000 generated articles in PostgreSQL; autocannon drives three
// dashboard operations against the real API (in its own process); the same store calls are
// timed alone in this process, and the ratio API time / SQL time is printed.
//   BENCH_ARTICLES (default 100000), BENCH_DURATION seconds per operation (default 10),
//   BENCH_CONNECTIONS (default 10), BENCH_FRESH=1 to regenerate the data.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { articleFacets, articleTimeline, type Db, listArticles, openDatabase } from '@famwatch/store';
import autocannon from 'autocannon';
import pg from 'pg';
import { GENERATOR_VERSION, generateArticles } from './generate.js';

const ARTICLES = Number(process.env['BENCH_ARTICLES'] ?? 100_000);
const DURATION = Number(process.env['BENCH_DURATION'] ?? 10);
const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 10);
const ADMIN_URL = process.env['BENCH_DATABASE_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB_NAME = `famwatch_bench_api_v${GENERATOR_VERSION}_${ARTICLES}`;
const ROOT = resolve(import.meta.dirname, '..', '..');

const dbUrl = new URL(ADMIN_URL);
dbUrl.pathname = `/${DB_NAME}`;

// 1. The data: generated once per (generator version, size), reused by later runs.
const admin = new pg.Client({ connectionString: ADMIN_URL });
await admin.connect();
const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DB_NAME])).rowCount === 1;
if (exists && process.env['BENCH_FRESH']) await admin.query(`DROP DATABASE ${DB_NAME} WITH (FORCE)`);
if (!exists || process.env['BENCH_FRESH']) await admin.query(`CREATE DATABASE ${DB_NAME}`);
await admin.end();
const db: Db = await openDatabase({ databaseUrl: dbUrl.toString(), poolMax: 10 });
const have = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM articles'))[0]!.n;
if (have < ARTICLES) {
  const started = performance.now();
  await db.query('TRUNCATE articles, sources CASCADE');
  await generateArticles(db, ARTICLES, 42, (done) => {
    if (done % 10_000 === 0) console.error(`generated ${done}/${ARTICLES} articles`);
  });
  await db.query('ANALYZE');
  console.error(`generated ${ARTICLES} articles in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
// Fresh statistics whatever migrations or earlier runs did to the tables.
await db.query('ANALYZE');

// 2. The three dashboard operations, as GraphQL and as the store calls they make.
const OPERATIONS = [
  {
    name: 'latest relevant articles for a country',
    query: `query Latest { articles(filter: { countries: ["ML"], relevantOnly: true }, first: 20) {
      totalCount edges { cursor node { id title publishedAt agencies source { name } countries { code name } events { type label } } } } }`,
    sql: () => listArticles(db, { countries: ['ML'], relevantOnly: true }, 20, null, 'NEWEST'),
  },
  {
    name: 'monthly timeline for an actor',
    query: `query Timeline { timeline(filter: { actors: ["wagner-group"] }, interval: MONTH) {
      buckets { start count byEventType { key label count } } } }`,
    sql: () => articleTimeline(db, { actors: ['wagner-group'] }, 'MONTH'),
  },
  {
    name: 'facets for a date range',
    query: `query Facets { facets(filter: { from: "2024-01-01T00:00:00Z", to: "2024-07-01T00:00:00Z" }, limit: 10) {
      total countries { key label count } actors { key label count } eventTypes { key label count }
      sources { key label count } languages { key label count } agencies { key label count } } }`,
    sql: () => articleFacets(db, { from: '2024-01-01T00:00:00Z', to: '2024-07-01T00:00:00Z' }, 10),
  },
];

// 3. The API in a process of its own, so that load generation does not share its event loop.
async function startApi(cacheTtlMs: number) {
  const child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'services', 'api', 'src', 'main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: dbUrl.toString(),
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      NODE_ENV: 'production',
      QUEUE_PREFIX: 'bench-api',
      API_CACHE_TTL_MS: String(cacheTtlMs),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolveUrl, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      const m = /"url":"(http:\/\/[^"]+)\/graphql"/.exec(chunk.toString());
      if (m) resolveUrl(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the API exited with ${code}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

async function measure(label: string, cacheTtlMs: number): Promise<string[]> {
  const api = await startApi(cacheTtlMs);
  const post = (query: string) =>
    fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
  const rows: string[] = [];
  for (const op of OPERATIONS) {
    const check = (await (await post(op.query)).json()) as { errors?: unknown };
    if (check.errors) throw new Error(`${op.name}: ${JSON.stringify(check.errors)}`);
    // Warm both paths, then time one request at a time: API and SQL alone, same work.
    for (let i = 0; i < 20; i += 1) {
      await (await post(op.query)).text();
      await op.sql();
    }
    const apiTimes: number[] = [];
    const sqlTimes: number[] = [];
    for (let i = 0; i < 100; i += 1) {
      let t = performance.now();
      await (await post(op.query)).text();
      apiTimes.push(performance.now() - t);
      t = performance.now();
      await op.sql();
      sqlTimes.push(performance.now() - t);
    }
    const result = await autocannon({
      url: `${api.url}/graphql`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: op.query }),
      connections: CONNECTIONS,
      duration: DURATION,
    });
    const apiP50 = percentile(apiTimes, 50);
    const sqlP50 = percentile(sqlTimes, 50);
    rows.push(
      `| ${op.name} | ${label} | ${result.requests.average.toFixed(0)} | ${result.latency.p50} | ${result.latency.p99} | ${result.non2xx} | ${apiP50.toFixed(1)} | ${sqlP50.toFixed(1)} | ${(apiP50 / sqlP50).toFixed(2)} |`,
    );
    console.error(`measured: ${op.name} (${label})`);
  }
  api.stop();
  return rows;
}

const rows = [...(await measure('aggregate cache on (default)', 30_000)), ...(await measure('cache off', 0))];
await db.close();
console.log(
  `\n${ARTICLES} articles in PostgreSQL; autocannon: ${CONNECTIONS} connections × ${DURATION} s per operation`,
);
console.log(
  'API alone / SQL alone: the same operation, one request at a time, p50 of 100 (SQL = the store calls the resolvers make)\n',
);
console.log('| operation | API | req/s | p50 ms | p99 ms | non-2xx | API alone p50 ms | SQL alone p50 ms | API/SQL |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
