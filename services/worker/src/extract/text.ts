import type { AnyNode, Element } from 'domhandler';
import { isTag, isText } from 'domhandler';
import { BLOCK_TAGS } from './dom.js';

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * Plain text of the content elements: one paragraph per block (paragraphs, headings, list
 * items and quotes each stand alone), whitespace collapsed inside paragraphs.
 */
export function toParagraphs(elements: Element[]): string[] {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const text = current.replace(/\s+/g, ' ').trim();
    if (text) paragraphs.push(text);
    current = '';
  };
  const walk = (node: AnyNode) => {
    if (isText(node)) {
      current += node.data;
      return;
    }
    if (!isTag(node)) return;
    if (node.name === 'br') {
      // One <br> inside running text is a line break; treat it as a paragraph break, as
      // readers see one.
      flush();
      return;
    }
    const block = BLOCK_TAGS.has(node.name);
    if (block) flush();
    for (const child of node.children) walk(child);
    if (block) flush();
  };
  for (const el of elements) walk(el);
  flush();
  return paragraphs;
}

/** Whether an element is a heading (kept as its own paragraph; used to drop a repeated title). */
export function isHeading(el: Element): boolean {
  return HEADINGS.has(el.name);
}

/** Escapes text for the sanitized HTML body. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A sanitized HTML body: one <p> per paragraph, nothing else survives. */
export function paragraphsToHtml(paragraphs: string[]): string {
  return paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
}
