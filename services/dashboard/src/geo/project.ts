import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

/** A country ready to draw: its code, its name and an SVG path in the map's own units. */
export interface CountryShape {
  code: string;
  name: string;
  path: string;
}

export interface ProjectedMap {
  shapes: CountryShape[];
  viewBox: string;
  width: number;
  height: number;
}

// Plate carrée, 10 units a degree. Africa straddles the equator, so the simplest projection
// distorts it little, and needs no projection library in the bundle.
const SCALE = 10;

function ringPath(ring: Position[]): string {
  const points = ring.map(
    ([lon, lat]) => `${Math.round(lon! * SCALE * 10) / 10} ${Math.round(-lat! * SCALE * 10) / 10}`,
  );
  return `M${points.join('L')}Z`;
}

function polygons(feature: Feature<Polygon | MultiPolygon>): Position[][][] {
  return feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
}

/** SVG paths of the features (ids are the country codes) and the view box that fits them all. */
export function projectCountries(
  features: ReadonlyArray<Feature<Polygon | MultiPolygon, { name: string }>>,
): ProjectedMap {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  const byCode = new Map<string, CountryShape>();
  for (const feature of features) {
    const code = String(feature.id);
    const parts: string[] = [];
    for (const polygon of polygons(feature)) {
      for (const ring of polygon) {
        for (const [lon, lat] of ring) {
          minX = Math.min(minX, lon! * SCALE);
          maxX = Math.max(maxX, lon! * SCALE);
          minY = Math.min(minY, -lat! * SCALE);
          maxY = Math.max(maxY, -lat! * SCALE);
        }
        parts.push(ringPath(ring));
      }
    }
    // Somaliland is drawn with Somalia: one code, one shape, one click target.
    const existing = byCode.get(code);
    if (existing) existing.path += parts.join('');
    else byCode.set(code, { code, name: feature.properties.name, path: parts.join('') });
  }
  const pad = 5;
  const width = Math.ceil(maxX - minX + 2 * pad);
  const height = Math.ceil(maxY - minY + 2 * pad);
  return {
    shapes: [...byCode.values()].sort((a, b) => a.name.localeCompare(b.name)),
    viewBox: `${Math.floor(minX - pad)} ${Math.floor(minY - pad)} ${width} ${height}`,
    width,
    height,
  };
}
