import type { Db, Queues } from '@famwatch/store';
import type { Redis } from 'ioredis';
import type { AggregateCache } from './aggregate-cache.js';
import type { Caller } from './auth.js';
import type { ApiConfig } from './config.js';
import type { LiveArticles } from './live.js';
import type { Loaders } from './loaders.js';
import type { Logger } from './logger.js';

/** What every resolver receives; built fresh for each request (loaders are per request). */
export interface ApiContext {
  db: Db;
  loaders: Loaders;
  logger: Logger;
  config: ApiConfig;
  queues: Queues;
  /** A plain Redis connection for publishing. */
  redis: Redis;
  live: LiveArticles;
  caller: Caller;
  /** Dashboard aggregates, shared by all requests of this process. */
  cache: AggregateCache;
}
