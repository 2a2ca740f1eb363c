// The development split of the extraction benchmark, read from the shared folder (never
// copied into the repository).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The benchmark folder; SHARED_DIR overrides the shared folder's location, as in the tests. */
export const BENCH_DIR = join(
  resolve(process.env['SHARED_DIR'] ?? join(ROOT, '..', 'shared')),
  'data',
  'extraction-bench',
);

export interface BenchPage {
  id: string;
  url: string;
  html: string;
  truth: string;
}

export function benchAvailable(): boolean {
  return existsSync(join(BENCH_DIR, 'ground-truth.json'));
}

/** Every page with its ground truth, sorted by id so that every run sees the same order. */
export function loadPages(): BenchPage[] {
  const truth = JSON.parse(readFileSync(join(BENCH_DIR, 'ground-truth.json'), 'utf8')) as unknown;
  if (!truth || typeof truth !== 'object') throw new Error(`${BENCH_DIR}/ground-truth.json is not an object`);
  const pages: BenchPage[] = [];
  for (const [id, entry] of Object.entries(truth as Record<string, unknown>)) {
    const { articleBody, url } = (entry ?? {}) as Record<string, unknown>;
    if (typeof articleBody !== 'string' || typeof url !== 'string')
      throw new Error(`ground truth of ${id} lacks articleBody or url`);
    const html = gunzipSync(readFileSync(join(BENCH_DIR, 'html', `${id}.html.gz`))).toString('utf8');
    pages.push({ id, url, html, truth: articleBody });
  }
  return pages.sort((a, b) => a.id.localeCompare(b.id));
}
