import { collapse, textOf } from './dom.js';
import { readJsonLd } from './json-ld.js';
import type { PageScan } from './scan.js';

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
 * Metadata from JSON-LD first (the most deliberate), then OpenGraph, Twitter cards, Dublin
 * Core, itemprop microdata, <time datetime> and plain <title>.
 */
export function readMetadata(scan: PageScan): PageMetadata {
  const ld = readJsonLd(scan.jsonLd);
  const meta = (...keys: string[]): string | null => {
    for (const key of keys) {
      const value = scan.metas.get(key);
      if (value) return value;
    }
    return null;
  };
  const itemprop = (key: string): string | null => {
    const el = scan.itemprops.get(key);
    if (!el) return null;
    const value = el.attribs['datetime'] ?? el.attribs['content'] ?? textOf(el);
    return collapse(value) || null;
  };
  const metaAuthors = [
    meta('author', 'article:author', 'dc.creator', 'dcterms.creator', 'sailthru.author', 'parsely-author', 'byl'),
  ].filter((a): a is string => a !== null && !/^https?:\/\//.test(a));
  const firstTime = scan.times.find((el) => el.attribs['datetime']?.trim());
  return {
    title:
      ld?.headline ??
      meta('og:title', 'twitter:title', 'dc.title', 'dcterms.title', 'headline', 'sailthru.title') ??
      scan.title,
    siteName: meta('og:site_name', 'application-name', 'twitter:site') ?? ld?.publisher ?? null,
    description:
      meta('og:description', 'description', 'twitter:description', 'dc.description', 'dcterms.description') ??
      ld?.description ??
      null,
    published:
      ld?.datePublished ??
      meta(
        'article:published_time',
        'og:article:published_time',
        'article:published',
        'datepublished',
        'dc.date.issued',
        'dcterms.issued',
        'dcterms.created',
        'dc.date',
        'dcterms.date',
        'date',
        'pubdate',
        'publishdate',
        'publish-date',
        'sailthru.date',
        'parsely-pub-date',
        'article.published',
        'og:published_time',
        'cxenseparse:recs:publishtime',
      ) ??
      itemprop('datepublished') ??
      (firstTime ? firstTime.attribs['datetime']!.trim() : null),
    modified:
      ld?.dateModified ??
      meta(
        'article:modified_time',
        'og:updated_time',
        'article:modified',
        'datemodified',
        'dc.date.modified',
        'dcterms.modified',
        'last-modified',
      ) ??
      itemprop('datemodified'),
    authors: ld?.authors.length ? ld.authors : metaAuthors,
    canonical: scan.canonical ?? meta('og:url') ?? ld?.url ?? null,
    image:
      meta('og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image', 'twitter:image:src') ??
      ld?.image ??
      null,
    lang:
      scan.htmlLang ??
      meta('og:locale', 'content-language', 'dc.language', 'dcterms.language') ??
      ld?.inLanguage ??
      null,
    articleBody: ld?.articleBody ?? null,
  };
}
