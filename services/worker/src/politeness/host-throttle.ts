import type { Redis } from 'ioredis';

// Atomically claims the next request slot of a host. The clock is Redis's own (TIME), so
// every worker process agrees on it whatever their local clocks say.
// KEYS[1] = the host's key; ARGV[1] = minimum interval in ms.
// Returns 0 when the caller may send now, else how many ms to wait.
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local interval = tonumber(ARGV[1])
local nextAt = tonumber(redis.call('GET', KEYS[1]) or '0')
if nextAt > now then return nextAt - now end
redis.call('SET', KEYS[1], now + interval, 'PX', interval + 60000)
return 0
`;

// Pushes a host's next slot to at least now + ARGV[1] ms (Retry-After from a 429 or 503).
const BLOCK = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local untilAt = now + tonumber(ARGV[1])
local nextAt = tonumber(redis.call('GET', KEYS[1]) or '0')
if untilAt > nextAt then redis.call('SET', KEYS[1], untilAt, 'PX', tonumber(ARGV[1]) + 60000) end
return untilAt
`;

/**
 * A per-host minimum interval between requests, shared by every worker process through
 * Redis. A caller that gets a wait back must not send; the job is delayed instead.
 */
export class HostThrottle {
  readonly #redis: Redis;
  readonly #prefix: string;

  constructor(redis: Redis, prefix: string) {
    this.#redis = redis;
    this.#prefix = prefix;
  }

  #key(host: string): string {
    return `${this.#prefix}:politeness:host:${host.toLowerCase()}`;
  }

  /** 0 when a request to `host` may go now (and claims the slot), else the ms to wait. */
  async acquire(host: string, intervalMs: number): Promise<number> {
    if (intervalMs <= 0) return 0;
    const wait = await this.#redis.eval(ACQUIRE, 1, this.#key(host), String(intervalMs));
    return Number(wait);
  }

  /** Holds every request to `host` back for `ms` (the server asked us to wait). */
  async block(host: string, ms: number): Promise<void> {
    await this.#redis.eval(BLOCK, 1, this.#key(host), String(Math.max(0, Math.round(ms))));
  }
}
