/**
 * Files made by hand to leak a name in one particular place: a PDF's info
 * dictionary, an image inside a PDF, an image inside HTML. Images of text
 * are screenshots of large type in Chromium, which Tesseract reads reliably.
 */
import type { Browser } from "playwright-core";
import { buildTextPdf } from "../../helpers/pdf-writer.js";

/** A text PDF (ASCII text) whose info dictionary holds exactly `info`, as UTF-16 text strings. */
export function pdfWithInfo(pages: string[], info: Record<string, string>): Buffer {
  const pdf = buildTextPdf(pages).toString("latin1");
  const written = /<< \/Title \(\) \/Producer \(Trove tests\) >>/;
  if (!written.test(pdf)) throw new Error("the PDF writer no longer ends with the info dictionary this helper rewrites");
  const entries = Object.entries(info).map(([key, value]) => `/${key} <${Buffer.from(`\uFEFF${value}`, "utf16le").swap16().toString("hex")}>`);
  const wanted = `<< ${entries.join(" ")} >>`;
  const grown = wanted.length - written.exec(pdf)![0].length;
  const rewritten = pdf.replace(written, wanted).replace(/startxref\n(\d+)\n/, (_, offset: string) => `startxref\n${Number(offset) + grown}\n`);
  return Buffer.from(rewritten, "latin1");
}

/** A PNG of `lines` in large black type on white, `dir` set for right-to-left text. */
export async function textImage(browser: Browser, lines: string[], direction: "ltr" | "rtl" = "ltr"): Promise<Buffer> {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1400, height: 200 + lines.length * 90 } });
  try {
    const page = await context.newPage();
    const body = lines.map((line) => `<p>${line.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</p>`).join("");
    await page.setContent(`<html dir="${direction}"><body style="margin:40px;background:#fff;color:#000;font:40px 'DejaVu Sans',sans-serif">${body}</body></html>`);
    return await page.screenshot({ type: "png", fullPage: true });
  } finally {
    await context.close();
  }
}

/** A PDF printed by Chromium whose only content is `png` as an image: no text layer says what it shows. */
export async function pdfWithImage(browser: Browser, png: Buffer): Promise<Buffer> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.setContent(`<html><head><title>scan</title></head><body style="margin:0"><img alt="" style="width:100%" src="data:image/png;base64,${png.toString("base64")}"></body></html>`);
    return await page.pdf({ format: "A4" });
  } finally {
    await context.close();
  }
}

/**
 * `pdf` with an incremental update that gives it a new info dictionary: the
 * old one stays in the file, unreferenced, where viewers no longer show it.
 */
export function withNewerInfo(pdf: Buffer, title: string): Buffer {
  const raw = pdf.toString("latin1");
  const size = Number(/\/Size (\d+)/.exec(raw)![1]);
  const root = /\/Root (\d+ \d+ R)/.exec(raw)![1];
  const previous = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(raw)![1]);
  const objectAt = raw.length;
  const object = `${size} 0 obj\n<< /Title (${title}) >>\nendobj\n`;
  const xrefAt = objectAt + object.length;
  const update = `${object}xref\n0 1\n0000000000 65535 f \n${size} 1\n${String(objectAt).padStart(10, "0")} 00000 n \ntrailer\n<< /Size ${size + 1} /Root ${root} /Info ${size} 0 R /Prev ${previous} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(raw + update, "latin1");
}
