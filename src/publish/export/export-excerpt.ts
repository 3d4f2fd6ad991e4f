/**
 * Exporting an excerpt: build it (see `excerpt.ts`), burn its scanned pages
 * (see `scan.ts`), render it as text, HTML or PDF, then run the leak check on
 * exactly the bytes about to be published, under the name they will have.
 * The file is written only when the check passes, and atomically: a
 * temporary file beside the target, renamed over it. Until then the bytes stay
 * in a private temporary folder, so a failed export leaves nothing behind.
 *
 * A forbidden form in the output file name is replaced by `redacted`.
 *
 * @example
 * const result = await exportExcerpt(
 *   { document: store.getDocument(12), redactions: store.redactions.acceptedRedactions(12), forms },
 *   { format: "pdf", out: "excerpt.pdf", paragraphs: { first: 2, last: 4 } },
 * );
 */
import { createHash, randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { access, mkdtemp, readFile, rename, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { TroveError } from "../../errors.js";
import type { LeakCheck, Redaction } from "../../model/redaction.js";
import { checkFile } from "../leak-check/check.js";
import { FormMatcher } from "../leak-check/form-matcher.js";
import { launchChromium } from "./chromium.js";
import { buildExcerpt, ExcerptError, excerptForms, type Excerpt, type ExcerptSource, type PassageSelection } from "./excerpt.js";
import { renderHtml } from "./html.js";
import { renderPdf } from "./pdf.js";
import { burnScannedPage, type BurntPage, type ScanOriginal } from "./scan.js";
import { renderText } from "./txt.js";

export type ExportFormat = "txt" | "html" | "pdf";

export const EXPORT_FORMATS: readonly ExportFormat[] = ["txt", "html", "pdf"];

export interface ExportOptions extends PassageSelection {
  format: ExportFormat;
  /** The file to write; a forbidden form in its name is replaced by `redacted`. */
  out: string;
  /** Where renders and checks happen before the file is written; default the system's temporary folder. */
  tempDir?: string;
  /** Seconds each Poppler, Tesseract run may take; default 120. */
  toolTimeoutSeconds?: number;
  /** A Chromium already running, to share between exports; otherwise one is started when needed and closed after. */
  browser?: Browser;
  /** Write the passage even though suggestions in it are undecided (they are then not applied). */
  allowUndecided?: boolean;
}

export interface ExportedScan {
  page: number;
  boxes: number;
  alignedWithStoredText: boolean;
}

export interface ExportResult {
  /** The file written. */
  file: string;
  documentId: number;
  /** The passage, as offsets into the document's text. */
  start: number;
  end: number;
  title: string;
  blocks: number;
  scannedPages: ExportedScan[];
  check: LeakCheck;
}

/**
 * The passage holds suggestions no reporter has decided: a surname alone, a
 * look-alike spelling, a plate. Publishing before deciding them is how a
 * source gets burned, so export stops and lists them.
 */
export class UndecidedRedactionsError extends TroveError {
  readonly undecided: readonly Redaction[];

  constructor(documentId: number, undecided: readonly Redaction[]) {
    super("undecided-redactions", `refused to export document ${documentId}: ${undecided.length} suggested redaction(s) in the passage are undecided (${undecided.slice(0, 5).map((redaction) => `#${redaction.id} ${redaction.reason}`).join(", ")}${undecided.length > 5 ? ", …" : ""}); decide them with: trove redact review --document ${documentId}, or export with --allow-undecided`);
    this.undecided = undecided;
  }
}

/** The export's own output failed the leak check; nothing was written. */
export class LeakFoundError extends TroveError {
  readonly check: LeakCheck;

  constructor(check: LeakCheck) {
    super("leak-found", `refused to write ${check.file}: the leak check found ${check.leaks.length} redacted form(s) in it (${[...new Set(check.leaks.map((leak) => leak.location))].join(", ")})`);
    this.check = check;
  }
}

export async function exportExcerpt(source: ExcerptSource, options: ExportOptions): Promise<ExportResult> {
  const excerpt = buildExcerpt(source, options);
  const undecided = (source.undecided ?? []).filter((redaction) => redaction.start < excerpt.end && redaction.end > excerpt.start);
  if (undecided.length > 0 && !options.allowUndecided) throw new UndecidedRedactionsError(excerpt.documentId, undecided);
  const forms = excerptForms(source);
  const matcher = new FormMatcher(forms);
  const target = path.join(path.dirname(options.out), redactedFileName(path.basename(options.out), matcher));
  await access(path.dirname(target), constants.W_OK).catch(() => {
    throw new TroveError("write-failed", `cannot write ${target}: ${path.dirname(target)} is not a folder this user can write to`);
  });
  const toolTimeoutSeconds = options.toolTimeoutSeconds ?? 120;
  const scratch = await mkdtemp(path.join(options.tempDir ?? os.tmpdir(), "trove-export-"));
  const scans = options.format === "txt" ? [] : excerpt.parts.flatMap((part) => (part.kind === "scan" ? [part] : []));
  const needsBrowser = options.format === "pdf" || scans.length > 0;
  const browser = needsBrowser ? (options.browser ?? (await launchChromium())) : undefined;
  try {
    const burnt = new Map<number, BurntPage>();
    if (scans.length > 0) {
      const original = await scanOriginal(source);
      for (const part of scans) burnt.set(part.page, await burnScannedPage(part, original, matcher, browser!, { tempDir: scratch, toolTimeoutSeconds }));
    }
    const bytes = await render(excerpt, options.format, burnt, browser);
    const candidate = path.join(scratch, path.basename(target));
    await writeFile(candidate, bytes, { mode: 0o600 });
    const check = { ...(await checkFile(candidate, forms, { name: path.basename(target), tempDir: scratch, toolTimeoutSeconds })), file: target };
    if (!check.passed) throw new LeakFoundError(check);
    await writeAtomically(target, bytes);
    return {
      file: target,
      documentId: excerpt.documentId,
      start: excerpt.start,
      end: excerpt.end,
      title: excerpt.title,
      blocks: excerpt.blocks,
      scannedPages: [...burnt].map(([page, image]) => ({ page, boxes: image.boxes, alignedWithStoredText: image.alignedWithStoredText })),
      check,
    };
  } finally {
    if (browser && !options.browser) await browser.close();
    await rm(scratch, { recursive: true, force: true });
  }
}

async function render(excerpt: Excerpt, format: ExportFormat, burnt: ReadonlyMap<number, BurntPage>, browser: Browser | undefined): Promise<Buffer> {
  switch (format) {
    case "txt":
      return Buffer.from(renderText(excerpt), "utf8");
    case "html":
      return Buffer.from(renderHtml(excerpt, burnt), "utf8");
    case "pdf":
      return renderPdf(renderHtml(excerpt, burnt), excerpt.title, browser!);
  }
}

/** A file name with every forbidden form replaced by `redacted`. */
function redactedFileName(name: string, matcher: FormMatcher): string {
  let redacted = "";
  let at = 0;
  for (const match of matcher.find(name)) {
    if (match.start < at) continue;
    redacted += `${name.slice(at, match.start)}redacted`;
    at = match.end;
  }
  return redacted + name.slice(at);
}

/** The original file of a scanned document, once it is known to be the very file that was ingested. */
async function scanOriginal(source: ExcerptSource): Promise<ScanOriginal> {
  const { document } = source;
  if (document.type !== "pdf" && document.type !== "image") throw new ExcerptError(`document ${document.id} is a ${document.type}, which has no page images to redact`);
  if (document.parentId !== undefined || !path.isAbsolute(document.path)) {
    throw new ExcerptError(`the scanned original of document ${document.id} is inside another file (${document.path}); only scans ingested from disk can be redacted`);
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(document.path);
  } catch {
    throw new ExcerptError(`the scanned original of document ${document.id} is no longer at ${document.path}`);
  }
  if (createHash("sha256").update(bytes).digest("hex") !== document.sha256) {
    throw new ExcerptError(`the file at ${document.path} is no longer the original of document ${document.id} (its SHA-256 differs)`);
  }
  return { path: document.path, type: document.type };
}

async function writeAtomically(file: string, bytes: Buffer): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(temporary, bytes, { flag: "wx" });
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
