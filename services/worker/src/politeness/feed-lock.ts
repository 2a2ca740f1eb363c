import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

// Deletes the lock only when it is still ours (it may have expired and been taken).
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/**
 * One poll of a feed at a time, across every worker process: the poll at start, a scheduled
 * poll and a `runSource` can otherwise overlap and count the same items twice.
 */
export class FeedLock {
  readonly #redis: Redis;
  readonly #prefix: string;

  constructor(redis: Redis, prefix: string) {
    this.#redis = redis;
    this.#prefix = prefix;
  }

  /** Runs `work` holding the feed's lock; returns null without running it when the lock is taken. */
  async withLock<T>(sourceId: string, feedUrl: string, ttlMs: number, work: () => Promise<T>): Promise<T | null> {
    const key = `${this.#prefix}:feed-lock:${sourceId}:${feedUrl}`;
    const token = randomUUID();
    const taken = await this.#redis.set(key, token, 'PX', ttlMs, 'NX');
    if (taken !== 'OK') return null;
    try {
      return await work();
    } finally {
      await this.#redis.eval(RELEASE, 1, key, token).catch(() => undefined);
    }
  }
}
