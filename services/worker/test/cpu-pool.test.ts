// The analysis pool: warm-up on the bundled page, then real work, on a thread and inline.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { analyzePage, type PageInput } from '../src/cpu/analyze-page.js';
import { CpuPool } from '../src/cpu/cpu-pool.js';

const warmUpPage = (): PageInput => ({
  bytes: readFileSync(new URL('../data/warm-up-page.html', import.meta.url)),
  charset: 'utf-8',
  url: 'https://news.example.org/africa/warm-up',
  now: Date.parse('2025-02-01T00:00:00Z'),
});

describe('CpuPool', () => {
  let pool: CpuPool | null = null;
  afterEach(async () => {
    await pool?.close();
    pool = null;
  });

  it('the warm-up page is a relevant article, so warming runs extraction and enrichment in full', () => {
    const { extracted, computed } = analyzePage(warmUpPage());
    expect(extracted.title).toBe('France completes troop withdrawal from its last base in the Sahel');
    expect(extracted.wordCount).toBeGreaterThan(200);
    expect(extracted.body).not.toContain('Related stories');
    expect(computed.enrichment.relevance.relevant).toBe(true);
    expect(computed.enrichment.countries.map((c) => c.code)).toEqual(expect.arrayContaining(['FR', 'TD']));
    expect(computed.bands.length).toBeGreaterThan(0);
  });

  for (const threads of [1, 0]) {
    it(`warms up and then analyses like the inline function (${threads} thread${threads === 1 ? '' : 's'})`, async () => {
      // The worker thread needs the event loop alive while it boots.
      const keepAlive = setInterval(() => undefined, 1000);
      try {
        pool = new CpuPool(threads);
        await pool.warmUp(warmUpPage(), 3);
        const input = { ...warmUpPage(), url: 'https://news.example.org/africa/other' };
        const viaPool = await pool.analyze(input);
        expect(viaPool).toEqual(analyzePage(input));
      } finally {
        clearInterval(keepAlive);
      }
    });
  }
});
