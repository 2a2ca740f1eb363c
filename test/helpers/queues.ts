import type { Queues } from '@famwatch/store';

/** Removes a test run's queues from Redis (jobs, schedulers, counters), whatever state they are in. */
export async function obliterateQueues(queues: Queues | undefined): Promise<void> {
  if (!queues) return;
  for (const queue of [queues.discover, queues.article]) await queue.obliterate({ force: true }).catch(() => undefined);
}
