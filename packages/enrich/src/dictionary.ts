// Loads the data files once, checks them, and compiles every phrase they hold into one token
// trie. Everything here runs at module load: enrichment itself never parses data.
import actorsData from '../data/actors.json' with { type: 'json' };
import countriesData from '../data/countries.json' with { type: 'json' };
import eventsData from '../data/events.json' with { type: 'json' };
import lexiconData from '../data/lexicon.json' with { type: 'json' };
import { type CaseMode, isAcronym, PhraseTrie } from './text/phrase-trie.js';
import type { ActorKind, EventType } from './types.js';

/** One country of the gazetteer. */
export interface CountryInfo {
  readonly code: string;
  readonly name: string;
  readonly nameFr: string;
  readonly african: boolean;
}

/** One actor of actors.json, as the engine uses it. */
export interface ActorInfo {
  readonly id: string;
  readonly name: string;
  readonly kind: ActorKind;
  /** The country the actor belongs to (counts towards its tag), if any. */
  readonly country: string | null;
  /** African regional bodies, and actors of African countries. */
  readonly african: boolean;
  readonly frenchMilitary: boolean;
  readonly frenchState: boolean;
  readonly competitor: boolean;
  /** Folded context phrases for ambiguous aliases. */
  readonly context: readonly string[];
}

/** The lexicon concepts of lexicon.json. */
export const CONCEPTS = [
  'mil_force',
  'mil_activity',
  'coop',
  'withdraw',
  'suspend',
  'diplo',
  'demand',
  'anti_fr',
  'protest',
  'junta',
  'coup',
  'jihad',
  'influence',
  'replace',
  'history',
  'fiction',
  'sport',
  'nonmil',
  'noise',
] as const;
export type Concept = (typeof CONCEPTS)[number];

/** What a phrase of the trie stands for. */
export type DictValue =
  | {
      readonly layer: 'name';
      readonly type: 'country';
      readonly code: string;
      readonly via: 'name' | 'demonym' | 'city';
    }
  | { readonly layer: 'name'; readonly type: 'actor'; readonly id: string; readonly ambiguous: boolean }
  | { readonly layer: 'name'; readonly type: 'region' }
  | { readonly layer: 'name'; readonly type: 'media' }
  | { readonly layer: 'concept'; readonly concept: Concept }
  | { readonly layer: 'context'; readonly actor: string }
  | { readonly layer: 'trigger'; readonly group: number };

/** One compiled event pattern: groups of trigger ids or concepts that must co-occur. */
export interface EventPattern {
  /** The language whose words the pattern is written in. */
  readonly lang: 'en' | 'fr';
  readonly groups: ReadonlyArray<{ readonly triggers: number | null; readonly concepts: readonly Concept[] }>;
  readonly near: number;
  /** Trigger group whose match vetoes the pattern, if any. */
  readonly unless: number | null;
}

export interface EventInfo extends EventType {
  readonly patterns: readonly EventPattern[];
}

interface RawActor {
  id: string;
  name: string;
  kind: string;
  country?: string;
  african?: boolean;
  frenchMilitary?: boolean;
  frenchState?: boolean;
  competitor?: boolean;
  aliases: string[];
  ambiguous?: string[];
  context?: string[];
}

interface RawPattern {
  all: string[][];
  near?: number;
  unless?: string[];
}

interface RawEvent {
  id: string;
  label: string;
  labelFr: string;
  en: RawPattern[];
  fr: RawPattern[];
}

const ACTOR_KINDS: readonly ActorKind[] = [
  'person',
  'armed_force',
  'armed_group',
  'mercenary_group',
  'international_mission',
  'organisation',
  'operation',
];

/** Thrown at module load when a data file breaks its own rules: a bug, never an input error. */
export class EnrichDataError extends Error {
  constructor(message: string) {
    super(`enrich data: ${message}`);
    this.name = 'EnrichDataError';
  }
}

const check = (ok: boolean, message: string): void => {
  if (!ok) throw new EnrichDataError(message);
};

export const TRIE = new PhraseTrie<DictValue>();

// Proper nouns that are also common words ("Chad", "Niger") must be capitalised; acronyms
// must be in capitals. Demonyms and lexicon terms ignore case: French writes "malien".
const properMode = (phrase: string): CaseMode => (isAcronym(phrase) ? 'upper' : 'capital');
const termMode = (phrase: string): CaseMode => (isAcronym(phrase) ? 'upper' : 'any');

export const COUNTRIES = new Map<string, CountryInfo>();
for (const c of countriesData.countries) {
  check(/^[A-Z]{2}$/.test(c.code), `bad country code ${c.code}`);
  COUNTRIES.set(c.code, { code: c.code, name: c.name, nameFr: c.nameFr, african: c.african });
  for (const name of c.names)
    TRIE.add(name, { layer: 'name', type: 'country', code: c.code, via: 'name' }, properMode(name));
  for (const city of c.cities)
    TRIE.add(city, { layer: 'name', type: 'country', code: c.code, via: 'city' }, properMode(city));
  for (const demonym of c.demonyms) {
    TRIE.add(demonym, { layer: 'name', type: 'country', code: c.code, via: 'demonym' }, termMode(demonym));
  }
}

export const ACTORS = new Map<string, ActorInfo>();
for (const raw of actorsData.actors as RawActor[]) {
  check(/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(raw.id), `actor id ${raw.id} is not a slug`);
  check(!ACTORS.has(raw.id), `duplicate actor id ${raw.id}`);
  check((ACTOR_KINDS as readonly string[]).includes(raw.kind), `actor ${raw.id}: unknown kind ${raw.kind}`);
  check(raw.country === undefined || COUNTRIES.has(raw.country), `actor ${raw.id}: unknown country ${raw.country}`);
  const ambiguous = new Set(raw.ambiguous ?? []);
  for (const alias of ambiguous) check(raw.aliases.includes(alias), `actor ${raw.id}: ambiguous ${alias} is no alias`);
  check(ambiguous.size === 0 || (raw.context ?? []).length > 0, `actor ${raw.id}: ambiguous aliases need context`);
  const country = raw.country ?? null;
  ACTORS.set(raw.id, {
    id: raw.id,
    name: raw.name,
    kind: raw.kind as ActorKind,
    country,
    african: raw.african === true || (country !== null && COUNTRIES.get(country)!.african),
    frenchMilitary: raw.frenchMilitary === true,
    frenchState: raw.frenchState === true,
    competitor: raw.competitor === true,
    context: raw.context ?? [],
  });
  for (const alias of raw.aliases) {
    const isAmbiguous = ambiguous.has(alias);
    // Ambiguous names are proper nouns: "wagner" in lower case is never the group.
    const mode = isAcronym(alias) ? 'upper' : isAmbiguous || raw.kind === 'person' ? 'capital' : 'any';
    TRIE.add(alias, { layer: 'name', type: 'actor', id: raw.id, ambiguous: isAmbiguous }, mode);
  }
  for (const phrase of raw.context ?? []) TRIE.add(phrase, { layer: 'context', actor: raw.id }, 'any');
}

for (const region of [...lexiconData.regions.en, ...lexiconData.regions.fr]) {
  TRIE.add(region, { layer: 'name', type: 'region' }, /^\p{Lu}/u.test(region) ? properMode(region) : 'any');
}
for (const media of lexiconData.media.names) TRIE.add(media, { layer: 'name', type: 'media' }, 'any');

const conceptTable = lexiconData.concepts as Record<string, { en: string[]; fr: string[] }>;
for (const concept of CONCEPTS) {
  const entry = conceptTable[concept];
  check(entry !== undefined, `lexicon concept ${concept} is missing`);
  for (const term of [...entry!.en, ...entry!.fr]) TRIE.add(term, { layer: 'concept', concept }, termMode(term));
}
for (const key of Object.keys(conceptTable)) {
  check((CONCEPTS as readonly string[]).includes(key), `lexicon concept ${key} is not used by the engine`);
}

let triggerGroups = 0;
function compileGroup(phrases: string[], where: string): { triggers: number | null; concepts: Concept[] } {
  const concepts: Concept[] = [];
  const literal: string[] = [];
  for (const phrase of phrases) {
    if (phrase.startsWith('@')) {
      const concept = phrase.slice(1);
      check((CONCEPTS as readonly string[]).includes(concept), `${where}: unknown concept ${phrase}`);
      concepts.push(concept as Concept);
    } else literal.push(phrase);
  }
  if (literal.length === 0) return { triggers: null, concepts };
  const group = triggerGroups;
  triggerGroups += 1;
  for (const phrase of literal) TRIE.add(phrase, { layer: 'trigger', group }, termMode(phrase));
  return { triggers: group, concepts };
}

export const EVENT_TYPES: readonly EventInfo[] = (eventsData.types as RawEvent[]).map((raw) => {
  check(/^[a-z]+(?:_[a-z]+)*$/.test(raw.id), `event id ${raw.id} is not snake_case`);
  const tagged = [
    ...raw.en.map((p) => ({ p, lang: 'en' as const })),
    ...raw.fr.map((p) => ({ p, lang: 'fr' as const })),
  ];
  const patterns = tagged.map(({ p, lang }, i) => {
    const where = `event ${raw.id} pattern ${i}`;
    check(p.all.length > 0, `${where} has no group`);
    return {
      lang,
      groups: p.all.map((g) => compileGroup(g, where)),
      near: p.near ?? Number.POSITIVE_INFINITY,
      unless: p.unless && p.unless.length > 0 ? compileGroup(p.unless, where).triggers : null,
    };
  });
  return { id: raw.id, label: raw.label, labelFr: raw.labelFr, patterns };
});

/** Number of trigger groups: the size of per-sentence trigger tables. */
export const TRIGGER_GROUPS = triggerGroups;
