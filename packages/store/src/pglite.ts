import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { Db, Queryable } from './db.js';

/**
 * An embedded PostgreSQL (PGlite, WASM) under `dataDir/pglite`, or in memory when `dataDir`
 * is `memory://`. One process owns it: API and worker share it by running in one process
 * (`npm start` does that); several processes need PostgreSQL (DATABASE_URL).
 */
export async function createPgliteDb(dataDir: string): Promise<Db> {
  let target: string | undefined;
  if (dataDir !== 'memory://') {
    target = join(resolve(dataDir), 'pglite');
    mkdirSync(target, { recursive: true });
  }
  // unaccent backs the accent-folding text search configurations (migration 0001).
  const options = { extensions: { unaccent } };
  const db = target === undefined ? new PGlite(options) : new PGlite(target, options);
  await db.waitReady;
  let queryCount = 0;
  const run = async <Row extends object>(
    client: Pick<PGlite, 'query'>,
    sql: string,
    params?: readonly unknown[],
  ): Promise<Row[]> => {
    queryCount += 1;
    const result = await client.query<Row>(sql, params as unknown[] | undefined);
    return result.rows;
  };
  return {
    kind: 'pglite',
    get queryCount() {
      return queryCount;
    },
    query: (sql, params) => run(db, sql, params),
    exec: async (sql) => {
      queryCount += 1;
      await db.exec(sql);
    },
    transaction: (fn) =>
      db.transaction(async (client) => {
        const tx: Queryable = {
          query: (sql, params) => run(client, sql, params),
          exec: async (sql) => {
            queryCount += 1;
            await client.exec(sql);
          },
        };
        return fn(tx);
      }),
    close: () => db.close(),
  };
}
