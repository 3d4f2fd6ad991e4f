import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import { exportExcerpt } from "../../../src/publish/export/export-excerpt.js";
import { ingest } from "../../../src/pipeline/ingest-job.js";
import type { DocumentDetail } from "../../../src/store/store.js";
import { SqliteStore } from "../../../src/store/sqlite/sqlite-store.js";
import { browserMissing, launchBrowser } from "../../e2e/browser.js";
import { tempDir } from "../../helpers/temp-dir.js";
import { acceptedRedaction } from "./documents.js";

const RECEIPT = path.resolve("samples/pdf/scan-courier-receipt-and-report.pdf");
const PHOTO = path.resolve("samples/images/photo-report-1393-09-14-karbala.jpg");

function run(tool: string, args: string[]): string {
  return execFileSync(tool, args, { encoding: "utf8", env: { ...process.env, OMP_THREAD_LIMIT: "1" } });
}

/** What a reader of the exported PDF sees: every page rendered by Poppler, then read by Tesseract. */
function renderedAndRead(pdf: string, languages: string): string {
  const folder = tempDir("rendered-");
  run("pdftoppm", ["-r", "150", "-gray", "-png", pdf, path.join(folder, "page")]);
  return readdirSync(folder).sort().map((page) => run("tesseract", [path.join(folder, page), "stdout", "-l", languages])).join("\n");
}

describe("export of scanned pages", { skip: browserMissing() }, () => {
  let browser: Browser;
  let receipt: DocumentDetail;
  let photo: DocumentDetail;

  before(async () => {
    browser = await launchBrowser();
    const store = SqliteStore.open(path.join(tempDir(), "archive.db"));
    try {
      await ingest(store, [RECEIPT, PHOTO], { entities: false, workers: 0 });
      const ids = [1, 2].map((id) => store.getDocument(id));
      receipt = ids.find((document) => document.type === "pdf")!;
      photo = ids.find((document) => document.type === "image")!;
    } finally {
      store.close();
    }
  });
  after(async () => {
    await browser?.close();
  });

  it("burns the name into the receipt's pixels: re-rendered and read again, the page has every word but the name", async () => {
    assert.match(receipt.text, /Harith Nouri al-Zubaidi/);
    const source = {
      document: receipt,
      redactions: [acceptedRedaction(1, receipt, "Harith Nouri al-Zubaidi")],
      forms: [{ form: "Harith Nouri al-Zubaidi", redactionId: 1 }, { form: "al-Zubaidi", redactionId: 1 }, { form: "حارث نوری الزبیدی", redactionId: 1 }],
    };
    const result = await exportExcerpt(source, { format: "pdf", out: path.join(tempDir(), "receipt.pdf"), pages: { first: 1, last: 1 }, browser });
    assert.deepEqual(result.scannedPages, [{ page: 1, boxes: 1, alignedWithStoredText: true }]);
    assert.equal(run("pdfimages", ["-list", result.file]).trim().split("\n").length, 3, "one image: the burnt page, never the original");

    const seen = renderedAndRead(result.file, "eng");
    assert.doesNotMatch(seen, /Zubaidi|Harith/);
    for (const word of ["HANDOVER RECEIPT", "pistachios", "Abu Karrar al-Tamimi", "Dar al-Funun"]) assert.ok(seen.includes(word), `${word} is gone from:\n${seen}`);

    const textLayer = run("pdftotext", [result.file, "-"]);
    assert.doesNotMatch(textLayer, /Zubaidi|Harith/);
    assert.match(textLayer, /Sheikh █████, through/);
    assert.match(textLayer, /pistachios/);
  });

  it("burns a Persian name into a photographed page exported as HTML, and the image read again keeps the rest", async () => {
    assert.match(photo.text, /ابوکرار تمیمی/);
    const source = { document: photo, redactions: [acceptedRedaction(1, photo, "ابوکرار تمیمی")], forms: [{ form: "أبو كرار التميمي", redactionId: 1 }, { form: "تمیمی", redactionId: 1 }] };
    const result = await exportExcerpt(source, { format: "html", out: path.join(tempDir(), "photo.html"), browser });
    assert.equal(result.scannedPages[0]!.boxes > 0, true);
    const html = readFileSync(result.file, "utf8");
    const images = [...html.matchAll(/src="data:image\/jpeg;base64,([^"]+)"/g)];
    assert.equal(images.length, 1);
    const image = path.join(tempDir(), "burnt.jpg");
    writeFileSync(image, Buffer.from(images[0]![1]!, "base64"));
    const seen = run("tesseract", [image, "stdout", "-l", "fas"]);
    assert.doesNotMatch(seen, /تمیمی|تميمي/);
    for (const word of ["نمایشگاه", "کربلا", "الزبیدی"]) assert.ok(seen.includes(word), `${word} is gone from:\n${seen}`);
    assert.doesNotMatch(html.replace(/src="data:[^"]+"/g, ""), /تمیمی/);
  });
});
