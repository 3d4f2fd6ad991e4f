import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import type { RelationsOutput } from "../../src/model/relation.js";

const BIN = path.resolve("bin/trove.js");
const BUILT = existsSync(path.resolve("dist/cli/main.js"));
const MAIN = path.resolve("src/cli/main.ts");
const ENGLISH = path.resolve("test/fixtures/relations/field-report.en.txt");
const PERSIAN = path.resolve("test/fixtures/relations/field-report.fa.txt");
const REQUIRED_KEYS = ["type", "roles", "date", "place", "amount", "currency", "quality", "evidence", "confidence"];
const OPTIONAL_KEYS = ["kind", "purpose", "cover", "counterSurveillance"];

/** The real CLI: the build when there is one, else the same `main` run from source. */
function trove(args: string[]) {
  const command = BUILT
    ? [BIN, ...args]
    : ["--import", "tsx", "--input-type=module", "-e", `const { main } = await import(${JSON.stringify(MAIN)}); process.exitCode = await main(["node", "trove", ...JSON.parse(process.env.TROVE_TEST_ARGS)]);`];
  const result = spawnSync(process.execPath, command, { encoding: "utf8", env: { ...process.env, TROVE_ARCHIVE: "", TROVE_TEST_ARGS: JSON.stringify(args) } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

type FileRelations = RelationsOutput & { file: string };

describe("trove relations", () => {
  it("prints one file's relations as JSON in the documented shape, with exact evidence", () => {
    const run = trove(["relations", ENGLISH, "--json"]);
    assert.equal(run.status, 0, run.stderr);
    const result = JSON.parse(run.stdout) as FileRelations;
    assert.equal(result.file, ENGLISH);
    const text = readFileSync(ENGLISH, "utf8");
    for (const relation of result.relations) {
      const keys = Object.keys(relation);
      assert.deepEqual(keys.slice(0, REQUIRED_KEYS.length), REQUIRED_KEYS);
      for (const key of keys.slice(REQUIRED_KEYS.length)) assert.ok(OPTIONAL_KEYS.includes(key), key);
      assert.equal(text.slice(relation.evidence.start, relation.evidence.end), relation.evidence.text);
      assert.ok(!("participants" in relation));
    }
    const meeting = result.relations.find((relation) => relation.type === "meeting");
    assert.deepEqual(meeting?.roles.participant, ["Farhad", "Source 140277"]);
    assert.equal(meeting?.date, "2015-08-01");
    assert.equal(meeting?.cover, "book fair");
    const payment = result.relations.find((relation) => relation.type === "payment");
    assert.equal(payment?.amount, 300);
    assert.equal(payment?.currency, "USD");
    assert.equal(payment?.kind, "reward");
    assert.ok(!result.relations.some((relation) => /met the deadline|paid attention|proposed/u.test(relation.evidence.text)));
  });

  it("prints one JSON line per file for several files, Persian included", () => {
    const run = trove(["relations", ENGLISH, PERSIAN, "--json"]);
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.trim().split("\n").map((line) => JSON.parse(line) as FileRelations);
    assert.deepEqual(lines.map((line) => line.file), [ENGLISH, PERSIAN]);
    const restriction = lines[1]!.relations.find((relation) => relation.type === "restriction");
    assert.deepEqual(restriction?.roles.withheldFrom, ["قرارگاه نصر"]);
  });

  it("names an unreadable file and why, reads the others, and exits with 2", () => {
    const missing = path.resolve("test/fixtures/relations/no-such-report.txt");
    const run = trove(["relations", missing, ENGLISH]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, new RegExp(`${missing.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&")}: unreadable: .*ENOENT`, "u"));
    assert.match(run.stdout, /meeting {2}0\.\d\d {2}2015-08-01/u);
    assert.match(run.stdout, /participant: Farhad; Source 140277/u);
    assert.match(run.stdout, /evidence \(\d+–\d+\): At 18:00/u);
  });

  it("documents the relation types, their roles and --json in --help", () => {
    const help = trove(["relations", "--help"]);
    assert.equal(help.status, 0);
    for (const word of ["--json", "meeting", "payment", "affiliation", "reporting", "recruitment", "restriction", "payer", "withheldFrom", "counterSurveillance"]) {
      assert.match(help.stdout, new RegExp(word, "u"));
    }
  });
});
