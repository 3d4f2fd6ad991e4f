import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { PdfStructureError, replacePdfInfo } from "../../../src/publish/export/pdf-info.js";
import { pdfWithInfo } from "../leak-check/hand-made-files.js";
import { tempDir } from "../../helpers/temp-dir.js";

const NEUTRAL = { Title: "Payments to █████", Author: "Trove", Creator: "Trove", Producer: "Trove" };

describe("replacePdfInfo", () => {
  it("replaces the info dictionary in place, so the old entries are nowhere in the file", () => {
    const original = pdfWithInfo(["The MP was paid."], { Title: "Payments to Harith al-Zubaidi", Author: "Station Karbala", CreationDate: "D:20141204" });
    const rewritten = replacePdfInfo(original, NEUTRAL);
    const file = path.join(tempDir(), "excerpt.pdf");
    writeFileSync(file, rewritten);
    const info = execFileSync("pdfinfo", ["-enc", "UTF-8", file], { encoding: "utf8" });
    assert.match(info, /^Title:\s+Payments to █████$/m);
    for (const key of ["Author", "Creator", "Producer"]) assert.match(info, new RegExp(`^${key}:\\s+Trove$`, "m"));
    assert.doesNotMatch(info, /CreationDate/);
    assert.equal(execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).trim(), "The MP was paid.");
    const bytes = rewritten.toString("latin1");
    for (const gone of ["Zubaidi", "Karbala", "D:20141204"].map((text) => Buffer.from(`\uFEFF${text}`, "utf16le").swap16().toString("hex").slice(4))) {
      assert.ok(!bytes.toUpperCase().includes(gone.toUpperCase()));
    }
  });

  it("refuses a PDF whose structure it cannot rewrite whole", () => {
    const original = pdfWithInfo(["text"], { Title: "x" }).toString("latin1");
    const withUpdate = original.replace(/trailer\n<< /, "trailer\n<< /Prev 9 ");
    assert.throws(() => replacePdfInfo(Buffer.from(withUpdate, "latin1"), NEUTRAL), PdfStructureError);
    const withXmp = original.replace("/Type /Catalog", "/Type /Catalog /Metadata 9 0 R");
    assert.throws(() => replacePdfInfo(Buffer.from(withXmp, "latin1"), NEUTRAL), PdfStructureError);
  });
});
