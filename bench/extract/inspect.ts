// `npx tsx bench/extract/inspect.ts ID-PREFIX...`: one page's extracted text beside its
// ground truth, with the shingle score, to find what a heuristic gets wrong.
import { loadPages } from './dataset.js';
import { scorePage } from './metric.js';
import { loadSystem } from './systems.js';

const extract = await loadSystem('famwatch');
const pages = loadPages();
for (const prefix of process.argv.slice(2)) {
  const page = pages.find((p) => p.id.startsWith(prefix));
  if (!page) {
    console.error(`no page ${prefix}`);
    continue;
  }
  const output = extract(page.html, page.url);
  const score = scorePage(output, page.truth);
  console.log(`# ${page.id} ${page.url}\n# precision ${score.precision} recall ${score.recall}`);
  console.log(`--- extracted\n${output}\n--- truth\n${page.truth}\n`);
}
