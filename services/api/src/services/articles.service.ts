import type { Gql } from '@famwatch/shared';
import { type ArticleFilterInput, listArticles } from '@famwatch/store';
import type { ApiContext } from '../context.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { userInputError } from '../errors.js';
import type { ArticleModel } from '../models.js';

/** Page size when `first` is not given, and the most one page may hold. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface ArticleConnectionModel {
  edges: Array<{ cursor: string; node: ArticleModel }>;
  pageInfo: Gql.PageInfo;
  totalCount: number;
}

function toFilterInput(filter: Gql.ArticleFilter | null | undefined): ArticleFilterInput {
  if (!filter) return {};
  if (filter.search && filter.search.length > 500)
    throw userInputError('search is limited to 500 characters', 'search');
  if (filter.sourceIds && filter.sourceIds.length > 200) throw userInputError('at most 200 sourceIds', 'sourceIds');
  if (filter.from && filter.to && filter.from >= filter.to && Date.parse(filter.from) >= Date.parse(filter.to)) {
    throw userInputError('`from` must be before `to`', 'from');
  }
  return {
    search: filter.search ?? null,
    sourceIds: filter.sourceIds ?? null,
    from: filter.from ?? null,
    to: filter.to ?? null,
  };
}

export async function articleConnection(
  ctx: ApiContext,
  args: { filter?: Gql.ArticleFilter | null; first?: number | null; after?: string | null },
): Promise<ArticleConnectionModel> {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (first < 0 || first > MAX_PAGE_SIZE) throw userInputError(`first must be between 0 and ${MAX_PAGE_SIZE}`, 'first');
  const after = args.after ? decodeCursor(args.after) : null;
  const page = await listArticles(ctx.db, toFilterInput(args.filter), first, after);
  for (const article of page.articles) ctx.loaders.article.prime(article.id, article);
  const edges = page.articles.map((article) => ({ cursor: encodeCursor(article.key), node: article }));
  return {
    edges,
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: false,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
