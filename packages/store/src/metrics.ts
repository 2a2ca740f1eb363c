import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/**
 * The process's Prometheus registry. The worker records into it; the API serves it at
 * /metrics (in the main job both run in one process, so one scrape shows everything).
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'famwatch_' });

export const jobsTotal = new Counter({
  name: 'famwatch_jobs_total',
  help: 'Jobs finished by queue and outcome; failed jobs by error code',
  labelNames: ['queue', 'outcome', 'code'] as const,
  registers: [metricsRegistry],
});

export const fetchLatency = new Histogram({
  name: 'famwatch_fetch_duration_seconds',
  help: 'HTTP fetch latency (headers and body, redirects included) by outcome',
  labelNames: ['expect', 'outcome'] as const,
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
  registers: [metricsRegistry],
});
