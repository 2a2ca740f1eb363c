// Container healthcheck of the worker: Redis and the database answer, and a worker is
// registered on the article queue. Exits 0 when healthy, 1 otherwise.

import { QUEUES } from '@famwatch/shared';
import { assertRedisReachable, createRedis, openDatabase } from '@famwatch/store';
import { Queue } from 'bullmq';
import { loadWorkerConfig } from '../config.js';

try {
  const config = loadWorkerConfig(process.env);
  await assertRedisReachable(config.REDIS_URL);
  const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, migrate: false });
  await db.query('SELECT 1');
  await db.close();
  const connection = createRedis(config.REDIS_URL, { maxRetriesPerRequest: 1 });
  const queue = new Queue(QUEUES.article, { connection, prefix: config.QUEUE_PREFIX });
  const workers = await queue.getWorkers();
  await queue.close();
  connection.disconnect();
  if (workers.length === 0) {
    console.error('unhealthy: no worker registered on the article queue');
    process.exit(1);
  }
  console.log(`healthy: ${workers.length} worker connection(s)`);
  process.exit(0);
} catch (error) {
  console.error(`unhealthy: ${(error as Error).message}`);
  process.exit(1);
}
