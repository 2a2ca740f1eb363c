import type { Schedule } from '@famwatch/shared';
import { CronExpressionParser } from 'cron-parser';

const DAY_MS = 24 * 3600_000;

/** The interval a schedule stands for: `every`, or the gap between the next two cron times. */
export function scheduleIntervalMs(schedule: Schedule, now: number): number {
  if ('every' in schedule) return schedule.every * 1000;
  const expression = CronExpressionParser.parse(schedule.cron, { currentDate: new Date(now), tz: 'UTC' });
  const first = expression.next().getTime();
  const second = expression.next().getTime();
  return Math.max(60_000, second - first);
}

/** Whether a cron pattern is valid (5 or 6 fields, UTC). */
export function isValidCron(pattern: string): boolean {
  try {
    CronExpressionParser.parse(pattern, { tz: 'UTC' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Adaptive polling: a feed that brought nothing new in its last polls is polled less often,
 * doubling the interval after each second empty poll, never more often than the schedule and,
 * for a dead feed, once a day (or at the schedule, when that is rarer).
 */
export function nextPollDelayMs(baseMs: number, unchangedPolls: number): number {
  if (unchangedPolls <= 1) return baseMs;
  const factor = 2 ** Math.min(Math.floor(unchangedPolls / 2), 12);
  return Math.max(baseMs, Math.min(baseMs * factor, DAY_MS));
}
