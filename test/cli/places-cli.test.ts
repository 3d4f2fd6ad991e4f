import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { before, describe, it } from "node:test";
import { placesView } from "../../src/extract/geocode.js";
import type { Entity } from "../../src/model/entity.js";
import type { PlacesView } from "../../src/model/network.js";
import { ingest } from "../../src/pipeline/ingest-job.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { tempDir } from "../helpers/temp-dir.js";

const MAIN = pathToFileURL(path.resolve("src/cli/main.ts")).href;
const SAMPLES = [
  "reports/en/report-1393-09-14-karbala.en.txt",
  "reports/fa/report-1393-09-14-karbala.fa.txt",
  "reports/en/report-1394-02-08-beirut.en.txt",
  "cables/15BEIRUT388.txt",
  "cables/15BASRAH31.txt",
];
const PLACE_VIEW_KEYS = ["candidates", "documents", "id", "location", "mentions", "name", "status", "type"];
const GAZETTEER_PLACE_KEYS = ["country", "kind", "latitude", "longitude", "name", "population"];

/** Runs the real command line, from source, in its own process. */
function trove(args: string[]) {
  const script = `import { main } from ${JSON.stringify(MAIN)}; process.exitCode = await main(["node", "trove", ...process.argv.slice(1)]);`;
  const result = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script, ...args], { encoding: "utf8", env: { ...process.env, TROVE_ARCHIVE: "" } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function placesJson(archive: string, ...args: string[]): PlacesView {
  const run = trove(["places", "--archive", archive, "--json", ...args]);
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as PlacesView;
}

describe("trove places", () => {
  let archive: string;
  let placeEntities: Entity[];
  let all: PlacesView;

  before(async () => {
    const dir = tempDir();
    const leak = path.join(dir, "leak");
    mkdirSync(leak);
    for (const sample of SAMPLES) copyFileSync(path.resolve("samples", sample), path.join(leak, path.basename(sample)));
    archive = path.join(dir, "archive.db");
    const store = SqliteStore.open(archive);
    try {
      await ingest(store, [leak], { workers: 0 });
      placeEntities = store.entities.listEntities({ type: "place", limit: 10_000 });
    } finally {
      store.close();
    }
    all = placesJson(archive, "--limit", "10000");
  });

  it("lists every place entity as PlacesView, each located, ambiguous or unknown", () => {
    const view = all;
    assert.deepEqual(Object.keys(view), ["places"]);
    assert.deepEqual(view.places.map((place) => place.id), placeEntities.map((entity) => entity.id), "all of them, most mentioned first");
    for (const place of view.places) {
      assert.deepEqual(Object.keys(place).sort(), PLACE_VIEW_KEYS);
      assert.equal(place.type, "place");
      for (const candidate of [place.location, ...place.candidates]) if (candidate) assert.deepEqual(Object.keys(candidate).sort(), GAZETTEER_PLACE_KEYS);
      if (place.status === "located") assert.ok(place.location && place.candidates.length === 0, place.name);
      if (place.status === "ambiguous") assert.ok(place.location === null && place.candidates.length >= 2, place.name);
      if (place.status === "unknown") assert.ok(place.location === null && place.candidates.length === 0, place.name);
    }
    assert.ok(view.places.some((place) => place.status === "unknown"), "names the recogniser took for places and no gazetteer holds are still listed");
  });

  it("puts the samples' cities where they are, with the archive's counts", () => {
    const { places } = all;
    for (const [name, country] of [["Karbala", "IQ"], ["Beirut", "LB"], ["Basra", "IQ"]] as const) {
      const place = places.find((entry) => entry.location?.name === name);
      assert.ok(place, name);
      assert.equal(place.status, "located");
      assert.equal(place.location?.country, country);
      const entity = placeEntities.find((candidate) => candidate.id === place.id)!;
      assert.equal(place.mentions, entity.mentionCount);
      assert.equal(place.documents, entity.documentCount);
    }
  });

  it("filters by status, then limits, as the library call does", () => {
    const located = placesJson(archive, "--status", "located", "--limit", "2");
    assert.equal(located.places.length, 2);
    assert.ok(located.places.every((place) => place.status === "located"));
    const store = SqliteStore.open(archive, { readonly: true });
    try {
      assert.deepEqual(placesView(store.entities, { status: "located", limit: 2 }), located);
    } finally {
      store.close();
    }
  });

  it("prints a table, and documents its options", () => {
    const table = trove(["places", "--archive", archive]);
    assert.equal(table.status, 0, table.stderr);
    assert.match(table.stdout, /^id\s+name\s+status\s+where/m);
    assert.match(table.stdout, /Karbala\s+located\s+Karbala, IQ/);
    const help = trove(["places", "--help"]).stdout;
    for (const option of ["--archive", "--status", "--limit", "--json", "located", "ambiguous", "unknown"]) assert.ok(help.includes(option), option);
  });
});
