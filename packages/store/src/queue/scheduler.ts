import type { Source } from '@famwatch/shared';
import type { Queues } from './queues.js';

/** Id of the job scheduler that polls feed `index` of a source. */
export function schedulerIdFor(sourceId: string, index: number): string {
  return `poll-${sourceId}-${index}`;
}

/** The feeds a source is polled at: its feeds, or its home page (alternate feeds are found there). */
function feedsOf(source: Source): Source['feeds'] {
  return source.feeds.length > 0 ? source.feeds : [{ url: source.homepage, kind: 'feed' }];
}

function jobDataOf(source: Source, feed: Source['feeds'][number]) {
  return {
    sourceId: source.id,
    feedUrl: feed.url,
    kind: feed.kind,
    ...(feed.selector ? { selector: feed.selector } : {}),
  };
}

/**
 * Queues an immediate poll of every feed of a source, whatever its back-off; returns how many.
 * One pending immediate poll per feed at most: the id dedupes while it waits, and
 * removeOnComplete frees the id for the next one.
 */
export async function pollSourceNow(queues: Queues, source: Source): Promise<number> {
  const feeds = feedsOf(source);
  for (const [index, feed] of feeds.entries()) {
    await queues.discover.add(
      'discover',
      { ...jobDataOf(source, feed), force: true },
      { jobId: `now-${schedulerIdFor(source.id, index)}`, removeOnComplete: true, removeOnFail: true },
    );
  }
  return feeds.length;
}

function repeatOf(source: Source): { every: number } | { pattern: string } {
  const schedule = source.schedule ?? { every: 900 };
  return 'every' in schedule ? { every: schedule.every * 1000 } : { pattern: schedule.cron };
}

/**
 * Makes the BullMQ job schedulers match the enabled sources: one scheduler per feed, upserted
 * (so restarts and several workers converge on one schedule), and schedulers of removed or
 * disabled sources deleted. With `pollNow`, every feed is also polled once right away.
 */
export async function syncSchedules(queues: Queues, sources: readonly Source[], pollNow: boolean): Promise<number> {
  const wanted = new Set<string>();
  for (const source of sources) {
    if (!source.enabled) continue;
    for (const [index, feed] of feedsOf(source).entries()) {
      const id = schedulerIdFor(source.id, index);
      wanted.add(id);
      await queues.discover.upsertJobScheduler(id as 'discover', repeatOf(source), {
        name: 'discover',
        data: jobDataOf(source, feed),
      });
    }
    if (pollNow) await pollSourceNow(queues, source);
  }
  for (const existing of await queues.discover.getJobSchedulers()) {
    if (existing.key && !wanted.has(existing.key)) await queues.discover.removeJobScheduler(existing.key);
  }
  return wanted.size;
}
