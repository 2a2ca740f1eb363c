import data from '../../data/boilerplate-phrases.json' with { type: 'json' };
import type { Paragraph } from './text.js';

const compile = (sources: string[]) => sources.map((source) => new RegExp(source, 'iu'));
const DROP = compile(data.drop);
const CUT = compile(data.cut);
const LIST_HEADING = compile(data.listHeading);
const CAPTION = compile(data.caption);

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
 * alternate addresses:").
 */
export function dropBoilerplateParagraphs(paragraphs: Paragraph[]): Paragraph[] {
  const out: Paragraph[] = [];
  let inTeaserList = false;
  for (const p of paragraphs) {
    if (inTeaserList && p.kind === 'item') continue;
    inTeaserList = false;
    if (CUT.some((pattern) => pattern.test(p.text))) break;
    if (p.text.length <= 80 && LIST_HEADING.some((pattern) => pattern.test(p.text))) {
      inTeaserList = true;
      continue;
    }
    if (p.text.length <= 400 && (isBoilerplateParagraph(p.text) || isCaptionParagraph(p.text))) continue;
    out.push(p);
  }
  return out;
}
