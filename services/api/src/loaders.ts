import type { Source } from '@famwatch/shared';
import {
  articlesOfClusters,
  type Db,
  getArticlesByIds,
  getSourceHealth,
  getSourcesByIds,
  type SourceHealthRecord,
} from '@famwatch/store';
import DataLoader from 'dataloader';
import type { ArticleModel } from './models.js';

/** Per-request batching: N articles asking for their source cost one query, not N. */
export interface Loaders {
  source: DataLoader<string, Source | null>;
  article: DataLoader<string, ArticleModel | null>;
  sourceHealth: DataLoader<string, SourceHealthRecord | null>;
  /** Every copy of a syndication cluster, earliest first. */
  cluster: DataLoader<string, ArticleModel[]>;
}

function byKey<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): Array<T | null> {
  const map = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => map.get(key) ?? null);
}

export function createLoaders(db: Db): Loaders {
  return {
    source: new DataLoader(async (ids) => byKey(ids, await getSourcesByIds(db, ids), (s) => s.id)),
    article: new DataLoader(async (ids) => byKey(ids, await getArticlesByIds(db, ids), (a) => a.id)),
    sourceHealth: new DataLoader(async (ids) => byKey(ids, await getSourceHealth(db, ids), (h) => h.sourceId)),
    cluster: new DataLoader(async (ids) => {
      const rows = await articlesOfClusters(db, ids);
      return ids.map((id) => rows.filter((row) => row.clusterId === id));
    }),
  };
}
