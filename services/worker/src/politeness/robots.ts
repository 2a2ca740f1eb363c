import { createRequire } from 'node:module';
import type { Redis } from 'ioredis';
import { HttpStatusError } from '../errors.js';
import { decodeBody } from '../fetch/decode.js';
import type { HttpFetcher } from '../fetch/http-fetcher.js';

interface Robots {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
  getSitemaps(): string[];
}

// robots-parser is CommonJS whose typings claim an ES default export; require() gives the
// function itself under both TypeScript and Node.
const robotsParser = createRequire(import.meta.url)('robots-parser') as (url: string, text: string) => Robots;

/** How long a robots.txt is trusted before it is fetched again. */
const TTL_SECONDS = 24 * 3600;
/** After a failure to fetch robots.txt, try again sooner. */
const ERROR_TTL_SECONDS = 3600;

/**
 * robots.txt, fetched once a day per origin, cached in Redis (shared by all workers) and in
 * memory, and obeyed for our user agent. A missing robots.txt (4xx) allows everything; a
 * server error or a timeout allows too, but is asked again within the hour.
 */
export class RobotsPolicy {
  readonly #fetcher: HttpFetcher;
  readonly #redis: Redis;
  readonly #prefix: string;
  readonly #agent: string;
  readonly #memory = new Map<string, { robots: Robots; expires: number }>();

  constructor(options: { fetcher: HttpFetcher; redis: Redis; prefix: string; userAgent: string }) {
    this.#fetcher = options.fetcher;
    this.#redis = options.redis;
    this.#prefix = options.prefix;
    // robots.txt groups are matched on the product token: "famwatch/0.1 (+…)" → "famwatch".
    this.#agent = options.userAgent.split(/[\s/]/)[0] ?? options.userAgent;
  }

  /** Whether our user agent may fetch `url`. */
  async isAllowed(url: string): Promise<boolean> {
    const robots = await this.#robotsFor(new URL(url).origin);
    return robots.isAllowed(url, this.#agent) !== false;
  }

  /** The crawl delay robots.txt asks of us, in ms, if any. */
  async crawlDelayMs(url: string): Promise<number | null> {
    const robots = await this.#robotsFor(new URL(url).origin);
    const delay = robots.getCrawlDelay(this.#agent);
    return delay === undefined ? null : Math.min(delay * 1000, 60_000);
  }

  /** Sitemaps that robots.txt lists (used for sitemap discovery). */
  async sitemaps(origin: string): Promise<string[]> {
    return (await this.#robotsFor(origin)).getSitemaps();
  }

  async #robotsFor(origin: string): Promise<Robots> {
    const cached = this.#memory.get(origin);
    if (cached && cached.expires > Date.now()) return cached.robots;
    const robotsUrl = `${origin}/robots.txt`;
    const key = `${this.#prefix}:robots:${origin}`;
    let text = await this.#redis.get(key);
    if (text === null) {
      let ttl = TTL_SECONDS;
      try {
        const fetched = await this.#fetcher.fetch({ url: robotsUrl, expect: 'text' });
        text = decodeBody(fetched.bytes, fetched.charset);
      } catch (error) {
        text = '';
        if (!(error instanceof HttpStatusError && error.statusCode >= 400 && error.statusCode < 500))
          ttl = ERROR_TTL_SECONDS;
      }
      await this.#redis.set(key, text, 'EX', ttl);
    }
    const robots = robotsParser(robotsUrl, text);
    this.#memory.set(origin, { robots, expires: Date.now() + 5 * 60_000 });
    return robots;
  }
}
