import { createHash } from 'node:crypto';

/**
 * The article id: 16 hex digits of SHA-256 over the canonical URL. The same URL always gets
 * the same id, so job ids and rows agree across processes and re-ingestion is idempotent.
 */
export function articleIdFor(canonicalUrl: string): string {
  return createHash('sha256').update(canonicalUrl).digest('hex').slice(0, 16);
}

/** BullMQ job id of the article job for a canonical URL (ids may not contain ':'). */
export function articleJobIdFor(canonicalUrl: string): string {
  return `article-${articleIdFor(canonicalUrl)}`;
}
