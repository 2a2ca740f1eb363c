// `npm run bench:extract [-- --only famwatch] [--passes N] [--details FILE]`
//
// Scores our extractor and @mozilla/readability (over linkedom) on the development split of
// the extraction benchmark, with the README's metric, and times both against the floor of a
// bare htmlparser2 parse. Each system runs in its own child process, one after the other, so
// that each has a core to itself and its peak memory is its own (modules, pages and its work),
// not the sum of everything the parent loaded.
import { fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BENCH_DIR, benchAvailable, loadPages } from './dataset.js';
import { type PageScore, type Summary, scorePage, summarize } from './metric.js';
import { loadSystem, SYSTEM_LABELS, SYSTEM_NAMES, type SystemName } from './systems.js';

/** What a child reports about one system. */
interface SystemResult {
  system: SystemName;
  summary: Summary;
  pages: Array<{ id: string; url: string } & PageScore>;
  /** Median wall time of one timed pass over all pages, in ms. */
  passMs: number;
  pagesPerSecond: number;
  /** RSS after loading the code and pages, before extracting, in bytes. */
  baselineRss: number;
  /** Highest RSS sampled between pages during the passes, in bytes. */
  peakRss: number;
  /** Highest V8 heap in use sampled between pages, in bytes. */
  peakHeap: number;
  /** The child process's own peak resident set (getrusage maxrss), in bytes. */
  maxRss: number;
}

interface Options {
  only: SystemName[];
  passes: number;
  details: string | null;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { only: [...SYSTEM_NAMES], passes: 3, details: null };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === '--only' && value) {
      const names = value.split(',');
      for (const name of names)
        if (!(SYSTEM_NAMES as readonly string[]).includes(name)) throw new Error(`--only: unknown system ${name}`);
      options.only = names as SystemName[];
      i += 1;
    } else if (arg === '--passes' && value && Number(value) >= 1) {
      options.passes = Math.floor(Number(value));
      i += 1;
    } else if (arg === '--details' && value) {
      options.details = value;
      i += 1;
    } else
      throw new Error(
        `unknown argument ${arg}\nusage: npm run bench:extract -- [--only famwatch,readability,htmlparser2] [--passes N] [--details FILE]`,
      );
  }
  return options;
}

async function runChild(system: SystemName, passes: number): Promise<SystemResult> {
  const extract = await loadSystem(system);
  const pages = loadPages();
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const baselineRss = process.memoryUsage.rss();
  let peakRss = baselineRss;
  let peakHeap = 0;
  const sample = () => {
    const rss = process.memoryUsage.rss();
    if (rss > peakRss) peakRss = rss;
    const heap = process.memoryUsage().heapUsed;
    if (heap > peakHeap) peakHeap = heap;
  };

  // The first pass scores the output and warms the JIT; it is not timed.
  const scored = pages.map((page) => {
    const output = extract(page.html, page.url);
    sample();
    return { id: page.id, url: page.url, ...scorePage(output, page.truth) };
  });
  const times: number[] = [];
  for (let pass = 0; pass < passes; pass += 1) {
    const start = performance.now();
    for (const page of pages) {
      extract(page.html, page.url);
      // Sampling costs about a microsecond; every system pays it alike.
      sample();
    }
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const passMs = times[Math.floor(times.length / 2)]!;
  return {
    system,
    summary: system === 'htmlparser2' ? summarize([]) : summarize(scored),
    pages: scored,
    passMs,
    pagesPerSecond: (pages.length / passMs) * 1000,
    baselineRss,
    peakRss,
    peakHeap,
    maxRss: process.resourceUsage().maxRSS * 1024,
  };
}

function spawnChild(system: SystemName, passes: number): Promise<SystemResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--child', system, String(passes)], {
      execArgv: [...process.execArgv, '--expose-gc'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: SystemResult | null = null;
    child.on('message', (message) => {
      result = message as SystemResult;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (result && code === 0) resolve(result);
      else reject(new Error(`the ${system} child exited with code ${code} without a result`));
    });
  });
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const fixed = (n: number) => n.toFixed(3);

function report(results: SystemResult[], pageCount: number): void {
  console.log(`\nextraction benchmark — ${pageCount} pages from ${BENCH_DIR}`);
  console.log('one child process per system, run one after the other (one core each)\n');
  const rows = results.map((r) => ({
    system: r.system,
    F1: r.system === 'htmlparser2' ? '—' : fixed(r.summary.f1),
    precision: r.system === 'htmlparser2' ? '—' : fixed(r.summary.precision),
    recall: r.system === 'htmlparser2' ? '—' : fixed(r.summary.recall),
    accuracy: r.system === 'htmlparser2' ? '—' : fixed(r.summary.accuracy),
    'pages/s': r.pagesPerSecond.toFixed(1),
    'ms/page': (r.passMs / pageCount).toFixed(2),
    'peak RSS': mb(r.maxRss),
    'RSS Δ': mb(r.peakRss - r.baselineRss),
    'peak heap': mb(r.peakHeap),
  }));
  console.table(rows);
  for (const r of results) console.log(`  ${r.system}: ${SYSTEM_LABELS[r.system]}`);
  console.log(
    "\n  peak RSS = the child process's maxrss (its code, the 90 decompressed pages and its work);\n" +
      '  RSS Δ = highest RSS sampled between pages minus the RSS after loading, i.e. what extraction adds;\n' +
      '  peak heap = highest V8 heapUsed sampled between pages. pages/s = median of the timed passes,\n' +
      '  after one untimed pass that scores the output and warms up the JIT.',
  );
  const ours = results.find((r) => r.system === 'famwatch');
  const peer = results.find((r) => r.system === 'readability');
  const floor = results.find((r) => r.system === 'htmlparser2');
  if (ours && peer)
    console.log(
      `\n  famwatch is ${(ours.pagesPerSecond / peer.pagesPerSecond).toFixed(1)}× Readability+linkedom's speed`,
    );
  if (ours && floor)
    console.log(`  parsing alone takes ${((floor.passMs / ours.passMs) * 100).toFixed(0)}% of famwatch's time`);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === '--child') {
    const result = await runChild(argv[1] as SystemName, Number(argv[2] ?? 3));
    process.send?.(result);
    return;
  }
  const options = parseOptions(argv);
  if (!benchAvailable()) {
    console.log(`bench:extract skipped: ${BENCH_DIR} not found (set SHARED_DIR to the shared folder)`);
    return;
  }
  const pageCount = loadPages().length;
  const results: SystemResult[] = [];
  for (const system of options.only) results.push(await spawnChild(system, options.passes));
  report(results, pageCount);
  if (options.details) {
    writeFileSync(
      options.details,
      JSON.stringify(
        results.map(({ system, pages }) => ({ system, pages })),
        null,
        1,
      ),
    );
    console.log(`\n  per-page scores written to ${options.details}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
