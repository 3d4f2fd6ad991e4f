/**
 * The real corpus (`../shared/corpus`, see its MANIFEST.md) and the two ways
 * the suites scale it up:
 *
 * - as files: copies of real files under distinct names, each with one extra
 *   line at the end so that its bytes (and SHA-256) differ and ingest does not
 *   skip it as a duplicate (`makeFileCopies`);
 * - as documents: the real documents extracted once, then handed to the store
 *   as synthetic `ExtractedDocument`s, cycling through them until a scale is
 *   reached, each with a distinct locator and a unique last line
 *   (`syntheticDocuments`).
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { toGregorian, isValidJalaaliDate } from "jalaali-js";
import { extractFile } from "../src/ingest/extract.js";
import { resolveLimits } from "../src/ingest/limits.js";
import type { DocumentType, ExtractedDocument, LanguageCode } from "../src/model/document.js";
import { detectLanguage } from "../src/text/language.js";
import { normalise } from "../src/text/normalise.js";

export const CORPUS = process.env.TROVE_CORPUS ?? fileURLToPath(new URL("../../shared/corpus/", import.meta.url));

const CABLEGATE = "cablegate/paul-mathieu_cablegate-cia-analysis";
const JSON_LINES = ["cablegate/None-later_Wikileaks_Processing/wikileaks-11-28-10.json", "cablegate/None-later_Wikileaks_Processing/iran.json~"];
const FARS = "persian-text/language-ml_course-nlp-ir-1-text-exploring/fa/fars-news-1.json";

/** Corpus-relative paths of every file in `dir` (recursively) whose name passes `keep`, sorted. */
function listFiles(dir: string, keep: (name: string) => boolean): string[] {
  const out: string[] = [];
  const visit = (relative: string) => {
    for (const entry of readdirSync(path.join(CORPUS, relative), { withFileTypes: true })) {
      const child = path.posix.join(relative, entry.name);
      if (entry.isDirectory()) visit(child);
      else if (keep(entry.name)) out.push(child);
    }
  };
  visit(dir);
  return out.sort();
}

/** The text and HTML files of the ingest suite: converted cables, CREST OCR text, PlusD/Cablegate HTML, the two JSON-lines files, the Fars News JSON. */
export function textAndHtmlSources(): string[] {
  return [
    ...listFiles(`${CABLEGATE}/cablegate-converted`, (name) => name.endsWith(".txt")),
    ...listFiles("crest/paul-mathieu_cablegate-cia-analysis/cia-converted", (name) => name.endsWith(".txt")),
    ...listFiles("plusd", (name) => name.endsWith(".html")),
    ...JSON_LINES,
    FARS,
  ];
}

/** The 14 Cablegate PDFs with a text layer. */
export function textLayerPdfSources(): string[] {
  return listFiles(`${CABLEGATE}/cablegate-pdf`, (name) => name.endsWith(".pdf"));
}

/** The scanned CREST PDFs (no text layer, 100 pages each). */
export function scannedPdfSources(): string[] {
  return listFiles("crest/mnyrop_hlab-ipy/sample_pdfs", (name) => name.endsWith(".pdf"));
}

export function bytesOf(sources: string[]): number {
  return sources.reduce((sum, source) => sum + statSync(path.join(CORPUS, source)).size, 0);
}

/** The line appended to copy `copy` of a file, in a form its format tolerates at the end. */
function uniqueTail(source: string, copy: number): string {
  if (source.endsWith(".pdf")) return `%trove-bench copy ${copy}\n`;
  if (source.endsWith(".html")) return `\n<!-- trove-bench copy ${copy} -->\n`;
  return `\ntrove-bench copy ${copy}\n`;
}

/**
 * Writes `copies` copies of `sources` into `dir` as `copy-NNN/<corpus path>`,
 * each with a unique line appended (see `uniqueTail`). Returns the bytes written.
 */
export async function makeFileCopies(dir: string, sources: string[], copies: number): Promise<{ files: number; bytes: number }> {
  let bytes = 0;
  let files = 0;
  const contents = new Map(sources.map((source) => [source, readFileSync(path.join(CORPUS, source))]));
  for (let copy = 0; copy < copies; copy++) {
    for (const source of sources) {
      const target = path.join(dir, `copy-${String(copy).padStart(3, "0")}`, source);
      await mkdir(path.dirname(target), { recursive: true });
      const data = Buffer.concat([contents.get(source)!, Buffer.from(uniqueTail(source, copy), "latin1")]);
      await writeFile(target, data);
      bytes += data.length;
      files++;
    }
  }
  return { files, bytes };
}

export function makeTempDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `trove-bench-${prefix}-`));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

// ---------------------------------------------------------------- documents for the search suite

export type SourceFamily = "cable-jsonl" | "cable-txt" | "cable-pdf" | "cable-html" | "crest-ocr" | "email" | "fars-news";

/** One real document, extracted once; the synthetic documents are made from these. */
export interface BaseDocument {
  /** Corpus path, with `#…` for a record inside a file. */
  key: string;
  family: SourceFamily;
  type: DocumentType;
  mime: string;
  title: string;
  text: string;
  language: LanguageCode;
  /** ISO date: the document's own where Trove or the record gives one, else a plausible stand-in (see `dateSource`). */
  date: string;
  dateSource: "document" | "record" | "fars-news-id" | "text" | "stand-in";
  /** `normalise(title)` and `normalise(text)`, as the store indexes them, computed once. */
  normalisedTitle: string;
  normalisedText: string;
}

/**
 * Extracts the real documents once: every cable of the two JSON-lines files
 * (one document per parseable line), the 24 converted `.txt` cables, the 14
 * text-layer PDFs, the 13 HTML pages, the 4 CREST OCR texts, the 162 e-mails
 * of the 8 mbox files, and the 300 Fars News articles (title, abstract and
 * paragraphs). Files go through Trove's own `extractFile`, in process.
 */
export async function loadBaseDocuments(): Promise<BaseDocument[]> {
  const documents: BaseDocument[] = [];
  for (const file of JSON_LINES) documents.push(...cablesFromJsonLines(file));
  const files: [string, SourceFamily][] = [
    ...listFiles(`${CABLEGATE}/cablegate-converted`, (name) => name.endsWith(".txt")).map((file): [string, SourceFamily] => [file, "cable-txt"]),
    ...textLayerPdfSources().map((file): [string, SourceFamily] => [file, "cable-pdf"]),
    ...listFiles("plusd", (name) => name.endsWith(".html")).map((file): [string, SourceFamily] => [file, "cable-html"]),
    ...listFiles("crest/paul-mathieu_cablegate-cia-analysis/cia-converted", (name) => name.endsWith(".txt")).map((file): [string, SourceFamily] => [file, "crest-ocr"]),
    ...listFiles("email", () => true).map((file): [string, SourceFamily] => [file, "email"]),
  ];
  const tempDir = makeTempDir("extract");
  try {
    for (const [file, family] of files) {
      for (const extracted of await extractInProcess(file, tempDir)) {
        if (extracted.text.trim() === "" || extracted.type === "mbox") continue;
        const key = extracted.locator === path.join(CORPUS, file) ? file : `${file}${extracted.locator.slice(path.join(CORPUS, file).length)}`;
        documents.push(base(key, family, extracted.type, extracted.mime, extracted.title ?? extracted.name, extracted.text, extracted.date, "document"));
      }
    }
  } finally {
    removeDir(tempDir);
  }
  documents.push(...farsArticles());
  return documents;
}

/** Every document `extractFile` makes of one corpus file (an mbox gives its messages as children). */
export async function extractInProcess(file: string, tempDir: string): Promise<ExtractedDocument[]> {
  const absolute = path.isAbsolute(file) ? file : path.join(CORPUS, file);
  const out: ExtractedDocument[] = [];
  await extractFile(
    { filePath: absolute, locator: absolute, rootPath: absolute, name: path.basename(absolute) },
    { document: (document) => out.push(document), problem: () => undefined },
    { limits: resolveLimits(), tempDir },
  );
  return out;
}

interface CableRecord {
  _id?: string;
  reference_id?: string;
  origin?: string;
  date_time?: string;
  classification?: string;
  header?: string;
  body?: string;
}

function cablesFromJsonLines(file: string): BaseDocument[] {
  const out: BaseDocument[] = [];
  const lines = readFileSync(path.join(CORPUS, file), "utf8").split("\n");
  lines.forEach((line, index) => {
    if (line.trim() === "") return;
    let record: CableRecord;
    try {
      record = JSON.parse(line) as CableRecord;
    } catch {
      return; // iran.json~ line 223 is malformed (MANIFEST.md); skipped as a reader would.
    }
    const reference = record.reference_id || record._id || `line ${index + 1}`;
    const body = record.body ?? "";
    const text = [
      `Reference: ${reference}`,
      `Origin: ${record.origin ?? ""}`,
      `Date: ${record.date_time ?? ""}`,
      `Classification: ${record.classification ?? ""}`,
      ...(record.header ? [record.header] : []),
      "",
      body,
    ].join("\n");
    const subject = /\bsubject:\s*(.+?)(?=\s{2,}|\s*\((?:u|c|s|sbu)\)|\s*classified by|\s*ref:|¶|\s1\.\s|$)/i.exec(body)?.[1]?.trim();
    const title = subject ? `${reference}: ${subject.slice(0, 140)}` : reference;
    const date = recordDate(record.date_time);
    out.push(base(`${file}#L${index + 1}`, "cable-jsonl", "text", "text/plain", title, text, date, "record"));
  });
  return out;
}

/** `2004-01-20 12:12` or `11/2/2006 13:51` to an ISO day. */
function recordDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const iso = /^(\d{4})-(\d\d)-(\d\d)/.exec(value);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(value);
  if (us) return `${us[3]}-${us[1]!.padStart(2, "0")}-${us[2]!.padStart(2, "0")}`;
  return undefined;
}

interface FarsArticle {
  title?: string;
  abstract?: string;
  paragraphs?: string[];
  link?: string;
}

function farsArticles(): BaseDocument[] {
  const articles = JSON.parse(readFileSync(path.join(CORPUS, FARS), "utf8")) as FarsArticle[];
  return articles.map((article, index) => {
    const title = article.title?.trim() || `Fars News ${index + 1}`;
    const text = [title, article.abstract ?? "", ...(article.paragraphs ?? [])].filter((part) => part.trim() !== "").join("\n\n");
    const date = farsDate(article.link);
    return base(`${FARS}#${index}`, "fars-news", "text", "text/plain", title, text, date, "fars-news-id");
  });
}

/** Fars News ids start with the solar date: …/news/8707060255 is 1387-07-06, …/news/13911222000865 is 1391-12-22. */
function farsDate(link: string | undefined): string | undefined {
  const id = /\/news\/(\d+)/.exec(link ?? "")?.[1] ?? "";
  const match = id.length >= 14 ? /^(1[34]\d\d)(\d\d)(\d\d)/.exec(id) : /^(\d\d)(\d\d)(\d\d)/.exec(id);
  if (!match) return undefined;
  const [year, month, day] = [(id.length >= 14 ? 0 : 1300) + Number(match[1]), Number(match[2]), Number(match[3])];
  if (!isValidJalaaliDate(year, month, day)) return undefined;
  const { gy, gm, gd } = toGregorian(year, month, day);
  return `${gy}-${String(gm).padStart(2, "0")}-${String(gd).padStart(2, "0")}`;
}

function base(
  key: string,
  family: SourceFamily,
  type: DocumentType,
  mime: string,
  title: string,
  text: string,
  date: string | undefined,
  dateSource: BaseDocument["dateSource"],
): BaseDocument {
  const known = date ?? isoDateAnywhere(text);
  return {
    key,
    family,
    type,
    mime,
    title,
    text,
    language: detectLanguage(text),
    date: known ?? standInDate(key),
    dateSource: date ? dateSource : known ? "text" : "stand-in",
    normalisedTitle: normalise(title),
    normalisedText: normalise(text),
  };
}

/** The first ISO date anywhere in the text (the Cable Viewer pages show "Created 1972-02-25" after 4 KB of navigation). */
function isoDateAnywhere(text: string): string | undefined {
  const match = /(?<!\d)((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?!\d)/.exec(text);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
}

/** A fixed date between 1995 and 2010 derived from the key, for documents with none of their own. */
function standInDate(key: string): string {
  const days = createHash("sha256").update(key).digest().readUInt32BE(0) % (16 * 365);
  return new Date(Date.UTC(1995, 0, 1) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The last line that makes synthetic document `ordinal` unique (its SHA-256 too). ASCII, so normalising it changes nothing. */
export function syntheticTail(ordinal: number): string {
  return `\n\ntrove-bench-${ordinal}`;
}

export interface SyntheticText {
  ordinal: number;
  source: BaseDocument;
  copy: number;
  /** The title and body as the store indexes them (`normalise`d): what the in-memory peers index. */
  normalisedTitle: string;
  normalisedBody: string;
}

/**
 * The texts of `count` synthetic documents, cycling through `bases`: text i
 * is base i mod n, copy ⌊i / n⌋, plus `syntheticTail(i)`. Cheap (no hashing),
 * for the in-memory peers.
 */
export function* syntheticTexts(bases: readonly BaseDocument[], count: number): Generator<SyntheticText> {
  for (let ordinal = 0; ordinal < count; ordinal++) {
    const source = bases[ordinal % bases.length]!;
    yield { ordinal, source, copy: Math.floor(ordinal / bases.length), normalisedTitle: source.normalisedTitle, normalisedBody: source.normalisedText + syntheticTail(ordinal) };
  }
}

/**
 * The same `count` documents as `ExtractedDocument`s for `store.saveDocument`:
 * locator `bench://copy-<copy>/<key>`, the base's type, language and date,
 * text = base text + `syntheticTail(i)`, SHA-256 of that text, so that no two
 * are duplicates.
 */
export function* syntheticDocuments(bases: readonly BaseDocument[], count: number): Generator<ExtractedDocument> {
  for (const { ordinal, source, copy } of syntheticTexts(bases, count)) {
    const text = source.text + syntheticTail(ordinal);
    const locator = `bench://copy-${String(copy).padStart(4, "0")}/${source.key}`;
    yield {
      locator,
      rootPath: locator,
      name: path.posix.basename(source.key),
      sha256: createHash("sha256").update(text).digest("hex"),
      size: Buffer.byteLength(text),
      type: source.type,
      mime: source.mime,
      encoding: "utf-8",
      title: source.title,
      text,
      language: source.language,
      date: source.date,
      metadata: { bench: { source: source.key, family: source.family, copy, ordinal } },
    };
  }
}
