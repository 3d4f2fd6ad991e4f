import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { CONTEXT_MIN_MENTIONS, MAX_CANDIDATES, geocodePlace, geocodePlaces } from "../../src/extract/geocode.js";
import type { Entity } from "../../src/model/entity.js";
import type { GazetteerPlace, PlaceView } from "../../src/model/network.js";

const PLACE_KEYS = ["country", "kind", "latitude", "longitude", "name", "population"];

function place(id: number, names: string[], mentions = 1): Entity {
  return { id, type: "place", name: names[0]!, aliases: names.map((name) => ({ name, count: 1 })), mentionCount: mentions, documentCount: 1, firstDate: null, lastDate: null };
}

function located(names: string[]): GazetteerPlace {
  const result = geocodePlace(names);
  assert.equal(result.status, "located", `${names.join(" / ")}: ${JSON.stringify(result.candidates)}`);
  assert.deepEqual(result.candidates, []);
  return result.location!;
}

function byName(places: PlaceView[], name: string): PlaceView {
  const found = places.find((entry) => entry.name === name);
  assert.ok(found, name);
  return found;
}

describe("geocodePlace", () => {
  it("locates a place from any of its spellings, in any script", () => {
    for (const spellings of [["کربلا"], ["كربلاء"], ["Karbala"], ["Kerbala"], ["Karbala", "کربلا", "كربلاء"]]) {
      const karbala = located(spellings);
      assert.equal(karbala.name, "Karbala");
      assert.equal(karbala.country, "IQ");
      assert.ok(Math.abs(karbala.latitude - 32.6) < 0.1 && Math.abs(karbala.longitude - 44.03) < 0.1);
    }
    for (const spelling of ["Basra", "Basrah", "البصرة", "بصره"]) assert.equal(located([spelling]).name, "Basra", spelling);
    for (const spelling of ["Erbil", "Arbil", "Hawler", "اربیل", "أربيل"]) assert.equal(located([spelling]).name, "Erbil", spelling);
  });

  it("flags a name that fits several places rather than guessing", () => {
    const tripoli = geocodePlace(["Tripoli"]);
    assert.equal(tripoli.status, "ambiguous");
    assert.equal(tripoli.location, null);
    const countries = tripoli.candidates.map((candidate) => candidate.country);
    assert.deepEqual(countries.slice(0, 2), ["LY", "LB"], "the larger first");
    assert.equal(geocodePlace(["طرابلس"]).status, "ambiguous");
    const springfield = geocodePlace(["Springfield"]);
    assert.equal(springfield.status, "ambiguous");
    assert.equal(springfield.candidates.length, MAX_CANDIDATES);
    const populations = springfield.candidates.map((candidate) => candidate.population);
    assert.deepEqual(populations, [...populations].sort((a, b) => b - a));
  });

  it("locates the place that far outweighs its namesakes", () => {
    assert.equal(located(["Karbala"]).kind, "city");
    assert.equal(located(["Washington"]).country, "US", "the capital, ten times any other Washington");
    assert.equal(located(["Babylon"]).country, "IQ", "a curated site, not a town of 12 000 on Long Island");
    const lebanon = located(["Lebanon"]);
    assert.equal(lebanon.kind, "country", "a country outranks the towns named after it");
    assert.equal(lebanon.country, "LB");
    assert.equal(located(["Green Zone", "المنطقة الخضراء"]).country, "IQ");
  });

  it("says unknown for a name no gazetteer holds", () => {
    for (const names of [["Port Alder"], ["Greyhaven", "Vellmouth"], ["EU"], [""]]) {
      assert.deepEqual(geocodePlace(names), { status: "unknown", location: null, candidates: [] });
    }
  });

  it("answers with the GazetteerPlace shape and nothing more", () => {
    assert.deepEqual(Object.keys(located(["Najaf"])).sort(), PLACE_KEYS);
    for (const candidate of geocodePlace(["Tripoli"]).candidates) assert.deepEqual(Object.keys(candidate).sort(), PLACE_KEYS);
  });

  it("does not depend on the order of the names", () => {
    const pool = ["Tripoli", "طرابلس", "Karbala", "کربلا", "Beirut", "Port Alder", "Basrah", "Rafah"];
    fc.assert(
      fc.property(fc.shuffledSubarray(pool, { minLength: 1 }), (names) => {
        assert.deepEqual(geocodePlace(names), geocodePlace([...names].reverse()));
      }),
      { numRuns: 50 },
    );
  });
});

describe("geocodePlaces: the archive as context", () => {
  it("settles an ambiguous place in the country the archive's located places point to", () => {
    const aboutLebanon = geocodePlaces([place(1, ["Tripoli"]), place(2, ["Beirut", "بیروت"], CONTEXT_MIN_MENTIONS), place(3, ["Sidon"], 3)]);
    const tripoli = byName(aboutLebanon, "Tripoli");
    assert.equal(tripoli.status, "located");
    assert.equal(tripoli.location?.country, "LB");
    assert.deepEqual(tripoli.candidates, []);
    const aboutLibya = geocodePlaces([place(1, ["Tripoli"]), place(2, ["Benghazi"], 10)]);
    assert.equal(byName(aboutLibya, "Tripoli").location?.country, "LY");
  });

  it("leaves it ambiguous when the evidence is thin or split", () => {
    const thin = geocodePlaces([place(1, ["Tripoli"]), place(2, ["Beirut"], CONTEXT_MIN_MENTIONS - 1)]);
    assert.equal(byName(thin, "Tripoli").status, "ambiguous");
    const split = geocodePlaces([place(1, ["Tripoli"]), place(2, ["Beirut"], 6), place(3, ["Benghazi"], 4)]);
    assert.equal(byName(split, "Tripoli").status, "ambiguous");
  });

  it("keeps every entity, in order, with its counts and an unknown status where nothing fits", () => {
    const entities = [place(7, ["Karbala"], 9), place(8, ["Port Alder"], 4), place(9, ["Tripoli"], 2)];
    const places = geocodePlaces(entities);
    assert.deepEqual(places.map((entry) => [entry.id, entry.type, entry.name, entry.mentions, entry.documents]), [
      [7, "place", "Karbala", 9, 1],
      [8, "place", "Port Alder", 4, 1],
      [9, "place", "Tripoli", 2, 1],
    ]);
    assert.deepEqual(places.map((entry) => entry.status), ["located", "unknown", "ambiguous"]);
  });
});
