import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import { ingest } from "../../../src/pipeline/ingest-job.js";
import { exportExcerpt, type ExportFormat } from "../../../src/publish/export/export-excerpt.js";
import type { ExcerptSource } from "../../../src/publish/export/excerpt.js";
import { forbiddenForms } from "../../../src/publish/redaction/forms.js";
import { SqliteStore } from "../../../src/store/sqlite/sqlite-store.js";
import { browserMissing, launchBrowser } from "../../e2e/browser.js";
import { corpusPath } from "../../helpers/corpus.js";
import { tempDir } from "../../helpers/temp-dir.js";

const CABLEGATE = corpusPath("cablegate", "paul-mathieu_cablegate-cia-analysis");

/** Real cables, each with the words a reporter redacts and words that must stay. */
const CABLES = [
  { file: "cablegate-pdf/00DAMASCUS2985.pdf", redact: ["KHADDAM", "RYAN C. CROCKER", "CROCKER"], gone: /KHADDAM|CROCKER/, kept: ["BASHAR", "DECREES"] },
  { file: "cablegate-converted/07KUALALUMPUR1376.txt", redact: ["Abdullah", "LAFLEUR"], gone: /Abdullah|LAFLEUR/, kept: ["Prime Minister", "Foreign Ministry"] },
];

function run(tool: string, args: string[]): string {
  return execFileSync(tool, args, { encoding: "utf8", env: { ...process.env, OMP_THREAD_LIMIT: "1" } });
}

describe("export of real cables", { skip: CABLEGATE ? browserMissing() : "needs ../shared/corpus" }, () => {
  const sources = new Map<string, ExcerptSource>();
  let browser: Browser;

  before(async () => {
    browser = await launchBrowser();
    const store = SqliteStore.open(path.join(tempDir(), "archive.db"));
    try {
      await ingest(store, CABLES.map((cable) => path.join(CABLEGATE!, cable.file)), { entities: false, workers: 0 });
      const ids = new Map([1, 2].map((id) => [store.getDocument(id).name, id]));
      for (const cable of CABLES) {
        const document = store.getDocument(ids.get(path.basename(cable.file))!);
        const spans = cable.redact.map((words) => {
          const start = document.text.indexOf(words);
          assert.ok(start >= 0, `${words} is not in ${cable.file}`);
          return { documentId: document.id, start, end: start + words.length, reason: "manual" as const, status: "accepted" as const, author: "a reporter" };
        });
        store.redactions.addRedactions(spans);
      }
      for (const cable of CABLES) {
        const id = ids.get(path.basename(cable.file))!;
        sources.set(cable.file, { document: store.getDocument(id), redactions: store.redactions.acceptedRedactions(id), forms: forbiddenForms(store) });
      }
    } finally {
      store.close();
    }
  });
  after(async () => {
    await browser?.close();
  });

  for (const cable of CABLES) {
    for (const format of ["txt", "html", "pdf"] as ExportFormat[]) {
      it(`exports ${path.basename(cable.file)} to ${format} with every occurrence of the redacted words gone and the rest intact`, async () => {
        const result = await exportExcerpt(sources.get(cable.file)!, { format, out: path.join(tempDir(), `excerpt.${format}`), browser });
        assert.equal(result.check.passed, true);
        const text = format === "pdf" ? run("pdftotext", ["-enc", "UTF-8", result.file, "-"]) : readFileSync(result.file, "utf8");
        assert.doesNotMatch(text, cable.gone);
        for (const kept of cable.kept) assert.ok(text.replace(/\s+/g, " ").includes(kept), `${kept} is missing`);
      });
    }
  }

  it("prints a real cable to a PDF that, rendered and read by Tesseract, shows no redacted word", async () => {
    const result = await exportExcerpt(sources.get(CABLES[0]!.file)!, { format: "pdf", out: path.join(tempDir(), "damascus.pdf"), browser });
    const folder = tempDir("rendered-");
    run("pdftoppm", ["-r", "150", "-gray", "-png", "-f", "1", "-l", "1", result.file, path.join(folder, "page")]);
    const seen = run("tesseract", [path.join(folder, readdirSync(folder)[0]!), "stdout", "-l", "eng"]);
    assert.doesNotMatch(seen, /KHADDAM|CROCKER/i);
    assert.match(seen, /BASHAR/);
  });
});
