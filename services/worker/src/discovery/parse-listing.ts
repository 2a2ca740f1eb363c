import { canonicalizeUrl, siteKey } from '@famwatch/shared';
import { load } from 'cheerio/slim';
import { FeedParseError } from '../errors.js';

/**
 * Article links of an HTML section page: the `href` of every element matching `selector`
 * (or of the <a> inside it), absolute, on the same site, without duplicates, in page order.
 */
export function parseListing(html: string, pageUrl: string, selector: string): string[] {
  const $ = load(html);
  let matched: ReturnType<typeof $>;
  try {
    matched = $(selector);
  } catch (error) {
    throw new FeedParseError(pageUrl, `bad listing selector ${JSON.stringify(selector)}: ${(error as Error).message}`);
  }
  const site = siteKey(new URL(pageUrl).hostname);
  const seen = new Set<string>();
  const urls: string[] = [];
  matched.each((_, el) => {
    const node = $(el);
    const href = node.attr('href') ?? node.find('a[href]').first().attr('href');
    if (!href) return;
    const canonical = canonicalizeUrl(href, pageUrl);
    if (!canonical || siteKey(new URL(canonical).hostname) !== site || seen.has(canonical)) return;
    seen.add(canonical);
    urls.push(new URL(href, pageUrl).toString());
  });
  return urls;
}
