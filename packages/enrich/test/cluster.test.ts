// Two outlets' copies of one wire story, written here: same body, different boilerplate.
import { describe, expect, it } from 'vitest';
import {
  clusterArticles,
  clusterOf,
  decodeSignature,
  encodeSignature,
  lshBandKeys,
  minhashSignature,
  similarity,
} from '../src/index.js';

const WIRE = [
  'France has suspended joint military operations with the Malian armed forces after the second coup in nine months,',
  'the armed forces ministry said on Thursday. The decision, which also halts training and advisory missions,',
  'will remain in force until the transitional authorities give guarantees that power returns to civilians.',
  'About 5,100 French soldiers are deployed in the Sahel under Operation Barkhane, which has fought jihadist groups',
  'linked to al-Qaeda and the Islamic State since 2014. Paris said its troops would continue to operate alone.',
  'Several African leaders called for calm, while the junta in Bamako said it regretted the French move.',
].join(' ');

const outletA = `PARIS, June 3 (Reuters) - ${WIRE} (Reporting by a staff writer; editing by another) Our Standards: The Thomson Reuters Trust Principles.`;
const outletB = `Paris, (APP - Pakistan Point News - 3rd Jun, 2021 ) :${WIRE.replace(/’/g, "'")} Related Topics: Army, France, Mali. Subscribe to our newsletter for daily updates from Africa.`;
const other =
  'Thousands of people marched in Dakar on Saturday to demand lower food prices, as inflation reached its highest level in a decade and the government promised new subsidies for rice and oil.';

describe('near-duplicate clustering', () => {
  const a = minhashSignature(outletA);
  const b = minhashSignature(outletB);
  const c = minhashSignature(other);

  it('sees two copies of a wire story as similar and a different story as not', () => {
    expect(similarity(a, b)).toBeGreaterThan(0.6);
    expect(similarity(a, c)).toBeLessThan(0.1);
    expect(similarity(a, a)).toBe(1);
  });

  it('puts the copies in one cluster led by the earliest one', () => {
    const stored = [
      { id: 'outlet-a', signature: a, publishedAt: '2021-06-03T09:00:00Z', clusterId: null },
      { id: 'other', signature: c, publishedAt: '2021-06-02T09:00:00Z', clusterId: null },
    ];
    const placed = clusterOf({ id: 'outlet-b', signature: b, publishedAt: '2021-06-03T11:30:00+02:00' }, stored);
    expect(placed.clusterId).toBe('outlet-a');
    expect(placed.leadId).toBe('outlet-a');
    expect(placed.matches.map((m) => m.id)).toEqual(['outlet-a']);

    // A copy published earlier than the stored one leads, but the stored cluster id is kept.
    const earlier = clusterOf({ id: 'outlet-c', signature: b, publishedAt: '2021-06-03T07:00:00Z' }, [
      { id: 'outlet-a', signature: a, publishedAt: '2021-06-03T09:00:00Z', clusterId: 'cluster-1' },
    ]);
    expect(earlier).toMatchObject({ clusterId: 'cluster-1', leadId: 'outlet-c' });

    const alone = clusterOf({ id: 'other', signature: c, publishedAt: null }, [
      { id: 'outlet-a', signature: a, publishedAt: null },
    ]);
    expect(alone).toEqual({ clusterId: 'other', leadId: 'other', matches: [] });
  });

  it('finds the copies through shared LSH band keys, and batches agree', () => {
    const keysA = new Set(lshBandKeys(a));
    expect(lshBandKeys(b).some((k) => keysA.has(k))).toBe(true);
    expect(lshBandKeys(c).some((k) => keysA.has(k))).toBe(false);
    const clusters = clusterArticles([
      { id: 'b', signature: b, publishedAt: '2021-06-03T12:00:00Z' },
      { id: 'a', signature: a, publishedAt: '2021-06-03T09:00:00Z' },
      { id: 'c', signature: c, publishedAt: '2021-06-01T00:00:00Z' },
    ]);
    expect(clusters.get('b')).toEqual({ clusterId: 'a', size: 2 });
    expect(clusters.get('a')).toEqual({ clusterId: 'a', size: 2 });
    expect(clusters.get('c')).toEqual({ clusterId: 'c', size: 1 });
  });

  it('round-trips signatures through their stored form and guards misuse', () => {
    expect(decodeSignature(encodeSignature(a))).toEqual(a);
    expect(similarity(minhashSignature(''), minhashSignature(''))).toBe(0);
    expect(() => similarity(a, a.slice(0, 64))).toThrow(/length/);
    expect(() => lshBandKeys(a.slice(0, 64))).toThrow(/exceeds/);
  });
});
