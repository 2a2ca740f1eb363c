import type { ExtractedArticle } from '@famwatch/shared';

/** An English wire copy as extraction leaves it, published by outlet `n` at `path`. */
export function extractedArticle(
  n: number,
  body: string,
  publishedAt: string,
  options: { title: string; path: string },
): ExtractedArticle {
  const url = `https://outlet${n}.example/${options.path}`;
  return {
    url,
    canonicalUrl: url,
    title: options.title,
    body,
    bodyHtml: '',
    summary: null,
    publishedAt,
    modifiedAt: null,
    byline: null,
    agencies: ['AFP'],
    language: 'en',
    imageUrl: null,
    wordCount: body.split(/\s+/).length,
  };
}
