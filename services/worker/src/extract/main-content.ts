import type { Element } from 'domhandler';
import { type UnlikelyLevel, unlikelyElements } from './prepare.js';
import { pruneContent } from './prune.js';
import { type ScoringFlags, scoreCandidates } from './score.js';
import { selectContent } from './select.js';
import { computeStats } from './stats.js';
import { type Paragraph, toParagraphs } from './text.js';

interface Attempt extends ScoringFlags {
  /** Skip elements whose class/id/role looks like boilerplate, and how sure the hint must be. */
  stripUnlikely: UnlikelyLevel | null;
}

// Readability's fallbacks: each attempt trusts class names less than the one before. Most
// pages are done after the first; the others run only when it finds too little text.
// Comments, share bars and related lists stay out until the last attempt: on a short post
// they are longer than the post, and "the longest attempt wins" would pick them.
const ATTEMPTS: Attempt[] = [
  { stripUnlikely: 'all', weighClasses: true },
  { stripUnlikely: 'strong', weighClasses: true },
  { stripUnlikely: 'strong', weighClasses: false },
  { stripUnlikely: null, weighClasses: false },
];

/** The last attempt (nothing stripped) only counts when the others found next to nothing. */
const LAST_RESORT_CHARS = 100;

/** Below this many characters an attempt is taken as a miss and the next one runs. */
const ENOUGH_CHARS = 500;

/**
 * The main content of a page body as paragraphs. `finish` cleans one attempt's paragraphs
 * (boilerplate lines, title repeats) so that the length that decides a retry is the length
 * of what would be returned. The body must already be stripped of non-content elements.
 * `forced` is the content a site adapter selected, used instead of the scoring.
 */
export function extractMainContent(
  body: Element,
  finish: (paragraphs: Paragraph[]) => Paragraph[],
  forced: Element[] = [],
): Paragraph[] {
  if (forced.length > 0) {
    // A site adapter named the content: prune it like a chosen candidate, without scoring and
    // without class-name skipping (the adapter knows the outlet's class names better).
    const skip = new Set<Element>();
    const stats = computeStats(body, skip);
    const removed = new Set(skip);
    pruneContent(forced, stats, skip, removed, ATTEMPTS[0]!);
    return finish(toParagraphs(forced, removed));
  }
  let best: Paragraph[] = [];
  let bestChars = -1;
  for (const attempt of ATTEMPTS) {
    if (attempt.stripUnlikely === null && bestChars >= LAST_RESORT_CHARS) break;
    const skip = attempt.stripUnlikely ? unlikelyElements(body, attempt.stripUnlikely) : new Set<Element>();
    const stats = computeStats(body, skip);
    const scores = scoreCandidates(body, stats, skip, attempt);
    const selected = selectContent(body, stats, scores, skip);
    const removed = new Set(skip);
    pruneContent(selected, stats, skip, removed, attempt);
    const paragraphs = finish(toParagraphs(selected, removed));
    let chars = 0;
    for (const p of paragraphs) chars += p.text.length;
    if (chars > bestChars) {
      best = paragraphs;
      bestChars = chars;
    }
    if (chars >= ENOUGH_CHARS) break;
  }
  return best;
}
