import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { before, describe, it } from "node:test";
import type { MoneyLedger, TimelineView } from "../../src/model/network.js";
import { ingest } from "../../src/pipeline/ingest-job.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { tempDir } from "../helpers/temp-dir.js";

const MAIN = pathToFileURL(path.resolve("src/cli/main.ts")).href;
const REPORTS = ["en/report-1393-08-12-erbil-expenses.en.txt", "en/report-1393-09-14-karbala.en.txt", "fa/report-1393-09-14-karbala.fa.txt"];

/** Runs the real command line, from source, in its own process. */
function trove(args: string[]) {
  const script = `import { main } from ${JSON.stringify(MAIN)}; process.exitCode = await main(["node", "trove", ...process.argv.slice(1)]);`;
  const result = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script, ...args], { encoding: "utf8", env: { ...process.env, TROVE_ARCHIVE: "" } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function archiveOf(entities: boolean): Promise<string> {
  const dir = tempDir();
  const leak = path.join(dir, "leak");
  mkdirSync(leak);
  for (const report of REPORTS) copyFileSync(path.resolve("samples/reports", report), path.join(leak, path.basename(report)));
  const archive = path.join(dir, "archive.db");
  const store = SqliteStore.open(archive);
  await ingest(store, [leak], { workers: 0, entities });
  store.close();
  return archive;
}

describe("trove timeline and trove money", () => {
  let archive: string;

  before(async () => {
    archive = await archiveOf(true);
  });

  it("timeline --json prints the timeline in date order, filtered by kind and dates", () => {
    const run = trove(["timeline", "--archive", archive, "--json"]);
    assert.equal(run.status, 0, run.stderr);
    const view = JSON.parse(run.stdout) as TimelineView;
    assert.deepEqual(Object.keys(view).sort(), ["events", "total"]);
    assert.equal(view.total, view.events.length);
    assert.deepEqual(Object.keys(view.events[0]!).sort(), ["date", "documentId", "documentTitle", "entities", "evidence", "kind", "relationId", "relationType", "summary"]);
    const dates = view.events.map((event) => event.date);
    assert.deepEqual(dates, [...dates].sort());
    assert.equal(view.events.filter((event) => event.kind === "document").length, REPORTS.length, "each report by its own date");

    const payments = JSON.parse(trove(["timeline", "--type", "payment", "--from", "2014-12", "--to", "2014-12-31", "--archive", archive, "--json"]).stdout) as TimelineView;
    assert.ok(payments.events.length > 0);
    assert.ok(payments.events.every((event) => event.relationType === "payment" && event.date.startsWith("2014-12")));
  });

  it("timeline prints aligned columns a reporter can scan, and pages", () => {
    const run = trove(["timeline", "--archive", archive, "--limit", "2"]);
    assert.equal(run.status, 0, run.stderr);
    const [header, ...rest] = run.stdout.split("\n");
    assert.match(header!, /^date\s+what\s+summary\s+document$/);
    assert.match(rest[0]!, /^2014-\d\d(-\d\d)?\s+\S+\s+/);
    assert.match(run.stdout, /--offset 2/);
  });

  it("money --json prints the ledger, and the table shows amounts as written with totals per currency", () => {
    const run = trove(["money", "--archive", archive, "--json"]);
    assert.equal(run.status, 0, run.stderr);
    const ledger = JSON.parse(run.stdout) as MoneyLedger;
    assert.deepEqual(Object.keys(ledger.totals).sort(), ["byCurrency", "byKind", "byPayee", "byPayer"]);
    assert.ok(ledger.lines.some((line) => line.amount === 87.5 && line.currency === "EUR"));
    assert.ok(ledger.lines.some((line) => line.amount === 4_000_000 && line.currency === "USD"));
    assert.ok(ledger.totals.byCurrency.every((total) => ledger.totals.byCurrency.filter((other) => other.currency === total.currency).length === 1), "one total per currency");

    const table = trove(["money", "--archive", archive]);
    assert.equal(table.status, 0, table.stderr);
    assert.match(table.stdout, /87\.5 EUR/);
    assert.match(table.stdout, /4,000,000 USD/);
    assert.match(table.stdout, /Totals by currency:/);
  });

  it("narrows both to an entity given by name or id, and names an unknown one", () => {
    const ledger = JSON.parse(trove(["money", "--archive", archive, "--json"]).stdout) as MoneyLedger;
    const party = ledger.lines.flatMap((line) => [line.payer, line.payee]).find((candidate) => candidate?.entityId != null);
    assert.ok(party, "a payment names a resolved party");
    const byId = JSON.parse(trove(["money", "--entity", String(party.entityId), "--archive", archive, "--json"]).stdout) as MoneyLedger;
    assert.ok(byId.lines.length > 0 && byId.lines.length <= ledger.lines.length);
    const byName = JSON.parse(trove(["timeline", "--entity", party.name, "--type", "payment", "--archive", archive, "--json"]).stdout) as TimelineView;
    assert.ok(byName.events.every((event) => event.entities.some((entity) => entity.id === party.entityId)));

    const unknown = trove(["timeline", "--entity", "Nobody Known", "--archive", archive]);
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /trove entities/);
  });

  it("says to run ingest when the archive has no relations yet, and refuses unknown kinds", async () => {
    const bare = await archiveOf(false);
    for (const command of ["timeline", "money"]) {
      const run = trove([command, "--archive", bare]);
      assert.equal(run.status, 1, command);
      assert.match(run.stderr, /no relations yet.*trove ingest/, command);
    }
    const wrong = trove(["timeline", "--type", "meetings", "--archive", archive]);
    assert.notEqual(wrong.status, 0);
    assert.match(wrong.stderr, /meeting, payment/);
  });

  it("documents its options with examples", () => {
    const timeline = trove(["timeline", "--help"]).stdout;
    for (const flag of ["--entity", "--type", "--from", "--to", "--limit", "--json", "--archive", "Examples:"]) assert.ok(timeline.includes(flag), flag);
    const money = trove(["money", "--help"]).stdout;
    for (const flag of ["--entity", "--json", "--archive", "Examples:", "tomans and rials"]) assert.ok(money.includes(flag), flag);
  });
});
