import { GraphQLError } from 'graphql';

/**
 * Every code a client can see in `errors[].extensions.code`. Apollo's own codes
 * (GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED, BAD_USER_INPUT, PERSISTED_QUERY_*) come
 * from Apollo Server; these are ours.
 */
export const ApiErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  BAD_REQUEST: 'BAD_REQUEST',
  BAD_CURSOR: 'BAD_CURSOR',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  QUERY_TOO_DEEP: 'QUERY_TOO_DEEP',
  QUERY_TOO_COSTLY: 'QUERY_TOO_COSTLY',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ApiErrorCode = (typeof ApiErrorCode)[keyof typeof ApiErrorCode];

export function userInputError(message: string, field?: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ApiErrorCode.BAD_USER_INPUT, ...(field ? { field } : {}) },
  });
}

export function badCursorError(): GraphQLError {
  return new GraphQLError('`after` is not a cursor returned by this API', {
    extensions: { code: ApiErrorCode.BAD_CURSOR },
  });
}
