import type { Gql } from '@famwatch/shared';
import { canonicalizeUrl } from '@famwatch/shared';
import {
  type ArticleOrder,
  countArticles,
  getArticleByUrl,
  listArticles,
  SNIPPET_START,
  SNIPPET_STOP,
} from '@famwatch/store';
import type { ApiContext } from '../context.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { userInputError } from '../errors.js';
import type { ArticleModel } from '../models.js';
import { toFilterInput } from './filter.service.js';

/** Page size when `first` is not given, and the most one page may hold. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface ArticleConnectionModel {
  edges: Array<{ cursor: string; node: ArticleModel }>;
  pageInfo: Gql.PageInfo;
  totalCount: number;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A ts_headline snippet made safe to render: text escaped, match markers turned into <mark>. */
export function renderSnippet(raw: string | null): string | null {
  if (raw === null) return null;
  return escapeHtml(raw.replace(/\s+/g, ' ').trim())
    .replaceAll(SNIPPET_START, '<mark>')
    .replaceAll(SNIPPET_STOP, '</mark>');
}

export async function articleConnection(
  ctx: ApiContext,
  args: {
    filter?: Gql.ArticleFilter | null;
    orderBy?: Gql.ArticleOrder | null;
    first?: number | null;
    after?: string | null;
  },
): Promise<ArticleConnectionModel> {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (first < 0 || first > MAX_PAGE_SIZE) throw userInputError(`first must be between 0 and ${MAX_PAGE_SIZE}`, 'first');
  const filter = toFilterInput(args.filter);
  const order: ArticleOrder = args.orderBy ?? 'NEWEST';
  if (order === 'SEARCH_RANK' && !filter.search?.trim()) {
    throw userInputError('orderBy SEARCH_RANK needs filter.search', 'orderBy');
  }
  const after = args.after ? decodeCursor(args.after, order) : null;
  // The total of a filter is an aggregate like the dashboards': cached between data changes.
  const [page, totalCount] = await Promise.all([
    listArticles(ctx.db, filter, first, after, order, { count: false }),
    ctx.cache.get(JSON.stringify(['count', filter]), () => countArticles(ctx.db, filter)),
  ]);
  const edges = page.articles.map((article) => {
    const { key, snippet, ...record } = article;
    const node: ArticleModel = { ...record, snippet: renderSnippet(snippet) };
    ctx.loaders.article.prime(node.id, node);
    return { cursor: encodeCursor(order, key), node };
  });
  return {
    edges,
    // A first page that holds every match is its own count, consistent with its edges even
    // while articles are being stored; beyond that the count may trail by one change notice.
    totalCount: !after && !page.hasNextPage ? edges.length : totalCount,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: false,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/** An article by URL: canonical form first, then as fetched. */
export async function articleByUrl(ctx: ApiContext, url: string): Promise<ArticleModel | null> {
  if (url.length > 2048) throw userInputError('url is limited to 2048 characters', 'url');
  const canonical = canonicalizeUrl(url);
  if (canonical === null) throw userInputError('url must be an absolute http(s) URL', 'url');
  const found = await getArticleByUrl(ctx.db, canonical);
  return found ? { ...found, snippet: null } : null;
}
