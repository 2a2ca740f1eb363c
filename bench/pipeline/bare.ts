// The bare rates bench:pipeline compares against, measured in a process of their own: the
// benchmark's parent loads ioredis, whose String subclass makes V8 stop inlining charCodeAt,
// which would slow the extractor down and flatter the pipeline's ratio.
// Prints one JSON line: { extract, analyze } in pages per second on one core.
import { analyzePage } from '../../services/worker/src/cpu/analyze-page.js';
import { extractArticle } from '../../services/worker/src/extract/index.js';
import { loadPages } from '../extract/dataset.js';

const PAGES = Number(process.env['BENCH_PAGES'] ?? 2000);
const source = loadPages();
const pages = Array.from({ length: PAGES }, (_, i) => source[i % source.length]!);
// Bytes per distinct page only: 2,000 copies would hold 300 MB outside the heap and slow GC.
const bytes = source.map((page) => Buffer.from(page.html));

function rate(work: (i: number) => void): number {
  // Warm up as long as a worker does before its first job, so both sides run compiled code.
  for (let i = 0; i < 200; i += 1) work(i % source.length);
  const started = performance.now();
  for (let i = 0; i < PAGES; i += 1) work(i);
  return PAGES / ((performance.now() - started) / 1000);
}

const extract = rate((i) => extractArticle(pages[i]!.html, `${pages[i]!.url}#${i}`, { now: Date.now() }));
// The pipeline also enriches (relevance, tags, MinHash) and decodes bytes: the analysis a
// worker's thread runs per page.
const analyze = rate((i) =>
  analyzePage({ bytes: bytes[i % source.length]!, charset: 'utf-8', url: `${pages[i]!.url}#${i}`, now: Date.now() }),
);
console.log(JSON.stringify({ extract, analyze }));
