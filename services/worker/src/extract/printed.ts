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

// "Updated June 8, 2021", "Mis à jour le 08/06/2021": the date of a change, not of publication.
const MODIFIED_PREFIX = /^\s*(updated|last updated|modified|mis à jour|modifié|actualizado|atualizado|aggiornato)\b/i;
const PUBLISHED_PREFIX = /^\s*(published|posted|publié|publiée|publicado|pubblicato)\b/i;

/** Dates printed on the page, from <time> text, then elements hinted as dates. */
export interface VisibleDates {
  published: string | null;
  /** A date printed as the date of an update ("Updated …"). */
  modified: string | null;
}

export function findVisibleDates(times: Element[], hinted: Element[], now: number): VisibleDates {
  const found: VisibleDates = { published: null, modified: null };
  for (const el of [...times, ...hinted]) {
    const text = collapse(textOf(el));
    if (text.length === 0 || text.length > 120) continue;
    // "Published 7 June 2021, updated 8 June": the first date is the publication's.
    const updated = MODIFIED_PREFIX.test(text) && !PUBLISHED_PREFIX.test(text);
    // The patterns find the date inside "Published on …" and "Mis à jour le …".
    const date = parseHumanDate(text, now);
    if (!date) continue;
    if (updated) found.modified ??= date;
    else found.published ??= date;
    if (found.published && found.modified) break;
  }
  return found;
}
