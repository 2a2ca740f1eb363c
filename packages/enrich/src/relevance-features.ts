// The relevance model's inputs: document features an analyst would name, each with the
// sentence that shows it, so that every score can be explained. Short texts (a headline and a
// few sentences) and full articles are read differently: in a short text one sentence about
// French forces in Africa makes the story; in a long one it must be in the title or lead, or
// take a real share of the text.
import { isAfrican } from './analyze.js';
import type { Concept } from './dictionary.js';
import type { SentenceFlags } from './sentence-flags.js';

/** The features, in the order of the weights in data/model.json. */
export const FEATURES = [
  'title_fm',
  'title_fr_mil',
  'title_fr',
  'lead_fm',
  'short_evidence',
  'long_share',
  'long_count',
  'fr_rupture',
  'anti_fr',
  'ru_fr',
  'influence_fr',
  'af_doc',
  'no_fr',
  'foreign_share',
  'history',
  'fiction',
  'sport',
  'nonmil',
  'length',
] as const;
export type Feature = (typeof FEATURES)[number];

/** Whether a feature can only add to the score (+) or only take from it (−). */
export const FEATURE_SIGNS: Readonly<Record<Feature, 1 | -1>> = {
  title_fm: 1,
  title_fr_mil: 1,
  title_fr: 1,
  lead_fm: 1,
  short_evidence: 1,
  long_share: 1,
  long_count: 1,
  fr_rupture: 1,
  anti_fr: 1,
  ru_fr: 1,
  influence_fr: 1,
  af_doc: 1,
  no_fr: -1,
  foreign_share: -1,
  history: -1,
  fiction: -1,
  sport: -1,
  nonmil: -1,
  length: -1,
};

export interface FeatureValue {
  readonly value: number;
  /** The sentence (or words) that shows the feature, when there is one. */
  readonly evidence: string;
}

export type FeatureVector = Record<Feature, FeatureValue>;

/** Texts of at most this many sentences (title included) are read as short. */
export const SHORT_TEXT = 5;
const LEAD = 2;
const log2p = (n: number): number => Math.log2(1 + n);
const TITLE_FRAMES: readonly Concept[] = ['mil_force', 'mil_activity', 'coop', 'junta', 'coup', 'diplo', 'anti_fr'];

/** Computes the features of one article from its flagged sentences. */
export function extractFeatures(flags: readonly SentenceFlags[]): FeatureVector {
  const title = flags.find((f) => f.s.sentence.title);
  const body = flags.filter((f) => !f.s.sentence.title);
  const total = Math.max(1, flags.length);
  const short = flags.length <= SHORT_TEXT;
  const docAf = flags.some((f) => f.af);
  // Colonial-era and fictional French soldiers are not today's military relations.
  const current = (f: SentenceFlags): boolean => !f.historical && !f.has('fiction');
  // A sentence is evidence when it puts French forces, France and a defence tie, a withdrawal
  // or a rupture, or France and Russia's forces or propaganda, in an African setting (the
  // sentence's, or a short text's).
  const inAfrica = (f: SentenceFlags): boolean => f.af || (short && docAf);
  const evidence = flags.filter(
    (f) => current(f) && inAfrica(f) && (f.fm || f.frRelation || (f.fr && (f.ru || f.has('influence')))),
  );
  // Evidence names the matched words, then quotes the sentence.
  const first = (list: readonly SentenceFlags[]): string => {
    const f = list[0];
    if (!f) return '';
    return f.terms.length > 0 ? `${f.terms.join(' + ')} — "${f.s.sentence.text}"` : `"${f.s.sentence.text}"`;
  };
  const where = (pred: (f: SentenceFlags) => boolean): SentenceFlags[] => flags.filter(pred);
  const count = (concept: Concept): number => flags.reduce((n, f) => n + (f.s.concepts.get(concept)?.length ?? 0), 0);
  const termsOf = (concept: Concept): string =>
    [...new Set(flags.flatMap((f) => f.s.concepts.get(concept)?.map((m) => m.text) ?? []))].slice(0, 5).join(', ');
  const africanTerms = [
    ...new Set(
      flags.flatMap((f) => [
        ...f.s.regions.map((r) => r.text),
        ...f.s.countries.filter((c) => isAfrican(c.code)).map((c) => c.text),
      ]),
    ),
  ]
    .slice(0, 5)
    .join(', ');
  const foreignTerms = [
    ...new Set(
      flags.flatMap((f) =>
        f.s.countries
          .filter((c) => c.via !== 'actor' && !isAfrican(c.code) && c.code !== 'FR' && c.code !== 'RU')
          .map((c) => c.text),
      ),
    ),
  ]
    .slice(0, 5)
    .join(', ');

  const rupture = where((f) => f.frRupture && current(f) && inAfrica(f));
  const leadFm = body.slice(0, LEAD).filter((f) => f.fm && current(f));
  const anti = where((f) => f.antiFr);
  const ruFr = where((f) => f.ru && (f.fr || f.fm));
  const influence = where((f) => f.has('influence') && f.fr);
  const af = flags.filter((f) => f.af).length;
  const foreign = flags.reduce((n, f) => n + f.foreign, 0);
  const history = where((f) => f.historical && f.fr);
  const fiction = where((f) => f.has('fiction'));
  const titleMil = title?.fr === true && TITLE_FRAMES.some((c) => title.has(c));
  // A title is short enough that France and a military word anywhere in it are linked.
  const titleFm =
    title !== undefined &&
    current(title) &&
    (title.fm || (title.fr && (title.has('mil_force') || title.has('mil_activity'))));

  const v = (value: number, evidenceText = ''): FeatureValue => ({ value, evidence: evidenceText });
  const quote = (f: SentenceFlags | undefined): string => (f ? first([f]) : '');
  return {
    title_fm: v(titleFm ? 1 : 0, titleFm ? quote(title) : ''),
    title_fr_mil: v(titleMil ? 1 : 0, titleMil ? quote(title) : ''),
    title_fr: v(title?.fr ? 1 : 0, title?.fr ? quote(title) : ''),
    lead_fm: v(leadFm.length > 0 ? 1 : 0, first(leadFm)),
    short_evidence: v(short ? Math.min(2, evidence.length) : 0, short ? first(evidence) : ''),
    long_share: v(short ? 0 : evidence.length / total, short ? '' : first(evidence)),
    long_count: v(short ? 0 : log2p(evidence.length), short ? '' : first(evidence)),
    fr_rupture: v(rupture.length > 0 ? 1 : 0, first(rupture)),
    anti_fr: v(log2p(anti.length), first(anti)),
    ru_fr: v(ruFr.length > 0 ? 1 : 0, first(ruFr)),
    influence_fr: v(influence.length > 0 ? 1 : 0, first(influence)),
    af_doc: v(docAf ? 1 : 0, africanTerms),
    no_fr: v(flags.some((f) => f.fr) ? 0 : 1),
    foreign_share: v(foreign / (foreign + af + 1), foreignTerms),
    history: v(history.length > 0 ? 1 : 0, first(history)),
    fiction: v(fiction.length > 0 ? 1 : 0, first(fiction)),
    sport: v(Math.min(1, count('sport') / 2), termsOf('sport')),
    nonmil: v(Math.min(1, count('nonmil') / 3), termsOf('nonmil')),
    length: v(Math.log2(total)),
  };
}
