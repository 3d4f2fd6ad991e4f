import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { TroveError } from "../../src/errors.js";
import { loadGazetteer, parseCountryTable, parseRegionTable, spellingKey, type GazetteerEntry } from "../../src/extract/gazetteer.js";

const REGION_FILE = new URL("../../data/gazetteer/region.tsv", import.meta.url);
const COUNTRIES_FILE = new URL("../../data/gazetteer/countries.tsv", import.meta.url);
const REGION_HEADER = "id\tkind\tcountry\tlatitude\tlongitude\tnames";
const ARABIC_SCRIPT = /[\u0600-\u06FF]/u;

const region = parseRegionTable(readFileSync(REGION_FILE, "utf8"));
const countries = parseCountryTable(readFileSync(COUNTRIES_FILE, "utf8"));

function isGazetteerError(error: unknown): boolean {
  return error instanceof TroveError && error.code === "gazetteer";
}

function ids(entries: readonly GazetteerEntry[]): string[] {
  return entries.map((entry) => entry.id);
}

describe("the curated region table", () => {
  it("parses, with more than 250 places, every id once and prefixed by its country", () => {
    assert.ok(region.length >= 250, `${region.length} rows`);
    assert.equal(new Set(region.map((row) => row.id)).size, region.length);
    for (const row of region) assert.equal(row.id.slice(0, 2), row.country.toLowerCase(), row.id);
  });

  it("gives every place but a country coordinates in range, and only countries of the country table", () => {
    const codes = new Set(countries.map((country) => country.code));
    for (const row of region) {
      assert.ok(codes.has(row.country), `${row.id}: ${row.country}`);
      if (row.kind === "country") continue;
      assert.ok(row.latitude !== null && Math.abs(row.latitude) <= 90, row.id);
      assert.ok(row.longitude !== null && Math.abs(row.longitude) <= 180, row.id);
    }
  });

  it("names a place once within its country: a spelling on two rows is a namesake abroad, not a contradiction", () => {
    const seen = new Map<string, string>();
    for (const row of region) {
      for (const name of row.names) {
        const key = `${row.country} ${spellingKey(name)}`;
        const other = seen.get(key);
        assert.ok(other === undefined || other === row.id, `"${name}" is on ${other} and ${row.id}`);
        seen.set(key, row.id);
      }
    }
  });

  it("writes nearly every place in Arabic script as well as in Latin", () => {
    for (const row of region) assert.ok(row.names.some((name) => !ARABIC_SCRIPT.test(name)), `${row.id} has no Latin name`);
    const withArabicScript = region.filter((row) => row.names.some((name) => ARABIC_SCRIPT.test(name)));
    assert.ok(withArabicScript.length / region.length >= 0.95, `${withArabicScript.length} of ${region.length}`);
  });

  it("covers the places the archive is about", () => {
    const names = new Set(region.flatMap((row) => row.names));
    const expected = [
      "Karbala", "Najaf", "Samarra", "Kadhimiya", "Basra", "Erbil", "Sulaymaniyah", "Kirkuk", "Mosul", "Tikrit", "Fallujah",
      "Ramadi", "Baqubah", "Diyala", "Green Zone", "Jadriya", "Karrada", "Tehran", "Qom", "Mashhad", "Khuzestan", "Damascus", "Beirut",
    ];
    for (const name of expected) assert.ok(names.has(name), name);
  });

  it("rejects a malformed row with a gazetteer error", () => {
    const table = (row: string) => `${REGION_HEADER}\n${row}\n`;
    const good = "iq-somewhere\tcity\tIQ\t33.1\t44.2\tSomewhere|مكان";
    assert.equal(parseRegionTable(table(good)).length, 1);
    for (const bad of [
      "iq-somewhere\tcity\tIQ\t95\t44.2\tSomewhere",
      "iq-somewhere\tcity\tIQ\t33.1\teast\tSomewhere",
      "iq-somewhere\ttown\tIQ\t33.1\t44.2\tSomewhere",
      "iq-somewhere\tcity\tIraq\t33.1\t44.2\tSomewhere",
      "iq-somewhere\tcity\tIQ\t33.1\t44.2",
      "iq-somewhere\tcity\tIQ\t33.1\t44.2\tSomewhere||Elsewhere",
      "iq-somewhere\tcountry\tIQ\t33.1\t44.2\tSomewhere",
      "Somewhere\tcity\tIQ\t33.1\t44.2\tSomewhere",
    ]) {
      assert.throws(() => parseRegionTable(table(bad)), isGazetteerError, bad);
    }
    assert.throws(() => parseRegionTable(good), isGazetteerError, "a table without its header");
  });
});

describe("the generated country table", () => {
  it("has one row per ISO code, with coordinates in range and distinct numeric codes", () => {
    assert.ok(countries.length >= 200, `${countries.length} rows`);
    assert.equal(new Set(countries.map((country) => country.code)).size, countries.length);
    const numerics = countries.map((country) => country.numeric).filter((numeric) => numeric !== "");
    assert.equal(new Set(numerics).size, numerics.length);
    for (const country of countries) {
      assert.ok(Math.abs(country.latitude) <= 90 && Math.abs(country.longitude) <= 180, country.code);
    }
  });

  it("pins a country inside it", () => {
    const byCode = new Map(countries.map((country) => [country.code, country]));
    const iraq = byCode.get("IQ")!;
    assert.equal(iraq.name, "Iraq");
    assert.ok(iraq.latitude > 29 && iraq.latitude < 37.5 && iraq.longitude > 38.8 && iraq.longitude < 48.6);
    const france = byCode.get("FR")!;
    assert.ok(france.latitude > 42 && france.longitude > -5, "the mainland, not the middle of its overseas parts");
  });

  it("rejects a malformed row", () => {
    const header = "code\tnumeric\tname\tlatitude\tlongitude";
    assert.equal(parseCountryTable(`${header}\nIQ\t368\tIraq\t33\t43.7\n`).length, 1);
    for (const bad of ["Iraq\t368\tIraq\t33\t43.7", "IQ\t36\tIraq\t33\t43.7", "IQ\t368\tIraq\t-91\t43.7", "IQ\t368\t\t33\t43.7"]) {
      assert.throws(() => parseCountryTable(`${header}\n${bad}\n`), isGazetteerError, bad);
    }
  });
});

describe("looking names up", () => {
  const gazetteer = loadGazetteer();

  it("is loaded once per process", () => {
    assert.equal(loadGazetteer(), gazetteer);
    assert.ok(gazetteer.size > 130_000);
  });

  it("finds a curated place by any of its spellings, in any script", () => {
    for (const [place, spellings] of [
      ["region:iq-karbala", ["Karbala", "Kerbala", "KARBALA", "کربلا", "كربلاء", "Kerbela"]],
      ["region:iq-basra", ["Basra", "Basrah", "Al-Basrah", "البصرة", "بصره"]],
      ["region:iq-erbil", ["Erbil", "Arbil", "Hawler", "اربیل", "أربيل"]],
      ["region:iq-kadhimiya", ["Kadhimiya", "الكاظمية", "کاظمین"]],
    ] as const) {
      for (const spelling of spellings) assert.deepEqual(ids(gazetteer.lookup(spelling)), [place], spelling);
    }
  });

  it("lets an exact spelling settle it: a name is not also what it merely sounds like", () => {
    assert.deepEqual(ids(gazetteer.lookup("الناصرية")), ["region:iq-nasiriyah"]);
    assert.deepEqual(ids(gazetteer.lookup("ایران")), ["country:IR"]);
  });

  it("takes a curated city's population from its GeoNames twin, which it replaces", () => {
    const [karbala, ...rest] = gazetteer.lookup("Karbala");
    assert.deepEqual(rest, []);
    assert.ok(karbala!.population > 100_000);
    assert.equal(karbala!.kind, "city");
    assert.equal(karbala!.country, "IQ");
  });

  it("finds world cities by their spelling only, and no town in an abbreviation", () => {
    const springfields = gazetteer.lookup("Springfield");
    assert.ok(springfields.length > 5);
    assert.ok(springfields.every((entry) => entry.source === "world" && entry.kind === "city"));
    assert.deepEqual(gazetteer.lookup("EU"), []);
    assert.deepEqual(ids(gazetteer.lookup("U.S.")), ["country:US"]);
    assert.deepEqual(gazetteer.lookup("Vellmouth"), []);
  });

  it("lists namesakes in every country, in a fixed order", () => {
    const tripoli = gazetteer.lookup("Tripoli");
    assert.ok(ids(tripoli).includes("region:lb-tripoli") && ids(tripoli).includes("region:ly-tripoli"));
    assert.deepEqual(ids(gazetteer.lookup("طرابلس")), ["region:lb-tripoli", "region:ly-tripoli"]);
    assert.deepEqual(ids(tripoli), [...ids(tripoli)].sort());
  });
});
