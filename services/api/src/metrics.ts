import { metricsRegistry } from '@famwatch/store';
import { Counter, Gauge, Histogram } from 'prom-client';

/** The API's metrics, in the process registry shared with the worker (see @famwatch/store). */
export const registry = metricsRegistry;

export const graphqlLatency = new Histogram({
  name: 'famwatch_graphql_request_duration_seconds',
  help: 'GraphQL request latency by operation',
  labelNames: ['operation', 'outcome'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [registry],
});

export const queueDepth = new Gauge({
  name: 'famwatch_queue_jobs',
  help: 'Jobs per queue and state, read from Redis at scrape time',
  labelNames: ['queue', 'state'] as const,
  registers: [registry],
});

export const failuresByCode = new Gauge({
  name: 'famwatch_failures',
  help: 'Final failures kept for retry, by code, read from the database at scrape time',
  labelNames: ['code'] as const,
  registers: [registry],
});

export const liveSubscriptions = new Gauge({
  name: 'famwatch_live_subscriptions',
  help: 'Open articleAdded subscriptions on this process',
  registers: [registry],
});

export const graphqlErrors = new Counter({
  name: 'famwatch_graphql_errors_total',
  help: 'GraphQL errors by code',
  labelNames: ['code'] as const,
  registers: [registry],
});
