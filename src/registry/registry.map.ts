/**
 * The world map of the registry, drawn on the server as SVG: the States' outlines from the
 * world-atlas package (Natural Earth, public domain) read from node_modules at run time, projected
 * with d3-geo's Equal Earth projection; the member States too small for the 1:110m outlines get a
 * dot at their centroid in the 1:50m data. The outlines are projected once per process (they are
 * the same for every request); a request only chooses each State's class.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoCentroid, geoEqualEarth, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { countries } from '../organisations/countries.ts';

/** The map's drawing area, in SVG user units. */
export const mapWidth = 960;
export const mapHeight = 470;

/** A State's place on the map: its outline, or a dot for a State too small to outline. */
export type MapShape = { iso3: string; d: string } | { iso3: string; x: number; y: number };

/** Shapes of features without a member State (territories, disputed areas): drawn, never coloured. */
export interface BaseMap {
  states: MapShape[];
  other: string[];
}

let cached: BaseMap | undefined;

function readAtlas(name: string): FeatureCollection<Geometry, { name: string }> {
  const require = createRequire(import.meta.url);
  const file = require.resolve(`world-atlas/${name}`);
  const topology = JSON.parse(readFileSync(file, 'utf8')) as Topology;
  return feature(topology, topology.objects.countries!) as unknown as FeatureCollection<
    Geometry,
    { name: string }
  >;
}

/** The projected outlines of the world, with each UN member State found by its M49 code. */
export function baseMap(): BaseMap {
  if (cached) return cached;
  const byM49 = new Map(countries.filter((c) => !c.observer).map((c) => [c.m49, c.iso3]));
  const outlines = readAtlas('countries-110m.json');
  const projection = geoEqualEarth().fitSize([mapWidth, mapHeight], outlines);
  const path = geoPath(projection).digits(1);
  const states: MapShape[] = [];
  const other: string[] = [];
  const drawn = new Set<string>();
  for (const f of outlines.features as Feature<Geometry, { name: string }>[]) {
    const d = path(f) ?? '';
    if (!d) continue;
    const iso3 = f.id === undefined ? undefined : byM49.get(String(f.id).padStart(3, '0'));
    if (iso3 && !drawn.has(iso3)) {
      states.push({ iso3, d });
      drawn.add(iso3);
    } else other.push(d);
  }
  // Small States (islands, enclaves) are absent at 1:110m: a dot at their 1:50m centroid.
  for (const f of readAtlas('countries-50m.json').features) {
    const iso3 = f.id === undefined ? undefined : byM49.get(String(f.id).padStart(3, '0'));
    if (!iso3 || drawn.has(iso3)) continue;
    const xy = projection(geoCentroid(f));
    if (!xy) continue;
    states.push({ iso3, x: Math.round(xy[0] * 10) / 10, y: Math.round(xy[1] * 10) / 10 });
    drawn.add(iso3);
  }
  cached = { states, other };
  return cached;
}
