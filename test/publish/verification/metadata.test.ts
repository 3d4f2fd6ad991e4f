import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { checkPdfMetadata, parseInfo, pdfDate } from "../../../src/publish/verification/metadata.js";
import { tempDir } from "../../helpers/temp-dir.js";
import { buildPdfWithInfo } from "./pdf-with-info.js";

describe("PDF dates", () => {
  it("reads PDF's own date format, with and without a time zone, and pdfinfo's printed one", () => {
    assert.equal(pdfDate("D:20141204101500+03'30'"), "2014-12-04T06:45:00.000Z");
    assert.equal(pdfDate("D:20141204101500Z"), "2014-12-04T10:15:00.000Z");
    assert.equal(pdfDate("D:20141204101500Z00'00'"), "2014-12-04T10:15:00.000Z");
    assert.equal(pdfDate("D:2014"), "2014-01-01T00:00:00.000Z");
    assert.equal(pdfDate("Mon Nov  9 04:10:07 2015 UTC"), "2015-11-09T04:10:07.000Z");
    assert.equal(pdfDate("not a date"), undefined);
    assert.equal(pdfDate(undefined), undefined);
  });

  it("reads pdfinfo's key-value lines", () => {
    assert.deepEqual(parseInfo("Producer:        Qt 4.8.6\nCreationDate:    D:20151108231010-05'00'\nPages:           1\n"), { Producer: "Qt 4.8.6", CreationDate: "D:20151108231010-05'00'", Pages: "1" });
  });
});

describe("PDF metadata", () => {
  it("reads the original again and finds a PDF created after it was modified", async () => {
    const file = path.join(tempDir(), "payment-receipt.pdf");
    writeFileSync(file, buildPdfWithInfo(["Receipt dated 2014-12-04"], { producer: "Microsoft Word", creationDate: "D:20150301120000Z", modDate: "D:20141204101500Z" }));
    const { pdfs, findings } = await checkPdfMetadata([{ id: 5, path: file, date: "2014-12-04", recordedInfo: { Producer: "something recorded at ingest" } }]);
    assert.deepEqual(pdfs, [{ documentId: 5, path: file, producer: "Microsoft Word", created: "2015-03-01T12:00:00.000Z", modified: "2014-12-04T10:15:00.000Z", readFrom: "original" }]);
    assert.deepEqual(findings.map((finding) => [finding.kind, finding.severity, finding.documentIds]), [["pdf-creation-after-modification", "warning", [5]]]);
    assert.match(findings[0]!.evidence!, /CreationDate 2015-03-01T12:00:00.000Z; ModDate 2014-12-04T10:15:00.000Z/);
  });

  it("finds a PDF written long after the date it bears", async () => {
    const file = path.join(tempDir(), "cable.pdf");
    writeFileSync(file, buildPdfWithInfo(["R 231510Z SEP 00"], { producer: "Qt 4.8.6", creationDate: "D:20151109041010Z" }));
    const { findings } = await checkPdfMetadata([{ id: 9, path: file, date: "2000-09-23", recordedInfo: {} }]);
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.kind, "pdf-modified-long-after-date");
    assert.equal(findings[0]!.severity, "info");
    assert.match(findings[0]!.message, /dated 2000-09-23 but its PDF was last written 2015-11-09, 15 years later by Qt 4\.8\.6/);
  });

  it("describes members and moved originals from the ingest record, and says which originals are missing", async () => {
    const recordedInfo = { Producer: "img2pdf 0.4.4", CreationDate: "Thu Jul  2 21:14:00 2015 UTC", ModDate: "Thu Jul  2 21:14:00 2015 UTC" };
    const gone = path.join(tempDir(), "moved-away.pdf");
    const { pdfs, findings } = await checkPdfMetadata([
      { id: 1, path: "/leak/mail.eml#attachment-2/timeline.pdf", date: null, recordedInfo },
      { id: 2, path: gone, date: "2015-07-01", recordedInfo },
    ]);
    assert.deepEqual(pdfs.map((pdf) => [pdf.readFrom, pdf.created]), [["ingest-record", "2015-07-02T21:14:00.000Z"], ["ingest-record", "2015-07-02T21:14:00.000Z"]]);
    assert.match(pdfs[0]!.note!, /inside an archive or e-mail/);
    assert.match(pdfs[1]!.note!, /no longer at this path/);
    assert.deepEqual(findings.map((finding) => [finding.kind, finding.documentIds]), [["original-missing", [2]]]);
  });

  it("points out the PDF made by a program few others were made by", async () => {
    const dir = tempDir();
    const documents = Array.from({ length: 24 }, (_, index) => {
      const file = path.join(dir, `cable-${index}.pdf`);
      writeFileSync(file, buildPdfWithInfo([`cable ${index}`], { producer: index === 7 ? "PDFsharp 1.50" : "Qt 4.8.6", creationDate: "D:20151109041010Z" }));
      return { id: index + 1, path: file, date: null, recordedInfo: {} };
    });
    const { producers, findings } = await checkPdfMetadata(documents, { concurrency: 3 });
    assert.deepEqual(producers, [{ producer: "Qt 4.8.6", count: 23 }, { producer: "PDFsharp 1.50", count: 1 }]);
    assert.deepEqual(findings.map((finding) => [finding.kind, finding.documentIds]), [["pdf-unusual-producer", [8]]]);
  });
});
