import type { ArticleKey } from '@famwatch/store';
import { badCursorError } from './errors.js';

/** Opaque cursor of an article in the newest-first order. */
export function encodeCursor(key: ArticleKey): string {
  return Buffer.from(JSON.stringify([key.sortAt, key.id])).toString('base64url');
}

/** Decodes a cursor; anything not produced by encodeCursor is a BAD_CURSOR error. */
export function decodeCursor(cursor: string): ArticleKey {
  if (cursor.length > 200 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw badCursorError();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursorError();
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 2 ||
    typeof parsed[0] !== 'string' ||
    typeof parsed[1] !== 'string' ||
    Number.isNaN(Date.parse(parsed[0])) ||
    !/^[0-9a-f]{16}$/.test(parsed[1])
  ) {
    throw badCursorError();
  }
  return { sortAt: parsed[0], id: parsed[1] };
}
