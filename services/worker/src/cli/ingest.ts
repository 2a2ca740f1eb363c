// `npm run ingest -- URL`: ingests one article URL. When a worker is running it queues the
// job and waits for it; otherwise it does the work itself.

import { CodedError, canonicalizeUrl } from '@famwatch/shared';
import { assertRedisReachable, createQueues, createRedis, openDatabase, queueArticle } from '@famwatch/store';
import { QueueEvents } from 'bullmq';
import { loadWorkerConfig } from '../config.js';
import { ingestArticle } from '../pipeline/ingest-article.js';
import { fetcherFromConfig } from '../worker-runtime.js';

const url = process.argv[2];
const canonical = url ? canonicalizeUrl(url) : null;
if (!url || !canonical) {
  console.error('usage: npm run ingest -- https://example.com/article');
  process.exit(2);
}

try {
  const config = loadWorkerConfig(process.env);
  await assertRedisReachable(config.REDIS_URL);
  const connection = createRedis(config.REDIS_URL);
  const queues = createQueues(connection, {
    prefix: config.QUEUE_PREFIX,
    attempts: config.JOB_ATTEMPTS,
    backoffMs: config.JOB_BACKOFF_MS,
  });
  const workers = await queues.article.getWorkers();
  if (workers.length > 0) {
    const events = new QueueEvents('article', {
      connection: createRedis(config.REDIS_URL),
      prefix: config.QUEUE_PREFIX,
    });
    const job = await queueArticle(queues, { url, sourceId: null }, { attempts: 1 });
    console.error(`queued ${url} as job ${job.id}; waiting for a worker…`);
    const result = await job.waitUntilFinished(events, 120_000);
    console.log(JSON.stringify(result));
    await events.close();
  } else {
    const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
    const fetcher = fetcherFromConfig(config);
    try {
      const result = await ingestArticle({ db, fetcher }, { url, sourceId: null });
      console.log(JSON.stringify(result));
    } finally {
      await fetcher.close();
      await db.close();
    }
  }
  await queues.close();
  connection.disconnect();
} catch (error) {
  const message = error instanceof CodedError ? `[${error.code}] ${error.message}` : (error as Error).message;
  console.error(`ingest failed: ${message}`);
  process.exit(1);
}
