import { requireAdmin } from '../auth.js';
import type { MutationResolvers } from '../generated/resolvers.js';
import { ingestUrl, retryFailures } from '../services/ingestion.service.js';
import { addSource, editSource, removeSource, runSource } from '../services/sources.service.js';

// Every mutation needs the API key; expected outcomes are members of the result unions.
export const Mutation: MutationResolvers = {
  addSource: (_, { input }, ctx) => {
    requireAdmin(ctx.caller);
    return addSource(ctx, input);
  },
  updateSource: (_, { id, input }, ctx) => {
    requireAdmin(ctx.caller);
    return editSource(ctx, id, input);
  },
  removeSource: (_, { id }, ctx) => {
    requireAdmin(ctx.caller);
    return removeSource(ctx, id);
  },
  runSource: (_, { id }, ctx) => {
    requireAdmin(ctx.caller);
    return runSource(ctx, id);
  },
  ingestUrl: (_, { url }, ctx) => {
    requireAdmin(ctx.caller);
    return ingestUrl(ctx, url);
  },
  retryFailures: (_, args, ctx) => {
    requireAdmin(ctx.caller);
    return retryFailures(ctx, args);
  },
};
