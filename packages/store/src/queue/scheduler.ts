import type { Source } from '@famwatch/shared';
import type { Queues } from './queues.js';

/** Id of the job scheduler that polls feed `index` of a source. */
export function schedulerIdFor(sourceId: string, index: number): string {
  return `poll-${sourceId}-${index}`;
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
    // A source without feeds is polled at its home page, where alternate feeds are found.
    const feeds = source.feeds.length > 0 ? source.feeds : [{ url: source.homepage, kind: 'feed' as const }];
    for (const [index, feed] of feeds.entries()) {
      const id = schedulerIdFor(source.id, index);
      wanted.add(id);
      const data = {
        sourceId: source.id,
        feedUrl: feed.url,
        kind: feed.kind,
        ...(feed.selector ? { selector: feed.selector } : {}),
      };
      await queues.discover.upsertJobScheduler(id as 'discover', repeatOf(source), {
        name: 'discover',
        data,
      });
      // One pending immediate poll per feed at most: the id dedupes while it waits, and
      // removeOnComplete frees the id for the next one.
      if (pollNow) {
        await queues.discover.add(
          'discover',
          { ...data, force: true },
          { jobId: `now-${id}`, removeOnComplete: true, removeOnFail: true },
        );
      }
    }
  }
  for (const existing of await queues.discover.getJobSchedulers()) {
    if (existing.key && !wanted.has(existing.key)) await queues.discover.removeJobScheduler(existing.key);
  }
  return wanted.size;
}
