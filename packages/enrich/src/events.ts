// Event detection: a pattern of events.json fires on a sentence when each of its groups
// matches within `near` words; the first sentence that fires is the event's evidence.
import type { SentenceAnalysis } from './analyze.js';
import { EVENT_TYPES, type EventPattern } from './dictionary.js';
import type { EventTag, EventType } from './types.js';

/** The taxonomy: every event type with its English and French labels, in data-file order. */
export const EVENT_TAXONOMY: readonly EventType[] = EVENT_TYPES.map(({ id, label, labelFr }) => ({
  id,
  label,
  labelFr,
}));

type Span = readonly [number, number];

function spans(s: SentenceAnalysis, group: EventPattern['groups'][number]): Span[] {
  const out: Span[] = [];
  if (group.triggers !== null) out.push(...(s.triggers[group.triggers] ?? []));
  for (const concept of group.concepts) for (const m of s.concepts.get(concept) ?? []) out.push([m.at, m.end]);
  return out;
}

// Two groups may not be met by overlapping words: "advis*" inside "military advisers" is one
// phrase, not an adviser and a force.
const apart = (a: Span, b: Span): boolean => a[1] <= b[0] || b[1] <= a[0];

/** Whether one span per group, pairwise apart, fits within `near` words. */
function fits(groups: readonly Span[][], near: number): boolean {
  // Groups are tiny (two or three, a handful of spans each): a depth-first search suffices.
  const chosen: Span[] = [];
  const search = (g: number): boolean => {
    if (g === groups.length) return true;
    for (const span of groups[g]!) {
      if (!chosen.every((c) => apart(c, span))) continue;
      const lo = Math.min(span[0], ...chosen.map((c) => c[0]));
      const hi = Math.max(span[0], ...chosen.map((c) => c[0]));
      if (hi - lo > near) continue;
      chosen.push(span);
      if (search(g + 1)) return true;
      chosen.pop();
    }
    return false;
  };
  return search(0);
}

/** Whether a sentence has any word of `group`: most sentences lack one for most patterns. */
function met(s: SentenceAnalysis, group: EventPattern['groups'][number]): boolean {
  if (group.triggers !== null && (s.triggers[group.triggers]?.length ?? 0) > 0) return true;
  for (const concept of group.concepts) if ((s.concepts.get(concept)?.length ?? 0) > 0) return true;
  return false;
}

function fires(s: SentenceAnalysis, pattern: EventPattern): boolean {
  if (pattern.unless !== null && (s.triggers[pattern.unless]?.length ?? 0) > 0) return false;
  // Checked before any span list is built, which only the few candidate sentences need.
  if (!pattern.groups.every((g) => met(s, g))) return false;
  return fits(
    pattern.groups.map((g) => spans(s, g)),
    pattern.near,
  );
}

// Each type's patterns per language, selected once rather than on every article.
const PATTERNS_BY_LANG = {
  en: EVENT_TYPES.map((type) => type.patterns.filter((p) => p.lang === 'en')),
  fr: EVENT_TYPES.map((type) => type.patterns.filter((p) => p.lang === 'fr')),
};

/**
 * The events of an article, in the order of their evidence sentences. Only the patterns of
 * the article's language apply: French "form*" (formation) must not fire on English "former".
 */
export function detectEvents(sentences: readonly SentenceAnalysis[], lang: 'en' | 'fr'): EventTag[] {
  const found: Array<{ tag: EventTag; at: number }> = [];
  for (const [t, type] of EVENT_TYPES.entries()) {
    const patterns = PATTERNS_BY_LANG[lang][t]!;
    const hit = sentences.find((s) => patterns.some((p) => fires(s, p)));
    if (hit)
      found.push({ tag: { type: type.id, label: type.label, evidence: hit.sentence.text }, at: hit.sentence.index });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.tag);
}
