import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import { exportExcerpt, UndecidedRedactionsError } from "../../../src/publish/export/export-excerpt.js";
import { REDACTION_MARK } from "../../../src/publish/leak-check/check.js";
import { browserMissing, launchBrowser } from "../../e2e/browser.js";
import { tempDir } from "../../helpers/temp-dir.js";
import { acceptedRedaction, storedDocument } from "./documents.js";

const TEXT = [
  "Meeting at the Karbala exhibition",
  "",
  "1. On 4 December the officer met Sheikh Harith al-",
  "Zubaidi at the photo exhibition in Karbala.",
  "2. The Arabic press wrote his name as حارث نوري الزبيدي and praised the pictures.",
  "گزارش نمایشگاه عکس در کربلا",
  "3. Source 134250 confirmed the first instalment.",
].join("\n");

const FORMS = [
  { form: "Harith al-Zubaidi", redactionId: 1 },
  { form: "حارث نوری الزبیدی", redactionId: 1 },
  { form: "Zubaidi", redactionId: 1 },
];

const LEAKED = ["Zubaidi", "الزبيدي", "حارث", "134250"];

function source() {
  const document = storedDocument(3, TEXT, { title: "Harith al-Zubaidi at the exhibition" });
  return { document, redactions: [acceptedRedaction(2, document, "134250")], forms: FORMS };
}

function run(tool: string, args: string[]): string {
  return execFileSync(tool, args, { encoding: "utf8", env: { ...process.env, OMP_THREAD_LIMIT: "1" } });
}

describe("export", () => {
  it("writes plain text without the name or the source, under a redacted file name, and leaves no temporary file", async () => {
    const out = tempDir();
    const result = await exportExcerpt(source(), { format: "txt", out: path.join(out, "harith-al-zubaidi.txt") });
    assert.equal(result.file, path.join(out, "redacted.txt"));
    assert.deepEqual(readdirSync(out), ["redacted.txt"]);
    const text = readFileSync(result.file, "utf8");
    for (const leaked of LEAKED) assert.ok(!text.includes(leaked), leaked);
    assert.match(text, new RegExp(`^${REDACTION_MARK} at the exhibition\n`));
    assert.match(text, /wrote his name as █████ and praised the pictures/);
    assert.equal(result.check.passed, true);
  });

  it("refuses a passage that holds an undecided suggestion, writing nothing, unless told to go on", async () => {
    const out = tempDir();
    const base = source();
    const plate = { ...acceptedRedaction(4, base.document, "the photo exhibition"), status: "suggested" as const, decidedBy: null, decidedAt: null };
    await assert.rejects(exportExcerpt({ ...base, undecided: [plate] }, { format: "txt", out: path.join(out, "excerpt.txt") }), (error: unknown) => {
      assert.ok(error instanceof UndecidedRedactionsError);
      assert.deepEqual(error.undecided.map((redaction) => redaction.id), [4]);
      return true;
    });
    assert.deepEqual(readdirSync(out), []);
    const outside = await exportExcerpt({ ...base, undecided: [plate] }, { format: "txt", out: path.join(out, "first-paragraph.txt"), range: { start: 0, end: TEXT.indexOf("the photo exhibition") } });
    assert.equal(outside.check.passed, true, "a suggestion outside the passage does not stop it");
    const allowed = await exportExcerpt({ ...base, undecided: [plate] }, { format: "txt", out: path.join(out, "excerpt.txt"), allowUndecided: true });
    assert.match(readFileSync(allowed.file, "utf8"), /the photo exhibition/, "an undecided suggestion is not applied");
  });

  it("writes inert, self-contained HTML: no script, nothing remote, a strict policy, right-to-left paragraphs", async () => {
    const result = await exportExcerpt(source(), { format: "html", out: path.join(tempDir(), "excerpt.html") });
    const html = readFileSync(result.file, "utf8");
    for (const leaked of LEAKED) assert.ok(!html.includes(leaked), leaked);
    assert.doesNotMatch(html, /<script|\son\w+=|https?:|<link|<iframe|<object|<embed/i);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; font-src data:; style-src 'sha256-[A-Za-z0-9+/=]+'/);
    assert.match(html, /<p dir="auto">2\. The Arabic press/);
    assert.match(html, /<p dir="auto">گزارش نمایشگاه عکس در کربلا<\/p>/);
    assert.match(html, /@font-face\{font-family:"Vazirmatn";src:url\(data:font\/woff2;base64,/);
    assert.match(html, /<title>█████ at the exhibition<\/title>/);
  });

  describe("to PDF", { skip: browserMissing() }, () => {
    let browser: Browser;
    before(async () => {
      browser = await launchBrowser();
    });
    after(async () => {
      await browser?.close();
    });

    it("prints a PDF whose text layer, rendering and metadata all lack the name, and whose metadata is neutral", async () => {
      const result = await exportExcerpt(source(), { format: "pdf", out: path.join(tempDir(), "excerpt.pdf"), browser });
      const info = run("pdfinfo", ["-enc", "UTF-8", result.file]);
      assert.match(info, /^Title:\s+█████ at the exhibition$/m);
      for (const key of ["Author", "Creator", "Producer"]) assert.match(info, new RegExp(`^${key}:\\s+Trove$`, "m"));
      assert.match(info, /^Metadata Stream:\s+no$/m);
      assert.equal(run("pdfinfo", ["-meta", result.file]).trim(), "");

      const textLayer = run("pdftotext", ["-enc", "UTF-8", result.file, "-"]);
      for (const leaked of LEAKED) assert.ok(!textLayer.includes(leaked), leaked);
      assert.match(textLayer, /photo exhibition in Karbala/);
      assert.match(textLayer, /praised the pictures/);
      // Skia maps the lam-alef ligature back as alef-lam; the leak check folds that, this assertion allows it.
      assert.match(textLayer.replace(/[\u202A-\u202E]/g, ""), /گزارش نمایشگاه عکس در کرب(?:لا|ال)/);

      const pages = path.join(tempDir(), "page");
      run("pdftoppm", ["-r", "150", "-gray", "-png", "-f", "1", "-l", "1", result.file, pages]);
      const rendered = readdirSync(path.dirname(pages)).find((name) => name.endsWith(".png"))!;
      const seen = run("tesseract", [path.join(path.dirname(pages), rendered), "stdout", "-l", "eng"]);
      assert.match(seen, /photo exhibition/);
      assert.doesNotMatch(seen, /Zubaidi|134250/);
    });
  });
});
