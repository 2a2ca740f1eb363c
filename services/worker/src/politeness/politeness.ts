import { RobotsDisallowedError } from '../errors.js';
import type { HostThrottle } from './host-throttle.js';
import type { RobotsPolicy } from './robots.js';

/**
 * Thrown when a request must wait longer than a job should hold its worker slot: the job is
 * moved to the delayed set for `ms` (not failed, no attempt spent).
 */
export class DelayRequired extends Error {
  readonly ms: number;
  readonly reason: string;
  constructor(ms: number, reason: string) {
    super(`delayed ${ms} ms: ${reason}`);
    this.name = 'DelayRequired';
    this.ms = ms;
    this.reason = reason;
  }
}

export interface PolitenessOptions {
  robots: RobotsPolicy | null;
  throttle: HostThrottle | null;
  /** Minimum interval between two requests to one host. @defaultValue 2000 */
  defaultIntervalMs: number;
}

/**
 * What we owe the sites we read: obey robots.txt (and its crawl delay) and keep a minimum
 * interval between requests to a host, across every worker process.
 */
export class Politeness {
  readonly #options: PolitenessOptions;

  constructor(options: PolitenessOptions) {
    this.#options = options;
  }

  /** Effective interval for a host: the source's override, else the default, raised to robots' crawl delay. */
  async #intervalFor(url: string, sourceIntervalMs: number | null | undefined): Promise<number> {
    const base = sourceIntervalMs ?? this.#options.defaultIntervalMs;
    if (base <= 0 || !this.#options.robots) return Math.max(0, base);
    const crawlDelay = await this.#options.robots.crawlDelayMs(url);
    return Math.max(base, crawlDelay ?? 0);
  }

  /**
   * Claims a slot for `url`. Throws RobotsDisallowedError when robots.txt forbids the URL, and
   * DelayRequired when the host's next slot is more than `maxInlineWaitMs` away; shorter
   * waits are slept here.
   */
  async beforeFetch(url: string, sourceIntervalMs: number | null | undefined, maxInlineWaitMs: number): Promise<void> {
    if (this.#options.robots && !(await this.#options.robots.isAllowed(url))) throw new RobotsDisallowedError(url);
    const throttle = this.#options.throttle;
    if (!throttle) return;
    const interval = await this.#intervalFor(url, sourceIntervalMs);
    const host = new URL(url).host;
    for (;;) {
      const wait = await throttle.acquire(host, interval);
      if (wait === 0) return;
      if (wait > maxInlineWaitMs) throw new DelayRequired(wait, `host ${host} is throttled`);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  /** The server asked us to wait (Retry-After): no request to its host before then. */
  async holdHost(url: string, ms: number): Promise<void> {
    await this.#options.throttle?.block(new URL(url).host, ms);
  }
}
