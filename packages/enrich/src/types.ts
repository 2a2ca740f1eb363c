// The public shapes of enrichment: what goes in, what comes out. They cross JSON (job payloads,
// CLI lines, database columns), so they hold only strings, numbers, booleans and arrays.

/** What enrichment reads: the extracted title and body, and the language when known. */
export interface EnrichInput {
  readonly title: string;
  readonly text: string;
  /** ISO 639-1 code (`en`, `fr`); only reported back, the engine reads both languages. */
  readonly lang?: string | null;
}

/** Whether an article is about French–African military relations, and why. */
export interface RelevanceResult {
  /** Probability-like score from 0 (unrelated) to 1 (squarely on topic). */
  readonly score: number;
  /** The decision: `score` at or above the model's threshold. */
  readonly relevant: boolean;
  /**
   * Human-readable reasons, strongest first: each names the evidence (matched terms, quoted
   * sentence) and its signed contribution to the score's log-odds.
   */
  readonly reasons: readonly string[];
}

/** A country the article substantively involves. */
export interface CountryTag {
  /** ISO 3166-1 alpha-2 code. */
  readonly code: string;
  /** English name. */
  readonly name: string;
  /**
   * How many times the text names it: the country, its people, its capital or cities, or an
   * actor that belongs to it (Barkhane counts for France, FAMa for Mali).
   */
  readonly mentions: number;
}

/** Kinds of actors (GraphQL `ActorKind` is the same list in capitals). */
export type ActorKind =
  | 'person'
  | 'armed_force'
  | 'armed_group'
  | 'mercenary_group'
  | 'international_mission'
  | 'organisation'
  | 'operation';

/** A person, force, group, mission or operation the article names. */
export interface ActorTag {
  /** Stable slug, for example `wagner-group`. */
  readonly id: string;
  /** Canonical name. */
  readonly name: string;
  readonly kind: ActorKind;
  /** How many times the text names it, any alias. */
  readonly mentions: number;
}

/** Stable ids of the event taxonomy (data/events.json). */
export type EventTypeId =
  | 'cooperation_suspended'
  | 'cooperation_ended'
  | 'defence_agreement_signed'
  | 'troop_deployment'
  | 'troop_withdrawal'
  | 'base_closure'
  | 'training_mission'
  | 'arms_transfer'
  | 'military_operation'
  | 'coup'
  | 'disinformation'
  | 'diplomatic_protest'
  | 'anti_french_protest'
  | 'casualties';

/** One type of the event taxonomy, with its labels. */
export interface EventType {
  readonly id: string;
  /** English label. */
  readonly label: string;
  /** French label. */
  readonly labelFr: string;
}

/** An event the article reports. */
export interface EventTag {
  /** Event type id, for example `troop_withdrawal`. */
  readonly type: string;
  /** English label of the type. */
  readonly label: string;
  /** The sentence that triggered it, as written (the title counts as a sentence). */
  readonly evidence: string;
}

/** Everything enrichment says about one article. */
export interface EnrichmentResult {
  readonly relevance: RelevanceResult;
  /** Substantively involved countries, most mentioned first. */
  readonly countries: readonly CountryTag[];
  /** Actors named, most mentioned first. */
  readonly actors: readonly ActorTag[];
  /** Event types found, in the order of their evidence in the text. */
  readonly events: readonly EventTag[];
}
