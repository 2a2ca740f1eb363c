// What the page prints about itself outside the metadata: a visible date, a byline.
import type { Element } from 'domhandler';
import { isTag } from 'domhandler';
import { parseHumanDate } from './dates.js';
import { collapse, textOf, visibleText } from './dom.js';

const FORM_OR_COMMENTS = /comment|respond|reply|form/i;

/** Texts of the bylines printed on the page, leaving out comment authors and form labels. */
export function printedBylines(elements: Element[]): string[] {
  const out: string[] = [];
  for (const el of elements) {
    if (insideFormOrComments(el)) continue;
    const text = collapse(visibleText(el)) || el.attribs['content']?.trim() || '';
    if (text.length > 0 && text.length <= 120 && !out.includes(text)) out.push(text);
    if (out.length === 3) break;
  }
  return out;
}

function insideFormOrComments(el: Element): boolean {
  let node: Element | null = el;
  for (let depth = 0; node && depth < 12; depth += 1) {
    if (node.name === 'form' || node.name === 'label') return true;
    const h = `${node.attribs['class'] ?? ''} ${node.attribs['id'] ?? ''}`;
    if (FORM_OR_COMMENTS.test(h)) return true;
    node = node.parent && isTag(node.parent) ? node.parent : null;
  }
  return false;
}

/** A publication date printed on the page: <time> text, then elements hinted as dates. */
export function findVisibleDate(times: Element[], hinted: Element[], now: number): string | null {
  for (const el of [...times, ...hinted]) {
    const text = collapse(textOf(el));
    if (text.length === 0 || text.length > 120) continue;
    const date = parseHumanDate(
      text.replace(/^\s*(published|posted|updated|publié|mis à jour)( on| le)?\s*:?/i, ''),
      now,
    );
    if (date) return date;
  }
  return null;
}
