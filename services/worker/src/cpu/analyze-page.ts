import type { ExtractedArticle } from '@famwatch/shared';
import { extractArticle } from '../extract/index.js';
import { decodeBody } from '../fetch/decode.js';
import { type ComputedEnrichment, computeEnrichment } from '../pipeline/enrich-article.js';

/** The CPU-bound part of ingesting a page, as one pure step: decode, extract, enrich. */
export interface PageInput {
  bytes: Uint8Array;
  charset: string | null;
  /** The URL the page was finally fetched from (after redirects). */
  url: string;
  now: number;
  /** The feed's title for the item, used when the page has none. */
  fallbackTitle?: string | null;
}

export interface PageAnalysis {
  extracted: ExtractedArticle;
  computed: ComputedEnrichment;
}

export function analyzePage(input: PageInput): PageAnalysis {
  const html = decodeBody(input.bytes, input.charset);
  const extracted = extractArticle(html, input.url, { now: input.now });
  const title = extracted.title || input.fallbackTitle?.trim() || '';
  return { extracted: { ...extracted, title }, computed: computeEnrichment({ ...extracted, title }) };
}
