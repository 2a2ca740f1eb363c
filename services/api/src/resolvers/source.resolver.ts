import { countArticlesBySource } from '@famwatch/store';
import type { SourceResolvers } from '../generated/resolvers.js';

const EMPTY_HEALTH = {
  lastSuccessAt: null,
  lastErrorAt: null,
  lastErrorCode: null,
  lastError: null,
  consecutiveFailures: 0,
  itemsSeen: 0,
  nextPollAt: null,
};

export const Source: SourceResolvers = {
  homepage: (source) => source.homepage ?? null,
  language: (source) => source.language ?? null,
  country: (source) => source.country ?? null,
  affiliation: (source) => source.affiliation ?? null,
  schedule: (source) => {
    const schedule = source.schedule ?? { every: 900 };
    return 'every' in schedule ? { every: schedule.every, cron: null } : { every: null, cron: schedule.cron };
  },
  feeds: (source) =>
    source.feeds.map((feed) => ({
      url: feed.url,
      kind: feed.kind.toUpperCase() as 'FEED',
      selector: feed.selector ?? null,
    })),
  // Counts of all sources come from one aggregate, cached between data changes.
  articleCount: async (source, _, ctx) =>
    (await ctx.cache.get('articleCountsBySource', () => countArticlesBySource(ctx.db))).get(source.id) ?? 0,
  health: async (source, _, ctx) => {
    const health = await ctx.loaders.sourceHealth.load(source.id);
    if (!health) return EMPTY_HEALTH;
    const { sourceId: _id, ...rest } = health;
    return rest;
  },
};
