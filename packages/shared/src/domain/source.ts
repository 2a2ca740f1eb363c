import { z } from 'zod';

/** How a source's URL is read: a syndication feed, a sitemap, or an HTML section page. */
export const FEED_KINDS = ['feed', 'sitemap', 'listing'] as const;
export type FeedKind = (typeof FEED_KINDS)[number];

const httpUrl = z
  .string()
  .trim()
  .refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value), 'must be an absolute http(s) URL');

export const feedConfigSchema = z.object({
  url: httpUrl,
  kind: z.enum(FEED_KINDS).default('feed'),
  /** For `listing`: CSS selector of the article links on the section page. */
  selector: z.string().min(1).optional(),
});
export type FeedConfig = z.infer<typeof feedConfigSchema>;

/** When to poll: every N seconds, or on a cron pattern (UTC). */
export const scheduleSchema = z.union([
  z.object({
    every: z
      .number()
      .int()
      .min(60)
      .max(7 * 24 * 3600),
  }),
  z.object({ cron: z.string().min(9) }),
]);
export type Schedule = z.infer<typeof scheduleSchema>;

/** Default polling schedule when a source gives none: every 15 minutes. */
export const DEFAULT_SCHEDULE: Schedule = { every: 900 };

/** One entry of SOURCES_FILE. */
export const sourceConfigSchema = z.object({
  /** Stable slug; derived from the name when absent. */
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be a lowercase slug')
    .optional(),
  name: z.string().trim().min(1),
  homepage: httpUrl,
  /** ISO 639-1 code of the outlet's main language. */
  language: z.string().regex(/^[a-z]{2}$/, 'must be an ISO 639-1 code such as "en" or "fr"'),
  /** ISO 3166-1 alpha-2 code of the country of publication. */
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  /** Free note on ownership or role, for example "state-owned" or "aggregator". */
  affiliation: z.string().trim().min(1).optional(),
  schedule: scheduleSchema.optional(),
  enabled: z.boolean().default(true),
  /** Minimum interval between two requests to this source's hosts, in milliseconds. */
  minIntervalMs: z.number().int().min(0).max(600_000).optional(),
  feeds: z.array(feedConfigSchema).default([]),
});
export type SourceConfig = z.infer<typeof sourceConfigSchema>;
export type SourceConfigInput = z.input<typeof sourceConfigSchema>;

export const sourcesFileSchema = z.array(sourceConfigSchema);

/** A source as stored, with its id resolved. */
export interface Source extends Omit<SourceConfig, 'id'> {
  id: string;
}

/** "RFI Afrique" → "rfi-afrique"; accents dropped. */
export function slugify(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);
}

/** Resolves the id of a configured source. */
export function toSource(config: SourceConfig): Source {
  return { ...config, id: config.id ?? slugify(config.name) };
}
