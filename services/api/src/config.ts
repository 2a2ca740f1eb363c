import { commonEnvShape, envBoolean, envInt, parseEnv } from '@famwatch/shared';
import { z } from 'zod';

/** Every setting of the API, its default and its check. Nothing else reads process.env. */
export const apiEnvSchema = z.object({
  ...commonEnvShape,
  /** HTTP port of /graphql, /healthz and the dashboard. */
  PORT: envInt(0, 65_535).default(4000),
  /** Interface to listen on. */
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  /** Bearer token required by every mutation. Unset: all mutations are refused. */
  API_KEY: z.string().trim().min(16, 'must be at least 16 characters').optional(),
  /** Schema introspection; defaults to on outside production. */
  GRAPHQL_INTROSPECTION: envBoolean.optional(),
  DATABASE_POOL_MAX: envInt(1, 200).default(10),
  /** How long dashboard aggregates (totals, timelines, facets) are cached between data changes; 0 turns the cache off. */
  API_CACHE_TTL_MS: envInt(0, 3_600_000).default(30_000),
});

export type ApiConfig = z.infer<typeof apiEnvSchema>;

export function loadApiConfig(env: Record<string, string | undefined>): ApiConfig {
  return parseEnv(apiEnvSchema, env);
}
