import { timingSafeEqual } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { ApiErrorCode } from './errors.js';

/** What the request proved about its caller. */
export type Caller = { admin: true } | { admin: false; reason: 'NO_KEY_CONFIGURED' | 'MISSING' | 'INVALID' };

/** Reads `Authorization: Bearer <key>` against API_KEY (constant-time comparison). */
export function callerFrom(authorization: string | undefined, apiKey: string | undefined): Caller {
  if (!apiKey) return { admin: false, reason: 'NO_KEY_CONFIGURED' };
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!m) return { admin: false, reason: 'MISSING' };
  const given = Buffer.from(m[1]!);
  const expected = Buffer.from(apiKey);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { admin: false, reason: 'INVALID' };
  return { admin: true };
}

/** Refuses the operation unless the caller presented the API key. */
export function requireAdmin(caller: Caller): void {
  if (caller.admin) return;
  if (caller.reason === 'NO_KEY_CONFIGURED') {
    throw new GraphQLError('Mutations are disabled: the server has no API_KEY configured', {
      extensions: { code: ApiErrorCode.FORBIDDEN, http: { status: 403 } },
    });
  }
  throw new GraphQLError('This operation needs `Authorization: Bearer <API_KEY>`', {
    extensions: { code: ApiErrorCode.UNAUTHENTICATED, http: { status: 401 } },
  });
}
