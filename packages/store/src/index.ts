// @famwatch/store: every line of SQL lives here. Services call these repository functions;
// nothing else talks to PostgreSQL or PGlite.
export * from './articles.repository.js';
export * from './crawl-state.repository.js';
export type * from './db.js';
export * from './enrichment.repository.js';
export * from './failures.repository.js';
export * from './metrics.js';
export * from './migrate.js';
export * from './open.js';
export { createPgliteDb, DatabaseBusyError } from './pglite.js';
export { createPostgresDb } from './postgres.js';
export * from './queue/poll-interval.js';
export * from './queue/queues.js';
export * from './queue/scheduler.js';
export * from './redis.js';
export * from './sources.repository.js';
export * from './time.js';
