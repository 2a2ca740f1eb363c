import { type CheerioAPI, load } from 'cheerio/slim';

/** A parsed page, and the JSON-LD blocks taken out of it before parsing. */
export interface ParsedPage {
  $: CheerioAPI;
  /** Text of each <script type="application/ld+json">, in document order. */
  jsonLd: string[];
}

// Elements whose content is never read as text: scripts, styles, inline SVG drawings,
// <noscript> and <template> copies, navigation menus, and comments. Cutting them out of the
// string before parsing spares the parser and every later walk about half of a news page's
// bytes and many of its nodes. A match ends at the first closing tag, as the HTML tokenizer
// ends raw-text elements; an element left unclosed is left to the parser.
const NEVER_READ = /<(script|style|svg|noscript|template|nav)(?=[\s/>])([^>]*)>([\s\S]*?)<\/\1\s*>|<!--[\s\S]*?-->/gi;
const LD_JSON = /ld\+json/i;
const NESTED_NAV = /<nav[\s/>]/i;

/**
 * Parses HTML with htmlparser2 (through cheerio/slim), after cutting out what is never read.
 * JSON-LD, the one script metadata reads, is kept aside. parse5, cheerio's default, is
 * spec-exact but about seven times slower on news pages, and extraction does not need its tree
 * repairs.
 */
export function parseHtml(html: string): ParsedPage {
  const jsonLd: string[] = [];
  const pieces: string[] = [];
  let last = 0;
  // One pass of one pattern, the kept text gathered in pieces: faster than a replace with a
  // callback, or a second scan of the page for JSON-LD.
  NEVER_READ.lastIndex = 0;
  for (let m = NEVER_READ.exec(html); m !== null; m = NEVER_READ.exec(html)) {
    const tag = m[1]?.toLowerCase();
    // A menu that holds another <nav> is left to the parser: the pattern cannot pair nested tags.
    if (tag === 'nav' && NESTED_NAV.test(m[3] ?? '')) continue;
    if (tag === 'script' && LD_JSON.test(m[2] ?? '')) jsonLd.push(m[3] ?? '');
    pieces.push(html.slice(last, m.index), ' ');
    last = NEVER_READ.lastIndex;
  }
  pieces.push(html.slice(last));
  return { $: load(pieces.join(''), { xml: false }), jsonLd };
}
