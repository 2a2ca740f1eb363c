import type { Source } from '@famwatch/shared';
import { type Db, getSource } from '@famwatch/store';

/** How long a source read from the database is reused before it is read again. */
const TTL_MS = 30_000;

/**
 * Sources by id, read from the database at most every 30 s per process: jobs need a source's
 * schedule and politeness interval, and a query per job for them would be waste.
 */
export class SourceCache {
  readonly #db: Db;
  readonly #entries = new Map<string, { source: Source | null; expires: number }>();

  constructor(db: Db) {
    this.#db = db;
  }

  async get(id: string): Promise<Source | null> {
    const cached = this.#entries.get(id);
    if (cached && cached.expires > Date.now()) return cached.source;
    const source = await getSource(this.#db, id);
    this.#entries.set(id, { source, expires: Date.now() + TTL_MS });
    return source;
  }

  /** Forgets cached sources (after an admin changed them). */
  clear(): void {
    this.#entries.clear();
  }
}
