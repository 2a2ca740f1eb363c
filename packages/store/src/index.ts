// @famwatch/store: every line of SQL lives here. Services call these repository functions;
// nothing else talks to PostgreSQL or PGlite.
export * from './articles.repository.js';
export * from './crawl-state.repository.js';
export type * from './db.js';
export * from './failures.repository.js';
export * from './migrate.js';
export * from './open.js';
export { createPgliteDb } from './pglite.js';
export { createPostgresDb } from './postgres.js';
export * from './redis.js';
export * from './sources.repository.js';
export * from './time.js';
