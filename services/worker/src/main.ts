// The worker alone (for deployments that scale workers apart from the API; needs PostgreSQL
// when the API runs in another process).
import { CodedError } from '@famwatch/shared';
import { assertRedisReachable, openDatabase, seedSources } from '@famwatch/store';
import { loadWorkerConfig } from './config.js';
import { watchEventLoop } from './event-loop.js';
import { createLogger } from './logger.js';
import { readSourcesFile } from './sources-file.js';
import { startWorker } from './worker-runtime.js';

try {
  const config = loadWorkerConfig(process.env);
  const logger = createLogger(config.LOG_LEVEL, 'famwatch-worker');
  await assertRedisReachable(config.REDIS_URL);
  const sources = readSourcesFile(config.SOURCES_FILE);
  const db = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    poolMax: config.DATABASE_POOL_MAX,
    onError: (error) => logger.warn({ err: error.message }, 'database connection error'),
  });
  await seedSources(db, sources);
  const runtime = await startWorker({ config, db, logger });
  const loop = watchEventLoop(logger);
  logger.info({ database: db.kind, sources: sources.length }, 'worker started');
  const stop = async () => {
    const force = setTimeout(() => process.exit(1), 30_000);
    force.unref();
    await runtime.close();
    loop.stop();
    await db.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
} catch (error) {
  if (error instanceof CodedError) {
    console.error(`famwatch-worker: ${error.message}`);
    process.exit(2);
  }
  throw error;
}
