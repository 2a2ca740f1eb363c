import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Logger } from './logger.js';

export interface EventLoopStats {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/**
 * Watches how long the event loop is blocked (extraction is CPU work on the same thread as
 * fetching and Redis lock renewals). Logs the figures every `everyMs` and on stop.
 */
export function watchEventLoop(logger: Logger, everyMs = 60_000): { stats(): EventLoopStats; stop(): EventLoopStats } {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const stats = (): EventLoopStats => ({
    p50Ms: Math.round(histogram.percentile(50) / 1e5) / 10,
    p99Ms: Math.round(histogram.percentile(99) / 1e5) / 10,
    maxMs: Math.round(histogram.max / 1e5) / 10,
  });
  const timer = setInterval(() => logger.info({ eventLoop: stats() }, 'event loop delay'), everyMs);
  timer.unref();
  return {
    stats,
    stop() {
      clearInterval(timer);
      histogram.disable();
      const final = stats();
      logger.info({ eventLoop: final }, 'event loop delay');
      return final;
    },
  };
}
