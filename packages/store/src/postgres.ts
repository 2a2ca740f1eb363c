import pg from 'pg';
import type { Db, Queryable, QueryOptions } from './db.js';

// int8 (count(*), sums) come back as strings by default; our counts fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export interface PostgresOptions {
  /** Connection string, for example postgres://user@127.0.0.1:5432/famwatch. */
  url: string;
  /** Maximum pooled connections. @defaultValue 10 */
  poolMax?: number;
}

/** A Db over a pg Pool. Connection errors on idle clients are reported, not thrown. */
export function createPostgresDb(options: PostgresOptions, onErrorCallback?: (error: Error) => void): Db {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolMax ?? 10,
    connectionTimeoutMillis: 10_000,
    // Our statements are short; JIT compilation would cost more than it saves on every
    // aggregate whose estimated cost passes jit_above_cost.
    options: '-c jit=off',
    idleTimeoutMillis: 30_000,
  });
  // An idle client losing its connection (server restart) must not crash the process: the
  // pool drops it and the next query opens a new one.
  pool.on('error', (error) => onErrorCallback?.(error));
  let queryCount = 0;

  const run = async <Row extends object>(
    client: pg.Pool | pg.PoolClient,
    sql: string,
    params?: readonly unknown[],
    options?: QueryOptions,
  ) => {
    queryCount += 1;
    const values = params as unknown[] | undefined;
    const result = await (options?.name
      ? client.query({ name: options.name, text: sql, ...(values ? { values } : {}) })
      : client.query(sql, values));
    return result.rows as Row[];
  };

  return {
    kind: 'postgres',
    get queryCount() {
      return queryCount;
    },
    query: (sql, params, options) => run(pool, sql, params, options),
    exec: async (sql) => {
      await run(pool, sql);
    },
    async transaction(fn) {
      const client = await pool.connect();
      // A checked-out client whose connection drops emits 'error' with nobody listening (the
      // pool only watches idle clients): note it, and let the next statement fail instead.
      let broken: Error | null = null;
      const onError = (error: Error) => {
        broken = error;
        onErrorCallback?.(error);
      };
      client.on('error', onError);
      const tx: Queryable = {
        query: (sql, params, options) => run(client, sql, params, options),
        exec: async (sql) => {
          await run(client, sql);
        },
      };
      try {
        await client.query('BEGIN');
        const result = await fn(tx);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        if (!broken) await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.off('error', onError);
        // A broken connection is destroyed rather than returned to the pool.
        client.release(broken ?? undefined);
      }
    },
    close: () => pool.end(),
  };
}
