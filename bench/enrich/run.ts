// `npm run bench:enrich [-- --errors]`: relevance and country-tag quality of @famwatch/enrich
// on the labelled topic development set, per language, next to the keyword-alert baseline,
// and enrichment throughput. `--errors` also lists every misjudged item with its reasons.
import { performance } from 'node:perf_hooks';
import { enrich } from '@famwatch/enrich';
import { keywordAlert } from './baseline.js';
import { loadDev, TOPIC_DIR, type TopicItem, topicAvailable } from './dataset.js';
import { binary, fmt, sets } from './metrics.js';

if (!topicAvailable()) {
  console.log(`bench:enrich skipped: ${TOPIC_DIR}/dev.jsonl not found (set SHARED_DIR to the shared folder)`);
  process.exit(0);
}

const showErrors = process.argv.includes('--errors');
const items = loadDev();
const results = new Map(items.map((item) => [item.id, enrich(item)]));

function report(lang: 'en' | 'fr'): void {
  const all = items.filter((i) => i.lang === lang);
  const noGrade1 = all.filter((i) => i.grade !== 1);
  const rel = (list: TopicItem[]) =>
    binary(list.map((i) => ({ predicted: results.get(i.id)!.relevance.relevant, actual: i.relevant })));
  const kw = (list: TopicItem[]) =>
    binary(list.map((i) => ({ predicted: keywordAlert(i.title, i.text), actual: i.relevant })));
  const tagged = all.filter((i) => i.tagsAnnotated);
  const countries = sets(
    tagged.map((i) => ({ predicted: results.get(i.id)!.countries.map((c) => c.code), actual: i.countries })),
  );
  const pos = all.filter((i) => i.relevant).length;
  console.log(`\n${lang.toUpperCase()}  (${all.length} items, ${pos} on-topic; ${tagged.length} with country tags)`);
  console.log(`  relevance              ${fmt(rel(all))}`);
  console.log(`  relevance w/o grade 1  ${fmt(rel(noGrade1))}`);
  console.log(`  keyword alert          ${fmt(kw(all))}`);
  console.log(`  keyword w/o grade 1    ${fmt(kw(noGrade1))}`);
  console.log(`  country tags           ${fmt(countries)}`);
}

console.log(`bench:enrich — ${items.length} items from ${TOPIC_DIR}/dev.jsonl`);
// The relevance weights were fitted on this very set: these are in-sample figures. The
// cross-validated estimate for unseen texts is what bench/enrich/fit.ts prints.
console.log('(relevance weights are fitted on this set; `npx tsx bench/enrich/fit.ts` prints 10-fold CV figures)');
report('en');
report('fr');

// Throughput: whole passes over the set until at least two seconds have gone by.
const chars = items.reduce((n, i) => n + i.title.length + i.text.length, 0);
let done = 0;
const start = performance.now();
while (performance.now() - start < 2000) {
  for (const item of items) enrich(item);
  done += items.length;
}
const seconds = (performance.now() - start) / 1000;
console.log(
  `\nthroughput: ${Math.round(done / seconds)} articles/s (${Math.round((chars * (done / items.length)) / seconds / 1e6)} M chars/s, mean ${Math.round(chars / items.length)} chars per article, one core)`,
);

if (showErrors) {
  console.log('\nmisjudged items:');
  for (const item of items) {
    const r = results.get(item.id)!;
    if (r.relevance.relevant === item.relevant) continue;
    console.log(
      `\n${item.relevant ? 'MISSED' : 'FALSE+'} ${item.id} [${item.lang} ${item.textKind} grade ${item.grade}] score ${r.relevance.score}`,
    );
    console.log(`  ${item.title}`);
    for (const reason of r.relevance.reasons) console.log(`    ${reason}`);
  }
  console.log('\ncountry tag differences:');
  for (const item of items.filter((i) => i.tagsAnnotated)) {
    const got = results.get(item.id)!.countries.map((c) => `${c.code}${c.mentions}`);
    const codes = new Set(results.get(item.id)!.countries.map((c) => c.code));
    const gold = new Set(item.countries);
    const extra = [...codes].filter((c) => !gold.has(c));
    const missing = [...gold].filter((c) => !codes.has(c));
    if (extra.length || missing.length) {
      console.log(
        `  ${item.id} [${item.lang} ${item.textKind}] +${extra.join(',')} -${missing.join(',')}  got ${got.join(' ')}`,
      );
    }
  }
}
