import type { AnyNode, Element } from 'domhandler';
import { isTag } from 'domhandler';
import { hasAncestor, textOf } from './dom.js';
import { classWeight } from './score.js';
import { type BlockStats, linkDensity, type StatsMap, subtractFromAncestors } from './stats.js';

/** Blocks judged as a whole inside the chosen content (Readability's conditional cleaning). */
const CONDITIONAL = new Set(['div', 'section', 'ul', 'ol', 'table', 'form', 'fieldset', 'dl', 'figure', 'header']);
const FIGURE = new Set(['figure']);
const INLINE_BOXES = new Set(['span', 'small', 'font', 'em', 'strong', 'b', 'i']);
const CODE = new Set(['code', 'pre']);

// A block that only says "Advertisement" (in the languages we see) or "Loading…".
const AD_WORDS =
  /^\s*(ad(vertising|vertisement)?|pub(licité)?|werbung|anuncio|publicidad|pubblicità|реклама|广告|sponsored)\s*$/iu;
const LOADING_WORDS = /^\s*(loading|chargement|carregando|cargando|caricamento|загрузка)(…|\.\.\.)?\s*$/iu;

function isDataTable(table: Element, s: BlockStats | undefined): boolean {
  const a = table.attribs;
  if (a['role'] === 'presentation' || a['datatable'] === '0') return false;
  if (a['summary'] || a['role'] === 'grid' || a['role'] === 'table') return true;
  // Layout tables hold whole pages; data tables hold many short cells.
  let rows = 0;
  let hasHeader = false;
  const walk = (el: Element) => {
    for (const child of el.children) {
      if (!isTag(child)) continue;
      if (child.name === 'tr') rows += 1;
      else if (child.name === 'th' || child.name === 'thead' || child.name === 'caption') hasHeader = true;
      if (child.name !== 'table') walk(child);
    }
  };
  walk(table);
  if (hasHeader) return true;
  return rows >= 3 && (s?.paragraphs ?? 0) === 0;
}

/**
 * Removes blocks of the chosen content that readers skip: link lists, image strips, forms,
 * blocks whose class says share/related/caption, and "Advertisement" slots. Works bottom-up
 * (inner blocks first), subtracting what it removes from the ancestors' figures, so that an
 * outer block is judged on what is left of it. Removed elements are added to `removed`.
 */
export function pruneContent(
  elements: Element[],
  stats: StatsMap,
  skip: ReadonlySet<Element>,
  removed: Set<Element>,
  options: { weighClasses: boolean },
): void {
  for (const top of elements) {
    const visit = (el: Element) => {
      for (const child of el.children as AnyNode[]) if (isTag(child) && !skip.has(child)) visit(child);
      if (el === top) return;
      if (shouldRemove(el, stats, options)) {
        removed.add(el);
        subtractFromAncestors(el, top, stats);
      }
    };
    visit(top);
  }
}

function shouldRemove(el: Element, stats: StatsMap, options: { weighClasses: boolean }): boolean {
  const name = el.name;
  const s = stats.get(el);
  if (!s) return false;
  // An empty inline element may still hold the space between two words ("New Yorker<em> </em>story").
  if (s.chars === 0 && s.images === 0 && s.embeds === 0) return CONDITIONAL.has(name);
  if (name === 'h1' || name === 'h2' || name === 'h3') {
    return options.weighClasses && classWeight(el) < 0;
  }
  // A cluster of links inside a paragraph is a hover card or an inline "related" box that
  // CSS hides until hovered, not part of the sentence.
  if (INLINE_BOXES.has(name) && s.links >= 3 && linkDensity(s) > 0.8 && s.chars >= 50) return true;
  // Paragraphs that are one link each, one after the other, are teasers for other articles
  // ("Fans really want …"). A lone one is often a call to action that belongs to the text.
  if (
    name === 'p' &&
    isLinkParagraph(el, stats) &&
    (isLinkParagraph(nextBlock(el, 1, stats), stats) || isLinkParagraph(nextBlock(el, -1, stats), stats))
  ) {
    return true;
  }
  // A short line of several links is navigation: breadcrumbs, share buttons, tag lists.
  if ((name === 'p' || name === 'div') && s.links >= 2 && s.linkChars >= s.chars * 0.8 && s.chars < 120) return true;
  if (name === 'p' || name === 'span' || name === 'blockquote') {
    return s.chars < 40 && AD_WORDS.test(textOf(el));
  }
  if (!CONDITIONAL.has(name)) return false;
  if (hasAncestor(el, CODE)) return false;
  if (name === 'table' && isDataTable(el, s)) return false;
  const weight = options.weighClasses ? classWeight(el) : 0;
  // An embedded post (a tweet the article quotes) sits in a "widget" wrapper and is mostly a
  // link, but it is part of what the article says.
  if (weight < 0) return !holdsEmbeddedPost(el);
  if (s.commas >= 10) return false;
  if (s.chars < 60) {
    const text = textOf(el);
    if (AD_WORDS.test(text) || LOADING_WORDS.test(text)) return true;
  }
  let isList = name === 'ul' || name === 'ol';
  const p = s.paragraphs;
  const img = s.images;
  const li = s.listItems - 100;
  if (!isList && s.listItems > 0 && s.paragraphs === 0 && s.headingChars < s.chars * 0.5) {
    // A div that only wraps a list is judged as a list.
    isList = s.listItems >= 2;
  }
  const density = linkDensity(s);
  // A wrapper of prose paragraphs may link a few words in each ("in the journal Nature"):
  // Readability's 0.2 would drop a one-paragraph wrapper for one link.
  const isProse = s.proseChars >= s.chars * 0.8;
  const inFigure = name === 'figure' || hasAncestor(el, FIGURE);
  const headingDensity = s.chars > 0 ? s.headingChars / s.chars : 0;
  const looksLikeBoilerplate =
    (!inFigure && img > 1 && p / img < 0.5) ||
    (!isList && li > p) ||
    s.inputs > Math.floor(p / 3) ||
    (!isList && !inFigure && headingDensity < 0.9 && s.chars < 25 && (img === 0 || img > 2) && density > 0) ||
    (!isList && weight < 25 && density > (isProse ? 0.35 : 0.2)) ||
    (weight >= 25 && density > 0.5) ||
    (s.embeds === 1 && s.chars < 75) ||
    s.embeds > 1 ||
    (isList && density > 0.5);
  return looksLikeBoilerplate && !holdsEmbeddedPost(el);
}

/** A paragraph whose text is one or more links (and not a bare address, as in a source list). */
function isLinkParagraph(el: Element | null, stats: StatsMap): boolean {
  if (el?.name !== 'p') return false;
  const s = stats.get(el);
  if (!s || s.links === 0 || s.linkChars < s.chars * 0.9) return false;
  return !/^\s*(https?:\/\/|www\.)/i.test(textOf(el));
}

/** The next (direction 1) or previous (-1) sibling element that has text. */
function nextBlock(el: Element, direction: 1 | -1, stats: StatsMap): Element | null {
  let node = direction === 1 ? el.next : el.prev;
  while (node) {
    if (isTag(node) && (stats.get(node)?.chars ?? 0) > 0) return node;
    node = direction === 1 ? node.next : node.prev;
  }
  return null;
}

const EMBEDDED_POST = /twitter-tweet|instagram-media|tiktok-embed|fb-post|bluesky-embed|mastodon-embed/i;

/** Whether a block holds a quoted social-media post (<blockquote class="twitter-tweet">). */
function holdsEmbeddedPost(el: Element): boolean {
  const stack: AnyNode[] = [...el.children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isTag(node)) continue;
    if (node.name === 'blockquote' && EMBEDDED_POST.test(node.attribs['class'] ?? '')) return true;
    for (const child of node.children) stack.push(child);
  }
  return false;
}
