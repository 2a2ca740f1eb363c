/**
 * Wraps a request so that each call aborts the one before: when the filter changes twice in a
 * row, the first answer can never arrive late and overwrite the second.
 */
export function latestOnly<A extends unknown[], T>(
  run: (signal: AbortSignal, ...args: A) => Promise<T>,
): (...args: A) => Promise<T> {
  let controller: AbortController | null = null;
  return (...args: A) => {
    controller?.abort();
    const own = new AbortController();
    controller = own;
    return run(own.signal, ...args);
  };
}
