// One pass over the article: sentences, dictionary matches per layer, and actor names whose
// ambiguity the rest of the text resolves. Every later step (countries, actors, events,
// relevance) reads this structure and never touches the text again.
import { ACTORS, COUNTRIES, type Concept, type DictValue, TRIE, TRIGGER_GROUPS } from './dictionary.js';
import { languageOf } from './text/language.js';
import { type Sentence, sentencesOf, type Token } from './text/normalize.js';
import { longestNonOverlapping, type PhraseMatch } from './text/phrase-trie.js';
import type { EnrichInput } from './types.js';

/** A country named in a sentence. */
export interface CountryMention {
  readonly code: string;
  readonly via: 'name' | 'demonym' | 'city' | 'actor';
  /** Token position in the sentence. */
  readonly at: number;
  /** The words as written. */
  readonly text: string;
}

/** An actor named in a sentence (ambiguous names already resolved). */
export interface ActorMention {
  readonly id: string;
  readonly at: number;
  readonly text: string;
}

/** A lexicon term found in a sentence: tokens `[at, end)`. */
export interface ConceptMention {
  readonly at: number;
  readonly end: number;
  readonly text: string;
}

export interface SentenceAnalysis {
  readonly sentence: Sentence;
  readonly countries: readonly CountryMention[];
  readonly actors: readonly ActorMention[];
  /** Positions of wider African regions (Sahel, West Africa…). */
  readonly regions: readonly ConceptMention[];
  readonly concepts: ReadonlyMap<Concept, readonly ConceptMention[]>;
  /** Token spans `[start, end)` of each event-trigger group's matches (index = group). */
  readonly triggers: ReadonlyArray<ReadonlyArray<readonly [number, number]> | undefined>;
  /** Four-digit years before 1955: a colonial-era or older setting. */
  readonly oldYears: number;
}

export interface Analysis {
  readonly sentences: readonly SentenceAnalysis[];
  /** The declared language, or the one the text's function words point to. */
  readonly lang: 'en' | 'fr';
}

// A four-digit year from 1500 to 1999 (those before 1955 set a story in the past).
const OLD_YEAR = /^1[5-9]\d\d$/;

const phraseText = (tokens: readonly Token[], m: PhraseMatch<unknown>, sentence: Sentence): string =>
  sentence.text.slice(tokens[m.start]!.start, tokens[m.end - 1]!.end);

interface RawSentence {
  sentence: Sentence;
  names: PhraseMatch<DictValue>[];
  concepts: PhraseMatch<DictValue>[];
  triggers: PhraseMatch<DictValue>[];
  contextActors: Set<string>;
}

/** Analyses title and text. Pure: same input, same output. */
export function analyze(input: EnrichInput): Analysis {
  const raw: RawSentence[] = sentencesOf(input.title, input.text).map((sentence) => {
    const names: PhraseMatch<DictValue>[] = [];
    const concepts: PhraseMatch<DictValue>[] = [];
    const triggers: PhraseMatch<DictValue>[] = [];
    const contextActors = new Set<string>();
    for (const match of TRIE.matchAll(sentence.tokens)) {
      switch (match.value.layer) {
        case 'name':
          names.push(match);
          break;
        case 'concept':
          concepts.push(match);
          break;
        case 'trigger':
          triggers.push(match);
          break;
        case 'context':
          contextActors.add(match.value.actor);
          break;
      }
    }
    return {
      sentence,
      names: longestNonOverlapping(names),
      concepts: longestNonOverlapping(concepts),
      triggers,
      contextActors,
    };
  });

  // An ambiguous alias ("Wagner", "Traoré", "Déby") counts when the same actor is named
  // unambiguously somewhere in the text, or when its context is in the same sentence.
  const named = new Set<string>();
  for (const s of raw) {
    for (const { value } of s.names) {
      if (value.layer === 'name' && value.type === 'actor' && !value.ambiguous) named.add(value.id);
    }
  }

  // Every word of the text, for the language guess: pushed in a loop, as `flatMap` is one of
  // V8's slow generic paths (a tenth of `enrich`'s time when it was used here).
  const words: Token[] = [];
  for (const s of raw) for (const token of s.sentence.tokens) words.push(token);

  return {
    lang: languageOf(input.lang, words),
    sentences: raw.map((s) => {
      const { sentence } = s;
      const tokens = sentence.tokens;
      const countries: CountryMention[] = [];
      const actors: ActorMention[] = [];
      const regions: ConceptMention[] = [];
      // Spans of one alias that names several actors ("Déby"): the resolved one wins.
      const seenSpans = new Set<number>();
      for (const m of s.names) {
        const value = m.value;
        if (value.layer !== 'name') continue;
        const text = phraseText(tokens, m, sentence);
        if (value.type === 'country') countries.push({ code: value.code, via: value.via, at: m.start, text });
        else if (value.type === 'region') regions.push({ at: m.start, end: m.end, text });
        else if (value.type === 'actor') {
          if (value.ambiguous && !acceptAmbiguous(value.id, m, tokens, named, s.contextActors)) continue;
          if (seenSpans.has(m.start)) continue;
          seenSpans.add(m.start);
          actors.push({ id: value.id, at: m.start, text });
          const country = ACTORS.get(value.id)!.country;
          if (country) countries.push({ code: country, via: 'actor', at: m.start, text });
        }
      }
      const concepts = new Map<Concept, ConceptMention[]>();
      for (const m of s.concepts) {
        if (m.value.layer !== 'concept') continue;
        const list = concepts.get(m.value.concept) ?? [];
        if (list.length === 0) concepts.set(m.value.concept, list);
        list.push({ at: m.start, end: m.end, text: phraseText(tokens, m, sentence) });
      }
      const triggers: Array<Array<[number, number]>> = new Array(TRIGGER_GROUPS);
      for (const m of s.triggers) {
        if (m.value.layer !== 'trigger') continue;
        const list = triggers[m.value.group];
        if (list) list.push([m.start, m.end]);
        else triggers[m.value.group] = [[m.start, m.end]];
      }
      let oldYears = 0;
      for (const token of tokens) {
        if (token.raw.length === 4 && OLD_YEAR.test(token.raw) && Number(token.raw) < 1955) oldYears += 1;
      }
      return { sentence, countries, actors, regions, concepts, triggers, oldYears };
    }),
  };
}

function acceptAmbiguous(
  id: string,
  m: PhraseMatch<DictValue>,
  tokens: readonly Token[],
  named: ReadonlySet<string>,
  context: ReadonlySet<string>,
): boolean {
  // "David Wagner", "Moussa Traoré": a capitalised word just before a surname makes it
  // someone else's name, unless that word is itself a known name ("Russia's Wagner" reads
  // "Russia", "s", "Wagner": the lower-case "s" passes).
  const before = tokens[m.start - 1];
  if (before && before.upper > 0 && before.raw[0] !== before.raw[0]!.toLowerCase() && !KNOWN_LEADS.has(before.fold)) {
    return false;
  }
  return named.has(id) || context.has(id);
}

// Capitalised words that may stand right before an ambiguous name without making it another
// person's name: ranks, titles and determiners at the start of a sentence.
const KNOWN_LEADS = new Set(
  'the le la les des du de l d president president presidente captain capitaine colonel general general lieutenant leader chef mr m junta junte group groupe by par and et with avec of to a au aux pro anti'.split(
    ' ',
  ),
);

/** Whether a country code is African (regional actors count as African places). */
export const isAfrican = (code: string): boolean => COUNTRIES.get(code)?.african === true;
