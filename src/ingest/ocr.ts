/**
 * Optical character recognition with Tesseract, choosing the language per
 * page: running Persian and English models together turns Persian words into
 * Latin junk, so Trove asks Tesseract's script detection first and, where that
 * has too little to go on, keeps the better of an English and a Persian read.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { runTool } from "./run-tool.js";

export interface OcrResult {
  text: string;
  /** The Tesseract language models used, e.g. `fas` or `eng`. */
  languages: string;
  /** Mean word confidence, 0–100. */
  confidence: number;
}

const CONFIDENT = 75;

/** Reads the text of one image file (PNG, JPEG, TIFF …). */
export async function recogniseImage(imagePath: string, tempDir: string, timeoutSeconds: number): Promise<OcrResult> {
  const script = await detectScript(imagePath, timeoutSeconds);
  if (script === "Arabic") return recognise(imagePath, "fas", tempDir, timeoutSeconds);
  if (script === "Latin") return recognise(imagePath, "eng", tempDir, timeoutSeconds);
  const english = await recognise(imagePath, "eng", tempDir, timeoutSeconds);
  if (english.confidence >= CONFIDENT) return english;
  const persian = await recognise(imagePath, "fas", tempDir, timeoutSeconds);
  return persian.confidence > english.confidence ? persian : english;
}

async function detectScript(imagePath: string, timeoutSeconds: number): Promise<string | undefined> {
  try {
    const { stdout } = await runTool("tesseract", [imagePath, "stdout", "--psm", "0", "-l", "osd"], timeoutSeconds);
    const script = /^Script:\s*(\S+)/m.exec(stdout)?.[1];
    const confidence = Number(/^Script confidence:\s*([\d.]+)/m.exec(stdout)?.[1] ?? 0);
    return confidence >= 1 ? script : undefined;
  } catch {
    return undefined;
  }
}

async function recognise(imagePath: string, languages: string, tempDir: string, timeoutSeconds: number): Promise<OcrResult> {
  const outDir = await mkdtemp(path.join(tempDir, "ocr-"));
  try {
    const base = path.join(outDir, "page");
    await runTool("tesseract", [imagePath, base, "-l", languages, "txt", "tsv"], timeoutSeconds);
    const [text, tsv] = await Promise.all([readFile(`${base}.txt`, "utf8"), readFile(`${base}.tsv`, "utf8")]);
    return { text: text.replace(/\f/g, "\n").trim(), languages, confidence: meanWordConfidence(tsv) };
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

function meanWordConfidence(tsv: string): number {
  let sum = 0;
  let words = 0;
  for (const line of tsv.split("\n").slice(1)) {
    const columns = line.split("\t");
    const confidence = Number(columns[10]);
    if (columns.length >= 12 && confidence >= 0 && (columns[11] ?? "").trim()) {
      sum += confidence;
      words++;
    }
  }
  return words ? sum / words : 0;
}
