import { codeUnitAt } from '@famwatch/shared';
import type { Element } from 'domhandler';
import { isTag, isText } from 'domhandler';
import { BLOCK_TAGS } from './dom.js';

/** Text statistics of one element's subtree, as far as it is still part of the page. */
export interface BlockStats {
  /** Characters of text, whitespace runs counted as one. */
  chars: number;
  /** Characters inside <a>. */
  linkChars: number;
  /** <a> elements. */
  links: number;
  commas: number;
  /** Paragraph descendants: <p>, and <div>s of inline text (what Readability turns into <p>). */
  paragraphs: number;
  images: number;
  listItems: number;
  inputs: number;
  embeds: number;
  /** Characters inside headings. */
  headingChars: number;
  /** Characters of prose: paragraphs of 30 characters or more that are mostly not links. */
  proseChars: number;
}

export type StatsMap = Map<Element, BlockStats>;

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 160 || code === 0x200b;
}

function isComma(code: number): boolean {
  return code === 44 || code === 0x060c || code === 0xff0c || code === 0x3001 || code === 0xfe50;
}

/** Adds a text's collapsed length and commas to `into`; returns the length. */
function measureInto(text: string, into: { chars: number; commas: number }): number {
  let chars = 0;
  let inSpace = true;
  for (let i = 0; i < text.length; i += 1) {
    const code = codeUnitAt(text, i);
    if (isSpace(code)) {
      if (!inSpace) {
        chars += 1;
        inSpace = true;
      }
      continue;
    }
    inSpace = false;
    chars += 1;
    if (isComma(code)) into.commas += 1;
  }
  if (inSpace && chars > 0) chars -= 1;
  into.chars += chars;
  return chars;
}

/** Collapsed length and commas of a text node, in one pass over its characters. */
export function measureText(text: string): { chars: number; commas: number } {
  let chars = 0;
  let commas = 0;
  let inSpace = true;
  for (let i = 0; i < text.length; i += 1) {
    const code = codeUnitAt(text, i);
    if (isSpace(code)) {
      if (!inSpace) {
        chars += 1;
        inSpace = true;
      }
      continue;
    }
    inSpace = false;
    chars += 1;
    if (isComma(code)) commas += 1;
  }
  // A trailing space was counted for the run that ended the text: take it back.
  if (inSpace && chars > 0) chars -= 1;
  return { chars, commas };
}

const EMBED_TAGS = new Set(['iframe', 'embed', 'object', 'video']);
const INPUT_TAGS = new Set(['input', 'select', 'textarea', 'button']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * Statistics of every element under `root`, computed bottom-up in one pass so that no subtree
 * is measured twice. Elements in `skip` (and their subtrees) count as absent.
 */
export function computeStats(root: Element, skip: ReadonlySet<Element>): StatsMap {
  const stats: StatsMap = new Map();
  const visit = (node: Element, inLink: boolean, inHeading: boolean): BlockStats => {
    const name = node.name;
    const link = inLink || name === 'a';
    const heading = inHeading || HEADINGS.has(name);
    // A literal, not a spread of EMPTY: this runs for every element of every page.
    const total: BlockStats = {
      chars: 0,
      linkChars: 0,
      links: 0,
      commas: 0,
      paragraphs: 0,
      images: 0,
      listItems: 0,
      inputs: 0,
      embeds: 0,
      headingChars: 0,
      proseChars: 0,
    };
    let hasBlock = false;
    for (const child of node.children) {
      if (isText(child)) {
        // Text is added in place: no object per text node.
        const chars = measureInto(child.data, total);
        if (link) total.linkChars += chars;
        if (heading) total.headingChars += chars;
        continue;
      }
      if (!isTag(child) || skip.has(child)) continue;
      if (!hasBlock && BLOCK_TAGS.has(child.name)) hasBlock = true;
      const s = visit(child, link, heading);
      total.chars += s.chars;
      total.linkChars += s.linkChars;
      total.links += s.links;
      total.commas += s.commas;
      total.paragraphs += s.paragraphs;
      total.images += s.images;
      total.listItems += s.listItems;
      total.inputs += s.inputs;
      total.embeds += s.embeds;
      total.headingChars += s.headingChars;
      total.proseChars += s.proseChars;
    }
    if (name === 'p' || (name === 'div' && !hasBlock && total.chars > total.linkChars)) {
      total.paragraphs += 1;
      if (total.chars >= 30 && total.linkChars < total.chars * 0.3) total.proseChars = total.chars;
    } else if (name === 'a') total.links += 1;
    else if (name === 'img') total.images += 1;
    else if (name === 'li') total.listItems += 1;
    else if (INPUT_TAGS.has(name)) total.inputs += 1;
    else if (EMBED_TAGS.has(name)) total.embeds += 1;
    stats.set(node, total);
    return total;
  };
  visit(root, false, false);
  return stats;
}

export function linkDensity(s: BlockStats | undefined): number {
  return s && s.chars > 0 ? s.linkChars / s.chars : 0;
}

/** Subtracts a removed subtree's figures from its ancestors, up to `root`. */
export function subtractFromAncestors(el: Element, root: Element, stats: StatsMap): void {
  const removed = stats.get(el);
  if (!removed) return;
  let node = el.parent;
  while (node && isTag(node)) {
    const s = stats.get(node);
    if (s) {
      s.chars -= removed.chars;
      s.linkChars -= removed.linkChars;
      s.links -= removed.links;
      s.commas -= removed.commas;
      s.paragraphs -= removed.paragraphs;
      s.images -= removed.images;
      s.listItems -= removed.listItems;
      s.inputs -= removed.inputs;
      s.embeds -= removed.embeds;
      s.headingChars -= removed.headingChars;
      s.proseChars -= removed.proseChars;
    }
    if (node === root) break;
    node = node.parent;
  }
}
