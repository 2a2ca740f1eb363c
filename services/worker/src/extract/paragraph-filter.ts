import data from '../../data/boilerplate-phrases.json' with { type: 'json' };
import type { Paragraph } from './text.js';

/**
 * One alternation per list: one regular-expression test per paragraph instead of thirty. When
 * every pattern is anchored at the start, the anchor is hoisted out of the alternation so that
 * the engine tries the patterns at the first character only, not at every one.
 */
function compile(sources: string[]): RegExp[] {
  if (sources.every((source) => source.startsWith('^'))) {
    return [new RegExp(`^(?:${sources.map((source) => `(?:${source.slice(1)})`).join('|')})`, 'iu')];
  }
  return [new RegExp(sources.map((source) => `(?:${source})`).join('|'), 'iu')];
}
const DROP = compile(data.drop);
const CUT = compile(data.cut);
const LIST_HEADING = compile(data.listHeading);
const CAPTION = compile(data.caption);
const CREDIT = compile(data.credit);

/** Boilerplate lines are short: longer paragraphs are not tested at all. */
const DROP_MAX_CHARS = 300;
/** A footer that introduces a list of addresses is one short line. */
const CUT_MAX_CHARS = 200;
/** Captions are short; a long paragraph that names a photo agency is article text. */
const CAPTION_MAX_CHARS = 220;

/** Whether a paragraph is a stock boilerplate line ("Advertisement", "Read more: …", "Share"). */
export function isBoilerplateParagraph(text: string): boolean {
  return DROP.some((pattern) => pattern.test(text));
}

/** Whether a paragraph is a photo caption or credit line. */
export function isCaptionParagraph(text: string): boolean {
  return text.length <= CAPTION_MAX_CHARS && CAPTION.some((pattern) => pattern.test(text));
}

/**
 * Drops boilerplate and caption paragraphs, headings that introduce a list of links to other
 * articles ("More Great Stories", "Related") together with that list, and everything from a
 * footer that introduces a list of addresses ("… can also be accessed at the following
 * alternate addresses:"). Credit lines ("Reporting by …; Editing by …") are dropped too, and
 * handed to `credits` when given: they name the agencies a wire story comes from.
 */
export function dropBoilerplateParagraphs(paragraphs: Paragraph[], credits?: string[]): Paragraph[] {
  const out: Paragraph[] = [];
  let inTeaserList = false;
  for (const p of paragraphs) {
    if (inTeaserList && p.kind === 'item') continue;
    inTeaserList = false;
    const text = p.text;
    if (text.length <= CUT_MAX_CHARS && CUT.some((pattern) => pattern.test(text))) break;
    if (text.length <= 80 && LIST_HEADING.some((pattern) => pattern.test(text))) {
      inTeaserList = true;
      continue;
    }
    if (text.length <= DROP_MAX_CHARS) {
      if (isBoilerplateParagraph(text) || isCaptionParagraph(text)) continue;
      if (CREDIT.some((pattern) => pattern.test(text))) {
        credits?.push(text);
        continue;
      }
    }
    out.push(p);
  }
  return out;
}
