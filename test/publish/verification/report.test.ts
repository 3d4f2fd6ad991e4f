import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import { ingest } from "../../../src/pipeline/ingest-job.js";
import type { Finding, FindingKind } from "../../../src/publish/verification/finding.js";
import { renderVerificationHtml } from "../../../src/publish/verification/html.js";
import { verifyArchive, type VerificationReport } from "../../../src/publish/verification/report.js";
import { SqliteStore } from "../../../src/store/sqlite/sqlite-store.js";
import { tempDir } from "../../helpers/temp-dir.js";
import { buildPdfWithInfo } from "./pdf-with-info.js";

const FIXTURES = path.resolve("test/fixtures/verify");
/** What the page may be made of: structure and text, nothing that runs or loads. */
const INERT_TAGS = new Set(["html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p", "nav", "a", "table", "thead", "tbody", "tr", "th", "td", "span", "code", "br", "bdi"]);
const INERT_ATTRIBUTES = new Set(["lang", "charset", "http-equiv", "content", "name", "id", "href", "class", "title", "dir", "scope"]);
const HOSTILE = `<script>window.__pwned = 1</script><img src="http://tracker.example/x.png" onerror="alert(1)">`;

describe("the verification report on an archive with deliberate flaws", () => {
  let report: VerificationReport;
  let extra: string;
  const idOf = (relative: string) => report.manifest.entries.find((entry) => entry.path.endsWith(relative))!.id;
  const findings = (kind: FindingKind): Finding[] => report.findings.filter((finding) => finding.kind === kind);
  const about = (kind: FindingKind, relative: string) => findings(kind).filter((finding) => finding.documentIds.includes(idOf(relative)));

  before(async () => {
    extra = path.join(tempDir(), "extra");
    mkdirSync(extra);
    copyFileSync(path.join(FIXTURES, "notes/meeting-notes.txt"), path.join(extra, "copy-of-meeting-notes.txt"));
    writeFileSync(
      path.join(extra, "payment-receipt.pdf"),
      buildPdfWithInfo(["Payment receipt", "Date: 2014-12-01", "Twenty thousand dollars to Salim Bahadori."], { producer: "Microsoft Word", creationDate: "D:20150301120000Z", modDate: "D:20141201101500Z" }),
    );
    writeFileSync(path.join(extra, "hostile.pdf"), buildPdfWithInfo(["Date: 2014-11-30", "a note"], { producer: HOSTILE.replace(/[()]/g, ""), creationDate: "D:20141130100000Z", modDate: "D:20141130100000Z" }));
    writeFileSync(path.join(extra, `${HOSTILE.replace(/\//g, "_")}.txt`), `A note with a hostile name.\n${HOSTILE}\n`);
    const store = SqliteStore.open(path.join(tempDir(), "archive.db"));
    try {
      await ingest(store, [path.join(FIXTURES, "reports"), path.join(FIXTURES, "notes"), extra]);
      report = await verifyArchive(store);
    } finally {
      store.close();
    }
  });

  it("lists every original with its SHA-256, size and ingest time, under a digest of the manifest", () => {
    const notes = report.manifest.entries.find((entry) => entry.path.endsWith("notes/meeting-notes.txt"))!;
    const bytes = readFileSync(path.join(FIXTURES, "notes/meeting-notes.txt"));
    assert.equal(notes.sha256, createHash("sha256").update(bytes).digest("hex"));
    assert.equal(notes.size, bytes.length);
    assert.ok(Date.parse(notes.ingestedAt) > 0);
    const lines = report.manifest.entries.map((entry) => `${entry.sha256}  ${entry.path}\n`).join("");
    assert.equal(report.manifest.digest, createHash("sha256").update(lines).digest("hex"));
    assert.equal(report.manifest.runs.length, 1);
    assert.equal(report.summary.originals, report.manifest.entries.length);
  });

  it("groups the byte-identical copy under the document it copies", () => {
    assert.equal(report.summary.duplicates, 1);
    assert.deepEqual(report.duplicates.map((group) => [group.originalId, group.copies.map((copy) => copy.id)]), [[idOf("notes/meeting-notes.txt"), [idOf("copy-of-meeting-notes.txt")]]]);
  });

  it("pairs the retyped notes with the notes as near-duplicates, verified on the texts", () => {
    const notes = [idOf("notes/meeting-notes.txt"), idOf("notes/meeting-notes-retyped.txt")].sort((a, b) => a - b);
    assert.deepEqual(report.nearDuplicates.pairs.map((pair) => pair.documentIds), [notes]);
    assert.ok(report.nearDuplicates.pairs[0]!.jaccard >= 0.8);
    assert.equal(report.summary.nearDuplicatePairs, 1);
  });

  it("finds the gap in the Karbala office's numbers and the number dated out of order", () => {
    const [gap] = findings("reference-gap");
    assert.match(gap!.message, /K\/…\/93.*4 numbers from 701 to 706; 2 between them are missing \(703–704\)/);
    assert.deepEqual(gap!.documentIds, [idOf("report-1393-09-03-karbala.fa.txt"), idOf("report-1393-09-10-karbala.fa.txt")]);
    assert.equal(findings("reference-gap").length, 1, "translations carry their originals' numbers and are not counted twice");
    const [order] = findings("reference-order");
    assert.equal(order!.documentIds[0], idOf("report-1393-09-02-najaf.fa.txt"));
    assert.deepEqual(findings("reference-duplicate"), []);
  });

  it("finds the wrong weekdays in Persian, English and Arabic, and no others", () => {
    assert.equal(about("weekday-mismatch", "report-1393-09-03-karbala.fa.txt").length, 1);
    assert.equal(about("weekday-mismatch", "report-1393-09-03-karbala.en.txt").length, 1);
    assert.equal(about("weekday-mismatch", "clipping-2014-11-25.ar.txt").length, 1);
    assert.equal(findings("weekday-mismatch").length, 3);
  });

  it("finds the wrong Gregorian conversion and the day 1393 does not have", () => {
    const [mismatch, ...more] = findings("calendar-mismatch");
    assert.deepEqual(more, []);
    assert.deepEqual(mismatch!.documentIds, [idOf("report-1393-09-10-karbala.en.txt")]);
    assert.match(mismatch!.evidence!, /1393\/09\/10 \(2014-12-02\)/);
    assert.equal(about("impossible-date", "report-1393-09-10-karbala.fa.txt").length, 1);
    assert.equal(about("impossible-date", "report-1393-09-10-karbala.en.txt").length, 1);
  });

  it("finds the translation that dropped a paragraph", () => {
    const [finding, ...more] = findings("translation-structure");
    assert.deepEqual(more, []);
    assert.deepEqual(finding!.documentIds, [idOf("report-1393-09-01-karbala.fa.txt"), idOf("report-1393-09-01-karbala.en.txt")]);
  });

  it("finds the PDF created after it was modified, read from the file on disk", () => {
    const [finding] = findings("pdf-creation-after-modification");
    assert.deepEqual(finding!.documentIds, [idOf("payment-receipt.pdf")]);
    const pdf = report.pdfs.documents.find((entry) => entry.documentId === idOf("payment-receipt.pdf"))!;
    assert.equal(pdf.readFrom, "original");
    assert.equal(pdf.producer, "Microsoft Word");
  });

  it("lists the people and days to corroborate, with the documents that name them", () => {
    assert.equal(report.claims.available, true);
    const bahadori = report.claims.people.find((claim) => /Bahadori/.test(claim.name));
    assert.ok(bahadori, JSON.stringify(report.claims.people.map((claim) => claim.name)));
    assert.ok(bahadori.documentCount >= 2);
    assert.ok(bahadori.documents.every((document) => typeof document.id === "number"));
    assert.match(bahadori.passage!.text, /Bahadori/);
    assert.ok(report.claims.dates.some((claim) => claim.name === "2014-11-27"), "the day of the payment");
  });

  it("counts every kind of finding in the summary, warnings first within a kind", () => {
    const counted = report.summary.findings.reduce((sum, count) => sum + count.warnings + count.infos, 0);
    assert.equal(counted, report.findings.length);
    assert.equal(report.summary.warnings, report.findings.filter((finding) => finding.severity === "warning").length);
  });

  it("renders an inert page: everything escaped, no script, nothing loaded", () => {
    const html = renderVerificationHtml(report);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'/);
    for (const [, tag, attributes] of html.matchAll(/<([a-z0-9]+)([^>]*)>/gi)) {
      assert.ok(INERT_TAGS.has(tag!.toLowerCase()), `<${tag}>`);
      const names = attributes!.replace(/"[^"]*"/g, "").match(/[a-z-]+(?==)/gi) ?? [];
      for (const name of names) assert.ok(INERT_ATTRIBUTES.has(name.toLowerCase()), `${name} in <${tag}>`);
    }
    assert.match(html, /&lt;script&gt;window\.__pwned = 1&lt;\/script&gt;/);
    assert.doesNotMatch(html, /href="(?!#)/, "links only to its own sections");
    assert.match(html, /<h2 id="summary">Summary<\/h2>[\s\S]*<h2 id="findings">/, "the summary comes first");
    assert.match(html, new RegExp(report.manifest.digest));
    assert.match(html, /<bdi>ک\/۷۰۶\/۹۳<\/bdi> is dated 2014-11-23/, "Persian references keep their own direction inside English sentences");
  });
});

describe("the verification report on the sample archive", () => {
  let report: VerificationReport;
  const typeOf = (id: number) => report.manifest.entries.find((entry) => entry.id === id)!.type;

  before(async () => {
    const store = SqliteStore.open(path.join(tempDir(), "samples.db"));
    try {
      await ingest(store, ["samples"]);
      report = await verifyArchive(store);
    } finally {
      store.close();
    }
  });

  it("raises no warning about the typed documents, whose dates and translations agree", () => {
    // Scans and photos are left out: what OCR misreads is not the document's fault.
    const typed = report.findings.filter((finding) => finding.severity === "warning" && finding.documentIds.every((id) => !["image", "pdf"].includes(typeOf(id))));
    assert.deepEqual(typed, []);
  });

  it("sees the sample archive as a sample: gaps in every report series, the 1986 memo outside the span", () => {
    assert.deepEqual(report.summary.span && [report.summary.span.first, report.summary.span.last], ["2014-09-16", "2015-08-04"]);
    const outside = report.findings.filter((finding) => finding.kind === "date-outside-span");
    assert.deepEqual(outside.map((finding) => report.manifest.entries.find((entry) => entry.id === finding.documentIds[0])!.name), ["CIA-RDP88T00412R000300410002-9.txt"]);
    const gaps = report.findings.filter((finding) => finding.kind === "reference-gap").map((finding) => finding.message);
    assert.ok(gaps.some((message) => /K\/…\/93.*numbers from 417 to 612/.test(message)), gaps.join("\n"));
    assert.ok(gaps.some((message) => /BAGHDAD 14.*1523 to 1911/.test(message)), gaps.join("\n"));
  });

  it("describes the sample PDFs, the attached one from its ingest record", () => {
    const byName = (name: string) => report.pdfs.documents.find((pdf) => pdf.path.endsWith(name))!;
    assert.equal(byName("briefing-zubaidi-payments.pdf").readFrom, "original");
    assert.equal(byName("timeline.pdf").readFrom, "ingest-record");
    assert.equal(report.summary.pdfs, 3);
  });

  it("names the payment days the reports agree on as claims to check", () => {
    const days = report.claims.dates.map((claim) => claim.name);
    for (const day of ["2014-12-01", "2014-12-28", "2015-02-03", "2015-04-29"]) assert.ok(days.includes(day), `${day} in ${days.join(", ")}`);
  });
});
