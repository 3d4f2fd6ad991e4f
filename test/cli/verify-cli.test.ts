import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import { buildProgram, main } from "../../src/cli/main.js";
import { ingest } from "../../src/pipeline/ingest-job.js";
import type { VerificationReport } from "../../src/publish/verification/report.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { tempDir } from "../helpers/temp-dir.js";

const FIXTURES = path.resolve("test/fixtures/verify");

/** Runs `trove ARGS` in this process and collects what it writes. */
async function trove(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const written = { stdout: [] as string[], stderr: [] as string[] };
  const original = { stdout: process.stdout.write.bind(process.stdout), stderr: process.stderr.write.bind(process.stderr) };
  const capture = (into: string[]) => ((chunk: string | Uint8Array) => (into.push(String(chunk)), true)) as typeof process.stdout.write;
  process.stdout.write = capture(written.stdout);
  process.stderr.write = capture(written.stderr);
  try {
    const status = await main(["node", "trove", ...args]);
    return { status, stdout: written.stdout.join(""), stderr: written.stderr.join("") };
  } finally {
    process.stdout.write = original.stdout;
    process.stderr.write = original.stderr;
  }
}

describe("trove verify", () => {
  let archive: string;

  before(async () => {
    archive = path.join(tempDir(), "archive.db");
    const store = SqliteStore.open(archive);
    try {
      await ingest(store, [path.join(FIXTURES, "reports"), path.join(FIXTURES, "notes")], { entities: false });
    } finally {
      store.close();
    }
  });

  it("is listed in trove --help, with its options and exit statuses in its own help", () => {
    assert.match(buildProgram({ code: 0 }).helpInformation(), /\bverify\b/);
    const help = buildProgram({ code: 0 }).commands.find((command) => command.name() === "verify")!;
    let text = "";
    help.configureOutput({ writeOut: (chunk) => (text += chunk) }).outputHelp();
    for (const flag of ["--archive", "--out", "--json"]) assert.match(text, new RegExp(flag));
    assert.match(text, /Exit status:/);
  });

  it("writes verification.json and verification.html and prints a summary table", async () => {
    const out = path.join(tempDir(), "report");
    const run = await trove(["verify", "--archive", archive, "--out", out]);
    assert.equal(run.status, 0, run.stderr);
    const report = JSON.parse(readFileSync(path.join(out, "verification.json"), "utf8")) as VerificationReport;
    assert.deepEqual(Object.keys(report).sort(), ["archive", "claims", "duplicates", "findings", "generatedAt", "manifest", "nearDuplicates", "pdfs", "schemaVersion", "summary"]);
    assert.match(readFileSync(path.join(out, "verification.html"), "utf8"), /^<!DOCTYPE html>/);
    assert.match(run.stdout, new RegExp(`originals\\s+${report.summary.originals}\\b`));
    assert.match(run.stdout, /near-duplicate pairs\s+1\b/);
    assert.match(run.stdout, /weekday-mismatch\s+3\s+0/);
    assert.match(run.stdout, /calendar-mismatch\s+1\s+0/);
    assert.match(run.stdout, /reference-gap\s+0\s+1/);
    assert.match(run.stdout, new RegExp(`Manifest digest \\(SHA-256\\): ${report.manifest.digest}`));
  });

  it("prints the whole report with --json", async () => {
    const out = path.join(tempDir(), "report");
    const run = await trove(["verify", "--archive", archive, "--out", out, "--json"]);
    assert.equal(run.status, 0, run.stderr);
    const printed = JSON.parse(run.stdout) as VerificationReport;
    assert.deepEqual(printed, JSON.parse(readFileSync(path.join(out, "verification.json"), "utf8")));
    assert.ok(printed.findings.every((finding) => ["info", "warning"].includes(finding.severity) && finding.documentIds.length > 0 && finding.message.length > 0));
  });

  it("says how to make an archive when there is none, and writes nothing", async () => {
    const out = path.join(tempDir(), "report");
    const run = await trove(["verify", "--archive", path.join(tempDir(), "missing.db"), "--out", out]);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /trove ingest/);
    assert.equal(existsSync(out), false);
  });
});
