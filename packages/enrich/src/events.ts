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

function fires(s: SentenceAnalysis, pattern: EventPattern): boolean {
  if (pattern.unless !== null && (s.triggers[pattern.unless]?.length ?? 0) > 0) return false;
  const groups = pattern.groups.map((g) => spans(s, g));
  if (groups.some((g) => g.length === 0)) return false;
  return fits(groups, pattern.near);
}

/**
 * The events of an article, in the order of their evidence sentences. Only the patterns of
 * the article's language apply: French "form*" (formation) must not fire on English "former".
 */
export function detectEvents(sentences: readonly SentenceAnalysis[], lang: 'en' | 'fr'): EventTag[] {
  const found: Array<{ tag: EventTag; at: number }> = [];
  for (const type of EVENT_TYPES) {
    const patterns = type.patterns.filter((p) => p.lang === lang);
    const hit = sentences.find((s) => patterns.some((p) => fires(s, p)));
    if (hit)
      found.push({ tag: { type: type.id, label: type.label, evidence: hit.sentence.text }, at: hit.sentence.index });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.tag);
}
