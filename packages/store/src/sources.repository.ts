import type { FeedConfig, Schedule, Source } from '@famwatch/shared';
import { DEFAULT_SCHEDULE } from '@famwatch/shared';
import type { Queryable } from './db.js';

interface SourceRow {
  id: string;
  name: string;
  homepage: string;
  language: string;
  country: string | null;
  affiliation: string | null;
  schedule: Schedule;
  enabled: boolean;
  min_interval_ms: number | null;
  feeds: FeedConfig[];
}

const COLUMNS = 'id, name, homepage, language, country, affiliation, schedule, enabled, min_interval_ms, feeds';

function toSource(row: SourceRow): Source {
  const source: Source = {
    id: row.id,
    name: row.name,
    homepage: row.homepage,
    language: row.language,
    schedule: row.schedule ?? DEFAULT_SCHEDULE,
    enabled: row.enabled,
    feeds: row.feeds ?? [],
  };
  if (row.country !== null) source.country = row.country;
  if (row.affiliation !== null) source.affiliation = row.affiliation;
  if (row.min_interval_ms !== null) source.minIntervalMs = row.min_interval_ms;
  return source;
}

function values(source: Source): unknown[] {
  return [
    source.id,
    source.name,
    source.homepage,
    source.language,
    source.country ?? null,
    source.affiliation ?? null,
    JSON.stringify(source.schedule ?? DEFAULT_SCHEDULE),
    source.enabled,
    source.minIntervalMs ?? null,
    JSON.stringify(source.feeds),
  ];
}

/**
 * Seeds sources from SOURCES_FILE: inserts new ones and updates those that came from the file
 * before. Sources an admin added or edited through the API (origin 'api') are left alone.
 * Returns how many rows were written.
 */
export async function seedSources(q: Queryable, sources: readonly Source[]): Promise<number> {
  let written = 0;
  for (const source of sources) {
    const rows = await q.query(
      `INSERT INTO sources (${COLUMNS}, origin) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'file')
       ON CONFLICT (id) DO UPDATE SET name = $2, homepage = $3, language = $4, country = $5, affiliation = $6,
         schedule = $7, enabled = $8, min_interval_ms = $9, feeds = $10, updated_at = now()
       WHERE sources.origin = 'file'
       RETURNING id`,
      values(source),
    );
    written += rows.length;
  }
  return written;
}

/** Inserts a source added through the API (origin 'api': never overwritten by SOURCES_FILE). */
export async function insertSource(q: Queryable, source: Source): Promise<void> {
  await q.query(
    `INSERT INTO sources (${COLUMNS}, origin) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'api')`,
    values(source),
  );
}

/** Replaces a source's settings; it becomes an 'api' source, so the file no longer overrides it. */
export async function updateSource(q: Queryable, source: Source): Promise<boolean> {
  const rows = await q.query(
    `UPDATE sources SET name = $2, homepage = $3, language = $4, country = $5, affiliation = $6, schedule = $7,
       enabled = $8, min_interval_ms = $9, feeds = $10, origin = 'api', updated_at = now()
     WHERE id = $1 RETURNING id`,
    values(source),
  );
  return rows.length > 0;
}

/** Deletes a source and (by cascade) its articles, crawl state and failures; returns articles removed. */
export async function deleteSource(q: Queryable, id: string): Promise<number | null> {
  const counted = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM articles WHERE source_id = $1', [id]);
  const rows = await q.query('DELETE FROM sources WHERE id = $1 RETURNING id', [id]);
  return rows.length > 0 ? (counted[0]?.n ?? 0) : null;
}

export async function listSources(q: Queryable, options: { enabledOnly?: boolean } = {}): Promise<Source[]> {
  const where = options.enabledOnly ? 'WHERE enabled' : '';
  const rows = await q.query<SourceRow>(`SELECT ${COLUMNS} FROM sources ${where} ORDER BY name, id`);
  return rows.map(toSource);
}

export async function getSourcesByIds(q: Queryable, ids: readonly string[]): Promise<Source[]> {
  const rows = await q.query<SourceRow>(`SELECT ${COLUMNS} FROM sources WHERE id = ANY($1::text[])`, [ids]);
  return rows.map(toSource);
}

export async function getSource(q: Queryable, id: string): Promise<Source | null> {
  const [source] = await getSourcesByIds(q, [id]);
  return source ?? null;
}

/**
 * The configured source an article URL belongs to: the one whose homepage is the longest
 * prefix of the URL, else one on the same site; null when none is.
 */
export async function findSourceForUrl(
  q: Queryable,
  url: string,
  siteKeyOf: (host: string) => string,
): Promise<string | null> {
  const sources = await listSources(q);
  const prefixed = sources
    .filter((source) => url.startsWith(source.homepage))
    .sort((a, b) => b.homepage.length - a.homepage.length);
  if (prefixed[0]) return prefixed[0].id;
  const key = siteKeyOf(new URL(url).hostname);
  return sources.find((source) => siteKeyOf(new URL(source.homepage).hostname) === key)?.id ?? null;
}

/**
 * A source for an article URL submitted by hand: the configured source it belongs to, else a
 * disabled source named after the host (created on first use), so every article has a source.
 */
export async function ensureSourceForUrl(
  q: Queryable,
  url: string,
  siteKeyOf: (host: string) => string,
): Promise<string> {
  const found = await findSourceForUrl(q, url, siteKeyOf);
  if (found) return found;
  const key = siteKeyOf(new URL(url).hostname);
  const id = `site-${key.replace(/[^a-z0-9]+/g, '-')}`.slice(0, 63);
  await q.query(
    `INSERT INTO sources (id, name, homepage, language, enabled, origin)
     VALUES ($1, $2, $3, 'und', false, 'api') ON CONFLICT (id) DO NOTHING`,
    [id, key, new URL(url).origin],
  );
  return id;
}
