import { normalizeDate } from '@famwatch/shared';
import { GraphQLScalarType, Kind } from 'graphql';
import { userInputError } from './errors.js';

function parse(value: unknown): string {
  // No clock bound on filters: any instant after 1990 is a valid bound.
  const iso = typeof value === 'string' ? normalizeDate(value, Number.MAX_SAFE_INTEGER) : null;
  if (iso === null)
    throw userInputError(`DateTime must be an ISO-8601 date-time after 1990, got ${JSON.stringify(value)}`);
  return iso;
}

/** ISO-8601 date-times with their UTC offset. Output is passed through as stored. */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An ISO-8601 date-time with a UTC offset, for example `2021-06-07T14:03:00+00:00`.',
  serialize: (value) => (value instanceof Date ? value.toISOString() : String(value)),
  parseValue: parse,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw userInputError('DateTime must be a string');
    return parse(ast.value);
  },
});
