import assert from "node:assert/strict";
import path from "node:path";
import { describe, it } from "node:test";
import { normalise } from "../../../src/text/normalise.js";
import { extractForTest } from "../../helpers/extract.js";

const SAMPLES = path.resolve("samples");

describe("OCR with Tesseract", () => {
  it("reads a photo of a Persian page with the Persian model", async () => {
    const { documents, problems } = await extractForTest(path.join(SAMPLES, "images/photo-report-1393-09-14-karbala.jpg"));
    assert.deepEqual(problems, []);
    const [photo] = documents;
    assert.ok(photo);
    assert.equal(photo.type, "image");
    assert.equal(photo.language, "fa");
    assert.equal(photo.pages?.[0]?.ocrLanguages, "fas");
    const text = normalise(photo.text);
    for (const word of ["نمایشگاه", "کربلا", "زبیدی"]) assert.ok(text.includes(word), `OCR found ${word}`);
    assert.equal(photo.date, "2014-12-05", "the Solar Hijri date read by OCR");
  });

  it("sends each page of a scanned PDF without a text layer to OCR in its own language", async () => {
    const { documents, problems } = await extractForTest(path.join(SAMPLES, "pdf/scan-courier-receipt-and-report.pdf"));
    assert.deepEqual(problems, []);
    const [scan] = documents;
    assert.ok(scan?.pages);
    assert.equal(scan.pages.length, 2);
    assert.ok(scan.pages.every((page) => page.ocr));
    assert.deepEqual(scan.pages.map((page) => page.ocrLanguages), ["eng", "fas"]);
    const [english, persian] = scan.pages.map((page) => normalise(scan.text.slice(page.start, page.end)));
    assert.match(english!, /HANDOVER RECEIPT/);
    assert.match(english!, /4,000,000/);
    assert.ok(persian!.includes("مرکز خرید"), persian);
  });

  it("keeps the text layer of a PDF that has one, OCR-ing nothing", async () => {
    const { documents } = await extractForTest(path.join(SAMPLES, "pdf/briefing-zubaidi-payments.pdf"));
    const [pdf] = documents;
    assert.ok(pdf?.pages);
    assert.equal(pdf.pages.length, 3);
    assert.ok(pdf.pages.every((page) => !page.ocr));
    const third = normalise(pdf.text.slice(pdf.pages[2]!.start, pdf.pages[2]!.end));
    assert.match(third, /[\u0600-\u06FF]{3}/, "the Persian page's text layer");
    assert.doesNotMatch(pdf.text, /[\u202A-\u202E]/, "bidi controls are stripped");
  });
});
