/**
 * The extraction driver: one file in, one or more documents out (the file
 * itself, then its members and attachments, depth first). Every failure is
 * turned into a recorded problem; the document is still emitted with its hash
 * so that nothing the reporter handed over goes unrecorded.
 */
import { rm } from "node:fs/promises";
import { InputError, type ProblemCode } from "../errors.js";
import type { DocumentType, ExtractedDocument, Problem } from "../model/document.js";
import type { Cable } from "../model/cable.js";
import { parseCable } from "../parse/registry.js";
import { findDocumentDate } from "../text/dates.js";
import { detectLanguage } from "../text/language.js";
import { detectType } from "./detect-type.js";
import { fingerprint } from "./fingerprint.js";
import type { IngestLimits } from "./limits.js";
import type { ChildSource, ReaderContext, ReaderRegistry, ReadResult } from "./reader.js";
import { readZip, readTar } from "./readers/archive.js";
import { readDocx } from "./readers/docx.js";
import { readEmail } from "./readers/email.js";
import { readHtml } from "./readers/html.js";
import { readBinary, readImage } from "./readers/image.js";
import { readMbox } from "./readers/mbox.js";
import { readPdf } from "./readers/pdf.js";
import { readText } from "./readers/text.js";

export const READERS: ReaderRegistry = {
  text: readText,
  html: readHtml,
  email: readEmail,
  mbox: readMbox,
  pdf: readPdf,
  image: readImage,
  docx: readDocx,
  zip: readZip,
  tar: readTar,
  binary: readBinary,
};

export interface ExtractRequest {
  filePath: string;
  locator: string;
  rootPath: string;
  name: string;
  parentLocator?: string;
  mtimeMs?: number;
  depth?: number;
}

export interface ExtractSink {
  document(document: ExtractedDocument): void;
  problem(problem: Problem): void;
}

export interface ExtractOptions {
  limits: IngestLimits;
  tempDir: string;
  readers?: ReaderRegistry;
}

const TITLE_CHARS = 160;
const CONTAINER_TYPES = new Set<DocumentType>(["zip", "tar", "mbox", "binary"]);
const HEAD_TITLE_CHARS = 8192;
const SUBJECT_LINE = /^\s*(?:subject|subj|موضوع)\s*[:：]\s*(.+)$/i;

/** Extracts one file and everything inside it, reporting documents and problems to the sink as they come. */
export async function extractFile(request: ExtractRequest, sink: ExtractSink, options: ExtractOptions): Promise<void> {
  const depth = request.depth ?? 0;
  const report = (code: ProblemCode, message: string, indexed: boolean) => sink.problem({ locator: request.locator, code, message, indexed });
  const print = await fingerprint(request.filePath);
  const detected = detectType(print.head, request.name);
  let type: DocumentType = detected.type;
  if (print.size === 0) {
    report("empty", "the file is empty", false);
  } else if (detected.namedAs && detected.type === "binary" && detected.namedAs === "text") {
    report("binary-as-text", "named as text but holds binary data; stored by its hash only", false);
  } else if (detected.namedAs) {
    report("mislabelled", `named as ${detected.namedAs} but is ${detected.type}; read as ${detected.type}`, true);
  }
  const context: ReaderContext = {
    filePath: request.filePath,
    name: request.name,
    locator: request.locator,
    size: print.size,
    limits: options.limits,
    depth,
    tempDir: options.tempDir,
    problem: report,
  };
  let result: ReadResult = { text: "" };
  if (print.size > 0) {
    try {
      result = await (options.readers ?? READERS)[type](context);
    } catch (error) {
      if (error instanceof InputError) report(error.code, error.message, error.indexed);
      else report("extract-failed", (error as Error).message, false);
      if (type === "text" || type === "html") type = "binary";
    }
  }
  sink.document(toDocument(request, print, type, detected.mime, result, readCable(request, type, result)));
  if (result.children) await extractChildren(request, result.children, depth, sink, options, report);
}

/** The layout's fields, for every document with text to read; containers and binaries have none. */
function readCable(request: ExtractRequest, type: DocumentType, result: ReadResult): Cable | undefined {
  if (!result.text.trim() || CONTAINER_TYPES.has(type)) return undefined;
  return parseCable({ text: result.text, name: request.name, type, metadata: result.metadata ?? {}, ...(result.html !== undefined && { html: result.html }) });
}

function toDocument(request: ExtractRequest, print: { sha256: string; size: number }, type: DocumentType, mime: string, result: ReadResult, cable: Cable | undefined): ExtractedDocument {
  const text = result.text;
  const cableSubject = cable && cable.layout !== "generic" ? cable.subject?.trim() : undefined;
  const title = cableSubject || result.title?.trim() || headTitle(text) || request.name;
  const cableDate = cable?.date?.precision === "day" ? cable.date.iso : undefined;
  const date = cableDate ?? result.date ?? findDocumentDate(text);
  const document: ExtractedDocument = {
    locator: request.locator,
    rootPath: request.rootPath,
    name: request.name,
    sha256: print.sha256,
    size: print.size,
    type,
    mime: result.mime ?? mime,
    title,
    text,
    language: detectLanguage(text),
    metadata: result.metadata ?? {},
  };
  if (request.parentLocator !== undefined) document.parentLocator = request.parentLocator;
  if (request.mtimeMs !== undefined) document.mtimeMs = request.mtimeMs;
  if (result.encoding) document.encoding = result.encoding;
  if (date) document.date = date;
  if (result.pages) document.pages = result.pages;
  if (cable) document.cable = cable;
  return document;
}

async function extractChildren(
  parent: ExtractRequest,
  children: AsyncIterable<ChildSource>,
  depth: number,
  sink: ExtractSink,
  options: ExtractOptions,
  report: (code: ProblemCode, message: string, indexed: boolean) => void,
): Promise<void> {
  if (depth + 1 > options.limits.maxDepth) {
    report("too-deep", `containers nested deeper than ${options.limits.maxDepth} levels were not opened`, false);
    return;
  }
  try {
    for await (const child of children) {
      const childRequest: ExtractRequest = {
        filePath: child.tempFile,
        locator: parent.locator + child.locatorSuffix,
        rootPath: parent.rootPath,
        name: child.name,
        parentLocator: parent.locator,
        depth: depth + 1,
      };
      try {
        await extractFile(childRequest, sink, options);
      } catch (error) {
        sink.problem({ locator: childRequest.locator, code: "extract-failed", message: (error as Error).message, indexed: false });
      } finally {
        await rm(child.tempFile, { force: true });
      }
    }
  } catch (error) {
    if (error instanceof InputError) report(error.code, error.message, error.indexed);
    else report("extract-failed", `reading members stopped: ${(error as Error).message}`, false);
  }
}

/** A `Subject:` line near the top when there is one (cables, memos, reports), else the first line with words. */
function headTitle(text: string): string | undefined {
  const lines = text.slice(0, HEAD_TITLE_CHARS).split(/\r?\n/, 60);
  const subject = lines.map((line) => SUBJECT_LINE.exec(line)?.[1]?.trim()).find((value) => value && value.length > 1);
  const first = lines.map((line) => line.replace(/\s+/g, " ").trim()).find((line) => /[\p{L}\p{N}]{2}/u.test(line));
  const title = subject ?? first;
  return title && title.length > TITLE_CHARS ? `${title.slice(0, TITLE_CHARS - 1)}…` : title;
}
