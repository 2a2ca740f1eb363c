// @famwatch/shared: domain types, schemas, codes and pure normalisers shared by every
// package. No I/O here: nothing in this package touches the network, files or the clock.
export * from './config/env.js';
export * from './domain/article.js';
export * from './domain/enrichment.js';
export * from './domain/jobs.js';
export * from './domain/json.js';
export * from './domain/source.js';
export * from './errors/coded-error.js';
export * from './errors/codes.js';
export type * as Gql from './generated/graphql.js';
export { typeDefs } from './generated/type-defs.js';
export * from './normalize/address.js';
export * from './normalize/date.js';
export * from './normalize/ids.js';
export * from './normalize/url.js';
export * from './text/code-unit.js';
