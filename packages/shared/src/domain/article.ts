import { z } from 'zod';
import type { ArticleEnrichment } from './enrichment.js';

/**
 * What extraction and normalization produce from one page: the input of enrichment and storage.
 * Dates are ISO-8601 strings with their UTC offset (never Date objects: this crosses JSON).
 */
export const extractedArticleSchema = z.object({
  url: z.string().url(),
  canonicalUrl: z.string().url(),
  title: z.string(),
  body: z.string(),
  /** Sanitized HTML of the main content. */
  bodyHtml: z.string().default(''),
  summary: z.string().nullable().default(null),
  publishedAt: z.string().nullable(),
  modifiedAt: z.string().nullable().default(null),
  byline: z.string().nullable(),
  agencies: z.array(z.string()).default([]),
  language: z.string().nullable(),
  imageUrl: z.string().nullable().default(null),
  wordCount: z.number().int().nonnegative().default(0),
});
export type ExtractedArticle = z.infer<typeof extractedArticleSchema>;

/** An article as the store returns it. */
export interface ArticleRecord extends ExtractedArticle {
  id: string;
  sourceId: string;
  fetchedAt: string;
  createdAt: string;
  updatedAt: string;
  enrichment: ArticleEnrichment;
  /** Syndication cluster; an article with no copies is its own cluster. */
  clusterId: string | null;
}

/** The body split into paragraphs (the text format puts one blank line between them). */
export function paragraphs(body: string): string[] {
  return body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/** Words as counted for `wordCount`: runs of letters or digits. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}
