import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { buildTextPdf } from "../../helpers/pdf-writer.js";
import { extractForTest } from "../../helpers/extract.js";
import { tempDir } from "../../helpers/temp-dir.js";

describe("PDF reader (Poppler)", () => {
  it("reads the text layer page by page, with page offsets into the text", async () => {
    const file = path.join(tempDir(), "cable.pdf");
    writeFileSync(file, buildTextPdf(["FM AMEMBASSY BAGHDAD\nSUBJECT: MEETING IN KARBALA", "Second page about saffron"], { title: "A test cable" }));
    const { documents, problems } = await extractForTest(file);
    assert.deepEqual(problems, []);
    const [pdf] = documents;
    assert.ok(pdf);
    assert.equal(pdf.type, "pdf");
    assert.equal(pdf.title, "A test cable");
    assert.equal(pdf.pages?.length, 2);
    const second = pdf.pages![1]!;
    assert.equal(pdf.text.slice(second.start, second.end), "Second page about saffron");
    assert.equal(second.ocr, false);
    assert.match(pdf.text, /MEETING IN KARBALA/);
  });

  it("reports a truncated PDF as damaged and still records it", async () => {
    const whole = buildTextPdf(["first page text", "second page text"]);
    const file = path.join(tempDir(), "cut.pdf");
    writeFileSync(file, whole.subarray(0, Math.floor(whole.length * 0.4)));
    const { documents, problems } = await extractForTest(file);
    assert.equal(documents.length, 1);
    assert.equal(documents[0]!.type, "pdf");
    assert.ok(problems.some((problem) => problem.code === "damaged" && problem.locator === file), JSON.stringify(problems));
  });
});
