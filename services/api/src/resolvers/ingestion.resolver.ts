import type { FailureResolvers, IngestionResolvers, IngestJobResolvers } from '../generated/resolvers.js';
import { failures, ingestJobArticle, ingestJobFailure, queueCounts } from '../services/ingestion.service.js';

export const Ingestion: IngestionResolvers = {
  queues: (_, __, ctx) => queueCounts(ctx),
  failures: (_, args, ctx) => failures(ctx, args),
};

export const Failure: FailureResolvers = {
  source: (failure, _, ctx) => (failure.sourceId ? ctx.loaders.source.load(failure.sourceId) : null),
};

export const IngestJob: IngestJobResolvers = {
  article: (job, _, ctx) => ingestJobArticle(ctx, job),
  failure: (job, _, ctx) => ingestJobFailure(ctx, job),
};
