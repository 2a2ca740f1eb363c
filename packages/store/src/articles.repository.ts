import type { ArticleEnrichment, ArticleRecord, ExtractedArticle } from '@famwatch/shared';
import { articleIdFor } from '@famwatch/shared';
import type { Queryable } from './db.js';
import { offsetOf, toIso, toIsoRequired } from './time.js';

interface ArticleRow {
  id: string;
  source_id: string;
  url: string;
  canonical_url: string;
  title: string;
  body: string;
  body_html: string;
  summary: string | null;
  byline: string | null;
  agencies: string[];
  language: string | null;
  published_at: Date | null;
  published_offset: number | null;
  modified_at: Date | null;
  modified_offset: number | null;
  image_url: string | null;
  word_count: number;
  fetched_at: Date;
  created_at: Date;
  updated_at: Date;
  sort_at: Date;
  relevance_score: number;
  relevant: boolean;
  relevance_reasons: string[];
  country_tags: ArticleEnrichment['countries'];
  actor_tags: ArticleEnrichment['actors'];
  event_tags: ArticleEnrichment['events'];
  cluster_id: string | null;
}

export const ARTICLE_COLUMNS = `a.id, a.source_id, a.url, a.canonical_url, a.title, a.body, a.body_html, a.summary,
  a.byline, a.agencies, a.language, a.published_at, a.published_offset, a.modified_at, a.modified_offset,
  a.image_url, a.word_count, a.fetched_at, a.created_at, a.updated_at, a.sort_at, a.relevance_score, a.relevant,
  a.relevance_reasons, a.country_tags, a.actor_tags, a.event_tags, a.cluster_id`;

export function toArticle(row: ArticleRow): ArticleRecord {
  return {
    id: row.id,
    sourceId: row.source_id,
    url: row.url,
    canonicalUrl: row.canonical_url,
    title: row.title,
    body: row.body,
    bodyHtml: row.body_html,
    summary: row.summary,
    byline: row.byline,
    agencies: row.agencies ?? [],
    language: row.language,
    publishedAt: toIso(row.published_at, row.published_offset),
    modifiedAt: toIso(row.modified_at, row.modified_offset),
    imageUrl: row.image_url,
    wordCount: row.word_count,
    fetchedAt: toIsoRequired(row.fetched_at),
    createdAt: toIsoRequired(row.created_at),
    updatedAt: toIsoRequired(row.updated_at),
    enrichment: {
      relevance: { score: row.relevance_score, relevant: row.relevant, reasons: row.relevance_reasons ?? [] },
      countries: row.country_tags ?? [],
      actors: row.actor_tags ?? [],
      events: row.event_tags ?? [],
    },
    clusterId: row.cluster_id,
  };
}

export interface UpsertArticleInput {
  article: ExtractedArticle;
  sourceId: string;
  fetchedAt: string;
}

export interface UpsertResult {
  id: string;
  /** true when the row is new; false when an existing row (same canonical URL) was updated. */
  created: boolean;
}

/**
 * Inserts or updates the article with this canonical URL. Idempotent: ingesting the same page
 * twice leaves one row, whose content follows the latest fetch. A later fetch that found no
 * publication date keeps the date found before.
 */
export async function upsertArticle(q: Queryable, input: UpsertArticleInput): Promise<UpsertResult> {
  const { article } = input;
  const id = articleIdFor(article.canonicalUrl);
  const rows = await q.query<{ id: string; created: boolean }>(
    `INSERT INTO articles (id, source_id, url, canonical_url, title, body, body_html, summary, byline, agencies,
       language, published_at, published_offset, modified_at, modified_offset, image_url, word_count, fetched_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
     ON CONFLICT (canonical_url) DO UPDATE SET
       url = EXCLUDED.url, title = EXCLUDED.title, body = EXCLUDED.body, body_html = EXCLUDED.body_html,
       summary = EXCLUDED.summary, byline = EXCLUDED.byline, agencies = EXCLUDED.agencies,
       language = EXCLUDED.language,
       published_at = coalesce(EXCLUDED.published_at, articles.published_at),
       published_offset = CASE WHEN EXCLUDED.published_at IS NULL THEN articles.published_offset ELSE EXCLUDED.published_offset END,
       modified_at = EXCLUDED.modified_at, modified_offset = EXCLUDED.modified_offset,
       image_url = EXCLUDED.image_url, word_count = EXCLUDED.word_count, fetched_at = EXCLUDED.fetched_at,
       updated_at = now()
     RETURNING id, (xmax = 0) AS created`,
    [
      id,
      input.sourceId,
      article.url,
      article.canonicalUrl,
      article.title,
      article.body,
      article.bodyHtml,
      article.summary,
      article.byline,
      article.agencies,
      article.language,
      article.publishedAt,
      offsetOf(article.publishedAt),
      article.modifiedAt,
      offsetOf(article.modifiedAt),
      article.imageUrl,
      article.wordCount,
      input.fetchedAt,
    ],
  );
  const row = rows[0]!;
  return { id: row.id, created: row.created };
}

export async function getArticlesByIds(q: Queryable, ids: readonly string[]): Promise<ArticleRecord[]> {
  const rows = await q.query<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.id = ANY($1::text[])`, [
    ids,
  ]);
  return rows.map(toArticle);
}

export async function getArticle(q: Queryable, id: string): Promise<ArticleRecord | null> {
  const [article] = await getArticlesByIds(q, [id]);
  return article ?? null;
}

export async function getArticleByUrl(q: Queryable, canonicalUrl: string): Promise<ArticleRecord | null> {
  const rows = await q.query<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.canonical_url = $1`, [
    canonicalUrl,
  ]);
  return rows[0] ? toArticle(rows[0]) : null;
}

/**
 * Which of these URLs are stored already, as a canonical URL or as the URL an article was
 * fetched from (a page may declare a canonical URL that differs from its feed link).
 */
export async function existingArticleUrls(q: Queryable, urls: readonly string[]): Promise<Set<string>> {
  if (urls.length === 0) return new Set();
  const rows = await q.query<{ canonical_url: string; url: string }>(
    'SELECT canonical_url, url FROM articles WHERE canonical_url = ANY($1::text[]) OR url = ANY($1::text[])',
    [urls],
  );
  const wanted = new Set(urls);
  const found = new Set<string>();
  for (const row of rows) {
    if (wanted.has(row.canonical_url)) found.add(row.canonical_url);
    if (wanted.has(row.url)) found.add(row.url);
  }
  return found;
}

export interface ArticleFilterInput {
  search?: string | null;
  countries?: readonly string[] | null;
  actors?: readonly string[] | null;
  eventTypes?: readonly string[] | null;
  sourceIds?: readonly string[] | null;
  languages?: readonly string[] | null;
  agencies?: readonly string[] | null;
  from?: string | null;
  to?: string | null;
  relevantOnly?: boolean | null;
  minRelevance?: number | null;
}

export type ArticleOrder = 'NEWEST' | 'OLDEST' | 'RELEVANCE' | 'SEARCH_RANK';

/** Keyset position: the sort value and id of the last article already seen. */
export interface ArticleKey {
  /** ISO instant for NEWEST/OLDEST, a number for RELEVANCE/SEARCH_RANK. */
  value: string | number;
  id: string;
}

export interface ArticlePage {
  articles: Array<ArticleRecord & { key: ArticleKey; snippet: string | null }>;
  hasNextPage: boolean;
  totalCount: number;
}

/** Marks around search matches in snippets; the API turns them into <mark> after escaping. */
export const SNIPPET_START = '\u0001';
export const SNIPPET_STOP = '\u0002';

/** The text-search query of `$p` in the article's own language configuration. */
function tsQuery(p: string): string {
  return `(CASE WHEN a.language = 'fr' THEN websearch_to_tsquery('famwatch_fr', ${p}) ELSE websearch_to_tsquery('famwatch_en', ${p}) END)`;
}

/** Builds the WHERE clause of a filter; `params` receives the values. */
export function articleWhere(filter: ArticleFilterInput, params: unknown[]): string {
  const clauses: string[] = [];
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const search = filter.search?.trim();
  if (search) clauses.push(`a.search @@ ${tsQuery(add(search))}`);
  // Array columns use && (overlap): any of the listed values matches, served by GIN indexes.
  if (filter.countries?.length) clauses.push(`a.countries && ${add(filter.countries)}::text[]`);
  if (filter.actors?.length) clauses.push(`a.actors && ${add(filter.actors)}::text[]`);
  if (filter.eventTypes?.length) clauses.push(`a.event_types && ${add(filter.eventTypes)}::text[]`);
  if (filter.agencies?.length) clauses.push(`a.agencies && ${add(filter.agencies)}::text[]`);
  if (filter.sourceIds?.length) clauses.push(`a.source_id = ANY(${add(filter.sourceIds)}::text[])`);
  if (filter.languages?.length) clauses.push(`a.language = ANY(${add(filter.languages)}::text[])`);
  if (filter.from) clauses.push(`a.sort_at >= ${add(filter.from)}::timestamptz`);
  if (filter.to) clauses.push(`a.sort_at < ${add(filter.to)}::timestamptz`);
  if (filter.relevantOnly) clauses.push('a.relevant');
  if (filter.minRelevance !== null && filter.minRelevance !== undefined) {
    clauses.push(`a.relevance_score >= ${add(filter.minRelevance)}::real`);
  }
  return clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
}

/** Counts the articles matching a filter. */
export async function countArticles(q: Queryable, filter: ArticleFilterInput): Promise<number> {
  const params: unknown[] = [];
  const where = articleWhere(filter, params);
  const rows = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM articles a ${where}`, params);
  return rows[0]?.n ?? 0;
}

/**
 * A page of articles in `order`, after `after` (exclusive). With a search, each article gets
 * a snippet of its body with the matches between SNIPPET_START and SNIPPET_STOP.
 */
export async function listArticles(
  q: Queryable,
  filter: ArticleFilterInput,
  first: number,
  after: ArticleKey | null,
  order: ArticleOrder = 'NEWEST',
  options: { count?: boolean } = {},
): Promise<ArticlePage> {
  const params: unknown[] = [];
  const where = articleWhere(filter, params);
  const countParams = [...params];
  const search = filter.search?.trim();
  let searchParam: string | null = null;
  if (search) {
    params.push(search);
    searchParam = `$${params.length}`;
  }
  if (order === 'SEARCH_RANK' && !searchParam) order = 'NEWEST';
  const sortExpr =
    order === 'RELEVANCE'
      ? 'a.relevance_score'
      : order === 'SEARCH_RANK'
        ? `ts_rank_cd(a.search, ${tsQuery(searchParam!)})`
        : 'a.sort_at';
  const direction = order === 'OLDEST' ? 'ASC' : 'DESC';
  let keyset = '';
  if (after) {
    params.push(after.value, after.id);
    const cast = order === 'NEWEST' || order === 'OLDEST' ? 'timestamptz' : 'real';
    const cmp = direction === 'ASC' ? '>' : '<';
    const cond = `(${sortExpr}, a.id) ${cmp} ($${params.length - 1}::${cast}, $${params.length})`;
    keyset = where ? ` AND ${cond}` : `WHERE ${cond}`;
  }
  params.push(first + 1);
  const snippet = searchParam
    ? `, ts_headline(CASE WHEN a.language = 'fr' THEN 'famwatch_fr'::regconfig ELSE 'famwatch_en'::regconfig END, a.body, ${tsQuery(searchParam)},
        'StartSel=${SNIPPET_START}, StopSel=${SNIPPET_STOP}, MaxFragments=2, MaxWords=28, MinWords=12, FragmentDelimiter=" … "') AS snippet`
    : ', NULL AS snippet';
  const [rows, count] = await Promise.all([
    q.query<ArticleRow & { sort_value: Date | number; snippet: string | null }>(
      `SELECT ${ARTICLE_COLUMNS}, ${sortExpr} AS sort_value${snippet}
       FROM articles a ${where}${keyset} ORDER BY ${sortExpr} ${direction}, a.id ${direction} LIMIT $${params.length}`,
      params,
    ),
    options.count === false
      ? Promise.resolve([{ n: -1 }])
      : q.query<{ n: number }>(`SELECT count(*)::int AS n FROM articles a ${where}`, countParams),
  ]);
  const page = rows.slice(0, first).map((row) => ({
    ...toArticle(row),
    snippet: row.snippet,
    key: {
      value: row.sort_value instanceof Date ? toIsoRequired(row.sort_value) : Number(row.sort_value),
      id: row.id,
    },
  }));
  return { articles: page, hasNextPage: rows.length > first, totalCount: count[0]?.n ?? 0 };
}

export type Interval = 'DAY' | 'WEEK' | 'MONTH';

export interface TimelineRow {
  bucket: string;
  count: number;
  byEventType: Array<{ key: string; count: number }>;
}

/** Article counts per bucket (UTC), each split by event type; empty buckets are absent. */
export async function articleTimeline(
  q: Queryable,
  filter: ArticleFilterInput,
  interval: Interval,
): Promise<TimelineRow[]> {
  const params: unknown[] = [];
  const where = articleWhere(filter, params);
  const unit = interval.toLowerCase();
  const bucket = `date_trunc('${unit}', a.sort_at, 'UTC')`;
  const [totals, byType] = await Promise.all([
    q.query<{ bucket: Date; n: number }>(
      `SELECT ${bucket} AS bucket, count(*)::int AS n FROM articles a ${where} GROUP BY 1 ORDER BY 1`,
      params,
    ),
    q.query<{ bucket: Date; key: string; n: number }>(
      `SELECT ${bucket} AS bucket, t.key, count(*)::int AS n FROM articles a CROSS JOIN LATERAL unnest(a.event_types) AS t(key)
       ${where} GROUP BY 1, 2`,
      params,
    ),
  ]);
  const rows = new Map<string, TimelineRow>();
  for (const row of totals) {
    const iso = toIsoRequired(row.bucket);
    rows.set(iso, { bucket: iso, count: row.n, byEventType: [] });
  }
  for (const row of byType) rows.get(toIsoRequired(row.bucket))?.byEventType.push({ key: row.key, count: row.n });
  for (const row of rows.values()) row.byEventType.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  return [...rows.values()];
}

export type FacetDimension = 'countries' | 'actors' | 'eventTypes' | 'sources' | 'languages' | 'agencies';

const FACET_SQL: Record<FacetDimension, { from: string; key: string }> = {
  countries: { from: 'articles a CROSS JOIN LATERAL unnest(a.countries) AS f(key)', key: 'f.key' },
  actors: { from: 'articles a CROSS JOIN LATERAL unnest(a.actors) AS f(key)', key: 'f.key' },
  eventTypes: { from: 'articles a CROSS JOIN LATERAL unnest(a.event_types) AS f(key)', key: 'f.key' },
  agencies: { from: 'articles a CROSS JOIN LATERAL unnest(a.agencies) AS f(key)', key: 'f.key' },
  sources: { from: 'articles a', key: 'a.source_id' },
  languages: { from: 'articles a', key: "coalesce(a.language, 'und')" },
};

/** The `limit` most frequent values of one dimension among the matching articles. */
export async function articleFacet(
  q: Queryable,
  filter: ArticleFilterInput,
  dimension: FacetDimension,
  limit: number,
): Promise<Array<{ key: string; count: number }>> {
  const params: unknown[] = [];
  const where = articleWhere(filter, params);
  params.push(limit);
  const { from, key } = FACET_SQL[dimension];
  const rows = await q.query<{ key: string; n: number }>(
    `SELECT ${key} AS key, count(*)::int AS n FROM ${from} ${where} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT $${params.length}`,
    params,
  );
  return rows.map((row) => ({ key: row.key, count: row.n }));
}

/** Articles of syndication clusters, earliest first within each. */
export async function articlesOfClusters(q: Queryable, clusterIds: readonly string[]): Promise<ArticleRecord[]> {
  const rows = await q.query<ArticleRow>(
    `SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.cluster_id = ANY($1::text[])
     ORDER BY a.published_at ASC NULLS LAST, a.id`,
    [clusterIds],
  );
  return rows.map(toArticle);
}
