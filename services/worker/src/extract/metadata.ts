import type { CheerioAPI } from 'cheerio/slim';
import { readJsonLd } from './json-ld.js';

/** Everything the page says about itself outside the article text. */
export interface PageMetadata {
  title: string | null;
  siteName: string | null;
  description: string | null;
  published: string | null;
  modified: string | null;
  authors: string[];
  canonical: string | null;
  image: string | null;
  lang: string | null;
  articleBody: string | null;
}

/**
 * Metadata from JSON-LD first (the most deliberate), then OpenGraph, Twitter cards,
 * Dublin Core, itemprop microdata, <time datetime> and plain <title>.
 */
export function readMetadata($: CheerioAPI): PageMetadata {
  const ld = readJsonLd($);
  const meta = (...keys: string[]): string | null => {
    for (const key of keys) {
      const value = $(`meta[property="${key}" i], meta[name="${key}" i], meta[itemprop="${key}" i]`)
        .first()
        .attr('content');
      if (value?.trim()) return value.trim();
    }
    return null;
  };
  const itemprop = (key: string): string | null => {
    const el = $(`[itemprop="${key}"]`).first();
    if (el.length === 0) return null;
    return (el.attr('datetime') ?? el.attr('content') ?? el.text()).trim() || null;
  };
  const authors = ld?.authors.length
    ? ld.authors
    : ([meta('author', 'article:author', 'dc.creator', 'sailthru.author', 'parsely-author')].filter(
        Boolean,
      ) as string[]);
  return {
    title:
      ld?.headline ??
      meta('og:title', 'twitter:title', 'dc.title', 'headline') ??
      ($('title').first().text().trim() || null),
    siteName: meta('og:site_name', 'application-name', 'twitter:site') ?? ld?.publisher ?? null,
    description:
      meta('og:description', 'description', 'twitter:description', 'dc.description') ?? ld?.description ?? null,
    published:
      ld?.datePublished ??
      meta(
        'article:published_time',
        'og:article:published_time',
        'datePublished',
        'dc.date.issued',
        'dc.date',
        'date',
        'pubdate',
        'publishdate',
        'sailthru.date',
        'parsely-pub-date',
      ) ??
      itemprop('datePublished') ??
      ($('time[datetime]').first().attr('datetime') || null),
    modified:
      ld?.dateModified ??
      meta('article:modified_time', 'og:updated_time', 'dateModified', 'dc.date.modified') ??
      itemprop('dateModified'),
    authors,
    canonical: $('link[rel="canonical" i]').first().attr('href') ?? meta('og:url') ?? null,
    image: meta('og:image', 'twitter:image', 'twitter:image:src') ?? ld?.image ?? null,
    lang:
      (
        $('html').attr('lang') ??
        meta('og:locale', 'content-language', 'dc.language') ??
        ld?.inLanguage ??
        null
      )?.trim() || null,
    articleBody: ld?.articleBody ?? null,
  };
}
