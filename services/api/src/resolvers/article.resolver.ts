import { GraphQLError } from 'graphql';
import type { ArticleResolvers } from '../generated/resolvers.js';

export const Article: ArticleResolvers = {
  source: async (article, _, ctx) => {
    const source = await ctx.loaders.source.load(article.sourceId);
    // The foreign key makes this unreachable; say so loudly if it ever happens.
    if (!source) throw new GraphQLError(`article ${article.id} has no source ${article.sourceId}`);
    return source;
  },
};
