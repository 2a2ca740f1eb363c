// The three seed articles, read from ../shared at test time (never copied into the repo).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainSkip, SEEDS_DIR, sharedAvailable } from '../../../test/helpers/shared-dir.js';
import { type EnrichmentResult, enrich } from '../src/index.js';

explainSkip('the enrichment seed tests');

function seed(prefix: string): EnrichmentResult {
  const file = readdirSync(SEEDS_DIR).find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`no seed ${prefix}* in ${SEEDS_DIR}`);
  // The seeds are page texts: the first non-empty line stands as the title, as extraction gives it.
  const [title = '', ...rest] = readFileSync(join(SEEDS_DIR, file), 'utf8').trim().split('\n');
  return enrich({ title, text: rest.join('\n'), lang: 'en' });
}

const countryCodes = (r: EnrichmentResult) => r.countries.map((c) => c.code).sort();
const actorIds = (r: EnrichmentResult) => r.actors.map((a) => a.id);
const evidenceOf = (r: EnrichmentResult, type: string) => r.events.find((e) => e.type === type)?.evidence;

describe.skipIf(!sharedAvailable)('seed articles', () => {
  it('000: France suspends military cooperation with the CAR', () => {
    const r = seed('000_');
    expect(r.relevance.relevant).toBe(true);
    expect(countryCodes(r)).toEqual(['CF', 'FR', 'ML', 'RU']);
    expect(evidenceOf(r, 'cooperation_suspended')).toMatch(/France has suspended its aid and military cooperation/);
  });

  it('001: CAR rebels ask France for help against Wagner and Russia', () => {
    const r = seed('001_');
    expect(r.relevance.relevant).toBe(true);
    expect(countryCodes(r)).toEqual(['CF', 'FR', 'RU', 'RW']);
    expect(actorIds(r)).toEqual(
      expect.arrayContaining([
        'wagner-group',
        'cpc',
        'francois-bozize',
        'faustin-archange-touadera',
        'emmanuel-macron',
      ]),
    );
    expect(r.actors.find((a) => a.id === 'cpc')).toMatchObject({ kind: 'armed_group' });
  });

  it('002: Mali cuts off military cooperation with France', () => {
    const r = seed('002_');
    expect(r.relevance.relevant).toBe(true);
    expect(countryCodes(r)).toEqual(['FR', 'ML']);
    expect(actorIds(r)).toEqual(expect.arrayContaining(['assimi-goita', 'operation-barkhane']));
    expect(evidenceOf(r, 'cooperation_ended')).toMatch(/cut off military cooperation with France/);
    expect(evidenceOf(r, 'troop_withdrawal')).toMatch(/French troops’ withdrawal from the country/);
  });
});
