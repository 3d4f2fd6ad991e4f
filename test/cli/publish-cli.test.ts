import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import { buildProgram } from "../../src/cli/main.js";
import type { LeakCheck } from "../../src/model/redaction.js";
import { ingest } from "../../src/pipeline/ingest-job.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { browserMissing, launchBrowser } from "../e2e/browser.js";
import { tempDir } from "../helpers/temp-dir.js";
import { textImage } from "../publish/leak-check/hand-made-files.js";

const REPORT = [
  "Report on the Karbala exhibition",
  "",
  "1. The officer met Sheikh Harith al-Zubaidi at the photo exhibition.",
  "",
  "2. The Arabic press named him حارث نوری الزبیدی and praised the pictures.",
  "",
  "3. Source 134250 confirmed the first instalment.",
].join("\n");

const MAIN = pathToFileURL(path.resolve("src/cli/main.ts")).href;

/** Runs the real command line, from source, in its own process. */
function trove(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const script = `import { main } from ${JSON.stringify(MAIN)}; process.exitCode = await main(["node", "trove", ...process.argv.slice(1)]);`;
  const result = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script, ...args], { encoding: "utf8", env: { ...process.env, TROVE_ARCHIVE: "" } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function helpOf(...names: string[]): string {
  let command = buildProgram({ code: 0 });
  for (const name of names) command = command.commands.find((child) => child.name() === name)!;
  let text = "";
  command.configureOutput({ writeOut: (chunk) => (text += chunk) }).outputHelp();
  return text;
}

describe("trove publish", () => {
  let archive: string;
  let reportId: number;
  let receiptId: number;
  let browser: Browser | undefined;

  before(async () => {
    const inputs = tempDir();
    writeFileSync(path.join(inputs, "report.txt"), REPORT);
    if (!browserMissing()) {
      browser = await launchBrowser();
      // A typed receipt whose signature line is in Persian: ingest reads the page as English.
      const receipt = await textImage(browser, ["HANDOVER RECEIPT", "Received by the office director of the MP", "امضا: حارث نوری الزبیدی", "Witness: the driver"]);
      writeFileSync(path.join(inputs, "receipt.png"), receipt);
    }
    archive = path.join(tempDir(), "archive.db");
    const store = SqliteStore.open(archive);
    try {
      await ingest(store, [inputs], { entities: false, workers: 0 });
      const documents = [1, 2].flatMap((id) => (browser || id === 1 ? [store.getDocument(id)] : []));
      const report = documents.find((document) => document.name === "report.txt")!;
      reportId = report.id;
      receiptId = documents.find((document) => document.name === "receipt.png")?.id ?? -1;
      const span = (text: string) => ({ documentId: reportId, start: report.text.indexOf(text), end: report.text.indexOf(text) + text.length, reason: "manual" as const, status: "accepted" as const, author: "a reporter" });
      store.redactions.addRedactions([span("Harith al-Zubaidi"), span("حارث نوری الزبیدی"), span("134250")]);
    } finally {
      store.close();
    }
  });
  after(async () => {
    await browser?.close();
  });

  it("is listed in trove --help, and each subcommand documents its options and exit statuses", () => {
    assert.match(helpOf(), /\bpublish\b/);
    const exportHelp = helpOf("publish", "export");
    for (const flag of ["--format", "--out", "--range", "--paragraphs", "--pages", "--archive", "--json"]) assert.match(exportHelp, new RegExp(flag));
    const checkHelp = helpOf("publish", "check");
    for (const flag of ["--archive", "--json"]) assert.match(checkHelp, new RegExp(flag));
    for (const text of [exportHelp, checkHelp]) assert.match(text, /Exit status:/);
  });

  it("exports paragraphs to text, and the file it wrote passes the check", () => {
    const out = tempDir();
    const exported = trove(["publish", "export", String(reportId), "--paragraphs", "2-3", "--format", "txt", "--out", path.join(out, "excerpt.txt"), "--archive", archive]);
    assert.equal(exported.status, 0, exported.stderr);
    assert.match(exported.stdout, /Wrote .*excerpt\.txt: document \d+, characters \d+-\d+, \d+ redaction block\(s\)/);
    assert.match(exported.stdout, /Leak check passed/);
    const checked = trove(["publish", "check", path.join(out, "excerpt.txt"), "--archive", archive]);
    assert.equal(checked.status, 0, checked.stdout);
    assert.match(checked.stdout, /^Passed: no redacted form/);
  });

  it("fails a hand-made file with the name split across a line, naming where and masking the name", () => {
    const file = path.join(tempDir(), "draft.txt");
    writeFileSync(file, "The officer met Sheikh Harith al-\nZubaidi at the exhibition.\n");
    const checked = trove(["publish", "check", file, "--archive", archive]);
    assert.equal(checked.status, 1);
    assert.match(checked.stdout, /^Failed: 1 redacted form\(s\) found/);
    assert.match(checked.stdout, /text: The officer met Sheikh █████ at the exhibition\. \(redaction \d+\)/);
    assert.doesNotMatch(checked.stdout, /Zubaidi/);
    const json = JSON.parse(trove(["publish", "check", file, "--archive", archive, "--json"]).stdout) as LeakCheck;
    assert.equal(json.passed, false);
    assert.deepEqual(json.leaks.map((leak) => [leak.location, leak.form]), [["text", "Harith al-Zubaidi"]]);
  });

  it("refuses a range outside the text", () => {
    const outside = trove(["publish", "export", String(reportId), "--range", "0-99999", "--format", "txt", "--out", path.join(tempDir(), "x.txt"), "--archive", archive]);
    assert.equal(outside.status, 1);
    assert.match(outside.stderr, /not within document/);
  });

  describe("with Chromium", { skip: browserMissing() }, () => {
    it("exports to PDF with clean metadata, and the check passes it", () => {
      const out = tempDir();
      const exported = trove(["publish", "export", String(reportId), "--format", "pdf", "--out", path.join(out, "harith-al-zubaidi.pdf"), "--archive", archive, "--json"]);
      assert.equal(exported.status, 0, exported.stderr);
      const result = JSON.parse(exported.stdout) as { written: boolean; file: string; check: LeakCheck };
      assert.equal(result.file, path.join(out, "redacted.pdf"));
      assert.equal(result.check.passed, true);
      assert.match(execFileSync("pdfinfo", [result.file], { encoding: "utf8" }), /^Producer:\s+Trove$/m);
      assert.equal(trove(["publish", "check", result.file, "--archive", archive]).status, 0);
    });

    it("refuses to write a scan whose image still shows a redacted name its OCR language could not read, and writes nothing", () => {
      const store = SqliteStore.open(archive, { readonly: true });
      const page = store.getDocument(receiptId).pages![0]!;
      store.close();
      assert.equal(page.ocrLanguages, "eng", "the receipt should have been read as English, so its Persian line was not");
      const out = path.join(tempDir(), "out");
      mkdirSync(out);
      const exported = trove(["publish", "export", String(receiptId), "--format", "pdf", "--out", path.join(out, "receipt.pdf"), "--archive", archive]);
      assert.equal(exported.status, 1);
      assert.match(exported.stderr, /refused to write .*receipt\.pdf: the leak check found/);
      assert.match(exported.stderr, /image 1 \(OCR, (fas|fas\+ara\+eng)\): .*█████/);
      assert.doesNotMatch(exported.stderr, /الزبیدی/);
      assert.deepEqual(readdirSync(out), []);
    });
  });
});
