// `npm run bench:pipeline`: end-to-end pages per second (discovery → fetch → extract → store in
// PostgreSQL) with one and two worker processes (and two with analysis inline on a small
// machine), against the bare extractor rate on the same pages in the same run (bare.ts), with
// the CPU time per page of each part (cpu-time.ts). A local site serves the extraction-benchmark pages, cycled under
// distinct URLs, behind one feed; politeness is off for it.
//   BENCH_PAGES (default 2000), BENCH_WORKER_CONCURRENCY (default 8), BENCH_CPU_PROF=DIR to
//   write V8 CPU profiles of every worker thread there, BENCH_NODE_ARGS for other Node flags
//   of the worker processes (for example --trace-gc; their output goes to stderr).
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { createRedis } from '@famwatch/store';
import { Queue } from 'bullmq';
import pg from 'pg';
import { BENCH_DIR, benchAvailable, loadPages } from '../extract/dataset.js';
import { cpuBetween, describeCpu, sampleCpu } from './cpu-time.js';

const PAGES = Number(process.env['BENCH_PAGES'] ?? 2000);
const ADMIN_URL = process.env['BENCH_DATABASE_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const CONCURRENCY = process.env['BENCH_WORKER_CONCURRENCY'] ?? '8';
const ROOT = resolve(import.meta.dirname, '..', '..');

if (!benchAvailable()) {
  console.log(`bench:pipeline: ${BENCH_DIR} not found (set SHARED_DIR); nothing to measure.`);
  process.exit(0);
}

const source = loadPages();
const pages = Array.from({ length: PAGES }, (_, i) => source[i % source.length]!);

// 1. The bare extractor on the same pages, on one core, in a clean process (bare.ts), before
// and after the pipeline runs; the faster of the two is the yardstick.
function measureBare(): Promise<{ extract: number; analyze: number }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'bare.ts')], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.once('exit', (code) =>
      code === 0
        ? resolvePromise(JSON.parse(out) as { extract: number; analyze: number })
        : reject(new Error(`bare measurement exited with ${code}`)),
    );
  });
}
const bareBefore = await measureBare();
console.log(
  `bare, before the pipeline runs: extractor ${bareBefore.extract.toFixed(0)}, extract + enrich ${bareBefore.analyze.toFixed(0)} pages/s (one core)`,
);

// 2. The local site: one feed listing every page under a distinct URL.
const bodies = pages.map((page) => Buffer.from(page.html));
const server = createServer((req, res) => {
  const path = req.url ?? '/';
  if (path === '/feed.xml') {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.end(
      `<rss version="2.0"><channel><title>bench</title>${pages.map((_, i) => `<item><title>p${i}</title><link>${base}/p/${i}</link></item>`).join('')}</channel></rss>`,
    );
    return;
  }
  const m = /^\/p\/(\d+)$/.exec(path);
  if (!m || !bodies[Number(m[1])]) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(bodies[Number(m[1])]);
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

async function run(
  workers: number,
  threads: number,
): Promise<{
  rate: number;
  stored: number;
  failed: number;
  loop: string[];
  phases: string;
  cpu: string;
  timeline: string;
}> {
  const name = `famwatch_bench_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const dbUrl = new URL(ADMIN_URL);
  dbUrl.pathname = `/${name}`;
  const dir = mkdtempSync(join(tmpdir(), 'famwatch-bench-'));
  writeFileSync(
    join(dir, 'sources.json'),
    JSON.stringify([
      {
        id: 'bench',
        name: 'Bench',
        homepage: `${base}/`,
        language: 'en',
        minIntervalMs: 0,
        schedule: { every: 86400 },
        feeds: [{ url: `${base}/feed.xml` }],
      },
    ]),
  );
  const prefix = `bench-${randomUUID().slice(0, 8)}`;
  const env = {
    ...process.env,
    DATABASE_URL: dbUrl.toString(),
    REDIS_URL,
    SOURCES_FILE: join(dir, 'sources.json'),
    QUEUE_PREFIX: prefix,
    FETCH_ALLOW_PRIVATE: 'true',
    POLITENESS_INTERVAL_MS: '0',
    RESPECT_ROBOTS: 'false',
    POLL_ON_START: 'false',
    WORKER_CONCURRENCY: CONCURRENCY,
    EXTRACT_THREADS: String(threads),
    LOG_LEVEL: 'info',
  };
  let started = 0;
  let polledAt: number | null = null;
  let firstAt: number | null = null;
  const loop: string[] = [];
  const timings: Array<{ fetchMs: number; analyzeMs: number; storeMs: number }> = [];
  const children: ChildProcess[] = [];
  for (let i = 0; i < workers; i += 1) {
    // Node with tsx's loader rather than the tsx command: one process per worker, so that
    // its CPU time is the worker's own.
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        ...(process.env['BENCH_CPU_PROF'] ? ['--cpu-prof', `--cpu-prof-dir=${process.env['BENCH_CPU_PROF']}`] : []),
        ...(process.env['BENCH_NODE_ARGS']?.split(/\s+/).filter(Boolean) ?? []),
        join(ROOT, 'services', 'worker', 'src', 'main.ts'),
      ],
      {
        cwd: ROOT,
        env,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    // JSON log lines, reassembled across chunks.
    createInterface({ input: child.stdout! }).on('line', (line) => {
      // Anything but the JSON log (V8 traces asked for through BENCH_NODE_ARGS) goes to stderr.
      if (!line.startsWith('{')) process.stderr.write(`[worker ${i + 1}] ${line}\n`);
      if (line.includes('"eventLoop"') && line.includes('event loop delay')) loop.push(line);
      if (started > 0 && line.includes('"outcome":"polled"') && line.includes('feed polled'))
        polledAt ??= performance.now() - started;
      if (line.includes('"msg":"article stored"')) firstAt ??= performance.now() - started;
      if (line.includes('"msg":"article stored"')) timings.push(JSON.parse(line) as (typeof timings)[number]);
    });
    children.push(child);
  }
  const connection = createRedis(REDIS_URL);
  const discover = new Queue('discover', { connection, prefix });
  const article = new Queue('article', { connection, prefix });
  // Wait until every process has its article worker registered, then start the clock.
  for (;;) {
    if ((await article.getWorkers()).length >= workers) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const db = new pg.Client({ connectionString: dbUrl.toString() });
  await db.connect();
  const cpuBefore = sampleCpu();
  started = performance.now();
  await discover.add('discover', { sourceId: 'bench', feedUrl: `${base}/feed.xml`, kind: 'feed', force: true });
  let stored = 0;
  let failed = 0;
  for (;;) {
    const { rows } = await db.query<{ a: number; f: number }>(
      'SELECT (SELECT count(*)::int FROM articles) AS a, (SELECT count(*)::int FROM failures) AS f',
    );
    stored = rows[0]!.a;
    failed = rows[0]!.f;
    if (stored + failed >= PAGES) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const seconds = (performance.now() - started) / 1000;
  const cpuAfter = sampleCpu();
  const cpu = cpuBefore && cpuAfter ? describeCpu(cpuBetween(cpuBefore, cpuAfter), PAGES, seconds) : 'n/a (no /proc)';
  await Promise.all(
    children.map(
      (child) =>
        new Promise((r) => {
          child.once('exit', r);
          child.kill('SIGTERM');
        }),
    ),
  );
  await db.end();
  await discover.obliterate({ force: true });
  await article.obliterate({ force: true });
  await Promise.all([discover.close(), article.close()]);
  connection.disconnect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
  rmSync(dir, { recursive: true, force: true });
  const mean = (key: 'fetchMs' | 'analyzeMs' | 'storeMs') =>
    timings.reduce((sum, t) => sum + t[key], 0) / Math.max(1, timings.length);
  const phases = `fetch ${mean('fetchMs').toFixed(0)} / analyze ${mean('analyzeMs').toFixed(0)} / store ${mean('storeMs').toFixed(0)} ms`;
  const timeline = `feed polled at ${((polledAt ?? Number.NaN) / 1000).toFixed(2)} s, first article stored at ${((firstAt ?? Number.NaN) / 1000).toFixed(2)} s, last at ${seconds.toFixed(2)} s`;
  return { rate: PAGES / seconds, stored, failed, loop, phases, cpu, timeline };
}

// The default (one analysis thread per process) with one and two processes, then two
// processes as the README recommends when worker processes are as many as cores: analysis
// inline, so that each process is one busy thread instead of two competing for a core.
const recipeThreads = cpus().length >= 4 ? 1 : 0;
const configs = [
  { label: '1 worker process, 1 analysis thread (default)', workers: 1, threads: 1 },
  { label: '2 worker processes, 1 analysis thread each (default)', workers: 2, threads: 1 },
  ...(recipeThreads === 1
    ? []
    : [{ label: '2 worker processes, analysis inline (EXTRACT_THREADS=0)', workers: 2, threads: 0 }]),
];
const results: Array<[(typeof configs)[number], Awaited<ReturnType<typeof run>>]> = [];
for (const config of configs) results.push([config, await run(config.workers, config.threads)]);
server.close();
const bareAfter = await measureBare();
console.log(
  `bare, after the pipeline runs: extractor ${bareAfter.extract.toFixed(0)}, extract + enrich ${bareAfter.analyze.toFixed(0)} pages/s (one core)`,
);
const bare = Math.max(bareBefore.extract, bareAfter.extract);
const bareAnalysis = Math.max(bareBefore.analyze, bareAfter.analyze);

console.log('');
console.log(
  '| run | pages/s | stored | failed | ratio to bare extractor | event loop delay p99 (max) per process | mean time per article |',
);
console.log('|---|---|---|---|---|---|---|');
console.log(`| bare extractor (1 core) | ${bare.toFixed(0)} | – | – | 1.00 | – | – |`);
console.log(
  `| bare extract + enrich (1 core) | ${bareAnalysis.toFixed(0)} | – | – | ${(bareAnalysis / bare).toFixed(2)} | – | – |`,
);
for (const [config, r] of results) {
  const loops = r.loop.map((line) => {
    const { eventLoop } = JSON.parse(line) as { eventLoop: { p99Ms: number; maxMs: number } };
    return `${eventLoop.p99Ms} ms (${eventLoop.maxMs} ms)`;
  });
  console.log(
    `| ${config.label} | ${r.rate.toFixed(0)} | ${r.stored} | ${r.failed} | ${(r.rate / bare).toFixed(2)} | ${loops.join('; ')} | ${r.phases} |`,
  );
}
console.log('');
for (const [config, r] of results) {
  console.log(`${config.label}: ${r.timeline}`);
  console.log(`  CPU per page: ${r.cpu}`);
}
const [recipe, two] = results.find(([c]) => c.workers === 2 && c.threads === recipeThreads)!;
console.log(
  `\nacceptance: two worker processes (${recipe.label}) reach ${(two.rate / bare).toFixed(2)}× the bare extractor rate (target ≥ 0.60), ${(two.rate / bareAnalysis).toFixed(2)}× bare extract + enrich, on ${cpus().length} cores`,
);
