// English or French? Enrichment reads both, but event patterns are written per language, so
// an article without a declared language gets the one whose function words it uses most.
import type { Token } from './normalize.js';

const EN = new Set(
  'the of and to in is was for that with on as by from at are has have it its will were this which after'.split(' '),
);
const FR = new Set(
  'le la les de des du et en un une est pour que qui dans sur par au aux avec ont sont il elle se ce cette'.split(' '),
);

/**
 * `en` or `fr`: the declared language when it is one of them (`fr-FR` counts as `fr`),
 * otherwise the language whose function words are more frequent (English on a tie).
 */
export function languageOf(declared: string | null | undefined, words: Iterable<Token>): 'en' | 'fr' {
  const code = declared?.slice(0, 2).toLowerCase();
  if (code === 'en' || code === 'fr') return code;
  let en = 0;
  let fr = 0;
  for (const word of words) {
    if (EN.has(word.fold)) en += 1;
    else if (FR.has(word.fold)) fr += 1;
  }
  return fr > en ? 'fr' : 'en';
}
