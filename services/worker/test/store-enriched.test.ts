// storeEnrichedArticle: an article, its enrichment, its LSH bands and its cluster in few round
// trips, on PostgreSQL (pooled connections, real concurrency) and on PGlite.
import type { ExtractedArticle } from '@famwatch/shared';
import { type Db, openDatabase, seedSources } from '@famwatch/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempDatabase, type TempDatabase } from '../../../test/helpers/postgres.js';
import { computeEnrichment, storeEnrichedArticle } from '../src/pipeline/enrich-article.js';
import { extractedArticle } from './helpers/extracted-article.js';

const WIRE = [
  'BAMAKO (AFP) – Mali’s junta on Monday ended the defence agreements that bound it to France, accusing French forces of repeated violations of its airspace.',
  'The decision, read on state television, covers the 2014 accord that set the framework for the French military presence and the status of French troops.',
  'Paris called the move unjustified and said the withdrawal of Operation Barkhane from Mali would continue in good order over the coming months.',
  'The junta has drawn closer to Russia since the second coup, and Western governments accuse Wagner mercenaries of operating alongside the Malian army.',
].join('\n\n');

const OTHER = [
  'NIAMEY – Niger’s military rulers said on Thursday that the last French soldiers had left the air base near the capital, ending a deployment that began a decade ago.',
  'The departure follows the coup that removed President Mohamed Bazoum and months of protests outside the base demanding that French forces leave the country.',
  'Officials in Paris said equipment had been moved by road and air through Chad, and that cooperation against jihadist groups in the region was suspended.',
].join('\n\n');

const article = (n: number, body: string, publishedAt: string) =>
  extractedArticle(n, body, publishedAt, { title: `Story ${n}`, path: 'story' });

const store = (db: Db, a: ExtractedArticle) =>
  db.transaction((tx) =>
    storeEnrichedArticle(tx, { article: a, sourceId: 'wire', fetchedAt: '2022-05-03T00:00:00Z' }, computeEnrichment(a)),
  );

async function clusterOfIds(db: Db, ids: readonly string[]): Promise<Map<string, string | null>> {
  const rows = await db.query<{ id: string; cluster_id: string | null }>(
    'SELECT id, cluster_id FROM articles WHERE id = ANY($1::text[])',
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.cluster_id]));
}

function suite(engine: 'postgres' | 'pglite') {
  describe(`storeEnrichedArticle on ${engine}`, () => {
    let database: TempDatabase | null = null;
    let db: Db;

    beforeAll(async () => {
      if (engine === 'postgres') database = await createTempDatabase();
      db = await openDatabase(
        database ? { databaseUrl: database.url, poolMax: 8 } : { databaseUrl: undefined, dataDir: 'memory://' },
      );
      await seedSources(db, [
        { id: 'wire', name: 'Wire', homepage: 'https://wire.example/', language: 'en', enabled: true, feeds: [] },
      ]);
    });

    afterAll(async () => {
      await db.close();
      await database?.drop();
    });

    it('clusters copies that arrive at the same moment, led by the earliest copy', async () => {
      const copies = Array.from({ length: 8 }, (_, i) =>
        article(10 + i, WIRE, `2022-05-0${2 + (i % 3)}T${String(10 + i).padStart(2, '0')}:00:00Z`),
      );
      const stored = await Promise.all(copies.map((a) => store(db, a)));
      expect(stored.every((s) => s.created)).toBe(true);
      const clusters = await clusterOfIds(
        db,
        stored.map((s) => s.id),
      );
      expect(new Set(clusters.values()).size).toBe(1);
      // The earliest copy (outlet 10, 2 May 10:00) leads: its id is the cluster's.
      expect([...clusters.values()][0]).toBe(stored[0]!.id);
    });

    it('writes the bands once and keeps one row when the same page is stored again', async () => {
      const a = article(30, OTHER, '2022-06-01T08:00:00Z');
      const first = await store(db, a);
      const before = db.queryCount;
      const again = await store(db, { ...a, title: 'Story 30, updated' });
      // Candidates-and-locks, then one write: two statements per stored page.
      expect(db.queryCount - before).toBe(2);
      expect(again).toMatchObject({ id: first.id, created: false });
      const [row] = await db.query<{ n: number; title: string; bands: number }>(
        `SELECT (SELECT count(*)::int FROM articles WHERE canonical_url = $1) AS n,
                (SELECT title FROM articles WHERE canonical_url = $1) AS title,
                (SELECT count(*)::int FROM article_bands WHERE article_id = $2) AS bands`,
        [a.canonicalUrl, first.id],
      );
      expect(row).toEqual({ n: 1, title: 'Story 30, updated', bands: computeEnrichment(a).bands.length });
      const [facts] = await db.query<{ relevant: boolean; countries: string[] }>(
        'SELECT relevant, countries FROM article_facts WHERE id = $1',
        [first.id],
      );
      expect(facts?.relevant).toBe(true);
      expect(facts?.countries).toEqual(expect.arrayContaining(['NE', 'FR']));
    });

    it('merges two clusters that a later copy bridges', async () => {
      // Two halves of a story stored apart form two clusters; the full story matches both.
      const paragraphs = `${WIRE}\n\n${OTHER}`.split('\n\n');
      const left = article(40, paragraphs.slice(0, 5).join('\n\n'), '2022-07-01T08:00:00Z');
      const right = article(41, paragraphs.slice(2).join('\n\n'), '2022-07-01T09:00:00Z');
      const full = article(42, paragraphs.join('\n\n'), '2022-07-01T07:00:00Z');
      const l = await store(db, left);
      const r = await store(db, right);
      expect(r.clusterId).not.toBe(l.clusterId);
      const f = await store(db, full);
      const clusters = await clusterOfIds(db, [l.id, r.id, f.id]);
      expect(clusters.get(l.id)).toBe(f.clusterId);
      expect(clusters.get(r.id)).toBe(f.clusterId);
    });
  });
}

suite('postgres');
suite('pglite');
