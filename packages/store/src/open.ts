import type { Db } from './db.js';
import { migrate } from './migrate.js';
import { createPgliteDb } from './pglite.js';
import { createPostgresDb } from './postgres.js';

export interface OpenDatabaseOptions {
  /** PostgreSQL connection string; unset means the embedded PGlite under `dataDir`. */
  databaseUrl?: string | undefined;
  /** Folder of the embedded database, or `memory://`. @defaultValue './data' */
  dataDir?: string;
  poolMax?: number;
  onError?: (error: Error) => void;
  /** Apply pending migrations before returning. @defaultValue true */
  migrate?: boolean;
}

/** Opens PostgreSQL or PGlite, then applies the pending migrations. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Db> {
  const db = options.databaseUrl
    ? createPostgresDb(
        options.poolMax === undefined
          ? { url: options.databaseUrl }
          : { url: options.databaseUrl, poolMax: options.poolMax },
        options.onError,
      )
    : await createPgliteDb(options.dataDir ?? './data');
  if (options.migrate !== false) {
    try {
      await migrate(db);
    } catch (error) {
      await db.close().catch(() => undefined);
      throw error;
    }
  }
  return db;
}
