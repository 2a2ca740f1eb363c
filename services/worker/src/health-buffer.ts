import { type Db, recordSourceSuccess } from '@famwatch/store';
import type { Logger } from './logger.js';

/**
 * Source successes, added up in memory and written once a second. Every article of a source
 * updating the same row at once would serialise the workers on that row's lock.
 */
export class SourceSuccessBuffer {
  readonly #db: Db;
  readonly #logger: Logger;
  readonly #pending = new Map<string, number>();
  readonly #timer: NodeJS.Timeout;

  constructor(db: Db, logger: Logger, flushEveryMs = 1000) {
    this.#db = db;
    this.#logger = logger;
    this.#timer = setInterval(() => void this.flush(), flushEveryMs);
    this.#timer.unref();
  }

  /** Notes a success of `sourceId`, with feed items seen when it was a poll. */
  add(sourceId: string, itemsSeen = 0): void {
    this.#pending.set(sourceId, (this.#pending.get(sourceId) ?? 0) + itemsSeen);
  }

  async flush(): Promise<void> {
    const batch = [...this.#pending];
    this.#pending.clear();
    for (const [sourceId, items] of batch) {
      try {
        await recordSourceSuccess(this.#db, sourceId, items);
      } catch (error) {
        // Health is bookkeeping: keep the counts for the next flush rather than fail a job.
        this.#pending.set(sourceId, (this.#pending.get(sourceId) ?? 0) + items);
        this.#logger.warn({ err: String(error), sourceId }, 'could not record source health');
      }
    }
  }

  async close(): Promise<void> {
    clearInterval(this.#timer);
    await this.flush();
  }
}
