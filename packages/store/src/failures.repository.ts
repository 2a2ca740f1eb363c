import type { Queryable } from './db.js';
import { toIsoRequired } from './time.js';

export type FailureKind = 'article' | 'discover';

export interface FailureRecord {
  id: string;
  kind: FailureKind;
  url: string;
  sourceId: string | null;
  code: string;
  message: string;
  attempts: number;
  firstSeenAt: string;
  lastSeenAt: string;
  payload: unknown;
}

interface FailureRow {
  id: string | number;
  kind: FailureKind;
  url: string;
  source_id: string | null;
  code: string;
  message: string;
  attempts: number;
  first_seen_at: Date;
  last_seen_at: Date;
  payload: unknown;
}

const COLUMNS = 'id, kind, url, source_id, code, message, attempts, first_seen_at, last_seen_at, payload';

function toFailure(row: FailureRow): FailureRecord {
  return {
    id: String(row.id),
    kind: row.kind,
    url: row.url,
    sourceId: row.source_id,
    code: row.code,
    message: row.message,
    attempts: row.attempts,
    firstSeenAt: toIsoRequired(row.first_seen_at),
    lastSeenAt: toIsoRequired(row.last_seen_at),
    payload: row.payload,
  };
}

export interface RecordFailureInput {
  kind: FailureKind;
  url: string;
  sourceId: string | null;
  code: string;
  message: string;
  attempts: number;
  payload: unknown;
}

/**
 * Records a final failure. The same URL failing again keeps its row: attempts add up, the
 * first time stays, the last time, code and message follow the latest failure.
 */
export async function recordFailure(q: Queryable, input: RecordFailureInput): Promise<string> {
  const rows = await q.query<{ id: string | number }>(
    `INSERT INTO failures (kind, url, source_id, code, message, attempts, payload)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (kind, url) DO UPDATE SET
       source_id = coalesce(EXCLUDED.source_id, failures.source_id), code = EXCLUDED.code,
       message = EXCLUDED.message, attempts = failures.attempts + EXCLUDED.attempts,
       last_seen_at = now(), payload = EXCLUDED.payload
     RETURNING id`,
    [
      input.kind,
      input.url,
      input.sourceId,
      input.code,
      input.message.slice(0, 2000),
      input.attempts,
      JSON.stringify(input.payload),
    ],
  );
  return String(rows[0]!.id);
}

/** Forgets the failure of a URL that has now succeeded. */
export async function resolveFailure(q: Queryable, kind: FailureKind, url: string): Promise<void> {
  await q.query('DELETE FROM failures WHERE kind = $1 AND url = $2', [kind, url]);
}

export interface ListFailuresOptions {
  first: number;
  sourceId?: string | null;
  code?: string | null;
}

/** The latest failures, newest first. */
export async function listFailures(q: Queryable, options: ListFailuresOptions): Promise<FailureRecord[]> {
  const params: unknown[] = [];
  const where: string[] = [];
  if (options.sourceId) {
    params.push(options.sourceId);
    where.push(`source_id = $${params.length}`);
  }
  if (options.code) {
    params.push(options.code);
    where.push(`code = $${params.length}`);
  }
  params.push(options.first);
  const rows = await q.query<FailureRow>(
    `SELECT ${COLUMNS} FROM failures ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY last_seen_at DESC, id DESC LIMIT $${params.length}`,
    params,
  );
  return rows.map(toFailure);
}

export async function getFailuresByIds(q: Queryable, ids: readonly string[]): Promise<FailureRecord[]> {
  const numeric = ids.filter((id) => /^\d{1,18}$/.test(id));
  if (numeric.length === 0) return [];
  const rows = await q.query<FailureRow>(`SELECT ${COLUMNS} FROM failures WHERE id = ANY($1::bigint[])`, [numeric]);
  return rows.map(toFailure);
}

export async function getFailureByUrl(q: Queryable, kind: FailureKind, url: string): Promise<FailureRecord | null> {
  const rows = await q.query<FailureRow>(`SELECT ${COLUMNS} FROM failures WHERE kind = $1 AND url = $2`, [kind, url]);
  return rows[0] ? toFailure(rows[0]) : null;
}

export async function failuresOfSource(q: Queryable, sourceId: string): Promise<FailureRecord[]> {
  const rows = await q.query<FailureRow>(`SELECT ${COLUMNS} FROM failures WHERE source_id = $1`, [sourceId]);
  return rows.map(toFailure);
}

/**
 * What a poll does with URLs that failed before: `skip` those that failed for good with a
 * permanent code or recently (24 h) with a transient one; `retry` older transient failures,
 * which get another chance.
 */
export async function failedUrls(
  q: Queryable,
  urls: readonly string[],
  permanentCodes: readonly string[],
): Promise<{ skip: Set<string>; retry: Set<string> }> {
  if (urls.length === 0) return { skip: new Set(), retry: new Set() };
  const rows = await q.query<{ url: string; skip: boolean }>(
    `SELECT url, (code = ANY($2::text[]) OR last_seen_at > now() - interval '24 hours') AS skip
     FROM failures WHERE kind = 'article' AND url = ANY($1::text[])`,
    [urls, permanentCodes],
  );
  return {
    skip: new Set(rows.filter((row) => row.skip).map((row) => row.url)),
    retry: new Set(rows.filter((row) => !row.skip).map((row) => row.url)),
  };
}

/** How many failures are kept, by code (for metrics). */
export async function countFailuresByCode(q: Queryable): Promise<Array<{ code: string; count: number }>> {
  const rows = await q.query<{ code: string; n: number }>(
    'SELECT code, count(*)::int AS n FROM failures GROUP BY code',
  );
  return rows.map((row) => ({ code: row.code, count: row.n }));
}
