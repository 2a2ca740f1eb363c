import { commonEnvShape, envBoolean, envInt, parseEnv } from '@famwatch/shared';
import { z } from 'zod';

/** Every setting of the worker, its default and its check. Nothing else reads process.env. */
export const workerEnvSchema = z.object({
  ...commonEnvShape,
  /** JSON array of sources to seed at start. */
  SOURCES_FILE: z.string().trim().min(1).default('sources.json'),
  /** Comma-separated host names that may resolve to private addresses while FETCH_ALLOW_PRIVATE is off (intranet sources). */
  FETCH_PRIVATE_ALLOWLIST: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((host) => host.trim().toLowerCase())
        .filter(Boolean),
    ),
  /** User-Agent of every request: names the project and where to reach us. */
  FETCH_USER_AGENT: z
    .string()
    .trim()
    .min(3)
    .default(
      'famwatch/0.1 (+https://github.com/famwatch/famwatch; news monitoring of French-African military relations)',
    ),
  FETCH_MAX_BYTES: envInt(1024, 100 * 1024 * 1024).default(5 * 1024 * 1024),
  FETCH_MAX_REDIRECTS: envInt(0, 20).default(5),
  FETCH_CONNECT_TIMEOUT_MS: envInt(100, 120_000).default(10_000),
  FETCH_HEADERS_TIMEOUT_MS: envInt(100, 120_000).default(15_000),
  FETCH_BODY_TIMEOUT_MS: envInt(100, 120_000).default(15_000),
  FETCH_TIMEOUT_MS: envInt(100, 300_000).default(30_000),
  /** Article jobs processed at once by this process. */
  WORKER_CONCURRENCY: envInt(1, 256).default(4),
  /** Threads that decode, extract and enrich pages off the event loop; 0 does it on the event loop. */
  EXTRACT_THREADS: envInt(0, 32).default(1),
  /** Discovery (feed polling) jobs processed at once. */
  DISCOVERY_CONCURRENCY: envInt(1, 64).default(2),
  /** Poll every source once at start, before the schedule takes over. */
  POLL_ON_START: envBoolean.default(true),
  DATABASE_POOL_MAX: envInt(1, 200).default(10),
  /** Minimum interval between two requests to one host, across all workers (per-source override: minIntervalMs). */
  POLITENESS_INTERVAL_MS: envInt(0, 600_000).default(2_000),
  /** Obey robots.txt. Turn off only for sites you run yourself. */
  RESPECT_ROBOTS: envBoolean.default(true),
  /** How long a job's lock lasts before a dead worker's job counts as stalled and is picked up again. */
  JOB_LOCK_MS: envInt(1_000, 600_000).default(30_000),
  /** How often workers look for stalled jobs. */
  STALLED_INTERVAL_MS: envInt(1_000, 600_000).default(30_000),
});

export type WorkerConfig = z.infer<typeof workerEnvSchema>;

export function loadWorkerConfig(env: Record<string, string | undefined>): WorkerConfig {
  return parseEnv(workerEnvSchema, env);
}
