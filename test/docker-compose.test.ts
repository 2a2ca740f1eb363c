import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { apiEnvSchema } from '../services/api/src/config.js';
import { workerEnvSchema } from '../services/worker/src/config.js';
import { ROOT } from './helpers/shared-dir.js';

interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  ports?: string[];
}

const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, ComposeService>;
};
const services = compose.services;

describe('docker-compose.yml', () => {
  it('has redis, postgres, api and worker, each with a healthcheck', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'postgres', 'redis', 'worker']);
    for (const [name, service] of Object.entries(services)) {
      expect(service.healthcheck?.test.length, `${name} healthcheck`).toBeGreaterThan(0);
    }
  });

  it('runs Redis with an append-only file and no eviction', () => {
    const command = services['redis']!.command!.join(' ');
    expect(command).toMatch(/--appendonly yes/);
    expect(command).toMatch(/--maxmemory-policy noeviction/);
  });

  it('builds api and worker from the Dockerfile with entry points that exist', () => {
    for (const name of ['api', 'worker']) {
      const service = services[name]!;
      expect(service.build).toBe('.');
      const entry = service.command!.find((part) => part.endsWith('.ts'))!;
      expect(() => readFileSync(join(ROOT, entry))).not.toThrow();
      expect(Object.keys(service.depends_on ?? {}).sort()).toEqual(['postgres', 'redis']);
    }
    expect(readFileSync(join(ROOT, 'Dockerfile'), 'utf8')).toMatch(/npm ci/);
  });

  for (const [name, schema] of [
    ['api', apiEnvSchema],
    ['worker', workerEnvSchema],
  ] as const) {
    it(`gives ${name} only variables its config module knows, and values it accepts`, () => {
      const env = services[name]!.environment!;
      const known = Object.keys(schema.shape);
      for (const key of Object.keys(env)) expect(known, `${name}: ${key}`).toContain(key);
      // Substitute compose interpolation the way a user without a .env file would get it.
      const resolved = Object.fromEntries(
        Object.entries(env)
          .map(([k, v]) => [k, String(v).replace(/\$\{\w+:-([^}]*)\}/g, '$1')])
          .filter(([, v]) => v !== ''),
      );
      const result = schema.safeParse(resolved);
      expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
    });

    it(`points ${name} at the compose redis and postgres services`, () => {
      const env = services[name]!.environment!;
      expect(new URL(env['REDIS_URL']!).hostname).toBe('redis');
      const db = new URL(env['DATABASE_URL']!);
      expect(db.hostname).toBe('postgres');
      const pg = services['postgres']!.environment!;
      expect(db.username).toBe(pg['POSTGRES_USER']);
      expect(db.password).toBe(pg['POSTGRES_PASSWORD']);
      expect(db.pathname.slice(1)).toBe(pg['POSTGRES_DB']);
    });
  }

  it('publishes the API on the port it listens on', () => {
    const api = services['api']!;
    expect(api.ports).toContain(`${api.environment!['PORT']}:${api.environment!['PORT']}`);
    expect(api.healthcheck!.test.join(' ')).toContain(`:${api.environment!['PORT']}/readyz`);
  });

  it('uses the same queue prefix in api and worker', () => {
    expect(services['api']!.environment!['QUEUE_PREFIX']).toBe(services['worker']!.environment!['QUEUE_PREFIX']);
  });
});
