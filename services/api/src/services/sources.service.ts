import type { Gql, Source, SourceConfigInput } from '@famwatch/shared';
import { articlesChangedChannel, DEFAULT_SCHEDULE, slugify, sourceConfigSchema, toSource } from '@famwatch/shared';
import {
  deleteSource,
  getSource,
  insertSource,
  isValidCron,
  listSources,
  pollSourceNow,
  syncSchedules,
  updateSource,
} from '@famwatch/store';
import type { ApiContext } from '../context.js';

type Result<T> = T | (Gql.InvalidInputError & { __typename: 'InvalidInputError' });

function invalid(message: string, field: string | null): Gql.InvalidInputError & { __typename: 'InvalidInputError' } {
  return { __typename: 'InvalidInputError', message, code: 'INVALID_INPUT', field };
}

function notFound(id: string): Gql.NotFoundError & { __typename: 'NotFoundError' } {
  return { __typename: 'NotFoundError', message: `No source has the id ${JSON.stringify(id)}`, code: 'NOT_FOUND', id };
}

/** Builds and validates a source from GraphQL input; expected mistakes come back as InvalidInputError. */
function validate(input: SourceConfigInput & { cron?: string | null; every?: number | null }): Result<Source> {
  if (input.cron && input.every) return invalid('give `every` or `cron`, not both', 'cron');
  if (input.cron && !isValidCron(input.cron)) return invalid(`not a valid cron pattern: ${input.cron}`, 'cron');
  const schedule = input.cron
    ? { cron: input.cron }
    : input.every
      ? { every: input.every }
      : (input.schedule ?? DEFAULT_SCHEDULE);
  const { cron: _cron, every: _every, ...rest } = input;
  const parsed = sourceConfigSchema.safeParse({ ...rest, schedule });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return invalid(`${issue.path.join('.') || 'input'}: ${issue.message}`, String(issue.path[0] ?? '') || null);
  }
  return toSource(parsed.data);
}

const feedsOf = (feeds: readonly Gql.FeedInput[]) =>
  feeds.map((f) => ({
    url: f.url,
    kind: (f.kind ?? 'FEED').toLowerCase() as 'feed',
    ...(f.selector ? { selector: f.selector } : {}),
  }));

/** Re-aligns the job schedulers with the sources, and tells workers to drop cached sources. */
async function resync(ctx: ApiContext): Promise<void> {
  await syncSchedules(ctx.queues, await listSources(ctx.db), false);
  await ctx.redis.publish(`${ctx.config.QUEUE_PREFIX}:sources-changed`, '{}');
}

export async function addSource(ctx: ApiContext, input: Gql.SourceInput) {
  const source = validate({
    id: input.id ?? slugify(input.name),
    name: input.name,
    homepage: input.homepage,
    language: input.language,
    ...(input.country ? { country: input.country } : {}),
    ...(input.affiliation ? { affiliation: input.affiliation } : {}),
    enabled: input.enabled ?? true,
    feeds: feedsOf(input.feeds),
    cron: input.cron ?? null,
    every: input.every ?? null,
  });
  if ('__typename' in source) return source;
  if (await getSource(ctx.db, source.id)) {
    return {
      __typename: 'DuplicateSourceError' as const,
      message: `A source with the id ${JSON.stringify(source.id)} exists already`,
      code: 'DUPLICATE_SOURCE',
      existingId: source.id,
    };
  }
  await insertSource(ctx.db, source);
  await resync(ctx);
  if (source.enabled) await pollSourceNow(ctx.queues, source);
  return { __typename: 'Source' as const, ...source };
}

export async function editSource(ctx: ApiContext, id: string, patch: Gql.SourcePatch) {
  const current = await getSource(ctx.db, id);
  if (!current) return notFound(id);
  const scheduleGiven = patch.every !== null && patch.every !== undefined ? true : !!patch.cron;
  const source = validate({
    ...current,
    ...(patch.name ? { name: patch.name } : {}),
    ...(patch.homepage ? { homepage: patch.homepage } : {}),
    ...(patch.language ? { language: patch.language } : {}),
    ...(patch.country ? { country: patch.country } : {}),
    ...(patch.affiliation ? { affiliation: patch.affiliation } : {}),
    ...(patch.enabled !== null && patch.enabled !== undefined ? { enabled: patch.enabled } : {}),
    ...(patch.feeds ? { feeds: feedsOf(patch.feeds) } : {}),
    ...(scheduleGiven ? { schedule: undefined } : {}),
    cron: patch.cron ?? null,
    every: patch.every ?? null,
  });
  if ('__typename' in source) return source;
  await updateSource(ctx.db, { ...source, id });
  await resync(ctx);
  return { __typename: 'Source' as const, ...source, id };
}

export async function removeSource(ctx: ApiContext, id: string) {
  const removed = await deleteSource(ctx.db, id);
  if (removed === null) return notFound(id);
  await resync(ctx);
  if (removed > 0) await ctx.redis.publish(articlesChangedChannel(ctx.config.QUEUE_PREFIX), '{}');
  return { __typename: 'RemovedSource' as const, id, articlesRemoved: removed };
}

export async function runSource(ctx: ApiContext, id: string) {
  const source = await getSource(ctx.db, id);
  if (!source) return notFound(id);
  const queued = await pollSourceNow(ctx.queues, source);
  return { __typename: 'RunSourcePayload' as const, source, queued };
}
