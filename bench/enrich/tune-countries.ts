// `npx tsx bench/enrich/tune-countries.ts`: country-tag P/R/F1 per language over a grid of
// the tagging thresholds of packages/enrich/data/model.json, to choose them on the
// development set (the best rows print last).
import { analyze } from '../../packages/enrich/src/analyze.js';
import { detectEvents } from '../../packages/enrich/src/events.js';
import { type CountryRules, tagCountries } from '../../packages/enrich/src/gazetteer.js';
import { scoreRelevance } from '../../packages/enrich/src/relevance.js';
import { extractFeatures } from '../../packages/enrich/src/relevance-features.js';
import { flagSentences } from '../../packages/enrich/src/sentence-flags.js';
import { loadDev, topicAvailable } from './dataset.js';
import { sets } from './metrics.js';

if (!topicAvailable()) {
  console.log('tune-countries skipped: the topic development set is not available');
  process.exit(0);
}

const items = loadDev().filter((i) => i.tagsAnnotated);
const prepared = items.map((item) => {
  const analysis = analyze(item);
  const events = detectEvents(analysis.sentences, analysis.lang);
  const eventSentences = new Set(
    analysis.sentences.filter((s) => events.some((e) => e.evidence === s.sentence.text)).map((s) => s.sentence.index),
  );
  const flags = flagSentences(analysis);
  return { item, flags, eventSentences, relevant: scoreRelevance(extractFeatures(flags)).relevant };
});

const rows: Array<{ rules: CountryRules; en: number; fr: number }> = [];
for (const shortSentences of [4, 6, 8])
  for (const minMentions of [2, 3, 4, 5])
    for (const longShare of [0, 0.05, 0.1, 0.15])
      for (const anchorForces of [true, false])
        for (const anchorEvents of [true, false])
          for (const leadSentences of [0, 1, 2]) {
            const rules = {
              shortSentences,
              minMentions,
              longShare,
              anchorForces,
              anchorEvents,
              anchorArmedForces: true,
              leadSentences,
            };
            const f1 = (lang: string) =>
              sets(
                prepared
                  .filter((p) => p.item.lang === lang)
                  .map((p) => ({
                    predicted: tagCountries(p.flags, p.eventSentences, p.relevant, rules).map((c) => c.code),
                    actual: p.item.countries,
                  })),
              ).f1;
            rows.push({ rules, en: f1('en'), fr: f1('fr') });
          }
rows.sort((a, b) => Math.min(a.en, a.fr) - Math.min(b.en, b.fr) || a.en + a.fr - (b.en + b.fr));
for (const row of rows.slice(-15))
  console.log(`en ${row.en.toFixed(3)} fr ${row.fr.toFixed(3)} ${JSON.stringify(row.rules)}`);
