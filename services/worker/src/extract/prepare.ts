import type { AnyNode, Element } from 'domhandler';
import { isTag } from 'domhandler';
import {
  CONTAINER_UNLIKELY,
  classOrIdMatches,
  MAYBE_CANDIDATE,
  UNLIKELY,
  UNLIKELY_ROLES,
  WIDGET_UNLIKELY,
} from './class-hints.js';
import { removeNode, textOf } from './dom.js';

/** Never article text, whatever the page: code, media, controls, landmarks around the article. */
const DROP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'canvas',
  'video',
  'audio',
  'button',
  'input',
  'select',
  'textarea',
  'option',
  'nav',
  'aside',
  'footer',
  'header',
  'figcaption',
  'dialog',
  'menu',
  'link',
  'meta',
  'base',
  'map',
  'picture',
  'source',
]);

const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

function isHidden(el: Element): boolean {
  const a = el.attribs;
  if (a['hidden'] !== undefined) return true;
  // aria-hidden marks icons and duplicated labels; a few sites put it on a content wrapper,
  // which the retry without unlikely-stripping does not fix, so only small elements go.
  if (a['aria-hidden'] === 'true' && el.name !== 'div' && el.name !== 'article' && el.name !== 'section') return true;
  const style = a['style'];
  return style !== undefined && HIDDEN_STYLE.test(style);
}

/** Removes, in place, what is never article text: DROP_TAGS, hidden elements, comments. */
export function dropNonContent(root: Element): void {
  const walk = (el: Element) => {
    const children = el.children;
    for (let i = children.length - 1; i >= 0; i -= 1) {
      const child = children[i]!;
      if (child.type === 'comment' || child.type === 'directive' || child.type === 'cdata') {
        removeNode(child);
        continue;
      }
      if (!isTag(child)) continue;
      if (DROP_TAGS.has(child.name) || isHidden(child)) removeNode(child);
      else walk(child);
    }
  };
  walk(root);
}

/**
 * How much of the class-name evidence to act on: `strong` drops only what is never the article
 * (comments, related lists, share bars, captions), `all` also drops weaker hints (headers,
 * "extra", menus) unless a content word comes with them.
 */
export type UnlikelyLevel = 'all' | 'strong';

/** Whether a class/id/role says the element is boilerplate (a share bar, related list, …). */
export function looksUnlikely(el: Element, level: UnlikelyLevel): boolean {
  const a = el.attribs;
  const role = a['role'];
  if (role !== undefined && UNLIKELY_ROLES.has(role.toLowerCase())) return true;
  if (a['class'] === undefined && a['id'] === undefined) return false;
  if (classOrIdMatches(el, CONTAINER_UNLIKELY)) return true;
  if (classOrIdMatches(el, WIDGET_UNLIKELY)) return !holdsProse(el);
  return level === 'all' && classOrIdMatches(el, UNLIKELY) && !classOrIdMatches(el, MAYBE_CANDIDATE);
}

/** Paragraphs of prose that make a "widget" too big to be one. */
const WIDGET_MAX_PROSE_PARAGRAPHS = 3;

/**
 * Whether an element holds several paragraphs of prose (40+ characters, mostly not links).
 * Stops counting as soon as it knows; runs only on elements a widget word matched.
 */
function holdsProse(el: Element): boolean {
  let found = 0;
  const stack: AnyNode[] = [el];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isTag(node)) continue;
    if (node.name === 'p') {
      const text = textOf(node);
      if (text.length >= 40 && linkTextLength(node) < text.length * 0.3) {
        found += 1;
        if (found >= WIDGET_MAX_PROSE_PARAGRAPHS) return true;
      }
      continue;
    }
    for (const child of node.children) stack.push(child);
  }
  return false;
}

function linkTextLength(el: Element): number {
  let n = 0;
  const stack: AnyNode[] = [el];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isTag(node)) continue;
    if (node.name === 'a') n += textOf(node).length;
    else for (const child of node.children) stack.push(child);
  }
  return n;
}

/**
 * Elements that look like boilerplate from their class, id or role. They are left in the
 * tree (a retry may need them) and skipped by scoring and text output instead.
 */
export function unlikelyElements(root: Element, level: UnlikelyLevel): Set<Element> {
  const found = new Set<Element>();
  const walk = (el: Element, inTable: boolean) => {
    for (const child of el.children) {
      if (!isTag(child)) continue;
      const name = child.name;
      // Links and table cells with such classes are parts of a sentence or of a data table.
      if (name !== 'a' && name !== 'body' && !inTable && looksUnlikely(child, level)) {
        found.add(child);
        continue;
      }
      walk(child, inTable || name === 'table' || name === 'code' || name === 'pre');
    }
  };
  walk(root, false);
  return found;
}
