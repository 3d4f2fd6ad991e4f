/**
 * Scanned pages with their redactions burnt into the pixels. The page is
 * rendered again as ingest rendered it for OCR (300 dpi greyscale, or the
 * image file itself) and read again with Tesseract in the same languages, for
 * the box of every word. The words to black out are found two ways:
 * - by position: when this reading gives the same words as the stored text
 *   (Tesseract is deterministic, so it normally does), every word that a
 *   removed span of the stored text touches, however little;
 * - by content: every forbidden form found in this reading's words, allowing
 *   for letters misread as the leak check does, so that what the check would
 *   find in the image is blacked out.
 *
 * The page is then drawn in a scripts-off Chromium page with solid black
 * boxes over those words, and that page is captured as a new image: the
 * export embeds only that capture, whose pixels under the boxes are black.
 * The original image never reaches the exported file. The capture is scaled
 * to at most {@link MAX_LONG_SIDE} pixels, which keeps a page legible and the
 * file small.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "playwright-core";
import { imageMime } from "../../ingest/readers/image.js";
import { runTool } from "../../ingest/run-tool.js";
import { imageSize } from "../leak-check/image-text.js";
import type { FormMatcher } from "../leak-check/form-matcher.js";
import { openInertPage } from "./chromium.js";
import { ExcerptError, type ScannedPagePart } from "./excerpt.js";

/** The longest side of a burnt page image, in pixels: an A4 page at 150 dpi. */
const MAX_LONG_SIDE = 1754;

/** The original a scanned page is rendered from. */
export interface ScanOriginal {
  path: string;
  type: "pdf" | "image";
}

export interface BurntPage {
  /** JPEG bytes. */
  image: Buffer;
  width: number;
  height: number;
  /** Black boxes painted. */
  boxes: number;
  /** Whether this reading gave the stored words, so removed spans could be placed by position as well as by content. */
  alignedWithStoredText: boolean;
}

export interface BurnOptions {
  tempDir: string;
  toolTimeoutSeconds: number;
}

interface Word {
  text: string;
  line: string;
  left: number;
  top: number;
  width: number;
  height: number;
}

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Renders, reads and burns one scanned page of an excerpt. */
export async function burnScannedPage(part: ScannedPagePart, original: ScanOriginal, matcher: FormMatcher, browser: Browser, options: BurnOptions): Promise<BurntPage> {
  const scratch = await mkdtemp(path.join(options.tempDir, "scan-"));
  try {
    const pageImage = await renderPage(original, part.page, scratch, options.toolTimeoutSeconds);
    const words = await readWords(pageImage.path, part.ocrLanguages ?? "eng", options.toolTimeoutSeconds);
    const aligned = sameWords(words, part.storedText);
    const chosen = new Set<number>([...(aligned ? wordsByPosition(part) : []), ...wordsByContent(words, matcher)]);
    const boxes = boxesOf(words, chosen);
    const burnt = await burn(browser, pageImage, boxes);
    return { ...burnt, boxes: boxes.length, alignedWithStoredText: aligned };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

interface PageImage {
  path: string;
  mime: string;
  width: number;
  height: number;
}

async function renderPage(original: ScanOriginal, page: number, scratch: string, timeoutSeconds: number): Promise<PageImage> {
  let imagePath = original.path;
  if (original.type === "pdf") {
    const base = path.join(scratch, "page");
    await runTool("pdftoppm", ["-r", "300", "-gray", "-png", "-singlefile", "-f", String(page), "-l", String(page), original.path, base], timeoutSeconds);
    imagePath = `${base}.png`;
  }
  const head = (await readFile(imagePath)).subarray(0, 16);
  const mime = imageMime(head);
  const size = await imageSize(imagePath);
  if (!mime || !size) throw new ExcerptError(`page ${page} is a ${mime ?? "file"} image; only PNG and JPEG scans can be redacted`);
  return { path: imagePath, mime, ...size };
}

async function readWords(imagePath: string, languages: string, timeoutSeconds: number): Promise<Word[]> {
  const { stdout } = await runTool("tesseract", [imagePath, "stdout", "-l", languages, "tsv"], timeoutSeconds);
  const words: Word[] = [];
  for (const row of stdout.split("\n").slice(1)) {
    const columns = row.split("\t");
    const text = (columns[11] ?? "").trim();
    if (columns[0] !== "5" || !text) continue;
    const [left, top, width, height] = columns.slice(6, 10).map(Number) as [number, number, number, number];
    words.push({ text, line: columns.slice(1, 5).join("."), left, top, width, height });
  }
  return words;
}

function sameWords(words: readonly Word[], storedText: string): boolean {
  const stored = storedText.split(/\s+/).filter(Boolean);
  return stored.length === words.length && stored.every((token, index) => token === words[index]!.text);
}

/** The indexes of the words that the page's removed spans touch, counting words of the stored text. */
function wordsByPosition(part: ScannedPagePart): number[] {
  const chosen: number[] = [];
  let index = 0;
  for (const token of part.storedText.matchAll(/\S+/g)) {
    const start = part.storedStart + token.index!;
    const end = start + token[0].length;
    if (part.removed.some((span) => span.start < end && span.end > start)) chosen.push(index);
    index++;
  }
  return chosen;
}

function wordsByContent(words: readonly Word[], matcher: FormMatcher): number[] {
  const starts: number[] = [];
  let text = "";
  for (const word of words) {
    starts.push(text.length);
    text += `${word.text} `;
  }
  const chosen: number[] = [];
  for (const match of matcher.find(text, { misread: true })) {
    words.forEach((word, index) => {
      const start = starts[index]!;
      if (start < match.end && start + word.text.length > match.start) chosen.push(index);
    });
  }
  return chosen;
}

/** One box per run of chosen words on a line, so the gaps between the words of a name are covered too; padded against ink the OCR box leaves out. */
function boxesOf(words: readonly Word[], chosen: ReadonlySet<number>): Box[] {
  const boxes: Box[] = [];
  let open: { line: string; left: number; top: number; right: number; bottom: number } | undefined;
  const close = () => {
    if (!open) return;
    const pad = Math.max(4, Math.round((open.bottom - open.top) * 0.25));
    boxes.push({ left: open.left - pad, top: open.top - pad, width: open.right - open.left + 2 * pad, height: open.bottom - open.top + 2 * pad });
    open = undefined;
  };
  words.forEach((word, index) => {
    if (!chosen.has(index) || (open && open.line !== word.line)) close();
    if (!chosen.has(index)) return;
    const right = word.left + word.width;
    const bottom = word.top + word.height;
    if (open) open = { line: open.line, left: Math.min(open.left, word.left), top: Math.min(open.top, word.top), right: Math.max(open.right, right), bottom: Math.max(open.bottom, bottom) };
    else open = { line: word.line, left: word.left, top: word.top, right, bottom };
  });
  close();
  return boxes;
}

async function burn(browser: Browser, pageImage: PageImage, boxes: readonly Box[]): Promise<Pick<BurntPage, "image" | "width" | "height">> {
  const scale = Math.min(1, MAX_LONG_SIDE / Math.max(pageImage.width, pageImage.height));
  const width = Math.round(pageImage.width * scale);
  const height = Math.round(pageImage.height * scale);
  const source = `data:${pageImage.mime};base64,${(await readFile(pageImage.path)).toString("base64")}`;
  const rectangles = boxes
    .map((box) => {
      const left = Math.floor(box.left * scale);
      const top = Math.floor(box.top * scale);
      return `<div style="left:${left}px;top:${top}px;width:${Math.ceil((box.left + box.width) * scale) - left}px;height:${Math.ceil((box.top + box.height) * scale) - top}px"></div>`;
    })
    .join("");
  const page = await openInertPage(browser, { width, height });
  try {
    await page.setContent(
      `<!DOCTYPE html><html><head><style>html,body{margin:0;background:#fff}img{display:block;width:${width}px;height:${height}px}div{position:absolute;background:#000}</style></head><body><img alt="" src="${source}">${rectangles}</body></html>`,
      { waitUntil: "load" },
    );
    const image = await page.screenshot({ type: "jpeg", quality: 90, clip: { x: 0, y: 0, width, height } });
    return { image, width, height };
  } finally {
    await page.close();
  }
}
