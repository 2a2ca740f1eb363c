import type { Db } from '@famwatch/store';
import { type FailureKind, recordFailure, recordSourceFailure, resolveFailure } from '@famwatch/store';
import { DelayedError, type Job } from 'bullmq';
import { HttpStatusError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Politeness } from '../politeness/politeness.js';
import { DelayRequired } from '../politeness/politeness.js';
import { isRetryable, toCodedError, toJobError } from './job-errors.js';

/** Retry-After delays a job may take before the server's answer counts as a failure. */
export const MAX_DELAYS = 5;
/** Longest Retry-After honoured by delaying; longer ones fail the attempt as transient. */
const MAX_RETRY_AFTER_MS = 3600_000;

export interface RunJobDeps {
  db: Db;
  logger: Logger;
  politeness: Politeness | null;
}

interface Delayable {
  delays?: number | undefined;
  retry?: boolean | undefined;
}

/**
 * Runs one job's work with the bookkeeping every job shares:
 * - a needed wait (host throttled, Retry-After) moves the job to the delayed set, costing no attempt;
 * - a failure that will not be retried (permanent code, or last attempt) is written to the
 *   failures table and the source's health, then thrown with its code for BullMQ;
 * - a success clears an earlier failure of the same URL.
 */
export async function runJob<D extends Delayable, R>(
  deps: RunJobDeps,
  job: Job<D, R>,
  token: string | undefined,
  what: { kind: FailureKind; url: string; sourceId: string | null },
  work: () => Promise<R>,
): Promise<R> {
  try {
    const result = await work();
    // Only a URL that failed before can have a failure row to clear: a retry of this job, a
    // job queued again from the failures, or a feed (whose polls recur).
    if (job.attemptsMade > 0 || job.data.retry || what.kind === 'discover') {
      await resolveFailure(deps.db, what.kind, what.url).catch((error: unknown) =>
        deps.logger.warn({ err: String(error), url: what.url }, 'could not clear an old failure'),
      );
    }
    return result;
  } catch (error) {
    let delay: DelayRequired | null = error instanceof DelayRequired ? error : null;
    const delays = job.data.delays ?? 0;
    if (
      error instanceof HttpStatusError &&
      error.retryAfterSeconds !== null &&
      error.retryable &&
      delays < MAX_DELAYS &&
      error.retryAfterSeconds * 1000 <= MAX_RETRY_AFTER_MS
    ) {
      const ms = Math.max(1000, error.retryAfterSeconds * 1000);
      await deps.politeness?.holdHost(what.url, ms);
      await job.updateData({ ...job.data, delays: delays + 1 });
      delay = new DelayRequired(ms, `HTTP ${error.statusCode} with Retry-After`);
    }
    if (delay && token) {
      deps.logger.debug({ job: job.id, ms: delay.ms, reason: delay.reason }, 'job delayed');
      await job.moveToDelayed(Date.now() + delay.ms, token);
      throw new DelayedError();
    }
    const coded = toCodedError(error);
    const attempts = job.opts.attempts ?? 1;
    const final = !isRetryable(coded) || job.attemptsMade + 1 >= attempts;
    if (final) {
      try {
        await recordFailure(deps.db, {
          kind: what.kind,
          url: what.url,
          sourceId: what.sourceId,
          code: coded.code,
          message: coded.message,
          attempts: job.attemptsMade + 1,
          payload: job.data,
        });
        if (what.sourceId) await recordSourceFailure(deps.db, what.sourceId, coded.code, coded.message);
      } catch (storeError) {
        // The database is down: BullMQ still keeps the failed job and its reason.
        deps.logger.error({ err: String(storeError), url: what.url }, 'could not record a failure');
      }
    }
    throw toJobError(coded);
  }
}
