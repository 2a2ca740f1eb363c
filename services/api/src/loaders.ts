import type { ArticleRecord, Source } from '@famwatch/shared';
import { type Db, getArticlesByIds, getSourcesByIds } from '@famwatch/store';
import DataLoader from 'dataloader';

/** Per-request batching: N articles asking for their source cost one query, not N. */
export interface Loaders {
  source: DataLoader<string, Source | null>;
  article: DataLoader<string, ArticleRecord | null>;
}

function byId<T extends { id: string }>(ids: readonly string[], rows: T[]): Array<T | null> {
  const map = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => map.get(id) ?? null);
}

export function createLoaders(db: Db): Loaders {
  return {
    source: new DataLoader(async (ids) => byId(ids, await getSourcesByIds(db, ids))),
    article: new DataLoader(async (ids) => byId(ids, await getArticlesByIds(db, ids))),
  };
}
