// The API alone (deployments that run it apart from the worker; needs PostgreSQL).
import { CodedError } from '@famwatch/shared';
import { openDatabase } from '@famwatch/store';
import { loadApiConfig } from './config.js';
import { createLogger } from './logger.js';
import { startApiServer } from './server.js';

try {
  const config = loadApiConfig(process.env);
  const logger = createLogger(config.LOG_LEVEL, 'famwatch-api');
  const db = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    poolMax: config.DATABASE_POOL_MAX,
    onError: (error) => logger.warn({ err: error.message }, 'database connection error'),
  });
  const server = await startApiServer({ config, db, logger });
  const stop = async () => {
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    await server.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
} catch (error) {
  if (error instanceof CodedError) {
    console.error(`famwatch-api: ${error.message}`);
    process.exit(2);
  }
  throw error;
}
