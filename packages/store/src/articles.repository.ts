import type { ArticleRecord, ExtractedArticle } from '@famwatch/shared';
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
}

export const ARTICLE_COLUMNS = `a.id, a.source_id, a.url, a.canonical_url, a.title, a.body, a.body_html, a.summary,
  a.byline, a.agencies, a.language, a.published_at, a.published_offset, a.modified_at, a.modified_offset,
  a.image_url, a.word_count, a.fetched_at, a.created_at, a.updated_at, a.sort_at`;

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
  sourceIds?: readonly string[] | null;
  from?: string | null;
  to?: string | null;
}

/** Keyset position: the sort instant and id of the last article already seen. */
export interface ArticleKey {
  sortAt: string;
  id: string;
}

export interface ArticlePage {
  articles: Array<ArticleRecord & { key: ArticleKey }>;
  hasNextPage: boolean;
  totalCount: number;
}

/** Builds the WHERE clause for a filter; `params` receives the values. */
export function articleWhere(filter: ArticleFilterInput, params: unknown[]): string {
  const clauses: string[] = [];
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const search = filter.search?.trim();
  if (search) {
    const p = add(search);
    clauses.push(`(CASE WHEN a.language = 'fr' THEN a.search @@ websearch_to_tsquery('famwatch_fr', ${p})
      ELSE a.search @@ websearch_to_tsquery('famwatch_en', ${p}) END)`);
  }
  if (filter.sourceIds && filter.sourceIds.length > 0)
    clauses.push(`a.source_id = ANY(${add(filter.sourceIds)}::text[])`);
  if (filter.from) clauses.push(`a.sort_at >= ${add(filter.from)}::timestamptz`);
  if (filter.to) clauses.push(`a.sort_at < ${add(filter.to)}::timestamptz`);
  return clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
}

/** A page of articles, newest first, after `after` (exclusive). */
export async function listArticles(
  q: Queryable,
  filter: ArticleFilterInput,
  first: number,
  after: ArticleKey | null,
): Promise<ArticlePage> {
  const params: unknown[] = [];
  const where = articleWhere(filter, params);
  const countParams = [...params];
  let keyset = '';
  if (after) {
    params.push(after.sortAt, after.id);
    const cond = `(a.sort_at, a.id) < ($${params.length - 1}::timestamptz, $${params.length})`;
    keyset = where ? ` AND ${cond}` : `WHERE ${cond}`;
  }
  params.push(first + 1);
  const [rows, count] = await Promise.all([
    q.query<ArticleRow>(
      `SELECT ${ARTICLE_COLUMNS} FROM articles a ${where}${keyset} ORDER BY a.sort_at DESC, a.id DESC LIMIT $${params.length}`,
      params,
    ),
    q.query<{ n: number }>(`SELECT count(*)::int AS n FROM articles a ${where}`, countParams),
  ]);
  const page = rows.slice(0, first).map((row) => ({
    ...toArticle(row),
    key: { sortAt: toIsoRequired(row.sort_at), id: row.id },
  }));
  return { articles: page, hasNextPage: rows.length > first, totalCount: count[0]?.n ?? 0 };
}
