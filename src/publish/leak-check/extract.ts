/**
 * Reads an exported file again the way someone receiving it could, part by
 * part, so that the leak check can say where a redacted name survived:
 * - a PDF: its text layer (in reading order and in layout order), its info
 *   dictionary, its XMP metadata, JavaScript, link targets and tagged-structure
 *   text (alt text), every string in its objects, and the OCR of every image
 *   it embeds;
 * - HTML: the visible text, the title, every attribute (alt, title,
 *   aria-label, meta content …), comments, scripts and styles, and the OCR of
 *   images embedded as `data:` URLs;
 * - plain text, and PNG or JPEG images (OCR);
 * - and always the file's name.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Parser } from "htmlparser2";
import { TroveError } from "../../errors.js";
import { imageMime } from "../../ingest/readers/image.js";
import { runTool } from "../../ingest/run-tool.js";
import { readImageText } from "./image-text.js";
import { pdfStrings } from "./pdf-strings.js";

/** One place in a file and the text found there. */
export interface ExtractedPart {
  /** `text`, `title`, `file name`, `metadata:Author`, `xmp`, `attribute:alt`, `image 2 (OCR, fas)` … */
  location: string;
  text: string;
  /** Set when the text was read by OCR, which misreads letters: forms are then looked for with a few letters' tolerance. */
  ocr?: true;
}

export interface ExtractOptions {
  /** The name to check instead of the file's own, when the file is still under a temporary name. */
  name?: string;
  /** Where images are unpacked for OCR; default the system's temporary folder. */
  tempDir?: string;
  /** Seconds each Poppler or Tesseract run may take; default 120. */
  toolTimeoutSeconds?: number;
}

interface ResolvedOptions {
  name: string;
  tempDir: string;
  timeoutSeconds: number;
}

type CheckedFormat = "pdf" | "html" | "text" | "image";

/** The file's parts, with the text of each, in the order they were read. */
export async function extractParts(file: string, options: ExtractOptions = {}): Promise<ExtractedPart[]> {
  const resolved: ResolvedOptions = { name: options.name ?? path.basename(file), tempDir: options.tempDir ?? os.tmpdir(), timeoutSeconds: options.toolTimeoutSeconds ?? 120 };
  const bytes = await readFile(file);
  const format = formatOf(bytes, resolved.name);
  const nameParts: ExtractedPart[] = [{ location: "file name", text: resolved.name }];
  const scratch = await mkdtemp(path.join(resolved.tempDir, "leak-check-"));
  try {
    switch (format) {
      case "pdf":
        return [...nameParts, ...(await pdfParts(file, bytes, scratch, resolved))];
      case "html":
        return [...nameParts, ...(await htmlParts(bytes.toString("utf8"), scratch, resolved))];
      case "image":
        return [...nameParts, ...(await imageParts(file, "image", resolved))];
      case "text":
        return [...nameParts, { location: "text", text: decodeText(bytes) }];
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** What kind of file this is, by its first bytes and then by its name. */
function formatOf(bytes: Buffer, name: string): CheckedFormat {
  if (bytes.subarray(0, 1024).includes("%PDF-")) return "pdf";
  if (imageMime(bytes.subarray(0, 16)) === "image/png" || imageMime(bytes.subarray(0, 16)) === "image/jpeg") return "image";
  const extension = path.extname(name).toLowerCase();
  if ([".html", ".htm", ".xhtml"].includes(extension)) return "html";
  if ([".txt", ".text", ".md"].includes(extension)) return "text";
  const head = decodeText(bytes.subarray(0, 4096));
  if (/<!doctype html|<html[\s>]/i.test(head)) return "html";
  if (!head.includes("\uFFFD") && !head.includes("\u0000")) return "text";
  throw new TroveError("unsupported-file", `cannot check ${name}: only PDF, HTML, plain text, PNG and JPEG files can be checked`);
}

async function pdfParts(file: string, bytes: Buffer, scratch: string, options: ResolvedOptions): Promise<ExtractedPart[]> {
  const poppler = async (tool: string, args: string[]) => (await runTool(tool, args, options.timeoutSeconds)).stdout;
  const [reading, layout, info, xmp, javascript, links, structure] = await Promise.all([
    poppler("pdftotext", ["-enc", "UTF-8", "-q", file, "-"]),
    poppler("pdftotext", ["-layout", "-enc", "UTF-8", "-q", file, "-"]),
    poppler("pdfinfo", ["-custom", "-enc", "UTF-8", file]),
    poppler("pdfinfo", ["-meta", file]),
    poppler("pdfinfo", ["-js", file]),
    poppler("pdfinfo", ["-url", file]),
    poppler("pdfinfo", ["-struct-text", file]),
  ]);
  const parts: ExtractedPart[] = [
    { location: "text", text: reading },
    { location: "text (layout)", text: layout },
    ...infoParts(info),
    { location: "xmp", text: xmp },
    { location: "javascript", text: javascript },
    { location: "links", text: links },
    { location: "structure (alt text)", text: structure },
    { location: "PDF objects", text: pdfStrings(bytes) },
  ];
  const imageDir = path.join(scratch, "images");
  await mkdir(imageDir);
  await runTool("pdfimages", ["-png", file, path.join(imageDir, "image")], options.timeoutSeconds);
  const images = (await readdir(imageDir)).filter((name) => name.endsWith(".png")).sort();
  for (const [index, image] of images.entries()) parts.push(...(await imageParts(path.join(imageDir, image), `image ${index + 1}`, options)));
  return parts;
}

/** `pdfinfo` lines as `metadata:Key` parts; the layout facts it prints (pages, sizes, version) are left out. */
function infoParts(info: string): ExtractedPart[] {
  const layoutFacts = new Set(["Pages", "Encrypted", "Page size", "Page rot", "File size", "Optimized", "PDF version", "Tagged", "UserProperties", "Suspects", "Form", "JavaScript", "Custom Metadata", "Metadata Stream"]);
  return info.split("\n").flatMap((line) => {
    const match = /^([^:]+?):\s*(.*)$/.exec(line);
    return match && !layoutFacts.has(match[1]!) ? [{ location: `metadata:${match[1]}`, text: match[2]! }] : [];
  });
}

async function imageParts(imagePath: string, label: string, options: ResolvedOptions): Promise<ExtractedPart[]> {
  const readings = await readImageText(imagePath, options.timeoutSeconds);
  return readings.map((reading) => ({ location: `${label} (OCR, ${reading.languages})`, text: reading.text, ocr: true }));
}

/** Elements whose text is not shown as page text, reported under their own names. */
const RAW_TEXT_ELEMENTS = new Set(["script", "style", "title"]);

const DATA_IMAGE = /data:image\/([a-z0-9.+-]+)((?:;[a-z0-9-]+=[^;,]*)*)(;base64)?,([^"')\s]+)/gi;

async function htmlParts(html: string, scratch: string, options: ResolvedOptions): Promise<ExtractedPart[]> {
  const found = new Map<string, string[]>();
  const add = (location: string, text: string) => {
    const texts = found.get(location) ?? [];
    texts.push(text);
    found.set(location, texts);
  };
  const openElements: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        openElements.push(name);
        add("text", "\n");
        for (const [attribute, value] of Object.entries(attributes)) add(`attribute:${attribute}`, value);
      },
      ontext(text) {
        const inside = [...openElements].reverse().find((name) => RAW_TEXT_ELEMENTS.has(name));
        add(inside ?? "text", text);
      },
      onclosetag(name) {
        const index = openElements.lastIndexOf(name);
        if (index >= 0) openElements.length = index;
        add("text", "\n");
      },
      oncomment(comment) {
        add("comment", comment);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  const parts: ExtractedPart[] = [...found].map(([location, texts]) => ({ location, text: texts.join(location === "text" ? "" : "\n") }));
  let imageNumber = 0;
  for (const match of html.matchAll(DATA_IMAGE)) {
    imageNumber++;
    const [, subtype, , base64, data] = match;
    const payload = base64 ? Buffer.from(data!, "base64") : Buffer.from(decodeURIComponent(data!), "utf8");
    if (subtype!.toLowerCase().startsWith("svg")) {
      parts.push({ location: `image ${imageNumber} (SVG)`, text: payload.toString("utf8") });
      continue;
    }
    const imagePath = path.join(scratch, `embedded-${imageNumber}.${subtype!.toLowerCase().replace(/[^a-z0-9]/g, "")}`);
    await writeFile(imagePath, payload);
    parts.push(...(await imageParts(imagePath, `image ${imageNumber}`, options)));
  }
  return parts;
}

function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  return new TextDecoder("utf-8").decode(bytes);
}
