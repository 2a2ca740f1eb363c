import type { AnyNode, Element } from 'domhandler';
import { isTag, isText } from 'domhandler';
import { NEGATIVE, POSITIVE } from './class-hints.js';
import { BLOCK_TAGS } from './dom.js';
import { linkDensity, measureText, type StatsMap } from './stats.js';

/** How hard the selection leans on class names; relaxed when a first attempt finds too little. */
export interface ScoringFlags {
  /** Let class/id words move candidate scores. */
  weighClasses: boolean;
}

/** Tags whose own text is scored as a paragraph (Readability's list, without sections). */
const PARAGRAPH_TAGS = new Set(['p', 'pre', 'td', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Containers whose loose text (runs between blocks and <br><br>) is scored as paragraphs. */
const RUN_CONTAINERS = new Set(['div', 'section', 'article', 'main', 'td', 'blockquote', 'span', 'font', 'center']);

/** Readability's class weight: ±25 for the class and ±25 for the id. */
export function classWeight(el: Element): number {
  let weight = 0;
  const cls = el.attribs['class'];
  if (cls) {
    if (NEGATIVE.test(cls)) weight -= 25;
    if (POSITIVE.test(cls)) weight += 25;
  }
  const id = el.attribs['id'];
  if (id) {
    if (NEGATIVE.test(id)) weight -= 25;
    if (POSITIVE.test(id)) weight += 25;
  }
  if (el.attribs['itemprop'] === 'articleBody') weight += 25;
  return weight;
}

function tagWeight(name: string): number {
  switch (name) {
    case 'div':
    case 'article':
    case 'main':
      return 5;
    case 'pre':
    case 'td':
    case 'blockquote':
      return 3;
    case 'address':
    case 'ol':
    case 'ul':
    case 'dl':
    case 'dd':
    case 'dt':
    case 'li':
    case 'form':
      return -3;
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
    case 'th':
      return -5;
    default:
      return 0;
  }
}

/** Points a paragraph of `chars` characters and `commas` commas gives its ancestors. */
function paragraphPoints(chars: number, commas: number): number {
  return 1 + commas + Math.min(Math.floor(chars / 100), 3);
}

/** Loose text runs of a container: text and inline elements between blocks or double <br>. */
function looseRuns(el: Element, stats: StatsMap, skip: ReadonlySet<Element>): Array<{ chars: number; commas: number }> {
  const runs: Array<{ chars: number; commas: number }> = [];
  let chars = 0;
  let commas = 0;
  let brs = 0;
  const end = () => {
    if (chars > 0) runs.push({ chars, commas });
    chars = 0;
    commas = 0;
  };
  for (const child of el.children as AnyNode[]) {
    if (isText(child)) {
      const m = measureText(child.data);
      if (m.chars > 0) {
        chars += m.chars;
        commas += m.commas;
        brs = 0;
      }
      continue;
    }
    if (!isTag(child) || skip.has(child)) continue;
    if (child.name === 'br') {
      brs += 1;
      if (brs >= 2) end();
      continue;
    }
    if (BLOCK_TAGS.has(child.name)) {
      end();
      brs = 0;
      continue;
    }
    const s = stats.get(child);
    if (s && s.chars > 0) {
      // Links in a run count, but a run made only of links is a menu, not a paragraph.
      chars += s.chars - s.linkChars / 2;
      commas += s.commas;
      brs = 0;
    }
  }
  end();
  return runs;
}

/**
 * Scores candidate blocks in the spirit of Readability: every paragraph gives points (one,
 * plus one per comma, plus one per 100 characters up to three) to its parent, half to its
 * grandparent and a third of its level to ancestors up to five levels up; each candidate
 * starts from its tag and class weight, and ends discounted by its link density.
 */
export function scoreCandidates(
  root: Element,
  stats: StatsMap,
  skip: ReadonlySet<Element>,
  flags: ScoringFlags,
): Map<Element, number> {
  const scores = new Map<Element, number>();
  const give = (from: Element, points: number, startLevel: number) => {
    let ancestor: AnyNode | null = startLevel === 0 ? from : from.parent;
    for (let level = 0; level < 5 && ancestor && isTag(ancestor); level += 1) {
      if (ancestor === root.parent) break;
      let score = scores.get(ancestor);
      if (score === undefined) score = tagWeight(ancestor.name) + (flags.weighClasses ? classWeight(ancestor) : 0);
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      scores.set(ancestor, score + points / divider);
      ancestor = ancestor.parent;
    }
  };
  const walk = (el: Element) => {
    for (const child of el.children) {
      if (!isTag(child) || skip.has(child)) continue;
      const name = child.name;
      if (PARAGRAPH_TAGS.has(name)) {
        const s = stats.get(child);
        if (s && s.chars >= 25) give(child, paragraphPoints(s.chars, s.commas), 1);
      }
      if (RUN_CONTAINERS.has(name)) {
        for (const run of looseRuns(child, stats, skip)) {
          // A loose run is a paragraph whose parent is the container itself.
          if (run.chars >= 25) give(child, paragraphPoints(run.chars, run.commas), 0);
        }
      }
      walk(child);
    }
  };
  walk(root);
  for (const [el, score] of scores) scores.set(el, score * (1 - linkDensity(stats.get(el))));
  return scores;
}
