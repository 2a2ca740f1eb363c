import { EVENT_TAXONOMY } from '@famwatch/enrich';
import { listSources } from '@famwatch/store';
import type { QueryResolvers } from '../generated/resolvers.js';
import { articleByUrl, articleConnection } from '../services/articles.service.js';
import { facets, timeline } from '../services/dashboard.service.js';
import { ingestJob } from '../services/ingestion.service.js';

const ARTICLE_ID = /^[0-9a-f]{16}$/;

export const Query: QueryResolvers = {
  articles: (_, args, ctx) => articleConnection(ctx, args),
  article: (_, { id }, ctx) => (ARTICLE_ID.test(id) ? ctx.loaders.article.load(id) : null),
  articleByUrl: (_, { url }, ctx) => articleByUrl(ctx, url),
  sources: (_, __, ctx) => listSources(ctx.db),
  source: (_, { id }, ctx) => (id.length <= 63 ? ctx.loaders.source.load(id) : null),
  timeline: (_, { filter, interval }, ctx) => timeline(ctx, filter, interval ?? 'MONTH'),
  facets: (_, { filter, limit }, ctx) => facets(ctx, filter, limit ?? 10),
  ingestion: () => ({ queues: [], failures: [] }),
  ingestJob: (_, { id }, ctx) => ingestJob(ctx, id),
  eventTypes: () => EVENT_TAXONOMY.map((e) => ({ ...e })),
};
