// Country tags: the countries an article substantively involves (CRITERIA: the actor or the
// place of the event, or more than a passing mention), not every country it names.
import model from '../data/model.json' with { type: 'json' };
import { ACTORS, COUNTRIES } from './dictionary.js';
import type { SentenceFlags } from './sentence-flags.js';
import type { CountryTag } from './types.js';

/** Thresholds of country tagging (data/model.json `countries`). */
export interface CountryRules {
  /** Texts of at most this many sentences are short: one mention is enough. @defaultValue 6 */
  readonly shortSentences: number;
  /** In longer texts, mentions needed without a title or event mention. @defaultValue 4 */
  readonly minMentions: number;
  /** In longer texts, the least share of all country mentions. @defaultValue 0.15 */
  readonly longShare: number;
  /** In longer texts, a mention in the same sentence as French forces suffices. @defaultValue true */
  readonly anchorForces: boolean;
  /** In longer texts, a mention in an event's evidence sentence suffices. @defaultValue true */
  readonly anchorEvents: boolean;
  /** In longer texts, naming the country's armed forces (Rwandan troops) suffices. @defaultValue true */
  readonly anchorArmedForces: boolean;
  /** In longer texts, a mention in the first N sentences of the body suffices. @defaultValue 0 */
  readonly leadSentences: number;
}

export const COUNTRY_RULES: CountryRules = model.countries;

interface Tally {
  mentions: number;
  title: boolean;
  anchored: boolean;
  first: number;
}

/**
 * Tags countries. In an article about the topic (`relevant`), a country named in the same
 * sentence as French forces, or in an event's evidence (`eventSentences`), is the place of
 * the story however rarely the text names it; elsewhere only frequent names count.
 */
export function tagCountries(
  flags: readonly SentenceFlags[],
  eventSentences: ReadonlySet<number>,
  relevant: boolean,
  rules: CountryRules = COUNTRY_RULES,
): CountryTag[] {
  const tally = new Map<string, Tally>();
  let order = 0;
  let all = 0;
  for (const f of flags) {
    const { sentence } = f.s;
    const anchored =
      (relevant && rules.anchorForces && f.fm) ||
      (relevant && rules.anchorEvents && eventSentences.has(sentence.index)) ||
      (!sentence.title && sentence.index <= rules.leadSentences);
    for (const c of f.s.countries) {
      // "US-based NewsGuard": an adjective of origin, not a country in the story.
      const next = sentence.tokens[c.at + 1];
      if (next?.fold === 'based') continue;
      const entry = tally.get(c.code) ?? { mentions: 0, title: false, anchored: false, first: order };
      if (entry.mentions === 0) tally.set(c.code, entry);
      entry.mentions += 1;
      entry.title ||= sentence.title;
      // Forces named as actors ("Rwandan troops", "Wagner") are parties to the story.
      const force =
        relevant &&
        rules.anchorArmedForces &&
        c.via === 'actor' &&
        f.s.actors.some((a) => a.at === c.at && ['armed_force', 'mercenary_group'].includes(ACTORS.get(a.id)!.kind));
      entry.anchored ||= anchored || force;
      order += 1;
      all += 1;
    }
  }
  const short = flags.length <= rules.shortSentences;
  return [...tally]
    .filter(([, t]) => {
      if (short || t.title) return true;
      if (t.mentions >= rules.minMentions && t.mentions >= rules.longShare * all) return true;
      return t.anchored;
    })
    .sort(([, a], [, b]) => b.mentions - a.mentions || a.first - b.first)
    .map(([code, t]) => ({ code, name: COUNTRIES.get(code)!.name, mentions: t.mentions }));
}
