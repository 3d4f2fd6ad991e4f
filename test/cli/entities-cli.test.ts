import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import type { ExtractionResult, NameMatch } from "../../src/model/entity.js";
import type { EntityProfile } from "../../src/store/entity-store.js";
import { tempDir } from "../helpers/temp-dir.js";

const BIN = path.resolve("bin/trove.js");

function trove(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", env: { ...process.env, TROVE_ARCHIVE: "" } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const REPORT = "Source 134832 told the officer that a payment of $16 million reached Karbala. Call +98 21 5550 1234 or write to desk@example.org.\n";

describe("entity commands", { skip: !existsSync(BIN.replace("bin/trove.js", "dist/cli/main.js")) && "needs the build (npm run build)" }, () => {
  let archive: string;
  let reportFile: string;

  before(() => {
    const dir = tempDir();
    const leak = path.join(dir, "leak");
    mkdirSync(leak);
    reportFile = path.join(leak, "report.txt");
    writeFileSync(reportFile, REPORT);
    writeFileSync(path.join(leak, "fa.txt"), "منبع ۱۳۴۸۳۲ در کربلا گزارش داد که ۵۰۰ هزار تومان پرداخت شد.\n");
    archive = path.join(dir, "archive.db");
    const ingest = trove(["ingest", leak, "--archive", archive, "--quiet"]);
    assert.equal(ingest.status, 0, ingest.stderr);
  });

  it("extract --json prints entities with offsets into the document's text", () => {
    const run = trove(["extract", reportFile, "--json"]);
    assert.equal(run.status, 0, run.stderr);
    const result = JSON.parse(run.stdout) as ExtractionResult & { file: string };
    assert.equal(result.file, reportFile);
    for (const entity of result.entities) {
      assert.deepEqual(Object.keys(entity).sort(), ["attributes", "end", "normalized", "start", "text", "type"]);
      assert.equal(REPORT.slice(entity.start, entity.end), entity.text);
    }
    const byType = (type: string) => result.entities.filter((entity) => entity.type === type);
    assert.equal(byType("source")[0]?.attributes.sourceId, "134832");
    assert.equal(byType("money")[0]?.attributes.amount, 16_000_000);
    assert.equal(byType("money")[0]?.attributes.currency, "USD");
    assert.equal(byType("email")[0]?.normalized, "desk@example.org");
    assert.equal(byType("phone").length, 1);
  });

  it("names match explains its decision", () => {
    const run = trove(["names", "match", "Qassem Soleimani", "قاسم سلیمانی", "--json"]);
    assert.equal(run.status, 0, run.stderr);
    const match = JSON.parse(run.stdout) as NameMatch;
    assert.equal(match.decision, "match");
    assert.ok(match.explanation.length > 0);
    assert.equal((JSON.parse(trove(["names", "match", "Barzani", "Nechirvan Barzani", "--json"]).stdout) as NameMatch).decision, "partial");
  });

  it("lists entities and opens a source by its number in either script", () => {
    const list = trove(["entities", "--type", "source", "--archive", archive, "--json"]);
    assert.equal(list.status, 0, list.stderr);
    const { entities } = JSON.parse(list.stdout) as { entities: { id: number; documentCount: number }[] };
    assert.equal(entities.length, 1, "one informant, in English and Persian");
    assert.equal(entities[0]!.documentCount, 2);
    const profile = JSON.parse(trove(["entity", "۱۳۴۸۳۲", "--archive", archive, "--json"]).stdout) as EntityProfile;
    assert.equal(profile.id, entities[0]!.id);
    assert.equal(profile.mentions.length, 2);
    assert.match(trove(["entity", String(profile.id), "--archive", archive]).stdout, /Mentions:/);
  });

  it("searches by entity and says what to do for an unknown one", () => {
    const search = JSON.parse(trove(["search", "entity:134832", "--archive", archive, "--json"]).stdout) as { total: number; facets: { entity: { type: string }[] } };
    assert.equal(search.total, 2);
    assert.ok(search.facets.entity.some((entry) => entry.type === "source"));
    const missing = trove(["entity", "Nobody Known", "--archive", archive]);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /trove entities/);
  });

  it("merges and refuses a merge across types", () => {
    const list = (type: string) => (JSON.parse(trove(["entities", "--type", type, "--archive", archive, "--json"]).stdout) as { entities: { id: number }[] }).entities;
    const source = list("source")[0]!.id;
    const place = list("place")[0]?.id ?? list("email")[0]!.id;
    const refused = trove(["entity", "merge", String(source), String(place), "--archive", archive]);
    assert.equal(refused.status, 1);
    assert.equal(list("source")[0]!.id, source, "nothing changed");
  });
});
