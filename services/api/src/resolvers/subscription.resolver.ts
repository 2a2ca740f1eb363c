import type { ArticleRecord } from '@famwatch/shared';
import { getArticle } from '@famwatch/store';
import type { ApiContext } from '../context.js';
import type { SubscriptionResolvers } from '../generated/resolvers.js';
import { articleMatches, toFilterInput } from '../services/filter.service.js';

export const Subscription: SubscriptionResolvers = {
  articleAdded: {
    subscribe: (_, { filter }, ctx: ApiContext) => {
      const input = toFilterInput(filter);
      const messages = ctx.live.messages();
      // Each announced article is read once per subscriber and passed on when it matches.
      async function* matching(): AsyncGenerator<{ articleAdded: ArticleRecord }> {
        try {
          for await (const message of messages) {
            const article = await getArticle(ctx.db, message.articleId);
            if (article && articleMatches(article, input)) yield { articleAdded: article };
          }
        } finally {
          await messages.return?.();
        }
      }
      return matching();
    },
  },
};
