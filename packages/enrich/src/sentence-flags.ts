// What each sentence says, in the analyst's terms the relevance model and the country tagger
// use: is France named, are French forces, is an African place, Russia, a junta, a rupture…
import { type Analysis, isAfrican, type SentenceAnalysis } from './analyze.js';
import { ACTORS, type Concept } from './dictionary.js';

/** How close (in words) a France word must be to a military or relation word to qualify it. */
export const NEAR = 6;

export interface SentenceFlags {
  readonly s: SentenceAnalysis;
  /** France named: the country, its people, Paris, or a French actor. */
  readonly fr: boolean;
  /** French forces: a French operation or force, or a France word next to a military word. */
  readonly fm: boolean;
  /** The words that made `fm` true. */
  readonly fmText: string;
  /** The matched words that make this sentence evidence, for reasons: "French troops", "Niger"… */
  readonly terms: readonly string[];
  /** An African country, people, city, region or actor. */
  readonly af: boolean;
  /** Russia, Wagner, Africa Corps or another force competing with France. */
  readonly ru: boolean;
  /**
   * A France word next to a cooperation word, next to a diplomatic word in a sentence that
   * recalls, expels or demands, or next to a withdrawal, rupture or demand word in a sentence
   * about forces or defence ties.
   */
  readonly frRelation: boolean;
  /** France next to a defence tie or force, and a word that ends, suspends or demands it. */
  readonly frRupture: boolean;
  /** Hostility to France: an anti-French term, or a protest next to a France word. */
  readonly antiFr: boolean;
  /** Countries outside Africa other than France and Russia. */
  readonly foreign: number;
  /** Colonial-era or older setting: a year before 1955, Napoleon, the tirailleurs… */
  readonly historical: boolean;
  readonly has: (concept: Concept) => boolean;
}

const MILITARY: readonly Concept[] = ['mil_force', 'mil_activity'];
const CHANGES: readonly Concept[] = ['withdraw', 'suspend', 'demand'];

function near(a: readonly number[], b: readonly number[], distance: number): boolean {
  for (const x of a) for (const y of b) if (Math.abs(x - y) <= distance) return true;
  return false;
}

// Helpers of `flagSentences` live here rather than as closures per sentence: the TypeScript
// loader names every arrow function it sees bound to a constant, a property write per call.
const positions = (s: SentenceAnalysis, concept: Concept): readonly number[] =>
  s.concepts.get(concept)?.map((m) => m.at) ?? [];

/** Whether a France word stands within NEAR + 2 words of a `concept` word. */
const nearFrance = (s: SentenceAnalysis, frAt: readonly number[], concept: Concept): boolean =>
  frAt.length > 0 && near(frAt, positions(s, concept), NEAR + 2);

/** Flags for every sentence of an analysis, in order. */
export function flagSentences(analysis: Analysis): SentenceFlags[] {
  return analysis.sentences.map((s) => {
    const frAt: number[] = [];
    let fmText = '';
    let frText = '';
    let afText = s.regions[0]?.text ?? '';
    let af = s.regions.length > 0;
    let ru = false;
    let foreign = 0;
    for (const c of s.countries) {
      if (c.code === 'FR') {
        frAt.push(c.at);
        frText ||= c.text;
      }
      // "pro-Russian protesters" is a sentiment, not Russia acting.
      else if (c.code === 'RU')
        ru ||= !(c.via === 'demonym' && ['pro', 'anti'].includes(s.sentence.tokens[c.at - 1]?.fold ?? ''));
      else if (isAfrican(c.code)) {
        af = true;
        afText ||= c.text;
      } else if (c.via !== 'actor') foreign += 1;
    }
    for (const a of s.actors) {
      const actor = ACTORS.get(a.id)!;
      if (actor.frenchMilitary && !fmText) fmText = a.text;
      if (actor.competitor) ru = true;
      if (actor.african) {
        af = true;
        afText ||= a.text;
      }
    }
    const { concepts } = s;
    if (!fmText && frAt.length > 0) {
      for (const concept of MILITARY) {
        const hit = concepts.get(concept)?.find((m) => frAt.some((f) => Math.abs(f - m.at) <= NEAR));
        if (hit) {
          fmText = hit.text;
          break;
        }
      }
    }
    const military = MILITARY.some((c) => concepts.has(c)) || concepts.has('coop');
    const change = CHANGES.some((c) => concepts.has(c));
    const changeNearFr = CHANGES.some((c) => nearFrance(s, frAt, c));
    // An embassy or ambassador alone is diplomacy; recalled, expelled or given 72 hours to
    // leave, it is the rupture that comes with a military crisis.
    const frRelation =
      nearFrance(s, frAt, 'coop') || (nearFrance(s, frAt, 'diplo') && change) || (military && changeNearFr);
    const relText =
      [...CHANGES, 'coop', 'diplo', 'anti_fr', 'influence']
        .map((c) => concepts.get(c as Concept)?.[0]?.text)
        .find((t) => t !== undefined) ?? '';
    const frRupture =
      (frAt.length > 0 || fmText !== '') &&
      (concepts.has('coop') || concepts.has('mil_force')) &&
      change &&
      (nearFrance(s, frAt, 'coop') || nearFrance(s, frAt, 'diplo') || changeNearFr || fmText !== '');
    const antiFr = concepts.has('anti_fr') || (frAt.length > 0 && near(frAt, positions(s, 'protest'), NEAR + 4));
    return {
      s,
      fr: frAt.length > 0,
      fm: fmText !== '',
      fmText,
      terms: [...new Set([fmText || frText, relText, afText].filter((t) => t !== ''))],
      af,
      ru,
      frRelation,
      frRupture,
      antiFr,
      foreign,
      historical: s.oldYears > 0 || concepts.has('history'),
      has(concept: Concept): boolean {
        return concepts.has(concept);
      },
    };
  });
}
