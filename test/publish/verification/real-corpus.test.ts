import assert from "node:assert/strict";
import path from "node:path";
import { before, describe, it } from "node:test";
import { ingest } from "../../../src/pipeline/ingest-job.js";
import type { FindingKind } from "../../../src/publish/verification/finding.js";
import { verifyArchive, type VerificationReport } from "../../../src/publish/verification/report.js";
import { SqliteStore } from "../../../src/store/sqlite/sqlite-store.js";
import { corpusPath } from "../../helpers/corpus.js";
import { tempDir } from "../../helpers/temp-dir.js";

const cablegate = corpusPath("cablegate");
const plusd = corpusPath("plusd");

describe("the verification report on real Cablegate and PlusD cables", { skip: !cablegate && "needs ../shared/corpus" }, () => {
  let report: VerificationReport;
  const nameOf = (id: number) => report.manifest.entries.find((entry) => entry.id === id)!.name;
  const named = (kind: FindingKind) => report.findings.filter((finding) => finding.kind === kind).map((finding) => nameOf(finding.documentIds[0]!));

  before(async () => {
    const store = SqliteStore.open(path.join(tempDir(), "real.db"));
    try {
      await ingest(store, [cablegate!, plusd!], { entities: false });
      report = await verifyArchive(store);
    } finally {
      store.close();
    }
  });

  it("finds the 2009 cable filed as 00ATHENS1501: it cites a 2009 cable and breaks the Athens series' date order", () => {
    const anachronism = report.findings.find((finding) => finding.kind === "reference-anachronism");
    assert.equal(nameOf(anachronism!.documentIds[0]!), "00ATHENS1501.pdf");
    assert.match(anachronism!.message, /09 STATE 96625, a reference from 2009/);
    assert.deepEqual(named("reference-order"), ["00ATHENS1501.pdf"]);
  });

  it("finds the Hanoi cable whose date was not read as its number's year", () => {
    assert.deepEqual(named("reference-year"), ["00HANOI686.pdf"]);
  });

  it("sees the Cablegate PDFs for what they are: renderings made in 2015 of cables from 2000", () => {
    const late = named("pdf-modified-long-after-date");
    assert.equal(late.length, 13, "all but 00HANOI686, whose date was misread as 2020");
    assert.ok(late.every((name) => name.startsWith("00") && name.endsWith(".pdf") && name !== "00HANOI686.pdf"));
    assert.deepEqual(report.pdfs.producers, [{ producer: "Qt 4.8.6", count: 14 }]);
    assert.ok(report.pdfs.documents.every((pdf) => pdf.readFrom === "original" && pdf.creator === "wkhtmltopdf 0.12.2.1"));
  });

  it("lists gaps in the stations' series and no false alarms about weekdays or calendars", () => {
    assert.ok(named("reference-gap").length >= 10);
    assert.deepEqual(named("weekday-mismatch"), [], "\"March 5, 2007 Sunday Telegraph\" names a newspaper");
    assert.deepEqual(named("calendar-mismatch"), []);
  });

  it("keeps PlusD pages that share the site's template apart from near-duplicates", () => {
    const plusdIds = new Set(report.manifest.entries.filter((entry) => entry.path.startsWith(plusd!)).map((entry) => entry.id));
    assert.deepEqual(report.nearDuplicates.pairs.filter((pair) => pair.documentIds.every((id) => plusdIds.has(id))), []);
    assert.ok(report.nearDuplicates.differentReferences.length > 0);
    assert.ok(report.nearDuplicates.differentReferences.every((pair) => pair.references[0] !== pair.references[1]));
  });

  it("says there are no claims to list when the archive was ingested without entities", () => {
    assert.equal(report.claims.available, false);
    assert.match(report.claims.note!, /ingest/);
  });
});
