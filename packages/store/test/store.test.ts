import type { ExtractedArticle, Source } from '@famwatch/shared';
import { articleIdFor } from '@famwatch/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempDatabase, type TempDatabase } from '../../../test/helpers/postgres.js';
import {
  type Db,
  existingArticleUrls,
  getArticle,
  listArticles,
  listSources,
  loadMigrations,
  migrate,
  openDatabase,
  seedSources,
  upsertArticle,
} from '../src/index.js';

const source: Source = {
  id: 'rfi-afrique',
  name: 'RFI Afrique',
  homepage: 'https://www.rfi.fr/fr/afrique/',
  language: 'fr',
  enabled: true,
  feeds: [{ url: 'https://www.rfi.fr/fr/afrique/rss', kind: 'feed' }],
};

function article(n: number, overrides: Partial<ExtractedArticle> = {}): ExtractedArticle {
  return {
    url: `https://www.rfi.fr/fr/afrique/${n}`,
    canonicalUrl: `https://www.rfi.fr/fr/afrique/${n}`,
    title: `Article ${n}`,
    body: `Corps de l'article ${n}.`,
    bodyHtml: '',
    summary: null,
    publishedAt: `2022-05-0${n}T08:27:00+02:00`,
    modifiedAt: null,
    byline: null,
    agencies: [],
    language: 'fr',
    imageUrl: null,
    wordCount: 4,
    ...overrides,
  };
}

for (const engine of ['pglite', 'postgres'] as const) {
  describe(`store on ${engine}`, () => {
    let db: Db;
    let temp: TempDatabase | null = null;

    beforeAll(async () => {
      if (engine === 'postgres') temp = await createTempDatabase();
      db = await openDatabase(temp ? { databaseUrl: temp.url } : { dataDir: 'memory://' });
      await seedSources(db, [source]);
    });
    afterAll(async () => {
      await db?.close();
      await temp?.drop();
    });

    it('applies migrations once and records them', async () => {
      expect(db.kind).toBe(engine);
      expect(await migrate(db)).toEqual([]);
      const rows = await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.map((r) => r.version)).toEqual(loadMigrations().map((m) => m.version));
    });

    it('upserts by canonical URL: twice the same page leaves one row', async () => {
      const first = await upsertArticle(db, {
        article: article(1),
        sourceId: source.id,
        fetchedAt: '2022-05-03T10:00:00Z',
      });
      const second = await upsertArticle(db, {
        article: article(1, { title: 'Article 1 (mis à jour)', publishedAt: null }),
        sourceId: source.id,
        fetchedAt: '2022-05-03T11:00:00Z',
      });
      expect(first).toEqual({ id: articleIdFor(article(1).canonicalUrl), created: true });
      expect(second).toEqual({ id: first.id, created: false });
      const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM articles WHERE canonical_url = $1', [
        article(1).canonicalUrl,
      ]);
      expect(rows[0]!.n).toBe(1);
      const stored = await getArticle(db, first.id);
      expect(stored!.title).toBe('Article 1 (mis à jour)');
      // A refetch without a date keeps the date found before, with its offset.
      expect(stored!.publishedAt).toBe('2022-05-01T08:27:00+02:00');
      expect(stored!.fetchedAt).toBe('2022-05-03T11:00:00+00:00');
    });

    it('pages newest first and finds French text with French stemming', async () => {
      await upsertArticle(db, {
        article: article(2, { body: 'Les soldats français quittent la base de Gossi.' }),
        sourceId: source.id,
        fetchedAt: '2022-05-03T10:00:00Z',
      });
      await upsertArticle(db, { article: article(3), sourceId: source.id, fetchedAt: '2022-05-03T10:00:00Z' });
      const page1 = await listArticles(db, {}, 2, null);
      expect(page1.totalCount).toBe(3);
      expect(page1.articles.map((a) => a.title)).toEqual(['Article 3', 'Article 2']);
      expect(page1.hasNextPage).toBe(true);
      const page2 = await listArticles(db, {}, 2, page1.articles[1]!.key);
      expect(page2.articles.map((a) => a.title)).toEqual(['Article 1 (mis à jour)']);
      expect(page2.hasNextPage).toBe(false);
      // French stemming (soldats → soldat) and accent folding (Gossí, base militaire).
      const found = await listArticles(db, { search: 'soldat GOSSÍ' }, 10, null);
      expect(found.articles.map((a) => a.title)).toEqual(['Article 2']);
      expect((await listArticles(db, { search: '"soldats francais"' }, 10, null)).totalCount).toBe(1);
      expect((await listArticles(db, { search: 'soldat -gossi' }, 10, null)).totalCount).toBe(0);
      const ranged = await listArticles(db, { from: '2022-05-02T00:00:00Z', to: '2022-05-03T00:00:00Z' }, 10, null);
      expect(ranged.articles.map((a) => a.title)).toEqual(['Article 2']);
    });

    it('tells which URLs are stored, by canonical or fetched URL', async () => {
      const seen = await existingArticleUrls(db, [
        'https://www.rfi.fr/fr/afrique/2',
        'https://www.rfi.fr/fr/afrique/9',
      ]);
      expect([...seen]).toEqual(['https://www.rfi.fr/fr/afrique/2']);
    });

    it('re-seeding updates file sources but leaves admin-added ones alone', async () => {
      await db.query(
        "INSERT INTO sources (id, name, homepage, language, origin) VALUES ('mine', 'Mine', 'https://m.example', 'en', 'api')",
      );
      await seedSources(db, [
        { ...source, name: 'RFI Afrique (renamed)' },
        { ...source, id: 'mine', name: 'Overwritten?' },
      ]);
      const sources = await listSources(db);
      expect(sources.find((s) => s.id === 'rfi-afrique')!.name).toBe('RFI Afrique (renamed)');
      expect(sources.find((s) => s.id === 'mine')!.name).toBe('Mine');
    });
  });
}
