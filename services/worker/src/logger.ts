import { type Logger, pino } from 'pino';

/** Structured JSON logs on stdout; one logger per process, children per component. */
export function createLogger(level: string, name: string): Logger {
  return pino({ level, name, base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime });
}

export type { Logger };
