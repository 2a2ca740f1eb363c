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
  /** Enrichment, MinHash signature and cluster, written with the article when known. */
  enrichment?: { data: ArticleEnrichment; signature: string | null; clusterId: string };
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
  const { sql, params } = articleUpsertStatement(input);
  const rows = await q.query<{ id: string; created: boolean }>(sql, params, {
    name: input.enrichment ? 'upsert_article_enriched' : 'upsert_article',
  });
  const row = rows[0]!;
  return { id: row.id, created: row.created };
}

/**
 * The upsert of `upsertArticle` as SQL text and parameters, for statements that write more
 * than the article row in one round trip. Its RETURNING gives `id` and `created`. The text
 * depends only on whether enrichment is given.
 */
export function articleUpsertStatement(input: UpsertArticleInput): { sql: string; params: unknown[] } {
  const { article } = input;
  const id = articleIdFor(article.canonicalUrl);
  const e = input.enrichment;
  // Enrichment goes into the same statement when it is known: every write of the row
  // recomputes its full-text vector and index entries, so one write instead of three.
  const enrichmentColumns = e
    ? `, relevance_score, relevant, relevance_reasons, country_tags, actor_tags, event_tags, countries, actors,
       event_types, minhash, cluster_id, enriched_at`
    : '';
  const enrichmentValues = e ? ', $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, now()' : '';
  const enrichmentUpdates = e
    ? `, relevance_score = EXCLUDED.relevance_score, relevant = EXCLUDED.relevant,
       relevance_reasons = EXCLUDED.relevance_reasons, country_tags = EXCLUDED.country_tags, actor_tags = EXCLUDED.actor_tags,
       event_tags = EXCLUDED.event_tags, countries = EXCLUDED.countries, actors = EXCLUDED.actors,
       event_types = EXCLUDED.event_types, minhash = EXCLUDED.minhash, cluster_id = EXCLUDED.cluster_id, enriched_at = now()`
    : '';
  const params: unknown[] = [
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
  ];
  if (e) {
    params.push(
      e.data.relevance.score,
      e.data.relevance.relevant,
      JSON.stringify(e.data.relevance.reasons),
      JSON.stringify(e.data.countries),
      JSON.stringify(e.data.actors),
      JSON.stringify(e.data.events),
      e.data.countries.map((c) => c.code),
      e.data.actors.map((a) => a.id),
      [...new Set(e.data.events.map((ev) => ev.type))],
      e.signature,
      e.clusterId,
    );
  }
  const sql = `INSERT INTO articles (id, source_id, url, canonical_url, title, body, body_html, summary, byline, agencies,
       language, published_at, published_offset, modified_at, modified_offset, image_url, word_count, fetched_at${enrichmentColumns})
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18${enrichmentValues})
     ON CONFLICT (canonical_url) DO UPDATE SET
       url = EXCLUDED.url, title = EXCLUDED.title, body = EXCLUDED.body, body_html = EXCLUDED.body_html,
       summary = EXCLUDED.summary, byline = EXCLUDED.byline, agencies = EXCLUDED.agencies,
       language = EXCLUDED.language,
       published_at = coalesce(EXCLUDED.published_at, articles.published_at),
       published_offset = CASE WHEN EXCLUDED.published_at IS NULL THEN articles.published_offset ELSE EXCLUDED.published_offset END,
       modified_at = EXCLUDED.modified_at, modified_offset = EXCLUDED.modified_offset,
       image_url = EXCLUDED.image_url, word_count = EXCLUDED.word_count, fetched_at = EXCLUDED.fetched_at,
       updated_at = now()${enrichmentUpdates}
     RETURNING id, (xmax = 0) AS created`;
  return { sql, params };
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

/** An article by canonical URL, else by the URL it was fetched from. */
export async function getArticleByUrl(q: Queryable, url: string): Promise<ArticleRecord | null> {
  const rows = await q.query<ArticleRow>(
    `SELECT ${ARTICLE_COLUMNS} FROM articles a WHERE a.canonical_url = $1 OR a.url = $1
     ORDER BY (a.canonical_url = $1) DESC LIMIT 1`,
    [url],
  );
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
function tsQuery(p: string, alias = 'a'): string {
  return `(CASE WHEN ${alias}.language = 'fr' THEN websearch_to_tsquery('famwatch_fr', ${p}) ELSE websearch_to_tsquery('famwatch_en', ${p}) END)`;
}

/**
 * The WHERE clause of a filter over `article_facts f` (the narrow copy of the filterable
 * columns); `params` receives the values. Full-text search reaches into `articles` by a semi-join.
 */
export function articleWhere(filter: ArticleFilterInput, params: unknown[]): string {
  const clauses: string[] = [];
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const search = filter.search?.trim();
  if (search) clauses.push(`f.id IN (SELECT s.id FROM articles s WHERE s.search @@ ${tsQuery(add(search), 's')})`);
  // Array columns use && (overlap): any of the listed values matches, served by GIN indexes.
  if (filter.countries?.length) clauses.push(`f.countries && ${add(filter.countries)}::text[]`);
  if (filter.actors?.length) clauses.push(`f.actors && ${add(filter.actors)}::text[]`);
  if (filter.eventTypes?.length) clauses.push(`f.event_types && ${add(filter.eventTypes)}::text[]`);
  if (filter.agencies?.length) clauses.push(`f.agencies && ${add(filter.agencies)}::text[]`);
  if (filter.sourceIds?.length) clauses.push(`f.source_id = ANY(${add(filter.sourceIds)}::text[])`);
  if (filter.languages?.length) clauses.push(`f.language = ANY(${add(filter.languages)}::text[])`);
  if (filter.from) clauses.push(`f.sort_at >= ${add(filter.from)}::timestamptz`);
  if (filter.to) clauses.push(`f.sort_at < ${add(filter.to)}::timestamptz`);
  if (filter.relevantOnly) clauses.push('f.relevant');
  if (filter.minRelevance !== null && filter.minRelevance !== undefined) {
    clauses.push(`f.relevance_score >= ${add(filter.minRelevance)}::real`);
  }
  return clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
}

/** Counts the articles matching a filter. */
export async function countArticles(q: Queryable, filter: ArticleFilterInput): Promise<number> {
  const params: unknown[] = [];
  const where = articleWhere(filter, params);
  const rows = await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM article_facts f ${where}`, params);
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
      ? 'f.relevance_score'
      : order === 'SEARCH_RANK'
        ? `ts_rank_cd(a.search, ${tsQuery(searchParam!)})`
        : 'f.sort_at';
  const direction = order === 'OLDEST' ? 'ASC' : 'DESC';
  let keyset = '';
  if (after) {
    params.push(after.value, after.id);
    const cast = order === 'NEWEST' || order === 'OLDEST' ? 'timestamptz' : 'real';
    const cmp = direction === 'ASC' ? '>' : '<';
    const cond = `(${sortExpr}, f.id) ${cmp} ($${params.length - 1}::${cast}, $${params.length})`;
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
       FROM article_facts f JOIN articles a ON a.id = f.id ${where}${keyset}
       ORDER BY ${sortExpr} ${direction}, f.id ${direction} LIMIT $${params.length}`,
      params,
    ),
    options.count === false
      ? Promise.resolve([{ n: -1 }])
      : q.query<{ n: number }>(`SELECT count(*)::int AS n FROM article_facts f ${where}`, countParams),
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
  // One scan: each article counts once in its bucket's total (t.key IS NULL row of the
  // grouping set) and once per event type it has.
  const rows = await q.query<{ bucket: Date; key: string | null; n: number }>(
    `SELECT date_trunc('${unit}', f.sort_at, 'UTC') AS bucket, t.key, count(*)::int AS n
     FROM article_facts f LEFT JOIN LATERAL unnest(f.event_types || ARRAY[NULL::text]) AS t(key) ON true
     ${where} GROUP BY 1, 2 ORDER BY 1`,
    params,
  );
  const buckets = new Map<string, TimelineRow>();
  for (const row of rows) {
    const iso = toIsoRequired(row.bucket);
    let bucket = buckets.get(iso);
    if (!bucket) {
      bucket = { bucket: iso, count: 0, byEventType: [] };
      buckets.set(iso, bucket);
    }
    if (row.key === null) bucket.count = row.n;
    else bucket.byEventType.push({ key: row.key, count: row.n });
  }
  for (const bucket of buckets.values())
    bucket.byEventType.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  return [...buckets.values()];
}

export type FacetDimension = 'countries' | 'actors' | 'eventTypes' | 'sources' | 'languages' | 'agencies';

const FACET_KEYS: Record<FacetDimension, string> = {
  countries: 'unnest(f.countries)',
  actors: 'unnest(f.actors)',
  eventTypes: 'unnest(f.event_types)',
  agencies: 'unnest(f.agencies)',
  sources: 'f.source_id',
  languages: "coalesce(f.language, 'und')",
};

export interface FacetCounts {
  total: number;
  counts: Record<FacetDimension, Array<{ key: string; count: number }>>;
}

/**
 * The total and the `limit` most frequent values of each dimension among the matching
 * articles, in one statement: the matching rows are read once and aggregated six ways.
 */
export async function articleFacets(q: Queryable, filter: ArticleFilterInput, limit: number): Promise<FacetCounts> {
  const params: unknown[] = [];
  const where = articleWhere(filter, params);
  params.push(limit);
  const dimensions = Object.keys(FACET_KEYS) as FacetDimension[];
  const parts = dimensions.map(
    (dimension) =>
      `(SELECT '${dimension}' AS dim, key, n FROM (SELECT k AS key, count(*)::int AS n FROM (SELECT ${FACET_KEYS[dimension]} AS k FROM m f) x
        GROUP BY k ORDER BY n DESC, k LIMIT $${params.length}) y)`,
  );
  const rows = await q.query<{ dim: FacetDimension | 'total'; key: string | null; n: number }>(
    `WITH m AS MATERIALIZED (SELECT f.source_id, f.language, f.countries, f.actors, f.event_types, f.agencies FROM article_facts f ${where})
     SELECT 'total' AS dim, NULL AS key, count(*)::int AS n FROM m
     UNION ALL ${parts.join(' UNION ALL ')}`,
    params,
  );
  const counts = Object.fromEntries(
    dimensions.map((d) => [d, [] as Array<{ key: string; count: number }>]),
  ) as FacetCounts['counts'];
  let total = 0;
  for (const row of rows) {
    if (row.dim === 'total') total = row.n;
    else counts[row.dim].push({ key: row.key!, count: row.n });
  }
  return { total, counts };
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
