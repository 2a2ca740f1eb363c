import { describe, expect, it } from 'vitest';
import { AggregateCache } from '../src/aggregate-cache.js';

describe('AggregateCache', () => {
  it('computes once for concurrent identical requests and serves the result until invalidated', async () => {
    const cache = new AggregateCache(60_000);
    let runs = 0;
    const compute = async () => {
      runs += 1;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return runs;
    };
    const [a, b] = await Promise.all([cache.get('k', compute), cache.get('k', compute)]);
    expect([a, b, runs]).toEqual([1, 1, 1]);
    expect(await cache.get('k', compute)).toBe(1);
    cache.invalidate();
    expect(await cache.get('k', compute)).toBe(2);
  });

  it('does not keep failures, values computed across a change, or anything when off', async () => {
    const cache = new AggregateCache(60_000);
    await expect(cache.get('f', () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await cache.get('f', async () => 'ok')).toBe('ok');
    const before = cache.generation;
    cache.invalidate();
    cache.put('p', 'stale', before);
    expect(cache.peek('p')).toBeUndefined();
    cache.put('p', 'fresh', cache.generation);
    expect(cache.peek('p')).toBe('fresh');
    const off = new AggregateCache(0);
    let runs = 0;
    await off.get('x', async () => ++runs);
    await off.get('x', async () => ++runs);
    expect(runs).toBe(2);
  });

  it('drops the least recently used entries beyond its size', async () => {
    const cache = new AggregateCache(60_000, 2);
    await cache.get('a', async () => 1);
    await cache.get('b', async () => 2);
    await cache.get('a', async () => 99); // touch a
    await cache.get('c', async () => 3);
    expect(cache.size).toBe(2);
    expect(await cache.get('b', async () => 20)).toBe(20);
    expect(await cache.get('c', async () => 30)).toBe(3);
  });
});
