import type { Gql } from '@famwatch/shared';
import { articleFacets, articleTimeline, type FacetDimension, type Interval } from '@famwatch/store';
import type { ApiContext } from '../context.js';
import { userInputError } from '../errors.js';
import { actorName, countryName, eventLabel, languageName } from '../labels.js';
import { toFilterInput } from './filter.service.js';

/** Most buckets one timeline may return (about 5 years of days). */
const MAX_BUCKETS = 2000;

/** Start of the bucket after `iso` (UTC). */
function nextBucket(iso: string, interval: Interval): string {
  const d = new Date(iso);
  if (interval === 'DAY') d.setUTCDate(d.getUTCDate() + 1);
  else if (interval === 'WEEK') d.setUTCDate(d.getUTCDate() + 7);
  else d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

/** Counts per bucket from SQL aggregation, with empty buckets between the first and last as zeros. */
export function timeline(
  ctx: ApiContext,
  filter: Gql.ArticleFilter | null | undefined,
  interval: Interval,
): Promise<Gql.Timeline> {
  const input = toFilterInput(filter);
  // The finished timeline is cached (not just the SQL rows): filling and labelling 60 months
  // of buckets is work too.
  return ctx.cache.get(JSON.stringify(['timeline', input, interval]), async () => {
    const rows = await articleTimeline(ctx.db, input, interval);
    const buckets: Gql.TimelineBucket[] = [];
    for (const row of rows) {
      const previous = buckets[buckets.length - 1];
      if (previous) {
        for (
          let start = nextBucket(previous.start, interval);
          Date.parse(start) < Date.parse(row.bucket) && buckets.length <= MAX_BUCKETS;
          start = nextBucket(start, interval)
        ) {
          buckets.push({ start, count: 0, byEventType: [] });
        }
      }
      buckets.push({
        start: row.bucket,
        count: row.count,
        byEventType: row.byEventType.map((t) => ({ ...t, label: eventLabel(t.key) })),
      });
      if (buckets.length > MAX_BUCKETS) {
        throw userInputError(
          `the timeline would have more than ${MAX_BUCKETS} buckets: use a larger interval or a date range`,
          'interval',
        );
      }
    }
    return { interval, buckets };
  });
}

/** Labels of facet keys, by dimension. Sources are named from the sources table. */
async function labelsFor(ctx: ApiContext, dimension: FacetDimension, keys: string[]): Promise<Map<string, string>> {
  if (dimension === 'sources') {
    const sources = await ctx.loaders.source.loadMany(keys);
    return new Map(keys.map((key, i) => [key, (sources[i] as { name?: string } | null)?.name ?? key]));
  }
  const name: Record<Exclude<FacetDimension, 'sources'>, (key: string) => string> = {
    countries: countryName,
    actors: actorName,
    eventTypes: eventLabel,
    languages: languageName,
    agencies: (key) => key,
  };
  return new Map(keys.map((key) => [key, name[dimension](key)]));
}

const DIMENSIONS: FacetDimension[] = ['countries', 'actors', 'eventTypes', 'sources', 'languages', 'agencies'];

/** Facet counts: one SQL statement reads the matching rows once and aggregates them six ways. */
export async function facets(
  ctx: ApiContext,
  filter: Gql.ArticleFilter | null | undefined,
  limit: number,
): Promise<Gql.Facets> {
  if (limit < 1 || limit > 100) throw userInputError('limit must be between 1 and 100', 'limit');
  const input = toFilterInput(filter);
  const { total, counts } = await ctx.cache.get(JSON.stringify(['facets', input, limit]), () =>
    articleFacets(ctx.db, input, limit),
  );
  const result: Record<string, Gql.Count[]> = {};
  for (const dimension of DIMENSIONS) {
    const rows = counts[dimension];
    const labels = await labelsFor(
      ctx,
      dimension,
      rows.map((r) => r.key),
    );
    result[dimension] = rows.map((row) => ({ key: row.key, label: labels.get(row.key) ?? row.key, count: row.count }));
  }
  return { total, ...(result as unknown as Omit<Gql.Facets, 'total'>) };
}
