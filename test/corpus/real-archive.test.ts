import assert from "node:assert/strict";
import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import { ingest, type IngestReport } from "../../src/pipeline/ingest-job.js";
import { searchArchive } from "../../src/search/sqlite-search.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { corpusPath } from "../helpers/corpus.js";
import { tempDir } from "../helpers/temp-dir.js";

const corpus = corpusPath();

describe("ingesting the real corpus", { skip: !corpus && "../shared/corpus is absent" }, () => {
  let store: SqliteStore;
  let report: IngestReport;
  const scan = "CIA-RDP86-00513R000204310015-5.pdf";

  before(async () => {
    const scans = path.join(tempDir(), "crest-scan");
    mkdirSync(scans);
    copyFileSync(path.join(corpus!, "crest/mnyrop_hlab-ipy/sample_pdfs", scan), path.join(scans, scan));
    store = SqliteStore.open(path.join(tempDir(), "corpus.db"));
    report = await ingest(store, ["cablegate", "plusd", "email", "crest/paul-mathieu_cablegate-cia-analysis"].map((folder) => path.join(corpus!, folder)).concat(scans), {
      limits: { maxOcrPages: 1 },
    });
  });

  it("reads every file, and reports only the scan's pages left for OCR", () => {
    assert.deepEqual(report.problems.map((problem) => [path.basename(problem.locator), problem.code]), [[scan, "truncated"]]);
    assert.equal(report.documents.byType.email, 162, "every message of the eight mailboxes");
    assert.equal(report.documents.byType.pdf, 15);
    assert.equal(report.documents.byType.html, 13);
  });

  it("detects the Windows-1252 cables and keeps their paragraph marks", () => {
    const rows = store.database.prepare("SELECT encoding, count(*) AS n FROM documents WHERE locator LIKE '%cablegate-converted%' GROUP BY encoding ORDER BY encoding").all();
    assert.deepEqual(rows, [{ encoding: "utf-8", n: 2 }, { encoding: "windows-1252", n: 22 }]);
    const paris = searchArchive(store, "path:09PARIS1007").hits[0];
    assert.ok(paris);
    assert.match(store.getDocument(paris.id).text, /¶1\./);
  });

  it("finds cables by words, phrases and filters", () => {
    assert.ok(searchArchive(store, "shah type:html").total >= 4);
    const phrase = searchArchive(store, '"minister of war"');
    assert.ok(phrase.hits.some((hit) => hit.path.endsWith("72TEHRAN1164.html")));
    assert.ok(searchArchive(store, "enron date:2001").total > 0);
  });

  it("reads the first page of a CREST scan by OCR", () => {
    const hit = searchArchive(store, `path:${scan}`).hits[0];
    assert.ok(hit);
    const document = store.getDocument(hit.id);
    assert.equal(document.pages?.length, 100);
    assert.equal(document.pages?.[0]?.ocr, true);
    assert.match(document.text, /APPROVED FOR RELEASE/i);
  });
});
