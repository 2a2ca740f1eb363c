import { type ApiServer, loadApiConfig, startApiServer } from '@famwatch/api';
import { assertRedisReachable, type Db, openDatabase, seedSources } from '@famwatch/store';
import { createLogger, loadWorkerConfig, readSourcesFile, startWorker, type WorkerRuntime } from '@famwatch/worker';

export interface MainJob {
  api: ApiServer;
  worker: WorkerRuntime;
  db: Db;
  close(): Promise<void>;
}

/**
 * The main job: API, worker and scheduler in one process sharing one database handle. One
 * process is what lets the embedded PGlite serve both; with PostgreSQL (DATABASE_URL) the
 * API and the worker can also run as separate processes (services/*\/src/main.ts).
 */
export async function startMainJob(env: Record<string, string | undefined>): Promise<MainJob> {
  const workerConfig = loadWorkerConfig(env);
  const apiConfig = loadApiConfig(env);
  const logger = createLogger(workerConfig.LOG_LEVEL, 'famwatch');
  await assertRedisReachable(workerConfig.REDIS_URL);
  const sources = readSourcesFile(workerConfig.SOURCES_FILE);
  const db = await openDatabase({
    databaseUrl: workerConfig.DATABASE_URL,
    dataDir: workerConfig.DATA_DIR,
    poolMax: workerConfig.DATABASE_POOL_MAX,
    onError: (error) => logger.warn({ err: error.message }, 'database connection error'),
  });
  logger.info({ database: db.kind, sources: sources.length }, 'database ready');
  let worker: WorkerRuntime | null = null;
  try {
    await seedSources(db, sources);
    worker = await startWorker({ config: workerConfig, db, logger: logger.child({ component: 'worker' }) });
    const running = worker;
    const api = await startApiServer({ config: apiConfig, db, logger: logger.child({ component: 'api' }) });
    return {
      api,
      worker: running,
      db,
      async close() {
        await api.close();
        await running.close();
        await db.close();
      },
    };
  } catch (error) {
    // The API could not start (a busy port, say): stop what did start before giving up.
    await worker?.close().catch(() => undefined);
    await db.close().catch(() => undefined);
    throw error;
  }
}
