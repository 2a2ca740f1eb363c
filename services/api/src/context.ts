import type { Db } from '@famwatch/store';
import type { ApiConfig } from './config.js';
import type { Loaders } from './loaders.js';
import type { Logger } from './logger.js';

/** What every resolver receives; built fresh for each request. */
export interface ApiContext {
  db: Db;
  loaders: Loaders;
  logger: Logger;
  config: ApiConfig;
}
