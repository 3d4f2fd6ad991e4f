import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import Database from "better-sqlite3";
import { tempDir } from "../helpers/temp-dir.js";

const BIN = path.resolve("bin/trove.js");

function trove(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", env: { ...process.env, TROVE_ARCHIVE: "" } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function leakFolder(): string {
  const leak = path.join(tempDir(), "leak");
  mkdirSync(leak);
  writeFileSync(path.join(leak, "report.txt"), "Meeting in Karbala\nSource 134832 met the officer at the photo exhibition.\n");
  writeFileSync(path.join(leak, "fa.txt"), "گزارش دیدار در کربلا با منبع ۱۳۴۸۳۲\n");
  return leak;
}

describe("trove CLI", { skip: !existsSync(BIN.replace("bin/trove.js", "dist/cli/main.js")) && "needs the build (npm run build)" }, () => {
  it("documents its commands, the exit statuses and the query language in --help", () => {
    const help = trove(["--help"]);
    assert.equal(help.status, 0);
    for (const command of ["ingest", "search", "show", "stats"]) assert.match(help.stdout, new RegExp(`\\b${command}\\b`));
    const ingestHelp = trove(["ingest", "--help"]).stdout;
    for (const flag of ["--archive", "--report", "--workers"]) assert.match(ingestHelp, new RegExp(flag));
    assert.match(ingestHelp, /Exit status:[\s\S]*0[\s\S]*2[\s\S]*1/);
    assert.match(trove(["search", "--help"]).stdout, /date:2014-10-01\.\.2015-03-31/);
  });

  it("ingests, then searches with the JSON shape scripts rely on", () => {
    const dir = tempDir();
    const archive = path.join(dir, "archive.db");
    const reportFile = path.join(dir, "report.json");
    const ingest = trove(["ingest", leakFolder(), "--archive", archive, "--report", reportFile]);
    assert.equal(ingest.status, 0, ingest.stderr);
    assert.match(ingest.stdout, /2 documents/);
    const report = JSON.parse(readFileSync(reportFile, "utf8"));
    assert.equal(report.files.ingested, 2);
    assert.deepEqual(report.problems, []);

    const search = trove(["search", "كربلا", "--archive", archive, "--json"]);
    assert.equal(search.status, 0, search.stderr);
    const result = JSON.parse(search.stdout);
    assert.deepEqual(Object.keys(result).sort(), ["facets", "hits", "total"]);
    assert.equal(result.total, 1);
    for (const key of ["id", "title", "path", "score", "snippet"]) assert.ok(key in result.hits[0], key);
    assert.deepEqual(Object.keys(result.facets).sort(), ["classification", "entity", "language", "origin", "type", "year"]);

    const page = JSON.parse(trove(["search", "134832", "--archive", archive, "--json", "--limit", "1", "--offset", "1"]).stdout);
    assert.equal(page.total, 2);
    assert.equal(page.hits.length, 1);

    const show = trove(["show", String(result.hits[0].id), "--archive", archive, "--json"]);
    assert.equal(JSON.parse(show.stdout).text, "گزارش دیدار در کربلا با منبع ۱۳۴۸۳۲\n");
    const stats = JSON.parse(trove(["stats", "--archive", archive, "--json"]).stdout);
    assert.equal(stats.documents, 2);
  });

  it("exits 2 when some files failed, naming each with its reason", () => {
    const leak = leakFolder();
    writeFileSync(path.join(leak, "empty.txt"), "");
    const result = trove(["ingest", leak, "--archive", path.join(tempDir(), "a.db")]);
    assert.equal(result.status, 2);
    assert.match(result.stdout, /empty\.txt: the file is empty/);
  });

  it("exits 1 when the job itself cannot run, with a message saying what to do", () => {
    const blocker = path.join(tempDir(), "not-a-folder");
    writeFileSync(blocker, "a file where the archive's folder should be");
    const result = trove(["ingest", leakFolder(), "--archive", path.join(blocker, "archive.db")]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /^trove: /);
    const missing = trove(["search", "x", "--archive", path.join(tempDir(), "none.db")]);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /trove ingest/);
  });

  it("points at the fault in a malformed query", () => {
    const archive = path.join(tempDir(), "a.db");
    trove(["ingest", leakFolder(), "--archive", archive]);
    const result = trove(["search", "karbala (meeting", "--archive", archive]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /position 9\n  karbala \(meeting\n {10}\^/);
    const notFound = trove(["show", "999", "--archive", archive]);
    assert.equal(notFound.status, 1);
    assert.match(notFound.stderr, /no document with id 999/);
  });

  it("loses nothing committed when killed mid-ingest, and a re-run completes the job", async () => {
    const leak = path.join(tempDir(), "many");
    mkdirSync(leak);
    const files = 4000;
    for (let i = 0; i < files; i++) writeFileSync(path.join(leak, `cable-${i}.txt`), `Cable ${i}\nRoutine report number ${i} from Basra about shipments.\n`);
    const archive = path.join(tempDir(), "killed.db");
    const child = spawn(process.execPath, [BIN, "ingest", leak, "--archive", archive, "--quiet"], { stdio: "ignore" });
    const committed = () => {
      try {
        const db = new Database(archive, { readonly: true, fileMustExist: true });
        try {
          return (db.prepare("SELECT count(*) AS n FROM documents").get() as { n: number }).n;
        } finally {
          db.close();
        }
      } catch {
        return 0;
      }
    };
    let before = 0;
    for (let waited = 0; waited < 60_000 && before === 0; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      before = committed();
    }
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));
    const afterKill = committed();
    assert.ok(afterKill >= before && afterKill > 0, `committed before the kill: ${before}, after: ${afterKill}`);
    assert.ok(afterKill < files, "the kill came before the end, so the re-run has work left");
    const rerun = trove(["ingest", leak, "--archive", archive, "--quiet"]);
    assert.equal(rerun.status, 0, rerun.stderr);
    const db = new Database(archive, { readonly: true });
    const counts = db.prepare("SELECT count(*) AS documents, count(DISTINCT locator) AS locators FROM documents").get() as { documents: number; locators: number };
    const indexed = (db.prepare("SELECT count(*) AS n FROM document_fts WHERE document_fts MATCH 'basra'").get() as { n: number }).n;
    db.close();
    assert.deepEqual(counts, { documents: files, locators: files });
    assert.equal(indexed, files);
  });
});

describe("trove parse and show with cable fields", { skip: !existsSync(BIN.replace("bin/trove.js", "dist/cli/main.js")) && "needs the build (npm run build)" }, () => {
  it("prints the fields of a field report and its calendar date, without an archive", () => {
    const result = trove(["parse", "samples/reports/fa/report-1393-07-15-karbala.fa.txt", "--json"]);
    assert.equal(result.status, 0, result.stderr);
    const [document] = JSON.parse(result.stdout).documents;
    assert.equal(document.cable.layout, "field-report");
    assert.deepEqual({ text: document.cable.date.text, calendar: document.cable.date.calendar, iso: document.cable.date.iso }, { text: "۱۳۹۳/۰۷/۱۵", calendar: "jalali", iso: "2014-10-07" });
    assert.equal(document.cable.classificationLevel, "SECRET");
    assert.match(trove(["parse", "samples/cables/15BAGHDAD87.txt"]).stdout, /reference\s+15BAGHDAD87/);
  });

  it("shows a document with its cable and its translation", () => {
    const archive = path.join(tempDir(), "a.db");
    const ingest = trove(["ingest", "samples/reports", "--archive", archive, "--quiet"]);
    assert.equal(ingest.status, 0, ingest.stderr);
    const hit = JSON.parse(trove(["search", "path:report-1393-07-15-karbala.fa.txt", "--archive", archive, "--json"]).stdout).hits[0];
    const shown = JSON.parse(trove(["show", String(hit.id), "--archive", archive, "--json"]).stdout);
    assert.equal(shown.cable.reference, "ک/۴۱۷/۹۳");
    assert.equal(shown.translations.length, 1);
    assert.equal(shown.translations[0].role, "translation");
    assert.equal(shown.translations[0].language, "en");
    const english = JSON.parse(trove(["search", "karbala tamimi", "--archive", archive, "--json", "--limit", "50"]).stdout).hits.map((result: { path: string }) => path.basename(result.path));
    assert.ok(english.includes("report-1393-07-15-karbala.fa.txt"), "an English query finds the Persian original through its translation");
    const byClassification = JSON.parse(trove(["search", "classification:secret", "--archive", archive, "--json", "--limit", "0"]).stdout);
    assert.ok(byClassification.total > 0);
    assert.ok(byClassification.facets.classification.some((facet: { value: string }) => facet.value === "SECRET"));
  });
});

describe("trove translations", { skip: !existsSync(BIN.replace("bin/trove.js", "dist/cli/main.js")) && "needs the build (npm run build)" }, () => {
  it("aligns an original with its translation and flags where a second translation disagrees", () => {
    const folder = path.join(tempDir(), "expenses");
    mkdirSync(folder);
    const base = "report-1393-08-12-erbil-expenses";
    const english = readFileSync(`samples/reports/en/${base}.en.txt`, "utf8");
    writeFileSync(path.join(folder, `${base}.fa.txt`), readFileSync(`samples/reports/fa/${base}.fa.txt`));
    writeFileSync(path.join(folder, `${base}.en.txt`), english);
    writeFileSync(path.join(folder, "second-translation.txt"), english.replace("38 euros", "83 euros"));
    const archive = path.join(tempDir(), "a.db");
    assert.equal(trove(["ingest", folder, "--archive", archive, "--quiet"]).status, 0);
    const idOf = (name: string) => JSON.parse(trove(["search", `path:${name}`, "--archive", archive, "--json"]).stdout).hits[0].id as number;

    const aligned = JSON.parse(trove(["translations", "align", String(idOf(`${base}.fa.txt`)), "--archive", archive, "--json"]).stdout);
    assert.equal(aligned.translation, idOf(`${base}.en.txt`));
    assert.ok(aligned.paragraphs.length >= 5);
    assert.ok(aligned.paragraphs.every((pair: { method: string }) => pair.method === "number"));

    const compared = trove(["translations", "compare", String(idOf(`${base}.en.txt`)), String(idOf("second-translation.txt")), "--archive", archive, "--json"]);
    assert.equal(compared.status, 0, compared.stderr);
    const disagreeing = JSON.parse(compared.stdout).passages.filter((passage: { disagrees: boolean }) => passage.disagrees);
    assert.equal(disagreeing.length, 1);
    assert.equal(disagreeing[0].number, "3");
    assert.match(trove(["translations", "compare", String(idOf(`${base}.en.txt`)), String(idOf("second-translation.txt")), "--archive", archive]).stdout, /only in the second: .*83 euros/);
  });
});
