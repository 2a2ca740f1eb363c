import type { ExtractedArticle } from '@famwatch/shared';
import { canonicalizeUrl, chooseCanonicalUrl, countWords, normalizeDate } from '@famwatch/shared';
import type { Element } from 'domhandler';
import { isBylineLine, resolveByline } from './byline.js';
import { dateFromUrl, isDateLine } from './dates.js';
import { limitDepth, MAX_DEPTH } from './depth.js';
import { collapse } from './dom.js';
import { detectLanguage } from './language.js';
import { parseHtml } from './load.js';
import { extractMainContent } from './main-content.js';
import { readMetadata } from './metadata.js';
import { dropBoilerplateParagraphs } from './paragraph-filter.js';
import { dropNonContent } from './prepare.js';
import { findVisibleDates, printedBylines } from './printed.js';
import { scanPage } from './scan.js';
import { adapterFor, applyAdapter, SITE_ADAPTERS, type SiteAdapter } from './site-adapters.js';
import { type Paragraph, paragraphsToHtml } from './text.js';
import { cleanTitle } from './title.js';

export interface ExtractOptions {
  /** The current time in ms: dates after it are rejected. Passed in so extraction stays pure. */
  now: number;
  /**
   * Per-outlet selectors for pages the generic extractor gets wrong.
   * @defaultValue the adapters of services/worker/data/site-adapters.json
   */
  adapters?: readonly SiteAdapter[];
}

/**
 * Extracts one article from a page: pure (no network, no clock), deterministic for the same
 * `html`, `url` and `options.now`.
 */
export function extractArticle(html: string, url: string, options: ExtractOptions): ExtractedArticle {
  const { $, jsonLd } = parseHtml(html);
  const root = $.root().get(0)!;
  // Metadata, dates and bylines are read before cleaning: they live in what cleaning drops.
  const scan = scanPage(root, jsonLd);
  // The other passes recurse: a page nested deeper than a real one is flattened first.
  if (scan.depth > MAX_DEPTH) limitDepth(root);
  const meta = readMetadata(scan);
  const host = hostOf(url);
  const h1 = scan.h1[0] ?? null;
  const title = cleanTitle(meta.title, { siteName: meta.siteName, host, h1 });
  const visible = findVisibleDates(scan.times, scan.dateHinted, options.now);
  const bylineTexts = printedBylines(scan.bylines);

  const body = scan.body ?? (root as unknown as Element);
  const adapter = adapterFor(url, options.adapters ?? SITE_ADAPTERS);
  const forced = adapter ? applyAdapter($, adapter) : [];
  dropNonContent(body);
  const titleKeys = new Set([normKey(title), normKey(h1 ?? ''), normKey(meta.title ?? '')]);
  titleKeys.delete('');
  const longestTitle = Math.max(title.length, h1?.length ?? 0, meta.title?.length ?? 0) + 10;
  const isTitle = (text: string) => text.length <= longestTitle && titleKeys.has(normKey(text));
  // Credit lines are read for agencies, not kept as text: those of the attempt that wins.
  const creditsOf = new Map<Paragraph[], string[]>();
  const finish = (paragraphs: Paragraph[]) => {
    const credits: string[] = [];
    const kept = dropBoilerplateParagraphs(paragraphs, credits).filter((p) => {
      if (isTitle(p.text) || isDateLine(p.text, options.now)) return false;
      // A byline printed in the text is read (for agencies) but not kept.
      if (!isBylineLine(p.text)) return true;
      credits.push(p.text);
      return false;
    });
    creditsOf.set(kept, credits);
    return kept;
  };
  let paragraphs = extractMainContent(body, finish, forced);
  const domChars = paragraphs.reduce((n, p) => n + p.text.length, 0);
  // The JSON-LD articleBody is the publisher's own text; it is trusted over the DOM only when
  // the DOM gave much less (paywalled or script-rendered bodies), since it drops structure.
  if (meta.articleBody && meta.articleBody.length > Math.max(200, domChars * 1.5)) {
    // Cleaned like DOM text: publishers' bodies carry "Advertisement" and "Read more" lines too.
    paragraphs = finish(
      meta.articleBody
        .split(/\n\s*\n|\r?\n/)
        .map((p) => collapse(p))
        .filter(Boolean)
        .map((text): Paragraph => ({ text, kind: 'p' })),
    );
  }
  const creditLines = creditsOf.get(paragraphs) ?? [];
  const texts = paragraphs.map((p) => p.text);
  const text = texts.join('\n\n');

  // Structured authors are deliberate; printed bylines are the fallback (first one only: the
  // others are often "more by this author" lists).
  const people = meta.authors.length > 0 ? meta.authors : bylineTexts.slice(0, 1);
  const { byline, agencies } = resolveByline(people, texts, options.now, bylineTexts, creditLines);
  const publishedAt = normalizeDate(meta.published, options.now) ?? visible.published ?? dateFromUrl(url, options.now);
  const modifiedAt = normalizeDate(meta.modified, options.now) ?? visible.modified;
  const image = meta.image ? canonicalizeUrl(meta.image, url) : null;

  return {
    url,
    canonicalUrl: chooseCanonicalUrl(url, meta.canonical),
    title,
    body: text,
    bodyHtml: paragraphsToHtml(paragraphs),
    summary: leadOf(meta.description, texts[0]),
    publishedAt,
    modifiedAt: modifiedAt && publishedAt && modifiedAt < publishedAt ? null : modifiedAt,
    byline,
    agencies,
    language: detectLanguage(`${title}\n${text}`, meta.lang),
    imageUrl: image,
    wordCount: countWords(text),
  };
}

/**
 * The lead: the page's description, unless it is the first paragraph cut short ("… looking
 * absolutely stun..."), in which case the paragraph itself; the first paragraph when there is
 * no description.
 */
function leadOf(description: string | null, first: string | undefined): string | null {
  if (!description) return first ?? null;
  const cut = /(?:\.\.\.|…)\s*$/.exec(description);
  if (cut && first && normKey(first).includes(normKey(description.slice(0, cut.index)))) return first;
  return description;
}

function normKey(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
