import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { CodedError } from '@famwatch/shared';
import type { Db, Queryable } from './db.js';

/**
 * An embedded PostgreSQL (PGlite, WASM) under `dataDir/pglite`, or in memory when `dataDir`
 * is `memory://`. One process owns it: API and worker share it by running in one process
 * (`npm start` does that); several processes need PostgreSQL (DATABASE_URL).
 */
export async function createPgliteDb(dataDir: string): Promise<Db> {
  let target: string | undefined;
  let lockFile: string | undefined;
  if (dataDir !== 'memory://') {
    target = join(resolve(dataDir), 'pglite');
    mkdirSync(target, { recursive: true });
    lockFile = join(resolve(dataDir), 'pglite.lock');
    takeLock(lockFile, target);
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
    close: async () => {
      await db.close();
      if (lockFile) rmSync(lockFile, { force: true });
    },
  };
}

/** The embedded database is open in another live process. */
export class DatabaseBusyError extends CodedError {
  constructor(dir: string, pid: number) {
    super(
      'CONFIG_INVALID',
      `the embedded database ${dir} is in use by process ${pid} (is \`npm start\` running?); stop it, or set DATABASE_URL to share a PostgreSQL`,
    );
    this.name = 'DatabaseBusyError';
  }
}

// PGlite is one process's database: a second process opening the same folder would corrupt
// it. A lock file with the owner's pid refuses that, and a stale file (dead pid) is taken over.
function takeLock(lockFile: string, dir: string): void {
  try {
    const pid = Number(readFileSync(lockFile, 'utf8'));
    if (pid && pid !== process.pid && isAlive(pid)) throw new DatabaseBusyError(dir, pid);
  } catch (error) {
    if (error instanceof DatabaseBusyError) throw error;
  }
  writeFileSync(lockFile, String(process.pid));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
