import { z } from 'zod';
import { ConfigError } from '../errors/coded-error.js';

/** Reads "true"/"1"/"yes" and "false"/"0"/"no"; anything else is an error. */
export const envBoolean = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(['true', 'false', '1', '0', 'yes', 'no']))
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

export const envInt = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** Settings both services read; each service extends this with its own. */
export const commonEnvShape = {
  /** PostgreSQL connection string. Unset: an embedded PGlite database under DATA_DIR. */
  DATABASE_URL: z.string().trim().min(1).optional(),
  /** Folder of the embedded database and other local state. */
  DATA_DIR: z.string().trim().min(1).default('./data'),
  /** Redis for queues, schedules, politeness state and live updates. */
  REDIS_URL: z
    .string()
    .trim()
    .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
    .default('redis://127.0.0.1:6379'),
  /** Prefix of every Redis key (queues, pub/sub). Separates deployments sharing one Redis. */
  QUEUE_PREFIX: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]+$/)
    .default('famwatch'),
  /** pino log level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Attempts of a job failing with a transient error before it is recorded as failed. */
  JOB_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(5),
  /** First retry delay; doubles at each attempt, with jitter. */
  JOB_BACKOFF_MS: z.coerce.number().int().min(10).max(3_600_000).default(5_000),
  /** Allow requests to loopback and private addresses (tests, intranets); the API checks submitted URLs with it. */
  FETCH_ALLOW_PRIVATE: envBoolean.default(false),
  /** `production` masks internal error details in API responses. */
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
};

/**
 * Parses an environment against a zod object schema. Unset and empty variables both count
 * as unset. Throws a ConfigError that names the first bad variable and what it must be.
 */
export function parseEnv<S extends z.ZodObject>(schema: S, env: Record<string, string | undefined>): z.infer<S> {
  const cleaned: Record<string, string> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = env[key];
    if (value !== undefined && value.trim() !== '') cleaned[key] = value;
  }
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const key = String(issue.path[0] ?? '?');
    const shown = cleaned[key] === undefined ? 'unset' : JSON.stringify(cleaned[key]);
    throw new ConfigError(`${key} is invalid (${shown}): ${issue.message}`);
  }
  return result.data;
}
