import { CodedError } from '@famwatch/shared';
import { Redis, type RedisOptions } from 'ioredis';

/** Redis did not answer at start-up. The message names REDIS_URL and how to start Redis. */
export class RedisUnreachableError extends CodedError {
  constructor(url: string, cause: unknown) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    super(
      'FETCH_NETWORK',
      `Redis is not reachable at REDIS_URL=${redactUrl(url)} (${detail}). Start Redis (for example \`redis-server --daemonize yes\` or \`docker compose up -d redis\`) or point REDIS_URL at a running server.`,
      { cause },
    );
    this.name = 'RedisUnreachableError';
  }
}

/** Hides the password of a connection URL in messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
}

/**
 * A Redis client for BullMQ and pub/sub: retries commands forever while Redis restarts
 * (`maxRetriesPerRequest: null`, as BullMQ workers require) and reconnects with capped backoff.
 */
export function createRedis(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: null,
    retryStrategy: (times) => Math.min(200 * 2 ** Math.min(times, 7), 20_000),
    ...options,
  });
}

/** Fails fast (one attempt, 3 s) when Redis does not answer a PING. */
export async function assertRedisReachable(url: string, timeoutMs = 3000): Promise<void> {
  const client = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: timeoutMs,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    throw new RedisUnreachableError(url, error);
  } finally {
    client.disconnect();
  }
}
