// The bare rates bench:pipeline compares against, measured in a process of their own (the
// parent's Redis and PostgreSQL clients and its site are not in the way). This machine's speed
// drifts by a third over seconds, so the two measures are interleaved in short rounds and the
// best round of each is kept: the fastest the bare code ran, the strictest yardstick for the
// pipeline. Prints one JSON line: { extract, analyze } in pages per second on one core.
import { analyzePage } from '../../services/worker/src/cpu/analyze-page.js';
import { extractArticle } from '../../services/worker/src/extract/index.js';
import { loadPages } from '../extract/dataset.js';

const ROUNDS = 6;
const PER_ROUND = 300;
const source = loadPages();
const bytes = source.map((page) => Buffer.from(page.html));
let n = 0;

const extract = () => {
  const page = source[n % source.length]!;
  extractArticle(page.html, `${page.url}#${n++}`, { now: Date.now() });
};
// The pipeline also enriches (relevance, tags, MinHash) and decodes bytes: the analysis a
// worker runs per page.
const analyze = () => {
  const i = n % source.length;
  analyzePage({ bytes: bytes[i]!, charset: 'utf-8', url: `${source[i]!.url}#${n++}`, now: Date.now() });
};

function round(work: () => void): number {
  const started = performance.now();
  for (let i = 0; i < PER_ROUND; i += 1) work();
  return PER_ROUND / ((performance.now() - started) / 1000);
}

// Warm up as long as a worker does before its first job, so both sides run compiled code.
for (let i = 0; i < 200; i += 1) analyze();
let best = { extract: 0, analyze: 0 };
for (let r = 0; r < ROUNDS; r += 1) {
  best = { extract: Math.max(best.extract, round(extract)), analyze: Math.max(best.analyze, round(analyze)) };
}
console.log(JSON.stringify(best));
