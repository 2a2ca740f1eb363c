// Loaded as its own chunk, in parallel with the first queries: the shapes are the largest part
// of the bundle and the rest of the page does not wait for them.

import topology from 'virtual:africa-topology';
import type { MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { type ProjectedMap, projectCountries } from './project.js';

export function africaMap(): ProjectedMap {
  const world = topology as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const collection = feature(world, world.objects.countries);
  return projectCountries(
    collection.features.filter(
      (f): f is typeof f & { geometry: Polygon | MultiPolygon } =>
        f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon',
    ),
  );
}
