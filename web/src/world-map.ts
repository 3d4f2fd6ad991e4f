/**
 * The world drawn offline: Natural Earth's country outlines (world-atlas,
 * bundled with the map's script, never fetched from a tile server) in the
 * Natural Earth projection, fitted to the located places with room around
 * them, and a circle per place sized by its mentions.
 *
 * @example
 * main.append(drawWorldMap(located, { width: 960, height: 540, open: (place) => navigate(`/entities/${place.id}`) }));
 */
import { geoGraticule10, geoNaturalEarth1, geoPath } from "d3-geo";
import type { MultiPoint } from "geojson";
import { feature } from "topojson-client";
import countries from "world-atlas/countries-110m.json";
import type { PlaceView } from "./api.js";
import { svg } from "./dom.js";
import { label } from "./svg-labels.js";

export interface WorldMapOptions {
  width: number;
  height: number;
  open(place: PlaceView): void;
}

/** The least span fitted, in degrees, so that one city, or a few close together, still show the land around them. */
const MIN_SPAN_LONGITUDE = 24;
const MIN_SPAN_LATITUDE = 14;
const PADDING = 32;
const LABELLED = 10;

const COUNTRIES = feature(countries, countries.objects.countries);

/** `places` must be located; the others have no point to draw. */
export function drawWorldMap(places: PlaceView[], options: WorldMapOptions): SVGSVGElement {
  const points = places.filter((place) => place.location).map((place) => [place.location!.longitude, place.location!.latitude] as [number, number]);
  const projection = geoNaturalEarth1().fitExtent(
    [
      [PADDING, PADDING],
      [options.width - PADDING, options.height - PADDING],
    ],
    extent(points),
  );
  const path = geoPath(projection);
  const busiest = Math.max(1, ...places.map((place) => place.mentions));
  const radius = (place: PlaceView) => 3 + 11 * Math.sqrt(place.mentions / busiest);
  // The largest drawn last would hide the small under it: small ones go on top.
  const byMentions = [...places].sort((a, b) => b.mentions - a.mentions);
  const circles = svg("g", { class: "places" });
  const labels = svg("g", { class: "place-labels" });
  byMentions.forEach((place, rank) => {
    const point = projection([place.location!.longitude, place.location!.latitude]);
    if (!point) return;
    const [x, y] = point.map((value) => Math.round(value * 10) / 10) as [number, number];
    const circle = svg("circle", { class: "place", cx: x, cy: y, r: Math.round(radius(place) * 10) / 10 }, svg("title", {}, `${place.name}, ${place.location!.name} (${place.location!.country}): ${place.mentions} mentions`));
    circle.addEventListener("click", () => options.open(place));
    circles.append(circle);
    if (rank < LABELLED) labels.append(label(x + radius(place) + 4, y + 4, place.name));
  });
  return svg(
    "svg",
    { class: "world-map", viewBox: `0 0 ${options.width} ${options.height}`, role: "img", "aria-label": `Map of ${places.length} located ${places.length === 1 ? "place" : "places"}; the table below lists them` },
    svg("path", { class: "graticule", d: path(geoGraticule10()) ?? "" }),
    svg("g", { class: "countries" }, ...COUNTRIES.features.map((country) => svg("path", { class: "country", d: path(country) ?? "" }))),
    circles,
    labels,
  );
}

/** The corners of the places' bounding box, widened to the least span, as a shape the projection can be fitted to. */
function extent(points: [number, number][]): MultiPoint {
  const longitudes = points.map(([longitude]) => longitude);
  const latitudes = points.map(([, latitude]) => latitude);
  const widen = (low: number, high: number, least: number, limit: number): [number, number] => {
    const middle = (low + high) / 2;
    const half = Math.max(high - low, least) / 2;
    return [Math.max(-limit, middle - half), Math.min(limit, middle + half)];
  };
  const [west, east] = points.length ? widen(Math.min(...longitudes), Math.max(...longitudes), MIN_SPAN_LONGITUDE, 180) : [-180, 180];
  const [south, north] = points.length ? widen(Math.min(...latitudes), Math.max(...latitudes), MIN_SPAN_LATITUDE, 85) : [-60, 85];
  return { type: "MultiPoint", coordinates: [[west, south], [west, north], [east, south], [east, north]] };
}
