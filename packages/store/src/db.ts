/**
 * The one seam between the code and the database. PostgreSQL (through pg) and the embedded
 * PGlite both implement it with the same SQL and `$n` parameters, so every repository and
 * every migration runs unchanged on either.
 */
export interface QueryOptions {
  /**
   * A name for a hot statement whose text never changes: PostgreSQL then parses and plans it
   * once per connection instead of on every call. Give one name to one text only. PGlite,
   * in-process, ignores it.
   */
  readonly name?: string;
}

export interface Queryable {
  query<Row extends object = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
    options?: QueryOptions,
  ): Promise<Row[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  /** Which engine answers; tests and logs print it. */
  readonly kind: 'postgres' | 'pglite';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Counts queries sent since start, for N+1 tests and metrics. */
  readonly queryCount: number;
  close(): Promise<void>;
}
