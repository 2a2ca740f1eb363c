import { listSources } from '@famwatch/store';
import type { QueryResolvers } from '../generated/resolvers.js';
import { articleConnection } from '../services/articles.service.js';

export const Query: QueryResolvers = {
  articles: (_, args, ctx) => articleConnection(ctx, args),
  article: (_, { id }, ctx) => (/^[0-9a-f]{16}$/.test(id) ? ctx.loaders.article.load(id) : null),
  sources: (_, __, ctx) => listSources(ctx.db),
};
