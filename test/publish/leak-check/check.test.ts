import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import { checkFile } from "../../../src/publish/leak-check/check.js";
import { buildTextPdf } from "../../helpers/pdf-writer.js";
import { tempDir } from "../../helpers/temp-dir.js";
import { browserMissing, launchBrowser } from "../../e2e/browser.js";
import { pdfWithImage, pdfWithInfo, textImage, withNewerInfo } from "./hand-made-files.js";

const FORMS = [
  { form: "Harith al-Zubaidi", redactionId: 12 },
  { form: "حارث نوری الزبیدی", redactionId: 12 },
  { form: "134250", redactionId: 7 },
];

function write(name: string, content: string | Buffer): string {
  const file = path.join(tempDir(), name);
  writeFileSync(file, content);
  return file;
}

describe("leak check", () => {
  it("passes a clean file and says where it looked", async () => {
    const result = await checkFile(write("excerpt.txt", "The MP █████ received the first instalment.\n"), FORMS);
    assert.equal(result.passed, true);
    assert.deepEqual(result.leaks, []);
    assert.deepEqual(result.searched, ["file name", "text"]);
  });

  it("fails a text with the name split across a line break, and masks the name in its report", async () => {
    for (const text of ["paid to Harith al-\nZubaidi in Karbala", "paid to Harith\nal-Zubaidi in Karbala"]) {
      const result = await checkFile(write("excerpt.txt", text), FORMS);
      assert.equal(result.passed, false);
      assert.deepEqual(result.leaks.map((leak) => [leak.location, leak.form, leak.redactionId]), [["text", "Harith al-Zubaidi", 12]]);
      assert.equal(result.leaks[0]!.context, "paid to █████ in Karbala");
    }
  });

  it("fails a hand-made HTML file with the name in Arabic script, in its text, its alt text and a comment", async () => {
    const html = `<!DOCTYPE html><html><head><title>Excerpt</title></head><body>
      <p>The MP █████ was paid.</p><p dir="rtl">و قد التقى حارث نوري الزبيدي</p>
      <img alt="Photo of Harith al-Zubaidi" src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"><!-- source 134250 --></body></html>`;
    const result = await checkFile(write("excerpt.html", html), FORMS);
    assert.equal(result.passed, false);
    assert.deepEqual(result.leaks.map((leak) => leak.location).sort(), ["attribute:alt", "comment", "text"]);
    assert.ok(result.leaks.every((leak) => !leak.context.includes("الزبيدي") && !leak.context.includes("Zubaidi") && !leak.context.includes("134250")));
  });

  it("fails a PDF with the name in its /Title or /Author, though its text is clean", async () => {
    const clean = ["The MP received the first instalment."];
    const infos: Record<string, string>[] = [{ Title: "Payments to Harith al-Zubaidi" }, { Author: "حارث نوری الزبیدی" }];
    for (const info of infos) {
      const result = await checkFile(write("excerpt.pdf", pdfWithInfo(clean, info)), FORMS);
      assert.equal(result.passed, false);
      const locations = new Set(result.leaks.map((leak) => leak.location));
      assert.ok(locations.has(`metadata:${Object.keys(info)[0]}`), [...locations].join(", "));
      assert.ok(!locations.has("text"));
    }
    assert.equal((await checkFile(write("excerpt.pdf", pdfWithInfo(clean, { Title: "Excerpt" })), FORMS)).passed, true);
  });

  it("fails a PDF whose old info dictionary, replaced by an incremental update, still names him in its bytes", async () => {
    const updated = withNewerInfo(pdfWithInfo(["The MP received the first instalment."], { Title: "Payments to Harith al-Zubaidi" }), "Excerpt");
    const result = await checkFile(write("excerpt.pdf", updated), FORMS);
    assert.ok(result.searched.includes("metadata:Title"));
    assert.deepEqual(result.leaks.map((leak) => leak.location), ["PDF objects"]);
  });

  it("fails a PDF whose text layer names the source, and finds it in the file's strings too", async () => {
    const result = await checkFile(write("excerpt.pdf", buildTextPdf(["Source 134250 reported."])), FORMS);
    assert.deepEqual([...new Set(result.leaks.map((leak) => leak.location))].sort(), ["PDF objects", "text", "text (layout)"]);
  });

  it("fails when the file's own name holds the name", async () => {
    const result = await checkFile(write("harith_al_zubaidi.txt", "nothing here"), FORMS);
    assert.deepEqual(result.leaks.map((leak) => leak.location), ["file name"]);
  });

  describe("images", { skip: browserMissing() }, () => {
    let browser: Browser;
    before(async () => {
      browser = await launchBrowser();
    });
    after(async () => {
      await browser?.close();
    });

    it("fails a PDF whose only image shows the name, by OCR, though it has no text layer", async () => {
      const png = await textImage(browser, ["Receipt signed by", "Harith al-Zubaidi"]);
      const result = await checkFile(write("excerpt.pdf", await pdfWithImage(browser, png)), FORMS);
      assert.equal(result.passed, false);
      assert.ok(result.leaks.some((leak) => /^image 1 \(OCR, /.test(leak.location) && leak.form === "Harith al-Zubaidi"), JSON.stringify(result.leaks));
      assert.ok(result.searched.includes("image 1 (OCR, fas+ara+eng)"));
    });

    it("fails an HTML file whose embedded image shows the name in Persian, though OCR misreads a letter of it", async () => {
      const png = await textImage(browser, ["دیدار با حارث نوری الزبیدی"], "rtl");
      const html = `<!DOCTYPE html><html><body><img alt="" src="data:image/png;base64,${png.toString("base64")}"></body></html>`;
      const result = await checkFile(write("excerpt.html", html), FORMS);
      assert.ok(result.leaks.some((leak) => leak.location === "image 1 (OCR, fas)" && leak.form === "حارث نوری الزبیدی"), JSON.stringify(result.leaks));
    });
  });
});
