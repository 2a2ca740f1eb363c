// `npm run bench:extract [-- --only famwatch] [--passes N] [--details FILE]`
//
// Scores our extractor and @mozilla/readability (over linkedom) on the development split of
// the extraction benchmark, with the README's metric, and times both against the floor of a
// bare htmlparser2 parse. Each system runs in its own child process, so that its peak memory is
// its own (modules, pages and its work), not the sum of everything the parent loaded; the
// timed passes take turns across the children, so that each runs alone on a core.
import { fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BENCH_DIR, benchAvailable, loadPages } from './dataset.js';
import { type PageScore, type Summary, scorePage, summarize } from './metric.js';
import { loadSystem, SYSTEM_LABELS, SYSTEM_NAMES, type SystemName } from './systems.js';

/** What a child reports after its first, scoring pass. */
interface Scored {
  system: SystemName;
  summary: Summary;
  pages: Array<{ id: string; url: string } & PageScore>;
}

/** What a child reports at the end: its timings and memory. */
interface Measured {
  /** CPU time (user + system) of each timed pass over all pages, in ms. */
  passes: number[];
  /** Wall time of each timed pass, in ms. */
  wallPasses: number[];
  /** RSS after loading the code and pages, before extracting, in bytes. */
  baselineRss: number;
  /** Highest RSS sampled between pages, in bytes. */
  peakRss: number;
  /** Highest V8 heap in use sampled between pages, in bytes. */
  peakHeap: number;
  /** The child process's own peak resident set (getrusage maxrss), in bytes. */
  maxRss: number;
}

type SystemResult = Scored & Measured & { passMs: number; wallMs: number; pagesPerSecond: number };

/** Parent → child. */
type Command = { cmd: 'pass' } | { cmd: 'finish' };
/** Child → parent. */
type Message =
  | { kind: 'scored'; scored: Scored }
  | { kind: 'pass'; ms: number }
  | { kind: 'measured'; measured: Measured };

interface Options {
  only: SystemName[];
  passes: number;
  details: string | null;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { only: [...SYSTEM_NAMES], passes: 7, details: null };
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

/** The child's side: load one system and the pages, score, then time passes on command. */
async function runChild(system: SystemName): Promise<void> {
  const send = (message: Message) => process.send?.(message);
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
  send({
    kind: 'scored',
    scored: { system, summary: summarize(system === 'htmlparser2' ? [] : scored), pages: scored },
  });
  const passes: number[] = [];
  const wallPasses: number[] = [];
  process.on('message', (command: Command) => {
    if (command.cmd === 'pass') {
      // CPU time, not wall time, is what a pass costs: other processes on the machine take
      // the core away for a while, which wall time would count against whichever system ran.
      const cpu = process.cpuUsage();
      const start = performance.now();
      for (const page of pages) {
        extract(page.html, page.url);
        // Sampling costs about a microsecond; every system pays it alike.
        sample();
      }
      const wall = performance.now() - start;
      const used = process.cpuUsage(cpu);
      const ms = (used.user + used.system) / 1000;
      passes.push(ms);
      wallPasses.push(wall);
      send({ kind: 'pass', ms });
    } else {
      send({
        kind: 'measured',
        measured: {
          passes,
          wallPasses,
          baselineRss,
          peakRss,
          peakHeap,
          maxRss: process.resourceUsage().maxRSS * 1024,
        },
      });
      process.disconnect?.();
    }
  });
}

/** The parent's handle on one child: send a command, await the answer of a given kind. */
interface Child {
  system: SystemName;
  next<K extends Message['kind']>(kind: K, command?: Command): Promise<Extract<Message, { kind: K }>>;
  exited: Promise<void>;
}

function spawnChild(system: SystemName): Child {
  const child = fork(fileURLToPath(import.meta.url), ['--child', system], {
    execArgv: [...process.execArgv, '--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const inbox: Message[] = [];
  let waiting: ((message: Message) => void) | null = null;
  let failure: Error | null = null;
  const exited = new Promise<void>((resolve, reject) => {
    child.on('exit', (code) => {
      if (code === 0) resolve();
      else {
        failure = new Error(`the ${system} child exited with code ${code}`);
        reject(failure);
      }
    });
  });
  exited.catch(() => undefined);
  child.on('message', (message: Message) => {
    if (waiting) {
      const resolve = waiting;
      waiting = null;
      resolve(message);
    } else inbox.push(message);
  });
  return {
    system,
    exited,
    next(kind, command) {
      if (command) child.send(command);
      return new Promise((resolve, reject) => {
        const take = (message: Message) =>
          message.kind === kind
            ? resolve(message as never)
            : reject(new Error(`${system}: expected ${kind}, got ${message.kind}`));
        const queued = inbox.shift();
        if (queued) take(queued);
        else if (failure) reject(failure);
        else {
          waiting = take;
          exited.catch(reject);
        }
      });
    },
  };
}

/**
 * Runs every system in its own child process. The children load and score one after the
 * other, then their timed passes are interleaved (a pass of each system in turn), so that a
 * change of load on the machine during the run weighs on every system alike.
 */
async function measure(systems: SystemName[], passes: number): Promise<SystemResult[]> {
  const children: Child[] = [];
  const scored = new Map<SystemName, Scored>();
  for (const system of systems) {
    const child = spawnChild(system);
    children.push(child);
    scored.set(system, (await child.next('scored')).scored);
  }
  for (let pass = 0; pass < passes; pass += 1) {
    for (const child of children) await child.next('pass', { cmd: 'pass' });
  }
  const results: SystemResult[] = [];
  for (const child of children) {
    const { measured } = await child.next('measured', { cmd: 'finish' });
    await child.exited;
    const passMs = median(measured.passes);
    const pageCount = scored.get(child.system)!.pages.length;
    results.push({
      ...scored.get(child.system)!,
      ...measured,
      passMs,
      wallMs: median(measured.wallPasses),
      pagesPerSecond: (pageCount / passMs) * 1000,
    });
  }
  return results;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const fixed = (n: number) => n.toFixed(3);

function report(results: SystemResult[], pageCount: number, passes: number): void {
  console.log(`\nextraction benchmark — ${pageCount} pages from ${BENCH_DIR}`);
  console.log(`one child process per system (one core each), ${passes} timed passes interleaved across systems\n`);
  const rows = results.map((r) => ({
    system: r.system,
    F1: r.system === 'htmlparser2' ? '—' : fixed(r.summary.f1),
    precision: r.system === 'htmlparser2' ? '—' : fixed(r.summary.precision),
    recall: r.system === 'htmlparser2' ? '—' : fixed(r.summary.recall),
    accuracy: r.system === 'htmlparser2' ? '—' : fixed(r.summary.accuracy),
    'pages/s': r.pagesPerSecond.toFixed(1),
    'CPU ms/page': (r.passMs / pageCount).toFixed(2),
    'wall ms/page': (r.wallMs / pageCount).toFixed(2),
    'peak RSS': mb(r.maxRss),
    'RSS Δ': mb(r.peakRss - r.baselineRss),
    'peak heap': mb(r.peakHeap),
  }));
  console.table(rows);
  for (const r of results) console.log(`  ${r.system}: ${SYSTEM_LABELS[r.system]}`);
  console.log(
    "\n  peak RSS = the child process's maxrss (its code, the 90 decompressed pages and its work);\n" +
      '  RSS Δ = highest RSS sampled between pages minus the RSS after loading, i.e. what extraction adds;\n' +
      '  peak heap = highest V8 heapUsed sampled between pages.\n' +
      '  pages/s = pages per CPU second (user + system time of the child, which runs on one core; V8\n' +
      '  GC helper threads count too), median of the timed passes, after one untimed pass that scores\n' +
      '  the output and warms up the JIT. The passes of the systems take turns; wall time is shown\n' +
      '  beside it, and exceeds CPU time when other processes share the machine.',
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
    await runChild(argv[1] as SystemName);
    return;
  }
  const options = parseOptions(argv);
  if (!benchAvailable()) {
    console.log(`bench:extract skipped: ${BENCH_DIR} not found (set SHARED_DIR to the shared folder)`);
    return;
  }
  const results = await measure(options.only, options.passes);
  report(results, results[0]?.pages.length ?? 0, options.passes);
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
