/**
 * Puts place entities on the map from the offline gazetteer, and says so when
 * it cannot: a place is `located`, `ambiguous` (with its candidates, none
 * guessed) or `unknown`. The same archive always gives the same answer.
 *
 * The rule, for one place:
 *
 * 1. **Candidates** are the gazetteer entries that any of its aliases, in any
 *    script, may denote (see `Gazetteer.lookup`). Candidates in one country
 *    within {@link SAME_PLACE_KM} of each other are one place, shown by the
 *    better-ranked.
 * 2. **Rank**: a country outranks any city, province or site, whatever its
 *    size (Lebanon, Jordan and Armenia are countries before they are towns
 *    elsewhere). Other places rank by population, a curated place of the
 *    region counting as at least {@link CURATED_POPULATION_FLOOR} people: the
 *    archive is about the region, and a neighbourhood, shrine or province its
 *    curators listed (which has no population of its own) should not be made
 *    doubtful by a village of the same name elsewhere, while a real city
 *    elsewhere still makes it so (Tripoli in Lebanon and in Libya).
 * 3. **Decision**: no candidate, `unknown`; one, or a first that is a country
 *    when the second is not, or a first at least {@link DECISIVE_RATIO} times
 *    the second, `located`; otherwise `ambiguous`, listing the first
 *    {@link MAX_CANDIDATES}.
 *
 * For a whole archive ({@link geocodePlaces}, {@link placesView}) a second,
 * single pass lets the archive's own evidence settle what names alone leave
 * open: the mentions of the places located by the rule are counted by
 * country, and an ambiguous place is located at its one candidate in the
 * country with the most such mentions, when that country has at least
 * {@link CONTEXT_MIN_MENTIONS} and at least {@link CONTEXT_LEAD} times as many
 * as the country of any other candidate. An archive about Beirut and Sidon
 * puts Tripoli in Lebanon; one about Benghazi puts it in Libya.
 *
 * @example
 * geocodePlace(["Karbala", "کربلا"]).status  // → "located" (Karbala, IQ)
 * geocodePlace(["Tripoli"]).candidates.map((place) => place.country) // → ["LY", "LB", …]
 * geocodePlace(["Port Alder"]).status         // → "unknown"
 */
import type { Entity } from "../model/entity.js";
import type { GazetteerPlace, PlaceView, PlacesView } from "../model/network.js";
import { distanceKm, loadGazetteer, type Gazetteer, type GazetteerEntry } from "./gazetteer.js";

export type PlaceStatus = PlaceView["status"];

export const PLACE_STATUSES: readonly PlaceStatus[] = ["located", "ambiguous", "unknown"];

/** Where a place is, as far as names and the gazetteer tell. */
export type PlaceGeocode = Pick<PlaceView, "status" | "location" | "candidates">;

/** The first candidate must be at least this many times the second (by population) to be chosen. */
export const DECISIVE_RATIO = 10;
/** A curated place of the region counts as a city of at least this many people. */
export const CURATED_POPULATION_FLOOR = 250_000;
/** Candidates in one country this close are one place (a city and its GeoNames duplicate). */
export const SAME_PLACE_KM = 10;
/** An ambiguous place lists at most this many candidates. */
export const MAX_CANDIDATES = 5;
/** The archive's located mentions in a country needed before they decide for an ambiguous place… */
export const CONTEXT_MIN_MENTIONS = 5;
/** …and how far that country must lead the country of every other candidate. */
export const CONTEXT_LEAD = 3;

export interface PlacesViewOptions {
  /** Only places with this status. */
  status?: PlaceStatus;
  /** At most this many places (after the status filter); default all. */
  limit?: number;
}

/** Entities are read from the store this many at a time. */
const PAGE_SIZE = 1000;

const SOURCE_ORDER: Record<GazetteerEntry["source"], number> = { region: 0, country: 1, world: 2 };

function weight(entry: GazetteerEntry): number {
  if (entry.kind === "country") return Number.POSITIVE_INFINITY;
  return entry.source === "region" ? Math.max(entry.population, CURATED_POPULATION_FLOOR) : entry.population;
}

function compareRank(a: GazetteerEntry, b: GazetteerEntry): number {
  const byWeight = weight(b) - weight(a);
  if (byWeight !== 0 && !Number.isNaN(byWeight)) return byWeight;
  return SOURCE_ORDER[a.source] - SOURCE_ORDER[b.source] || a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The shape shown to the faces: a gazetteer entry without its bookkeeping. */
function toPlace(entry: GazetteerEntry): GazetteerPlace {
  return { name: entry.name, latitude: entry.latitude, longitude: entry.longitude, country: entry.country, kind: entry.kind, population: entry.population };
}

/** Every candidate for these names, ranked, one per place. */
function rankedCandidates(names: readonly string[], gazetteer: Gazetteer): GazetteerEntry[] {
  const byId = new Map<string, GazetteerEntry>();
  for (const name of names) for (const entry of gazetteer.lookup(name)) byId.set(entry.id, entry);
  const ranked = [...byId.values()].sort(compareRank);
  const places: GazetteerEntry[] = [];
  for (const entry of ranked) {
    const samePlace = places.some((kept) => kept.country === entry.country && kept.kind !== "country" && entry.kind !== "country" && distanceKm(kept, entry) <= SAME_PLACE_KM);
    if (!samePlace) places.push(entry);
  }
  return places;
}

function decide(candidates: GazetteerEntry[]): PlaceGeocode {
  const [first, second] = candidates;
  if (!first) return { status: "unknown", location: null, candidates: [] };
  const countryFirst = first.kind === "country" && second?.kind !== "country";
  const decisive = second !== undefined && weight(first) >= DECISIVE_RATIO * weight(second) && weight(second) !== Number.POSITIVE_INFINITY;
  if (!second || countryFirst || decisive) return { status: "located", location: toPlace(first), candidates: [] };
  return { status: "ambiguous", location: null, candidates: candidates.slice(0, MAX_CANDIDATES).map(toPlace) };
}

/**
 * Where a place named so is, by the names alone (steps 1–3 above). Pass every
 * alias of the entity, in every script.
 */
export function geocodePlace(names: readonly string[], gazetteer: Gazetteer = loadGazetteer()): PlaceGeocode {
  return decide(rankedCandidates(names, gazetteer));
}

/**
 * The archive's place entities on the map, in the order given: each geocoded
 * by its aliases, then the ambiguous ones settled where the archive's other
 * located places clearly point to one country.
 */
export function geocodePlaces(entities: readonly Entity[], gazetteer: Gazetteer = loadGazetteer()): PlaceView[] {
  const found = entities.map((entity) => {
    const candidates = rankedCandidates(entity.aliases.map((alias) => alias.name).concat(entity.name), gazetteer);
    return { entity, candidates, geocode: decide(candidates) };
  });
  const mentionsByCountry = new Map<string, number>();
  for (const { entity, geocode } of found) {
    if (geocode.location) mentionsByCountry.set(geocode.location.country, (mentionsByCountry.get(geocode.location.country) ?? 0) + entity.mentionCount);
  }
  return found.map(({ entity, candidates, geocode }) => {
    const settled = geocode.status === "ambiguous" ? settleByContext(candidates, mentionsByCountry) : geocode;
    return {
      id: entity.id,
      type: entity.type,
      name: entity.name,
      mentions: entity.mentionCount,
      documents: entity.documentCount,
      ...settled,
    };
  });
}

function settleByContext(candidates: GazetteerEntry[], mentionsByCountry: Map<string, number>): PlaceGeocode {
  const countries = [...new Set(candidates.map((candidate) => candidate.country))];
  const evidence = countries.map((country) => ({ country, mentions: mentionsByCountry.get(country) ?? 0 })).sort((a, b) => b.mentions - a.mentions || a.country.localeCompare(b.country));
  const [leader, runnerUp] = evidence;
  const inLeader = candidates.filter((candidate) => candidate.country === leader?.country);
  const clearLead = leader !== undefined && leader.mentions >= CONTEXT_MIN_MENTIONS && leader.mentions >= CONTEXT_LEAD * (runnerUp?.mentions ?? 0);
  if (!clearLead || inLeader.length !== 1) return decide(candidates);
  return { status: "located", location: toPlace(inLeader[0] as GazetteerEntry), candidates: [] };
}

/** Whatever lists an archive's entities page by page: the store's entity part, in practice. */
export interface PlaceLister {
  listEntities(options: { type: "place"; limit: number; offset: number }): Entity[];
}

/**
 * `trove places` and `GET /api/places`: every place entity of the archive,
 * most mentioned first, geocoded with the archive as context, then filtered.
 *
 * @example
 * placesView(store.entities, { status: "ambiguous" }) // → { places: [{ name: "Tripoli", status: "ambiguous", candidates: [...] }] }
 */
export function placesView(store: PlaceLister, options: PlacesViewOptions = {}): PlacesView {
  const entities: Entity[] = [];
  for (let offset = 0; ; offset += PAGE_SIZE) {
    const page = store.listEntities({ type: "place", limit: PAGE_SIZE, offset });
    entities.push(...page);
    if (page.length < PAGE_SIZE) break;
  }
  let places = geocodePlaces(entities);
  if (options.status) places = places.filter((place) => place.status === options.status);
  if (options.limit !== undefined) places = places.slice(0, Math.max(0, options.limit));
  return { places };
}
