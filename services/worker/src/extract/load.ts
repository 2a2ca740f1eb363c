import { type CheerioAPI, load } from 'cheerio/slim';

/**
 * Parses HTML with htmlparser2 (through cheerio/slim). parse5, cheerio's default, is spec-exact
 * but about seven times slower on news pages, and extraction does not need its tree repairs.
 */
export function parseHtml(html: string): CheerioAPI {
  return load(html, { xml: false });
}
