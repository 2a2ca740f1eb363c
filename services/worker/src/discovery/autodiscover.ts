import { load } from 'cheerio/slim';

const FEED_TYPES = /^application\/(rss|atom|feed|rdf)\+(xml|json)$|^application\/(xml|json)$|^text\/xml$/i;

/**
 * Feeds a page announces with <link rel="alternate" type="application/rss+xml" href="…">, in
 * page order, as absolute URLs. Used when a source gives a home page instead of a feed.
 */
export function feedLinksOf(html: string, pageUrl: string): string[] {
  const $ = load(html);
  const out: string[] = [];
  $('link[rel~="alternate" i][href]').each((_, el) => {
    const type = $(el).attr('type') ?? '';
    if (!FEED_TYPES.test(type.trim())) return;
    try {
      const url = new URL($(el).attr('href')!, pageUrl).toString();
      if (/^https?:/.test(url) && !out.includes(url)) out.push(url);
    } catch {
      // An unparseable href is skipped, not fatal.
    }
  });
  return out;
}

/** Whether a text looks like HTML rather than XML/JSON (a home page served where a feed was expected). */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(<!doctype html|<html[\s>])/i.test(text.slice(0, 512));
}

/** The `Sitemap:` lines of a robots.txt, as absolute URLs. */
export function sitemapsInRobots(text: string, robotsUrl: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*sitemap\s*:\s*(\S+)/i.exec(line);
    if (!m) continue;
    try {
      const url = new URL(m[1]!, robotsUrl).toString();
      if (/^https?:/.test(url) && !out.includes(url)) out.push(url);
    } catch {
      // Skip a malformed line.
    }
  }
  return out;
}
