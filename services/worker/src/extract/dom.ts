import type { AnyNode, Element } from 'domhandler';
import { isTag, isText } from 'domhandler';

/** Elements that start a new paragraph in the text output. */
export const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

export const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Raw text of a subtree (no separators between blocks). Iterative: any depth is safe. */
export function textOf(node: AnyNode): string {
  if (isText(node)) return node.data;
  if (!isTag(node)) return '';
  let out = '';
  const stack: AnyNode[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (isText(n)) out += n.data;
    else if (isTag(n)) for (let i = n.children.length - 1; i >= 0; i -= 1) stack.push(n.children[i]!);
  }
  return out;
}

const INVISIBLE = new Set(['script', 'style', 'noscript', 'template']);

/** Text of a subtree without scripts and styles, blocks separated by a space. */
export function visibleText(node: AnyNode): string {
  if (isText(node)) return node.data;
  if (!isTag(node) || INVISIBLE.has(node.name)) return '';
  let out = BLOCK_TAGS.has(node.name) ? ' ' : '';
  for (const child of node.children) out += visibleText(child);
  return BLOCK_TAGS.has(node.name) ? `${out} ` : out;
}

/** Whitespace runs (including non-breaking spaces) become one space; ends trimmed. */
export function collapse(text: string): string {
  return text.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

export function hasAncestor(el: Element, names: ReadonlySet<string>, depth = 8): boolean {
  let node = el.parent;
  for (let i = 0; i < depth && node && isTag(node); i += 1) {
    if (names.has(node.name)) return true;
    node = node.parent;
  }
  return false;
}

export function removeNode(node: AnyNode): void {
  const parent = node.parent;
  if (!parent) return;
  const index = parent.children.indexOf(node as never);
  if (index >= 0) parent.children.splice(index, 1);
  if (node.prev) node.prev.next = node.next;
  if (node.next) node.next.prev = node.prev;
  node.parent = null;
  node.prev = null;
  node.next = null;
}
