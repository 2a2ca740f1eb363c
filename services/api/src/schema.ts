import { typeDefs } from '@famwatch/shared';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { resolvers } from './resolvers/index.js';

/** The executable schema: SDL from @famwatch/shared, resolvers from ./resolvers. */
export function buildSchema() {
  return makeExecutableSchema({ typeDefs, resolvers: resolvers as never });
}
