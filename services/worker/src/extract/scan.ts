import type { AnyNode, Element } from 'domhandler';
import { isTag } from 'domhandler';
import { collapse, textOf } from './dom.js';

/** What one walk over the whole page collects for metadata, dates and bylines. */
export interface PageScan {
  /** <meta> content by lowercased property, name, itemprop or http-equiv; the first non-empty wins. */
  metas: Map<string, string>;
  /** Raw text of each <script type="application/ld+json"> (taken out before parsing). */
  jsonLd: string[];
  canonical: string | null;
  htmlLang: string | null;
  title: string | null;
  /** Texts of the first <h1> elements. */
  h1: string[];
  /** First element carrying each itemprop (lowercased), outside <meta>. */
  itemprops: Map<string, Element>;
  /** <time> elements in document order. */
  times: Element[];
  /** Elements whose class or id says they hold a date. */
  dateHinted: Element[];
  /** Elements that hold an author name: rel=author, itemprop=author, byline/author classes. */
  bylines: Element[];
  body: Element | null;
  /** Deepest nesting of elements found. */
  depth: number;
}

const DATE_HINT =
  /(^|[\s_-])(date|time|published|pubdate|posted|post-?date|timestamp|dateline|article-?date|meta-?date|entry-?date|updated|byline-?date|publish-?date|datum|fecha|data)($|[\s_-])/i;
const BYLINE_HINT =
  /(^|[\s_-])(byline|by-?line|author|author-?name|article-?author|post-?author|entry-?author|signature|auteur|autor|writer|reporter|contributor)($|[\s_-])/i;

const ANY_HINT =
  /dat|time|publi|post|stamp|updated|fecha|by|author|signature|auteur|autor|writer|reporter|contributor/i;

/** Walks the page once (no CSS selector engine: each selector would walk it again). */
export function scanPage(root: AnyNode, jsonLd: string[]): PageScan {
  const scan: PageScan = {
    metas: new Map(),
    jsonLd,
    canonical: null,
    htmlLang: null,
    title: null,
    h1: [],
    itemprops: new Map(),
    times: [],
    dateHinted: [],
    bylines: [],
    body: null,
    depth: 0,
  };
  // Two parallel stacks (nodes and their depths): no allocation per node.
  const stack: AnyNode[] = [root];
  const depths: number[] = [0];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const depth = depths.pop()!;
    if (depth > scan.depth) scan.depth = depth;
    if (!isTag(node)) {
      if ('children' in node && Array.isArray(node.children)) {
        for (let i = node.children.length - 1; i >= 0; i -= 1) {
          stack.push(node.children[i] as AnyNode);
          depths.push(depth + 1);
        }
      }
      continue;
    }
    visitElement(node, scan);
    const children = node.children;
    for (let i = children.length - 1; i >= 0; i -= 1) {
      if (children[i]!.type === 'text') continue;
      stack.push(children[i]!);
      depths.push(depth + 1);
    }
  }
  return scan;
}

function visitElement(el: Element, scan: PageScan): void {
  const a = el.attribs;
  switch (el.name) {
    case 'meta': {
      const content = a['content']?.trim();
      if (!content) return;
      for (const key of [a['property'], a['name'], a['itemprop'], a['http-equiv']]) {
        if (key === undefined) continue;
        const k = key.trim().toLowerCase();
        if (!scan.metas.has(k)) scan.metas.set(k, content);
      }
      return;
    }
    case 'link':
      if (scan.canonical === null && a['rel']?.toLowerCase().split(/\s+/).includes('canonical') && a['href']?.trim()) {
        scan.canonical = a['href'].trim();
      }
      return;
    case 'title':
      if (scan.title === null) scan.title = collapse(textOf(el)) || null;
      return;
    case 'html':
      if (scan.htmlLang === null && a['lang']?.trim()) scan.htmlLang = a['lang'].trim();
      break;
    case 'body':
      if (scan.body === null) scan.body = el;
      break;
    case 'h1':
      if (scan.h1.length < 3) {
        const text = collapse(textOf(el));
        if (text) scan.h1.push(text);
      }
      break;
    case 'time':
      scan.times.push(el);
      break;
  }
  const itemprop = a['itemprop'];
  if (itemprop !== undefined) {
    for (const key of itemprop.toLowerCase().split(/\s+/)) if (!scan.itemprops.has(key)) scan.itemprops.set(key, el);
    if (/\bauthor\b/i.test(itemprop) && scan.bylines.length < 10) scan.bylines.push(el);
  }
  if (a['rel'] === 'author' && scan.bylines.length < 10) scan.bylines.push(el);
  const cls = a['class'];
  const id = a['id'];
  if (cls === undefined && id === undefined) return;
  // Class and id are tested apart: no string is built for every element of the page.
  // A cheap test first: most class names hold none of the words of either pattern.
  if (!hinted(ANY_HINT, cls) && !hinted(ANY_HINT, id)) return;
  if (scan.dateHinted.length < 30 && (hinted(DATE_HINT, cls) || hinted(DATE_HINT, id))) scan.dateHinted.push(el);
  if (scan.bylines.length < 10 && (hinted(BYLINE_HINT, cls) || hinted(BYLINE_HINT, id))) scan.bylines.push(el);
}

function hinted(pattern: RegExp, value: string | undefined): boolean {
  return value !== undefined && value !== '' && pattern.test(value);
}
