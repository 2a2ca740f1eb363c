import type { AnyNode, Element } from 'domhandler';
import { isTag, isText } from 'domhandler';
import { linkDensity, type StatsMap } from './stats.js';

/** Prose an ancestor must add (in characters) for the selection to climb to it. */
const CLIMB_EXTRA_PROSE = 300;
/** …and at least this share of the block's own prose (an author bio is not a second half). */
const CLIMB_EXTRA_SHARE = 0.25;

function ancestorsOf(el: Element, root: Element): Element[] {
  const out: Element[] = [];
  let node = el.parent;
  while (node && isTag(node) && node !== root) {
    out.push(node);
    node = node.parent;
  }
  return out;
}

function contains(ancestor: Element, el: Element): boolean {
  let node = el.parent;
  while (node) {
    if (node === ancestor) return true;
    node = node.parent;
  }
  return false;
}

function elementChildCount(el: Element, skip: ReadonlySet<Element>): number {
  let n = 0;
  for (const child of el.children) if (isTag(child) && !skip.has(child)) n += 1;
  return n;
}

/**
 * Picks the block that holds the article and the siblings that continue it, following
 * Readability: the best candidate, or the common ancestor of several near-best ones; then a
 * climb while the parent scores better; then siblings that score well or read like prose.
 * Returns the elements in document order.
 */
export function selectContent(
  root: Element,
  stats: StatsMap,
  scores: Map<Element, number>,
  skip: ReadonlySet<Element>,
): Element[] {
  const ranked = [...scores].sort((a, b) => b[1] - a[1]).slice(0, 5);
  const first = ranked[0];
  if (!first || first[0] === root) return [root];
  let top = first[0];
  const topScore = first[1];

  // Several near-best candidates under one ancestor: the article is split into sections.
  // Only blocks beside the best one count: its own ancestors and descendants score well
  // because of the same paragraphs.
  const topAncestors = new Set(ancestorsOf(top, root));
  const alternatives = ranked
    .slice(1)
    .filter(([el, score]) => score / topScore >= 0.75 && !topAncestors.has(el) && !contains(top, el));
  if (alternatives.length >= 3) {
    const lists = alternatives.map(([el]) => new Set(ancestorsOf(el, root)));
    let parent = top.parent;
    while (parent && isTag(parent) && parent !== root) {
      let containing = 0;
      for (const list of lists) if (list.has(parent)) containing += 1;
      if (containing >= 3) {
        top = parent;
        break;
      }
      parent = parent.parent;
    }
  }

  // Climb while a parent scores better than what lies below it (text in sibling blocks).
  let lastScore = scores.get(top) ?? 0;
  const threshold = lastScore / 3;
  let parent = top.parent;
  while (parent && isTag(parent) && parent !== root) {
    const parentScore = scores.get(parent);
    if (parentScore === undefined) {
      parent = parent.parent;
      continue;
    }
    if (parentScore < threshold) break;
    if (parentScore > lastScore) {
      top = parent;
      break;
    }
    lastScore = parentScore;
    parent = parent.parent;
  }
  // The article split into blocks that share no scored parent (a body in chunks between ad
  // rails): climb while an ancestor holds much more prose than the block and is not mostly
  // links, i.e. while it adds paragraphs rather than menus.
  for (let ancestor = top.parent; ancestor && isTag(ancestor) && ancestor !== root; ancestor = ancestor.parent) {
    const a = stats.get(ancestor);
    const t = stats.get(top);
    if (!a || !t) break;
    const extra = a.proseChars - t.proseChars;
    if (
      extra >= Math.max(CLIMB_EXTRA_PROSE, t.proseChars * CLIMB_EXTRA_SHARE) &&
      a.paragraphs - t.paragraphs >= 3 &&
      linkDensity(a) <= 0.3 &&
      a.proseChars >= a.chars * 0.5
    ) {
      top = ancestor;
    }
  }
  // A lone child is the same block as its parent; siblings are only found one level up.
  while (top.parent && isTag(top.parent) && top.parent !== root && elementChildCount(top.parent, skip) === 1) {
    top = top.parent;
  }

  const container = top.parent;
  if (!container || !isTag(container)) return [top];
  const bestScore = scores.get(top) ?? topScore;
  const siblingThreshold = Math.max(10, bestScore * 0.2);
  const topClass = top.attribs['class'] ?? '';
  const kept: Element[] = [];
  for (const sibling of container.children) {
    if (!isTag(sibling) || skip.has(sibling)) continue;
    if (sibling === top) {
      kept.push(sibling);
      continue;
    }
    const s = stats.get(sibling);
    if (!s || s.chars === 0) continue;
    const bonus = topClass !== '' && sibling.attribs['class'] === topClass ? bestScore * 0.2 : 0;
    if ((scores.get(sibling) ?? 0) + bonus >= siblingThreshold) {
      kept.push(sibling);
      continue;
    }
    if (sibling.name === 'p' || (sibling.name === 'div' && s.paragraphs === 0)) {
      const density = linkDensity(s);
      if (s.chars > 80 && density < 0.25) kept.push(sibling);
      else if (s.chars < 80 && s.chars > 0 && density === 0 && endsSentence(sibling)) kept.push(sibling);
    }
  }
  return kept;
}

function endsSentence(el: Element): boolean {
  let last = '';
  const walk = (node: AnyNode) => {
    if (isText(node)) {
      const t = node.data.trim();
      if (t) last = t;
    } else if (isTag(node)) for (const child of node.children) walk(child);
  };
  walk(el);
  return /[.!?…»"”]$/.test(last);
}
