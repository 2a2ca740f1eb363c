import { load } from 'cheerio/slim';
import { FeedParseError } from '../errors.js';

/** One <url> of a sitemap (news sitemap fields included when present). */
export interface SitemapEntry {
  url: string;
  lastmod: string | null;
  title: string | null;
  published: string | null;
}

export type ParsedSitemap =
  | { kind: 'index'; sitemaps: Array<{ url: string; lastmod: string | null }> }
  | { kind: 'urlset'; entries: SitemapEntry[] };

/**
 * Parses a sitemap or a sitemap index (sitemaps.org protocol, with Google News extensions:
 * <news:title>, <news:publication_date>). Relative or non-http locations are dropped.
 */
export function parseSitemap(xml: string, sitemapUrl: string): ParsedSitemap {
  const $ = load(xml.replace(/^\uFEFF/, ''), { xml: { xmlMode: true, decodeEntities: true } });
  const absolute = (loc: string): string | null => {
    try {
      const url = new URL(loc.trim(), sitemapUrl);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
    } catch {
      return null;
    }
  };
  const text = (el: ReturnType<typeof $>, name: string): string | null => {
    // Namespaced children ("news:title") are matched on their local name.
    const found = el.children().filter((_, child) => (child as { name?: string }).name?.split(':').pop() === name);
    const value = found.first().text().trim();
    return value === '' ? null : value;
  };
  const root = $.root().children().first();
  const rootName = (root.get(0) as { name?: string } | undefined)?.name?.split(':').pop();
  if (rootName === 'sitemapindex') {
    const sitemaps: Array<{ url: string; lastmod: string | null }> = [];
    root.children().each((_, child) => {
      const el = $(child);
      const url = absolute(text(el, 'loc') ?? '');
      if (url) sitemaps.push({ url, lastmod: text(el, 'lastmod') });
    });
    return { kind: 'index', sitemaps };
  }
  if (rootName === 'urlset') {
    const entries: SitemapEntry[] = [];
    root.children().each((_, child) => {
      const el = $(child);
      const url = absolute(text(el, 'loc') ?? '');
      if (!url) return;
      const news = el
        .children()
        .filter((_, c) => (c as { name?: string }).name?.split(':').pop() === 'news')
        .first();
      entries.push({
        url,
        lastmod: text(el, 'lastmod'),
        title: news.length ? text(news, 'title') : null,
        published: news.length ? text(news, 'publication_date') : null,
      });
    });
    return { kind: 'urlset', entries };
  }
  throw new FeedParseError(sitemapUrl, `not a sitemap (root element ${rootName ?? 'missing'})`);
}
