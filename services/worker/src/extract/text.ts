import type { AnyNode, Element } from 'domhandler';
import { isTag, isText } from 'domhandler';
import { BLOCK_TAGS, collapse, HEADING_TAGS } from './dom.js';

/** One paragraph of the output and the kind of block it came from. */
export interface Paragraph {
  text: string;
  kind: 'p' | 'heading' | 'item' | 'quote' | 'pre';
}

const NOT_BLANK = /[^\s\u00a0\u200b]/;

function kindOf(name: string, current: Paragraph['kind']): Paragraph['kind'] {
  if (HEADING_TAGS.has(name)) return 'heading';
  if (name === 'li' || name === 'dt' || name === 'dd') return 'item';
  if (name === 'blockquote') return 'quote';
  if (name === 'pre') return 'pre';
  if (name === 'p') return current === 'quote' ? 'quote' : 'p';
  return current;
}

/**
 * Plain-text paragraphs of the content elements: every block (paragraph, heading, list item,
 * quote) stands alone; a single <br> is a line break readers see as a new paragraph. Elements
 * in `skip` are left out.
 */
export function toParagraphs(elements: Element[], skip: ReadonlySet<Element>): Paragraph[] {
  const out: Paragraph[] = [];
  let current = '';
  // Whether `current` holds more than whitespace: the kind of a paragraph is the kind of the
  // block its first words are in.
  let started = false;
  let kind: Paragraph['kind'] = 'p';
  const flush = () => {
    if (started) {
      const text = collapse(current);
      if (text) out.push({ text, kind });
    }
    current = '';
    started = false;
  };
  const walk = (node: AnyNode, inheritedKind: Paragraph['kind']) => {
    if (isText(node)) {
      if (!started && NOT_BLANK.test(node.data)) {
        kind = inheritedKind;
        started = true;
      }
      current += node.data;
      return;
    }
    if (!isTag(node) || skip.has(node)) return;
    const name = node.name;
    if (name === 'br' || name === 'hr') {
      flush();
      return;
    }
    const block = BLOCK_TAGS.has(name);
    const childKind = block ? kindOf(name, inheritedKind) : inheritedKind;
    if (block) flush();
    for (const child of node.children) walk(child, childKind);
    if (block) flush();
  };
  for (const el of elements) walk(el, 'p');
  flush();
  return out;
}

/** Escapes text for the sanitized HTML body. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The sanitized HTML body, rebuilt from the paragraphs (no attribute or markup of the page
 * survives): headings become <h2>, list items <ul><li>, quotes <blockquote>, code <pre>.
 */
export function paragraphsToHtml(paragraphs: Paragraph[]): string {
  const out: string[] = [];
  let inList = false;
  for (const p of paragraphs) {
    if (p.kind !== 'item' && inList) {
      out.push('</ul>');
      inList = false;
    }
    const text = escapeHtml(p.text);
    switch (p.kind) {
      case 'heading':
        out.push(`<h2>${text}</h2>`);
        break;
      case 'item':
        if (!inList) out.push('<ul>');
        inList = true;
        out.push(`<li>${text}</li>`);
        break;
      case 'quote':
        out.push(`<blockquote><p>${text}</p></blockquote>`);
        break;
      case 'pre':
        out.push(`<pre>${text}</pre>`);
        break;
      case 'p':
        out.push(`<p>${text}</p>`);
        break;
    }
  }
  if (inList) out.push('</ul>');
  return out.join('\n');
}
