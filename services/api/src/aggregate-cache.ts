/**
 * Dashboard aggregates (totals, timelines, facets) by filter. Dashboards ask the same
 * aggregates again and again while the data changes only when the workers store articles;
 * the cache is emptied on every change announced through Redis (so all API replicas agree)
 * and entries also expire after `ttlMs`. Identical requests that arrive together share one
 * computation instead of running the same SQL side by side.
 */
export class AggregateCache {
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #entries = new Map<
    string,
    { value: Promise<unknown>; resolved?: unknown; expires: number; generation: number }
  >();
  #generation = 0;

  /**
   * @param ttlMs How long an entry may be served without a change notice; 0 turns caching off. @defaultValue 30000
   * @param maxEntries Entries kept, least recently used dropped first. @defaultValue 1000
   */
  constructor(ttlMs = 30_000, maxEntries = 1000) {
    this.#ttlMs = ttlMs;
    this.#maxEntries = maxEntries;
  }

  async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    if (this.#ttlMs <= 0) return compute();
    const now = Date.now();
    const entry = this.#entries.get(key);
    if (entry && entry.expires > now && entry.generation === this.#generation) {
      // Re-insert to mark it recently used.
      this.#entries.delete(key);
      this.#entries.set(key, entry);
      return entry.value as Promise<T>;
    }
    const generation = this.#generation;
    const value = compute();
    this.#entries.set(key, { value, expires: now + this.#ttlMs, generation });
    // A failed computation is not kept: the next request tries again.
    value.catch(() => {
      if (this.#entries.get(key)?.value === value) this.#entries.delete(key);
    });
    while (this.#entries.size > this.#maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
    return value;
  }

  /** A value stored with `put`, while it is fresh; undefined otherwise. */
  peek<T>(key: string): T | undefined {
    if (this.#ttlMs <= 0) return undefined;
    const entry = this.#entries.get(key);
    if (!entry || entry.expires <= Date.now() || entry.generation !== this.#generation) return undefined;
    return entry.resolved as T;
  }

  /**
   * Stores a finished value. `generation` is what `generation` was when the computation
   * started: a value computed across a change notice is stale and not stored.
   */
  put(key: string, value: unknown, generation: number): void {
    if (this.#ttlMs <= 0 || generation !== this.#generation) return;
    this.#entries.set(key, {
      value: Promise.resolve(value),
      resolved: value,
      expires: Date.now() + this.#ttlMs,
      generation,
    });
    while (this.#entries.size > this.#maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
  }

  /** Changes since start; compare before and after a computation with `put`. */
  get generation(): number {
    return this.#generation;
  }

  /** The data changed: every entry is stale. */
  invalidate(): void {
    this.#generation += 1;
    this.#entries.clear();
  }

  get size(): number {
    return this.#entries.size;
  }
}
