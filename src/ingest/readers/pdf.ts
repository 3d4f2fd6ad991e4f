/**
 * PDFs: the text layer page by page with Poppler, and OCR for every page that
 * has no text layer (a scan). Poppler wraps right-to-left runs in bidi
 * controls, which are stripped; `-layout` keeps Persian words in reading order.
 */
import { mkdtemp, readdir, rm } from "node:fs/promises";
import path from "node:path";
import { InputError } from "../../errors.js";
import type { Page } from "../../model/document.js";
import { recogniseImage } from "../ocr.js";
import type { Reader, ReaderContext } from "../reader.js";
import { runTool, ToolError } from "../run-tool.js";

const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
const MIN_TEXT_LAYER_CHARS = 3;

export const readPdf: Reader = async (context) => {
  const info = await pdfInfo(context);
  const pageTexts = await textLayer(context);
  const needOcr = pageTexts.flatMap((text, index) => (text.replace(/\s/g, "").length < MIN_TEXT_LAYER_CHARS ? [index] : []));
  const toRead = needOcr.slice(0, context.limits.maxOcrPages);
  if (needOcr.length > toRead.length) {
    context.problem("truncated", `${needOcr.length - toRead.length} of ${needOcr.length} scanned pages were not read: only ${toRead.length} are OCR-ed per PDF (raise --max-ocr-pages)`, false);
  }
  const ocrResults = new Map<number, { text: string; languages: string }>();
  await forEachConcurrently(toRead, context.limits.ocrConcurrency, async (index) => {
    const result = await ocrPage(context, index + 1);
    if (result) ocrResults.set(index, result);
  });
  const pages: Page[] = [];
  const parts: string[] = [];
  let offset = 0;
  pageTexts.forEach((layerText, index) => {
    const ocr = ocrResults.get(index);
    const text = ocr?.text ?? layerText;
    if (index > 0) {
      parts.push("\n\n");
      offset += 2;
    }
    parts.push(text);
    pages.push({ number: index + 1, start: offset, end: offset + text.length, ocr: ocr !== undefined, ...(ocr && { ocrLanguages: ocr.languages }) });
    offset += text.length;
  });
  const title = info.Title?.trim();
  return {
    text: parts.join(""),
    pages,
    mime: "application/pdf",
    metadata: { pdf: info },
    ...(title && { title }),
  };
};

async function pdfInfo(context: ReaderContext): Promise<Record<string, string>> {
  try {
    const { stdout } = await runTool("pdfinfo", ["-enc", "UTF-8", context.filePath], context.limits.toolTimeoutSeconds);
    const info: Record<string, string> = {};
    for (const line of stdout.split("\n")) {
      const match = /^([\w ]+?):\s+(.*)$/.exec(line);
      if (match) info[match[1]!] = match[2]!;
    }
    return info;
  } catch (error) {
    if (error instanceof ToolError && /not installed/.test(error.message)) throw error;
    return {};
  }
}

async function textLayer(context: ReaderContext): Promise<string[]> {
  try {
    const { stdout, stderr } = await runTool("pdftotext", ["-layout", "-enc", "UTF-8", context.filePath, "-"], context.limits.toolTimeoutSeconds);
    if (/error/i.test(stderr)) {
      context.problem("damaged", `the PDF is damaged; what could be read was indexed (${stderr.split("\n")[0]})`, false);
    }
    const pages = stdout.replace(BIDI_CONTROLS, "").split("\f");
    if (pages.length > 1 && pages[pages.length - 1]!.trim() === "") pages.pop();
    return pages.map((page) => page.replace(/[ \t]+$/gm, "").replace(/^\n+|\n+$/g, ""));
  } catch (error) {
    if (error instanceof ToolError && !/not installed/.test(error.message)) {
      throw new InputError("damaged", `not a readable PDF: ${error.message.replace(/^pdftotext: /, "")}`);
    }
    throw error;
  }
}

async function ocrPage(context: ReaderContext, pageNumber: number): Promise<{ text: string; languages: string } | undefined> {
  const dir = await mkdtemp(path.join(context.tempDir, "page-"));
  try {
    const page = String(pageNumber);
    await runTool("pdftoppm", ["-r", "300", "-gray", "-png", "-f", page, "-l", page, context.filePath, path.join(dir, "p")], context.limits.toolTimeoutSeconds);
    const image = (await readdir(dir)).find((name) => name.endsWith(".png"));
    if (!image) return undefined;
    return await recogniseImage(path.join(dir, image), dir, context.limits.toolTimeoutSeconds);
  } catch (error) {
    context.problem("ocr-failed", `page ${pageNumber}: ${(error as Error).message}`, false);
    return undefined;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs `task` over `items`, at most `concurrency` at a time: OCR of a scan's pages uses every core. */
async function forEachConcurrently<T>(items: T[], concurrency: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const run = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, run));
}
