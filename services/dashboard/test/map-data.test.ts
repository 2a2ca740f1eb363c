import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { type CountryCodes, reduceTopology, simplifyArc } from '../build/africa-topology.js';
import { classBreaks, classOf } from '../src/geo/choropleth.js';
import { projectCountries } from '../src/geo/project.js';

const codes = JSON.parse(
  readFileSync(new URL('../data/iso-numeric-to-alpha2.json', import.meta.url), 'utf8'),
) as CountryCodes;
const world = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve('world-atlas/countries-50m.json'), 'utf8'),
) as Topology;

describe('simplifyArc', () => {
  it('keeps both ends and drops points within the tolerance', () => {
    expect(
      simplifyArc(
        [
          [0, 0],
          [5, 1],
          [10, 0],
          [15, 20],
          [20, 0],
        ],
        2,
      ),
    ).toEqual([
      [0, 0],
      [10, 0],
      [15, 20],
      [20, 0],
    ]);
  });

  it('keeps a small closed ring whole rather than collapsing it', () => {
    const ring: Array<[number, number]> = [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
      [0, 0],
    ];
    expect(simplifyArc(ring, 10)).toEqual(ring);
  });
});

describe('the Africa topology', () => {
  const reduced = reduceTopology(world, 'countries', codes, 14) as Topology<{
    countries: GeometryCollection<{ name: string }>;
  }>;
  const features = feature(reduced, reduced.objects.countries).features;

  it('has every listed country, under its alpha-2 code, and nothing else', () => {
    const expected = new Set([...Object.values(codes.byId), ...Object.values(codes.byName)]);
    expect(new Set(features.map((f) => f.id))).toEqual(expected);
    expect(expected.size).toBe(55);
    expect(features.find((f) => f.id === 'ML')!.properties.name).toBe('Mali');
  });

  it('is a small fraction of the world file', () => {
    expect(JSON.stringify(reduced).length).toBeLessThan(JSON.stringify(world).length / 10);
  });

  it('projects into one shape per code, Somaliland drawn with Somalia', () => {
    const map = projectCountries(features as never);
    expect(map.shapes).toHaveLength(55);
    const somalia = map.shapes.find((s) => s.code === 'SO')!;
    expect(somalia.path.match(/M/g)!.length).toBeGreaterThan(1);
    // Africa spans about 17°W–51°E and 37°N–35°S: 10 units a degree.
    expect(map.width).toBeGreaterThan(600);
    expect(map.height).toBeGreaterThan(650);
  });
});

describe('class breaks', () => {
  it('spreads classes on a square-root scale and puts zero apart', () => {
    const breaks = classBreaks(100, 5);
    expect(breaks).toEqual([1, 4, 16, 36, 64]);
    expect(classOf(0, breaks)).toBe(-1);
    expect(classOf(1, breaks)).toBe(0);
    expect(classOf(20, breaks)).toBe(2);
    expect(classOf(100, breaks)).toBe(4);
    expect(classBreaks(1, 5)).toEqual([1]);
  });
});
