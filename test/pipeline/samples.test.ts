import assert from "node:assert/strict";
import path from "node:path";
import { before, describe, it } from "node:test";
import { DOCUMENT_TYPES } from "../../src/model/document.js";
import { ingest, type IngestReport } from "../../src/pipeline/ingest-job.js";
import { searchArchive } from "../../src/search/sqlite-search.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { tempDir } from "../helpers/temp-dir.js";

describe("the bundled sample archive", () => {
  let store: SqliteStore;
  let report: IngestReport;
  const paths = (query: string) => searchArchive(store, query, { limit: 100 }).hits.map((hit) => path.relative(path.resolve("samples"), hit.path));

  before(async () => {
    store = SqliteStore.open(path.join(tempDir(), "samples.db"));
    report = await ingest(store, ["samples"]);
  });

  it("goes in whole, exercising every document type but the unknown binary", () => {
    assert.deepEqual(report.problems, []);
    assert.ok(report.documents.total >= 40);
    const types = Object.keys(report.documents.byType).sort();
    assert.deepEqual(types, DOCUMENT_TYPES.filter((type) => type !== "binary").sort());
  });

  it("finds the Persian originals from Arabic letters and Persian digits", () => {
    const found = paths("كربلا نمايشگاه");
    assert.ok(found.includes("reports/fa/report-1393-09-14-karbala.fa.txt"), found.join(", "));
    assert.ok(paths("۱۳۹۳/۰۹/۱۴").some((file) => file.startsWith("reports/en/")), "the translation quotes the Jalali date in ASCII digits");
  });

  it("reads each legacy encoding and the members of archives and e-mails", () => {
    const encodings = store.database.prepare("SELECT name, encoding FROM documents WHERE encoding IN ('windows-1256', 'windows-1252', 'utf-16le') ORDER BY name").all() as { name: string; encoding: string }[];
    assert.deepEqual(encodings.map((row) => row.encoding).sort(), ["utf-16le", "windows-1252", "windows-1256"]);
    assert.ok(paths("path:batch-1394-04.zip!/").length >= 4);
    assert.ok(paths("path:partner-share-2015-07.tar.gz!/").length >= 3);
    assert.ok(paths("type:email").length >= 8);
    assert.ok(paths("type:pdf path:#attachment").length >= 1, "the PDF attached to an e-mail");
  });

  it("never indexes script or style content", () => {
    // samples/README.md names the words, so only the HTML pages are asked.
    for (const word of ["trackerpixelword", "stylesheetonlyword", "plusdanalyticsword"]) assert.deepEqual(paths(`${word} type:html`), [], word);
  });

  it("dates the Persian reports from their Solar Hijri dates", () => {
    const report = searchArchive(store, "path:report-1393-07-15-karbala.fa.txt").hits[0];
    assert.equal(report?.date, "2014-10-07");
  });
});
