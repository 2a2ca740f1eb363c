import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { GeoJsonProperties } from 'geojson';
import type { GeometryObject as AnyGeometry, Topology } from 'topojson-specification';
import type { Plugin } from 'vite';

/** Import this id to get the reduced Africa topology (see `reduceTopology`). */
export const AFRICA_TOPOLOGY_ID = 'virtual:africa-topology';

/** Which world-atlas geometries to keep, and the alpha-2 code each one becomes. */
export interface CountryCodes {
  /** ISO 3166-1 numeric id (as world-atlas spells it, zero-padded) → alpha-2. */
  byId: Record<string, string>;
  /** Geometry name → alpha-2, for geometries that have no numeric id (Somaliland). */
  byName: Record<string, string>;
}

type Position = [number, number];
type GeometryObject = AnyGeometry<GeoJsonProperties>;

/**
 * Douglas–Peucker on one arc in quantized units. Both ends are kept, so neighbouring countries,
 * which share the arc, still meet exactly after simplification.
 */
export function simplifyArc(points: Position[], tolerance: number): Position[] {
  if (points.length < 3) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: Array<[number, number]> = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [a, b] = stack.pop()!;
    const [ax, ay] = points[a]!;
    const [bx, by] = points[b]!;
    const dx = bx - ax;
    const dy = by - ay;
    const length = Math.hypot(dx, dy);
    let worst = -1;
    let worstDistance = 0;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = points[i]!;
      // A closed arc (an island) has coinciding ends: measure from the end point instead.
      const distance = length === 0 ? Math.hypot(px - ax, py - ay) : Math.abs(dy * (px - ax) - dx * (py - ay)) / length;
      if (distance > worstDistance) {
        worstDistance = distance;
        worst = i;
      }
    }
    if (worst > 0 && worstDistance > tolerance) {
      keep[worst] = 1;
      stack.push([a, worst], [worst, b]);
    }
  }
  const simplified = points.filter((_, i) => keep[i] === 1);
  // A closed arc needs four points to stay a ring; small islands keep their full outline.
  const closed = points[0]![0] === points.at(-1)![0] && points[0]![1] === points.at(-1)![1];
  return closed && simplified.length < 4 ? points : simplified;
}

function decodeArc(arc: number[][]): Position[] {
  let x = 0;
  let y = 0;
  return arc.map(([dx, dy]) => {
    x += dx!;
    y += dy!;
    return [x, y];
  });
}

function encodeArc(points: Position[]): Position[] {
  return points.map(([x, y], i) => (i === 0 ? [x, y] : [x - points[i - 1]![0], y - points[i - 1]![1]]));
}

/** Arc references of a Polygon or MultiPolygon, rewritten through `remap`. */
function mapArcRefs(geometry: GeometryObject, remap: (ref: number) => number): GeometryObject {
  if (geometry.type === 'Polygon') return { ...geometry, arcs: geometry.arcs.map((ring) => ring.map(remap)) };
  if (geometry.type === 'MultiPolygon')
    return { ...geometry, arcs: geometry.arcs.map((polygon) => polygon.map((ring) => ring.map(remap))) };
  return geometry;
}

/**
 * Cuts a quantized world-atlas topology down to the listed countries: other geometries and the
 * arcs only they use are dropped, arcs are simplified by `tolerance` quantized units, and each
 * kept geometry gets its alpha-2 code as `id` and its name as `properties.name`. Arcs stay
 * shared, so borders line up; the result is a few tens of kilobytes instead of 750.
 */
export function reduceTopology(world: Topology, objectName: string, codes: CountryCodes, tolerance: number): Topology {
  const object = world.objects[objectName];
  if (object?.type !== 'GeometryCollection') throw new Error(`topology has no collection ${objectName}`);
  if (!world.transform) throw new Error('topology must be quantized (have a transform)');
  const kept = (object.geometries as GeometryObject[]).flatMap((geometry): GeometryObject[] => {
    const name = String((geometry.properties as Record<string, unknown> | null | undefined)?.['name'] ?? '');
    const code = (geometry.id === undefined ? undefined : codes.byId[String(geometry.id)]) ?? codes.byName[name];
    return code ? [{ ...geometry, id: code, properties: { name } }] : [];
  });
  const newIndex = new Map<number, number>();
  const arcs: Position[][] = [];
  const remap = (ref: number): number => {
    const old = ref < 0 ? ~ref : ref;
    let index = newIndex.get(old);
    if (index === undefined) {
      index = arcs.length;
      newIndex.set(old, index);
      arcs.push(encodeArc(simplifyArc(decodeArc(world.arcs[old]!), tolerance)));
    }
    return ref < 0 ? ~index : index;
  };
  const geometries = kept.map((geometry) => mapArcRefs(geometry, remap));
  return {
    type: 'Topology',
    transform: world.transform,
    arcs,
    objects: { [objectName]: { type: 'GeometryCollection', geometries } },
  };
}

/**
 * Vite plugin serving `virtual:africa-topology`: world-atlas's 1:50m countries reduced to Africa
 * at build time, so the shapes ship inside the bundle and nothing is fetched at run time.
 */
export function africaTopology(codesFile: string): Plugin {
  const resolvedId = `\0${AFRICA_TOPOLOGY_ID}`;
  const require = createRequire(import.meta.url);
  return {
    name: 'famwatch-africa-topology',
    resolveId: (id) => (id === AFRICA_TOPOLOGY_ID ? resolvedId : undefined),
    load(id) {
      if (id !== resolvedId) return undefined;
      const worldFile = require.resolve('world-atlas/countries-50m.json');
      this.addWatchFile(codesFile);
      const world = JSON.parse(readFileSync(worldFile, 'utf8')) as Topology;
      const codes = JSON.parse(readFileSync(codesFile, 'utf8')) as CountryCodes;
      // 14 quantized units ≈ 0.05°, about 5 km: finer than a pixel at dashboard sizes.
      const topology = reduceTopology(world, 'countries', codes, 14);
      // JSON.parse of a string literal is faster to start than the equivalent object literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(topology))});`;
    },
  };
}
