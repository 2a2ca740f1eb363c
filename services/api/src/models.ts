import type { ArticleRecord, Source } from '@famwatch/shared';
import type { FailureRecord } from '@famwatch/store';

/** What resolvers receive for an `Article`: the stored record (with a snippet under a search). */
export type ArticleModel = ArticleRecord & { snippet?: string | null };
/** What resolvers receive for a `Source`. */
export type SourceModel = Source;
/** A syndication cluster, resolved lazily from its id. */
export interface ClusterModel {
  id: string;
}
/** A stored failure. */
export type FailureModel = FailureRecord;
/** An ingestion job as BullMQ reports it. */
export interface IngestJobModel {
  id: string;
  url: string;
  state: 'WAITING' | 'ACTIVE' | 'DELAYED' | 'COMPLETED' | 'FAILED' | 'UNKNOWN';
  articleId: string | null;
  canonicalUrl: string;
}
