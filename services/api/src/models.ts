import type { ArticleRecord, Source } from '@famwatch/shared';

/** What resolvers receive for an `Article`: the stored record; fields resolve from it. */
export type ArticleModel = ArticleRecord;
/** What resolvers receive for a `Source`. */
export type SourceModel = Source;
