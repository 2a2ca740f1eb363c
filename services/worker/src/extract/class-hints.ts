import type { Element } from 'domhandler';
import data from '../../data/class-hints.json' with { type: 'json' };

// Substring patterns, like Readability's: class names glue words in every way ("sharedaddy",
// "article__share-bar", "postShare"), so word boundaries would miss most of them. Case is
// ignored by the pattern rather than by lowercasing every class attribute of the page.
function anyOf(sources: string[]): RegExp {
  return new RegExp(sources.join('|'), 'i');
}

/** Whether a pattern matches the class or the id of an element (tested apart: no string is built). */
export function classOrIdMatches(el: Element, pattern: RegExp): boolean {
  const cls = el.attribs['class'];
  if (cls !== undefined && cls !== '' && pattern.test(cls)) return true;
  const id = el.attribs['id'];
  return id !== undefined && id !== '' && pattern.test(id);
}
export const UNLIKELY = anyOf(data.unlikely);
export const CONTAINER_UNLIKELY = anyOf(data.containerUnlikely);
export const WIDGET_UNLIKELY = anyOf(data.widgetUnlikely);
export const MAYBE_CANDIDATE = anyOf(data.maybeCandidate);
export const POSITIVE = anyOf(data.positive);
export const NEGATIVE = anyOf(data.negative);

/** Landmark roles that are never the article. */
export const UNLIKELY_ROLES = new Set([
  'menu',
  'menubar',
  'complementary',
  'navigation',
  'alert',
  'alertdialog',
  'dialog',
  'banner',
  'contentinfo',
  'search',
]);
