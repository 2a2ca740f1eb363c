import { randomUUID } from 'node:crypto';
import { createRedis } from '@famwatch/store';
import { afterAll, describe, expect, it } from 'vitest';
import { HostThrottle } from '../../src/politeness/host-throttle.js';

describe('HostThrottle', () => {
  const prefix = `throttle-${randomUUID().slice(0, 8)}`;
  // Two connections stand for two worker processes.
  const a = createRedis('redis://127.0.0.1:6379');
  const b = createRedis('redis://127.0.0.1:6379');
  afterAll(() => {
    a.disconnect();
    b.disconnect();
  });

  it('gives one slot per interval to a host, whichever process asks', async () => {
    const one = new HostThrottle(a, prefix);
    const two = new HostThrottle(b, prefix);
    expect(await one.acquire('example.org', 2000)).toBe(0);
    const wait = await two.acquire('example.org', 2000);
    expect(wait).toBeGreaterThan(1500);
    expect(wait).toBeLessThanOrEqual(2000);
    // Another host is not affected; an interval of 0 never waits.
    expect(await two.acquire('other.org', 2000)).toBe(0);
    expect(await two.acquire('example.org', 0)).toBe(0);
  });

  it('holds a host back as long as a Retry-After asks', async () => {
    const throttle = new HostThrottle(a, prefix);
    await throttle.block('busy.org', 5000);
    const wait = await throttle.acquire('busy.org', 100);
    expect(wait).toBeGreaterThan(4000);
  });
});
