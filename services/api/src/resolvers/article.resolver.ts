import type { Gql } from '@famwatch/shared';
import { GraphQLError } from 'graphql';
import type { ArticleResolvers, ClusterResolvers } from '../generated/resolvers.js';

export const Article: ArticleResolvers = {
  source: async (article, _, ctx) => {
    const source = await ctx.loaders.source.load(article.sourceId);
    // The foreign key makes this unreachable; say so loudly if it ever happens.
    if (!source) throw new GraphQLError(`article ${article.id} has no source ${article.sourceId}`);
    return source;
  },
  snippet: (article) => article.snippet ?? null,
  relevance: (article) => article.enrichment.relevance,
  countries: (article) => article.enrichment.countries,
  actors: (article) => article.enrichment.actors.map((a) => ({ ...a, kind: a.kind.toUpperCase() as Gql.ActorKind })),
  events: (article) => article.enrichment.events,
  cluster: async (article, _, ctx) => {
    if (!article.clusterId) return null;
    const copies = await ctx.loaders.cluster.load(article.clusterId);
    return copies.length > 1 ? { id: article.clusterId } : null;
  },
};

export const Cluster: ClusterResolvers = {
  size: async (cluster, _, ctx) => (await ctx.loaders.cluster.load(cluster.id)).length,
  lead: async (cluster, _, ctx) => (await ctx.loaders.cluster.load(cluster.id))[0]!,
  articles: (cluster, _, ctx) => ctx.loaders.cluster.load(cluster.id),
};
