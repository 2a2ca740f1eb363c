import data from '../../data/class-hints.json' with { type: 'json' };

function anyOf(words: string[]): RegExp {
  return new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
}

// Substring patterns, like Readability's: class names glue words in every way ("sharedaddy",
// "article__share-bar", "postShare"), so word boundaries would miss most of them.
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
