import type { AnyNode, Element } from 'domhandler';
import { isTag, isText } from 'domhandler';

/** Elements that start a new paragraph in the text output. */
export const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
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
  'table',
  'tbody',
  'td',
  'th',
  'thead',
  'tr',
  'ul',
  'center',
  'summary',
]);

/** Class and id of an element, lowercased, for the hint patterns. */
export function hints(el: Element): string {
  const { class: cls, id, role, itemprop } = el.attribs as Record<string, string | undefined>;
  return `${cls ?? ''} ${id ?? ''} ${role ?? ''} ${itemprop ?? ''}`.toLowerCase();
}

export function elementChildren(el: Element): Element[] {
  return el.children.filter(isTag);
}

/** Text of a subtree with whitespace collapsed (no paragraph structure). */
export function flatText(node: AnyNode): string {
  const parts: string[] = [];
  const walk = (n: AnyNode) => {
    if (isText(n)) parts.push(n.data);
    else if (isTag(n)) {
      if (BLOCK_TAGS.has(n.name)) parts.push(' ');
      for (const child of n.children) walk(child);
      if (BLOCK_TAGS.has(n.name)) parts.push(' ');
    }
  };
  walk(node);
  return parts.join('').replace(/\s+/g, ' ').trim();
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
