import type { Queryable } from './db.js';
import { toIso } from './time.js';

export interface FeedState {
  etag: string | null;
  lastModified: string | null;
  bodyHash: string | null;
  lastPolledAt: string | null;
  lastChangedAt: string | null;
  unchangedPolls: number;
  nextPollAt: string | null;
}

interface FeedStateRow {
  etag: string | null;
  last_modified: string | null;
  body_hash: string | null;
  last_polled_at: Date | null;
  last_changed_at: Date | null;
  unchanged_polls: number;
  next_poll_at: Date | null;
}

export async function getFeedState(q: Queryable, sourceId: string, feedUrl: string): Promise<FeedState | null> {
  const rows = await q.query<FeedStateRow>(
    `SELECT etag, last_modified, body_hash, last_polled_at, last_changed_at, unchanged_polls, next_poll_at
     FROM feed_state WHERE source_id = $1 AND feed_url = $2`,
    [sourceId, feedUrl],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    etag: row.etag,
    lastModified: row.last_modified,
    bodyHash: row.body_hash,
    lastPolledAt: toIso(row.last_polled_at),
    lastChangedAt: toIso(row.last_changed_at),
    unchangedPolls: row.unchanged_polls,
    nextPollAt: toIso(row.next_poll_at),
  };
}

/** Saves the state of a feed after a poll, and the source's next due poll. */
export async function saveFeedState(q: Queryable, sourceId: string, feedUrl: string, state: FeedState): Promise<void> {
  await q.query(
    `INSERT INTO feed_state (source_id, feed_url, etag, last_modified, body_hash, last_polled_at, last_changed_at, unchanged_polls, next_poll_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (source_id, feed_url) DO UPDATE SET etag = $3, last_modified = $4, body_hash = $5,
       last_polled_at = $6, last_changed_at = $7, unchanged_polls = $8, next_poll_at = $9`,
    [
      sourceId,
      feedUrl,
      state.etag,
      state.lastModified,
      state.bodyHash,
      state.lastPolledAt,
      state.lastChangedAt,
      state.unchangedPolls,
      state.nextPollAt,
    ],
  );
  await q.query(
    `UPDATE sources SET next_poll_at = (SELECT min(next_poll_at) FROM feed_state WHERE source_id = $1) WHERE id = $1`,
    [sourceId],
  );
}

/** A fetch for the source succeeded: clear the failure streak. `itemsSeen` adds feed items seen. */
export async function recordSourceSuccess(q: Queryable, sourceId: string, itemsSeen = 0): Promise<void> {
  await q.query(
    `UPDATE sources SET last_success_at = now(), consecutive_failures = 0, items_seen = items_seen + $2 WHERE id = $1`,
    [sourceId, itemsSeen],
  );
}

/** A fetch for the source failed for good. */
export async function recordSourceFailure(
  q: Queryable,
  sourceId: string,
  code: string,
  message: string,
): Promise<void> {
  await q.query(
    `UPDATE sources SET last_error_at = now(), last_error_code = $2, last_error = $3,
       consecutive_failures = consecutive_failures + 1 WHERE id = $1`,
    [sourceId, code, message.slice(0, 2000)],
  );
}

export interface SourceHealthRecord {
  sourceId: string;
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  lastErrorCode: string | null;
  lastError: string | null;
  consecutiveFailures: number;
  itemsSeen: number;
  nextPollAt: string | null;
}

/** Stored articles per source (from the narrow article_facts table), for every source at once. */
export async function countArticlesBySource(q: Queryable): Promise<Map<string, number>> {
  const rows = await q.query<{ source_id: string; n: number }>(
    'SELECT source_id, count(*)::int AS n FROM article_facts GROUP BY source_id',
  );
  return new Map(rows.map((row) => [row.source_id, row.n]));
}

/** Health of sources, with their stored article counts. */
export async function getSourceHealth(q: Queryable, ids: readonly string[]): Promise<SourceHealthRecord[]> {
  const rows = await q.query<{
    id: string;
    last_success_at: Date | null;
    last_error_at: Date | null;
    last_error_code: string | null;
    last_error: string | null;
    consecutive_failures: number;
    items_seen: number | string;
    next_poll_at: Date | null;
  }>(
    `SELECT s.id, s.last_success_at, s.last_error_at, s.last_error_code, s.last_error, s.consecutive_failures,
       s.items_seen, s.next_poll_at FROM sources s WHERE s.id = ANY($1::text[])`,
    [ids],
  );
  return rows.map((row) => ({
    sourceId: row.id,
    lastSuccessAt: toIso(row.last_success_at),
    lastErrorAt: toIso(row.last_error_at),
    lastErrorCode: row.last_error_code,
    lastError: row.last_error,
    consecutiveFailures: row.consecutive_failures,
    itemsSeen: Number(row.items_seen),
    nextPollAt: toIso(row.next_poll_at),
  }));
}
