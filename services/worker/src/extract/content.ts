import type { AnyNode, Element } from 'domhandler';
import { isTag, isText } from 'domhandler';
import { NEGATIVE, POSITIVE } from './boilerplate.js';
import { BLOCK_TAGS, hints } from './dom.js';

interface Stats {
  /** Characters of text in the subtree (whitespace collapsed). */
  chars: number;
  /** Characters inside <a>. */
  linkChars: number;
  commas: number;
  /** Direct paragraph-like children. */
  paragraphs: number;
}

/** Text statistics of every element, computed bottom-up in one pass. */
export function computeStats(root: Element): Map<Element, Stats> {
  const stats = new Map<Element, Stats>();
  const visit = (node: AnyNode, inLink: boolean): Stats => {
    if (isText(node)) {
      const text = node.data.replace(/\s+/g, ' ');
      const chars = text.trim().length;
      return { chars, linkChars: inLink ? chars : 0, commas: countCommas(text), paragraphs: 0 };
    }
    if (!isTag(node)) return { chars: 0, linkChars: 0, commas: 0, paragraphs: 0 };
    const link = inLink || node.name === 'a';
    const total: Stats = { chars: 0, linkChars: 0, commas: 0, paragraphs: 0 };
    for (const child of node.children) {
      const s = visit(child, link);
      total.chars += s.chars;
      total.linkChars += s.linkChars;
      total.commas += s.commas;
      if (
        isTag(child) &&
        (child.name === 'p' || child.name === 'pre' || child.name === 'blockquote') &&
        s.chars >= 25
      ) {
        total.paragraphs += 1;
      }
    }
    stats.set(node, total);
    return total;
  };
  visit(root, false);
  return stats;
}

function countCommas(text: string): number {
  let n = 0;
  for (const ch of text) if (ch === ',' || ch === '،' || ch === '，' || ch === '、') n += 1;
  return n;
}

function classWeight(el: Element): number {
  const h = hints(el);
  let weight = 0;
  if (NEGATIVE.test(h)) weight -= 25;
  if (POSITIVE.test(h)) weight += 25;
  if (el.attribs['itemprop'] === 'articleBody') weight += 40;
  return weight;
}

function tagWeight(name: string): number {
  switch (name) {
    case 'article':
      return 8;
    case 'div':
    case 'main':
    case 'section':
      return 5;
    case 'pre':
    case 'td':
    case 'blockquote':
      return 3;
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

function hasBlockChild(el: Element): boolean {
  return el.children.some((child) => isTag(child) && BLOCK_TAGS.has(child.name) && child.name !== 'br');
}

/**
 * Finds the main content in the spirit of Readability: every paragraph-like element gives
 * points (length, commas) to its parent and, halved, to its grandparent; candidates are
 * weighted by tag and class/id hints and discounted by link density; the best one is kept
 * together with siblings that look like more of the same article.
 * Returns the elements to read, in document order.
 */
export function findMainContent(root: Element): Element[] {
  const stats = computeStats(root);
  const scores = new Map<Element, number>();
  const init = (el: Element) => {
    if (!scores.has(el)) scores.set(el, tagWeight(el.name) + classWeight(el));
  };

  const scoreParagraph = (el: Element) => {
    const s = stats.get(el);
    if (!s || s.chars < 25) return;
    const linkDensity = s.chars > 0 ? s.linkChars / s.chars : 0;
    if (linkDensity > 0.5) return;
    const points = 1 + s.commas + Math.min(Math.floor(s.chars / 100), 3);
    let ancestor = el.parent;
    for (let level = 0; level < 3 && ancestor && isTag(ancestor) && stats.has(ancestor); level += 1) {
      init(ancestor);
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      scores.set(ancestor, scores.get(ancestor)! + points / divider);
      ancestor = ancestor.parent;
    }
  };

  const walk = (el: Element) => {
    const name = el.name;
    if (name === 'p' || name === 'pre' || name === 'td' || name === 'blockquote' || name === 'li') scoreParagraph(el);
    else if ((name === 'div' || name === 'section' || name === 'span') && !hasBlockChild(el)) scoreParagraph(el);
    for (const child of el.children) if (isTag(child)) walk(child);
  };
  walk(root);

  let best: Element | null = null;
  let bestScore = -Infinity;
  for (const [el, raw] of scores) {
    const s = stats.get(el)!;
    const final = raw * (1 - (s.chars > 0 ? s.linkChars / s.chars : 0));
    scores.set(el, final);
    if (final > bestScore) {
      best = el;
      bestScore = final;
    }
  }
  if (!best) return [root];

  // A candidate that holds a single paragraph-container child is often a wrapper: climb to
  // the parent when the parent scores nearly as well (text split across sibling blocks).
  let top = best;
  for (let i = 0; i < 3; i += 1) {
    const parent = top.parent;
    if (!parent || !isTag(parent) || parent.name === 'body' || parent.name === 'html') break;
    const parentScore = scores.get(parent) ?? 0;
    if (parentScore < bestScore * 0.75) break;
    top = parent;
  }

  const parent = top.parent;
  if (!parent || !isTag(parent)) return [top];
  const threshold = Math.max(10, bestScore * 0.2);
  const kept: Element[] = [];
  for (const sibling of parent.children) {
    if (!isTag(sibling)) continue;
    if (sibling === top) {
      kept.push(sibling);
      continue;
    }
    const s = stats.get(sibling);
    if (!s || s.chars === 0) continue;
    const density = s.linkChars / s.chars;
    const bonus = sibling.attribs['class'] && sibling.attribs['class'] === top.attribs['class'] ? bestScore * 0.2 : 0;
    if ((scores.get(sibling) ?? 0) + bonus >= threshold) kept.push(sibling);
    else if (sibling.name === 'p') {
      const text = sibling.children.map((c) => (isText(c) ? c.data : '')).join('');
      if (
        (s.chars > 80 && density < 0.25) ||
        (s.chars > 0 && s.chars <= 80 && density === 0 && /[.!?»"”]\s*$/.test(text))
      ) {
        kept.push(sibling);
      }
    }
  }
  return kept;
}
