import { type CheerioAPI, load } from 'cheerio/slim';

/** A parsed page, and the JSON-LD blocks taken out of it before parsing. */
export interface ParsedPage {
  $: CheerioAPI;
  /** Text of each <script type="application/ld+json">, in document order. */
  jsonLd: string[];
}

// Elements whose content is never read as text: scripts, styles, inline SVG drawings,
// <noscript> and <template> copies, and comments. Cutting them out of the string before
// parsing spares the parser and every later walk about half of a news page's bytes and many
// of its nodes. A match ends at the first closing tag, as the HTML tokenizer ends raw-text
// elements; an element left unclosed is left to the parser.
const NEVER_READ = /<(script|style|svg|noscript|template)(?=[\s/>])[^>]*>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->/gi;
// JSON-LD is the one script metadata reads: taken out first.
const JSON_LD = /<script(?=[\s/>])[^>]*ld\+json[^>]*>([\s\S]*?)<\/script\s*>/gi;

// Navigation menus are dropped after parsing anyway and hold no metadata; one that holds
// another <nav> is left to the parser, since the pattern cannot pair nested tags.
const NAV = /<nav(?=[\s/>])[^>]*>[\s\S]*?<\/nav\s*>/gi;

/**
 * Parses HTML with htmlparser2 (through cheerio/slim). parse5, cheerio's default, is spec-exact
 * but about seven times slower on news pages, and extraction does not need its tree repairs.
 */
export function parseHtml(html: string): ParsedPage {
  const jsonLd: string[] = [];
  for (const match of html.matchAll(JSON_LD)) jsonLd.push(match[1] ?? '');
  // A plain replacement string for the many scripts (the engine's fast path); a function only
  // for the few menus.
  const cut = html
    .replace(NEVER_READ, ' ')
    .replace(NAV, (match) => (match.toLowerCase().indexOf('<nav', 4) === -1 ? ' ' : match));
  return { $: load(cut, { xml: false }), jsonLd };
}
