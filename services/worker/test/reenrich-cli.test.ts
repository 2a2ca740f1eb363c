import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type Db, openDatabase, seedSources, upsertArticle } from '@famwatch/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempDatabase, type TempDatabase } from '../../../test/helpers/postgres.js';
import { ROOT } from '../../../test/helpers/shared-dir.js';
import { extractedArticle } from './helpers/extracted-article.js';

const run = promisify(execFile);

const WIRE = [
  'BAMAKO (AFP) – Mali’s junta on Monday ended the defence agreements that bound it to France, accusing French forces of repeated violations of its airspace.',
  'The decision, read on state television, covers the 2014 accord that set the framework for the French military presence and the status of French troops.',
  'Paris called the move unjustified and said the withdrawal of Operation Barkhane from Mali would continue in good order over the coming months.',
  'The junta has drawn closer to Russia since the second coup, and Western governments accuse Wagner mercenaries of operating alongside the Malian army.',
];

const article = (n: number, body: string, publishedAt: string) =>
  extractedArticle(n, body, publishedAt, { title: 'Mali ends defence accords with France', path: 'mali-accords' });

describe('npm run reenrich', () => {
  let database: TempDatabase;
  let db: Db;

  beforeAll(async () => {
    database = await createTempDatabase();
    db = await openDatabase({ databaseUrl: database.url });
    await seedSources(db, [
      { id: 'one', name: 'One', homepage: 'https://outlet1.example/', language: 'en', enabled: true, feeds: [] },
      { id: 'two', name: 'Two', homepage: 'https://outlet2.example/', language: 'en', enabled: true, feeds: [] },
    ]);
    // The same wire story in two outlets, stored without enrichment (as before a data change).
    await upsertArticle(db, {
      article: article(1, WIRE.join('\n\n'), '2022-05-02T20:00:00+00:00'),
      sourceId: 'one',
      fetchedAt: '2022-05-03T00:00:00Z',
    });
    await upsertArticle(db, {
      article: article(
        2,
        `${WIRE.join('\n\n')}\n\nFollow us on social media for more news from the Sahel.`,
        '2022-05-03T06:00:00+00:00',
      ),
      sourceId: 'two',
      fetchedAt: '2022-05-03T07:00:00Z',
    });
  });

  afterAll(async () => {
    await db?.close();
    await database?.drop();
  });

  it('re-applies enrichment and clustering to every stored article without fetching', async () => {
    const { stderr } = await run(
      join(ROOT, 'node_modules', '.bin', 'tsx'),
      [join(ROOT, 'services', 'worker', 'src', 'cli', 'reenrich.ts')],
      {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: database.url, REDIS_URL: 'redis://127.0.0.1:1' },
      },
    );
    expect(stderr).toMatch(/reenrich: 2\/2 enriched/);
    expect(stderr).toMatch(/2 relevant, 1 clusters with copies/);
    const rows = await db.query<{
      id: string;
      url: string;
      relevant: boolean;
      countries: string[];
      event_types: string[];
      cluster_id: string;
      enriched_at: Date | null;
    }>('SELECT id, url, relevant, countries, event_types, cluster_id, enriched_at FROM articles ORDER BY published_at');
    expect(rows.every((r) => r.relevant && r.enriched_at !== null)).toBe(true);
    expect(rows[0]!.countries).toEqual(expect.arrayContaining(['ML', 'FR']));
    expect(rows[0]!.event_types).toContain('cooperation_ended');
    // One cluster, led (and named) by the earliest copy.
    expect(rows.map((r) => r.cluster_id)).toEqual([rows[0]!.id, rows[0]!.id]);
    const facts = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM article_facts WHERE countries && '{ML}'",
    );
    expect(facts[0]!.n).toBe(2);
  });
});
