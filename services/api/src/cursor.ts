import type { ArticleKey, ArticleOrder } from '@famwatch/store';
import { badCursorError } from './errors.js';

const ORDERS: readonly ArticleOrder[] = ['NEWEST', 'OLDEST', 'RELEVANCE', 'SEARCH_RANK'];

/** Opaque cursor of an article in a given order. */
export function encodeCursor(order: ArticleOrder, key: ArticleKey): string {
  return Buffer.from(JSON.stringify([ORDERS.indexOf(order), key.value, key.id])).toString('base64url');
}

/**
 * Decodes a cursor of `order`. Anything not produced by encodeCursor for the same order is a
 * BAD_CURSOR error, never an internal one.
 */
export function decodeCursor(cursor: string, order: ArticleOrder): ArticleKey {
  if (cursor.length > 300 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw badCursorError();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursorError();
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || parsed[0] !== ORDERS.indexOf(order)) throw badCursorError();
  const [, value, id] = parsed as [number, unknown, unknown];
  if (typeof id !== 'string' || !/^[0-9a-f]{16}$/.test(id)) throw badCursorError();
  const temporal = order === 'NEWEST' || order === 'OLDEST';
  if (temporal && (typeof value !== 'string' || value.length > 40 || Number.isNaN(Date.parse(value))))
    throw badCursorError();
  if (!temporal && (typeof value !== 'number' || !Number.isFinite(value))) throw badCursorError();
  return { value: value as string | number, id };
}
