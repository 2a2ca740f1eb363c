import type { ExtractedArticle } from '@famwatch/shared';
import { canonicalizeUrl, chooseCanonicalUrl, countWords, normalizeDate } from '@famwatch/shared';
import type { CheerioAPI } from 'cheerio/slim';
import type { Element } from 'domhandler';
import { stripBoilerplate } from './boilerplate.js';
import { resolveByline } from './byline.js';
import { findMainContent } from './content.js';
import { dateFromUrl, parseHumanDate } from './dates.js';
import { detectLanguage } from './language.js';
import { parseHtml } from './load.js';
import { readMetadata } from './metadata.js';
import { paragraphsToHtml, toParagraphs } from './text.js';
import { cleanTitle } from './title.js';
import { dropBoilerplateParagraphs } from './trailing-boilerplate.js';

export interface ExtractOptions {
  /** The current time in ms: dates after it are rejected. Passed in so extraction stays pure. */
  now: number;
}

const DATE_HINT =
  /(^|[\s_-])(date|time|published|pubdate|posted|timestamp|dateline|article-?date|meta-?date|post-?date|entry-?date)($|[\s_-])/i;
const BYLINE_SELECTOR =
  '[rel="author"], [itemprop="author"], .byline, .author, .author-name, .article-author, .by-line, .signature, .auteur';

/**
 * Extracts one article from a page: pure (no network, no clock), deterministic for the same
 * `html`, `url` and `options.now`.
 */
export function extractArticle(html: string, url: string, options: ExtractOptions): ExtractedArticle {
  const $ = parseHtml(html);
  const meta = readMetadata($);
  const host = hostOf(url);
  const h1 = $('h1').first().text().replace(/\s+/g, ' ').trim() || null;
  const title = cleanTitle(meta.title, { siteName: meta.siteName, host, h1 });

  const visibleDate = findVisibleDate($, options.now);
  const bylineTexts = findBylineTexts($);

  const body = $('body').get(0) ?? ($.root().get(0) as unknown as Element);
  stripBoilerplate(body);
  const content = findMainContent(body);
  let paragraphs = dropBoilerplateParagraphs(toParagraphs(content));
  // The headline is extracted separately; drop it (and its duplicates) from the body.
  paragraphs = paragraphs.filter((p) => p !== title && p !== h1 && !isDateLine(p, options.now));
  const domText = paragraphs.join('\n\n');
  if (meta.articleBody && meta.articleBody.length > Math.max(200, domText.length * 1.5)) {
    paragraphs = meta.articleBody
      .split(/\n\s*\n|\r?\n/)
      .map((p) => p.replace(/\s+/g, ' ').trim())
      .filter(Boolean);
  }
  const text = paragraphs.join('\n\n');

  const people = [...meta.authors, ...bylineTexts];
  const { byline, agencies } = resolveByline(people, paragraphs[0] ?? '', paragraphs[paragraphs.length - 1] ?? '');
  const publishedAt = normalizeDate(meta.published, options.now) ?? visibleDate ?? dateFromUrl(url, options.now);
  const modifiedAt = normalizeDate(meta.modified, options.now);
  const image = meta.image ? canonicalizeUrl(meta.image, url) : null;

  return {
    url,
    canonicalUrl: chooseCanonicalUrl(url, meta.canonical),
    title,
    body: text,
    bodyHtml: paragraphsToHtml(paragraphs),
    summary: meta.description ?? paragraphs[0] ?? null,
    publishedAt,
    modifiedAt: modifiedAt && publishedAt && modifiedAt < publishedAt ? null : modifiedAt,
    byline,
    agencies,
    language: detectLanguage(`${title}\n${text}`, meta.lang),
    imageUrl: image,
    wordCount: countWords(text),
  };
}

/** A short line that is only a date ("February 8, 2021", "Publié le 03/05/2022 à 08h27"). */
function isDateLine(paragraph: string, now: number): boolean {
  if (paragraph.length > 60 || paragraph.split(/\s+/).length > 8) return false;
  return parseHumanDate(paragraph, now) !== null;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** A publication date printed on the page: <time> text, then elements hinted as dates. */
function findVisibleDate($: CheerioAPI, now: number): string | null {
  const candidates: string[] = [];
  $('time').each((_, el) => {
    candidates.push($(el).text());
  });
  $('[class], [id]').each((_, el) => {
    const h = `${el.attribs['class'] ?? ''} ${el.attribs['id'] ?? ''}`;
    if (!DATE_HINT.test(h)) return;
    const text = $(el).text();
    if (text.length < 120) candidates.push(text);
  });
  for (const text of candidates) {
    const date = parseHumanDate(
      text.replace(/^\s*(published|posted|updated|publié|mis à jour)( on| le)?\s*:?/i, ''),
      now,
    );
    if (date) return date;
  }
  return null;
}

function findBylineTexts($: CheerioAPI): string[] {
  const out: string[] = [];
  $(BYLINE_SELECTOR).each((_, el) => {
    const text = $(el).text().replace(/\s+/g, ' ').trim();
    if (text && text.length <= 120 && !out.includes(text)) out.push(text);
  });
  return out.slice(0, 3);
}
