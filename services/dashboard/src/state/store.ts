export type Listener<T> = (next: T, previous: T) => void;

/** The one mutable value of the page. Listeners run after each change, in subscription order. */
export class Store<T> {
  private readonly listeners = new Set<Listener<T>>();

  constructor(private value: T) {}

  get(): T {
    return this.value;
  }

  set(next: T): void {
    const previous = this.value;
    if (next === previous) return;
    this.value = next;
    for (const listener of this.listeners) listener(next, previous);
  }

  update(change: (current: T) => T): void {
    this.set(change(this.value));
  }

  /** Returns the function that unsubscribes. */
  subscribe(listener: Listener<T>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
