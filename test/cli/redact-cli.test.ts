import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { before, describe, it } from "node:test";
import type { Redaction, RedactionEvent } from "../../src/model/redaction.js";
import type { EntityRedactionResult } from "../../src/publish/redaction/entity.js";
import type { SuggestionReport } from "../../src/publish/redaction/suggestions.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { documentNamed, fixtureArchive } from "../publish/redaction/fixture-archive.js";

const MAIN = pathToFileURL(path.resolve("src/cli/main.ts")).href;
const REDACTION_KEYS = ["author", "createdAt", "decidedAt", "decidedBy", "documentId", "end", "entityId", "id", "note", "reason", "start", "status", "text"];

/** Runs the real command line, from source, in its own process, as a reporter whose login is `desk`. */
function trove(args: string[]) {
  const script = `import { main } from ${JSON.stringify(MAIN)}; process.exitCode = await main(["node", "trove", ...process.argv.slice(1)]);`;
  const result = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script, ...args], { encoding: "utf8", env: { ...process.env, TROVE_ARCHIVE: "", USER: "desk" } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function list(archive: string, ...filters: string[]): { total: number; redactions: Redaction[] } {
  const run = trove(["redact", "list", "--archive", archive, "--json", "--limit", "500", ...filters]);
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as { total: number; redactions: Redaction[] };
}

describe("trove redact", () => {
  let archive: string;
  let english: number;
  let englishText: string;

  before(async () => {
    archive = await fixtureArchive();
    const store = SqliteStore.open(archive, { readonly: true });
    english = documentNamed(store, "report-1393-06-25-baghdad.en.txt");
    englishText = store.redactions.documentText(english);
    store.close();
  });

  it("documents its commands with examples", () => {
    const help = trove(["redact", "--help"]);
    assert.equal(help.status, 0);
    for (const command of ["suggest", "list", "show", "add", "entity", "accept", "reject", "review"]) assert.match(help.stdout, new RegExp(`\\b${command}\\b`));
    assert.match(help.stdout, /trove redact accept --all-suggested --reason phone/);
    assert.match(help.stdout, /trove redact add 38 --text "Jadriya"/);
    assert.match(trove(["help"]).stdout, /\bredact\b/);
  });

  it("suggests, counting what each rule found, and adds nothing twice", () => {
    const first = trove(["redact", "suggest", "--archive", archive]);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /source\s+\d+ new/);
    assert.match(first.stdout, /plate\s+4 new/);
    const again = trove(["redact", "suggest", "--archive", archive, "--json"]);
    const report = JSON.parse(again.stdout) as SuggestionReport;
    assert.deepEqual(Object.keys(report).sort(), ["added", "documents", "found"]);
    assert.ok(Object.values(report.added).every((count) => count === 0));
    assert.equal(report.found.plate, 4);
  });

  it("lists the queue as the model's JSON, and in context on a terminal", () => {
    const { total, redactions } = list(archive, "--status", "suggested", "--document", String(english));
    assert.equal(total, redactions.length);
    assert.ok(total > 0);
    assert.deepEqual(Object.keys(redactions[0]!).sort(), REDACTION_KEYS);
    const text = trove(["redact", "list", "--archive", archive, "--document", String(english), "--reason", "phone"]);
    assert.match(text.stdout, /document \d+ {2}suggested {2}phone/);
    assert.match(text.stdout, /Nizar Abd al-Karim, as ⟦07712640388⟧ and added/);
  });

  it("accepts and rejects by id and in bulk, recording who decided", () => {
    const phones = list(archive, "--status", "suggested", "--reason", "phone").redactions;
    const [rejected, ...others] = phones.map((redaction) => redaction.id);
    const reject = trove(["redact", "reject", String(rejected), "--archive", archive, "--note", "a public switchboard"]);
    assert.equal(reject.status, 0, reject.stderr);
    assert.match(reject.stdout, /Rejected 1 redaction/);
    const bulk = trove(["redact", "accept", "--all-suggested", "--reason", "phone", "--author", "an editor", "--archive", archive]);
    assert.equal(bulk.status, 0, bulk.stderr);
    assert.match(bulk.stdout, new RegExp(`Accepted ${others.length} redactions`));
    const decided = list(archive, "--reason", "phone").redactions;
    assert.deepEqual(decided.map((redaction) => [redaction.id, redaction.status, redaction.decidedBy]).sort(), [[rejected, "rejected", "desk"], ...others.map((id) => [id, "accepted", "an editor"])].sort());

    const show = JSON.parse(trove(["redact", "show", String(rejected), "--archive", archive, "--json"]).stdout) as { redaction: Redaction; history: RedactionEvent[] };
    assert.equal(show.redaction.id, rejected);
    assert.deepEqual(show.history.map((event) => [event.kind, event.by, event.note]), [["rejected", "desk", "a public switchboard"]]);

    const neither = trove(["redact", "accept", "--archive", archive]);
    assert.equal(neither.status, 1);
    assert.match(neither.stderr, /--all-suggested/);
  });

  it("adds a reporter's own span, and every occurrence of some words", () => {
    const start = englishText.indexOf("Tahrir Square");
    const span = trove(["redact", "add", String(english), String(start), String(start + "Tahrir Square".length), "--note", "the route", "--archive", archive]);
    assert.equal(span.status, 0, span.stderr);
    assert.match(span.stdout, /Redacted 1 span in document/);
    const words = trove(["redact", "add", String(english), "--text", "jadriya", "--reason", "address", "--archive", archive]);
    assert.equal(words.status, 0, words.stderr);
    assert.match(words.stdout, /Redacted 2 spans/);
    const added = list(archive, "--document", String(english), "--status", "accepted").redactions.filter((redaction) => redaction.author === "desk");
    assert.deepEqual(added.map((redaction) => [redaction.text, redaction.reason]), [["Jadriya", "address"], ["Tahrir Square", "manual"], ["Jadriya", "address"]]);

    const missing = trove(["redact", "add", String(english), "--text", "Ouagadougou", "--archive", archive]);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /not in document/);
    const outside = trove(["redact", "add", String(english), "0", "999999", "--archive", archive]);
    assert.equal(outside.status, 1);
    assert.match(outside.stderr, /not inside document/);
  });

  it("redacts an entity everywhere and says where, in which scripts", () => {
    const run = trove(["redact", "entity", "حارث", "الزبیدی", "--archive", archive]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /Redacted .+ \(person \d+\): \d+ spans in \d+ documents — \d+ in Latin script, \d+ in Arabic script\./);
    const json = JSON.parse(trove(["redact", "entity", "حارث الزبیدی", "--archive", archive, "--json"]).stdout) as EntityRedactionResult;
    assert.deepEqual(Object.keys(json).sort(), ["byScript", "documents", "entityId", "name", "redactionIds", "suggestionIds", "type"]);
    assert.ok(json.byScript.arabic > 0 && json.byScript.latin > 0);
    const unknown = trove(["redact", "entity", "Nobody Known", "--archive", archive]);
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /trove entities/);
  });

  it("says what to do instead of an interactive review when there is no terminal", () => {
    const run = trove(["redact", "review", "--archive", archive]);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /needs a terminal/);
    assert.match(run.stderr, /trove redact list --status suggested --json/);
  });
});
