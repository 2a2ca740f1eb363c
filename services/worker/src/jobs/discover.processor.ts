import type { DiscoverJob } from '@famwatch/shared';
import { DEFAULT_SCHEDULE, discoverJobSchema, ValidationError } from '@famwatch/shared';
import type { Job } from 'bullmq';
import type { SourceSuccessBuffer } from '../health-buffer.js';
import { type DiscoverDeps, type DiscoverResult, discoverSource } from '../pipeline/discover-source.js';
import type { FeedLock } from '../politeness/feed-lock.js';
import type { SourceCache } from '../source-cache.js';
import { toJobError } from './job-errors.js';
import { type RunJobDeps, runJob } from './run-job.js';

export type DiscoverProcessorDeps = RunJobDeps &
  DiscoverDeps & { sources: SourceCache; feedLock: FeedLock; lockMs: number; health: SourceSuccessBuffer };

/** The BullMQ processor of discover jobs: validates, polls, records health and failures. */
export function discoverProcessor(deps: DiscoverProcessorDeps) {
  return async (
    job: Job<DiscoverJob, DiscoverResult>,
    token?: string,
    signal?: AbortSignal,
  ): Promise<DiscoverResult> => {
    const parsed = discoverJobSchema.safeParse(job.data);
    if (!parsed.success) throw toJobError(new ValidationError(`discover job ${job.id}: ${parsed.error.message}`));
    const data = parsed.data;
    const source = await deps.sources.get(data.sourceId);
    // A source removed or disabled since the job was queued: nothing to do.
    if (!source || (!source.enabled && !data.force)) return { outcome: 'skipped', items: 0, enqueued: 0 };
    return runJob(deps, job, token, { kind: 'discover', url: data.feedUrl, sourceId: data.sourceId }, async () => {
      const context = { schedule: source.schedule ?? DEFAULT_SCHEDULE, minIntervalMs: source.minIntervalMs };
      const polled = await deps.feedLock.withLock(data.sourceId, data.feedUrl, deps.lockMs, () =>
        discoverSource(deps, data, context, signal),
      );
      // Another process is polling this feed right now: this poll would only repeat it.
      const result: DiscoverResult = polled ?? { outcome: 'skipped', items: 0, enqueued: 0 };
      if (result.outcome !== 'skipped') deps.health.add(data.sourceId, result.items);
      deps.logger.info({ source: data.sourceId, feed: data.feedUrl, ...result }, 'feed polled');
      return result;
    });
  };
}
