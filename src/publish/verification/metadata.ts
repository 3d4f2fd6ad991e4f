/**
 * What the files say about themselves. A PDF records the program that made
 * it and when it was created and last modified; a genuine document's PDF was
 * made close to its date by the tools its sender used, while an edited or
 * re-rendered copy shows a later date, another program, or dates no program
 * writes (created after it was modified).
 *
 * The originals are read again with `pdfinfo` where they still are on disk,
 * so the report shows the file as it is now; members of zip files and e-mail
 * attachments, and originals that have moved, are described by the info
 * recorded when they were ingested, and the report says so.
 */
import { existsSync } from "node:fs";
import { runTool, ToolError } from "../../ingest/run-tool.js";
import type { PdfDocument } from "./archive-reader.js";
import type { Finding } from "./finding.js";

export interface PdfMetadata {
  documentId: number;
  path: string;
  producer?: string;
  creator?: string;
  author?: string;
  /** ISO 8601 instants, as the PDF states them. */
  created?: string;
  modified?: string;
  /** Where the values come from: the file on disk now, or what was recorded at ingest. */
  readFrom: "original" | "ingest-record";
  /** Why the original was not read again, when it was not. */
  note?: string;
}

export interface MetadataReport {
  pdfs: PdfMetadata[];
  /** Programs that made the archive's PDFs, commonest first. */
  producers: Array<{ producer: string; count: number }>;
  findings: Finding[];
}

export interface MetadataOptions {
  /** Seconds one `pdfinfo` run may take; default 30. */
  toolTimeoutSeconds?: number;
  /** `pdfinfo` runs at once; default 4. */
  concurrency?: number;
}

/** A PDF last written more than this long after the date it bears is a later rendering. */
const LONG_AFTER_DAYS = 365;
/** A producer of at most this share of the archive's PDFs is unusual … */
const UNUSUAL_SHARE = 0.05;
/** … when one other producer made at least this many and this share of them. */
const DOMINANT_COUNT = 5;
const DOMINANT_SHARE = 0.6;
/** Originals missing from disk named in the finding's message. */
const MISSING_NAMED = 3;
const DAY_MS = 86_400_000;
const YEAR_DAYS = 365.25;

/** A locator inside a container (`archive.zip!/member`, `mail.eml#attachment-1/file.pdf`) is no path on disk. */
const MEMBER_LOCATOR = /!\/|#attachment-/;

export async function checkPdfMetadata(documents: Iterable<PdfDocument>, options: MetadataOptions = {}): Promise<MetadataReport> {
  const timeout = options.toolTimeoutSeconds ?? 30;
  const concurrency = options.concurrency ?? 4;
  const pdfs: PdfMetadata[] = [];
  const dates = new Map<number, string | null>();
  const missing: PdfMetadata[] = [];
  let toolMissing = false;
  const describe = async (document: PdfDocument): Promise<PdfMetadata> => {
    dates.set(document.id, document.date);
    if (MEMBER_LOCATOR.test(document.path)) return fromInfo(document, document.recordedInfo, "ingest-record", "inside an archive or e-mail; described as recorded at ingest");
    if (!existsSync(document.path)) {
      const described = fromInfo(document, document.recordedInfo, "ingest-record", "no longer at this path; described as recorded at ingest");
      missing.push(described);
      return described;
    }
    if (toolMissing) return fromInfo(document, document.recordedInfo, "ingest-record", "pdfinfo is not installed; described as recorded at ingest");
    try {
      const { stdout } = await runTool("pdfinfo", ["-rawdates", "-enc", "UTF-8", document.path], timeout);
      return fromInfo(document, parseInfo(stdout), "original");
    } catch (error) {
      if (!(error instanceof ToolError)) throw error;
      if (/not installed/.test(error.message)) toolMissing = true;
      return fromInfo(document, document.recordedInfo, "ingest-record", `pdfinfo could not read it now (${error.message}); described as recorded at ingest`);
    }
  };
  const pending = new Set<Promise<void>>();
  for (const document of documents) {
    const task: Promise<void> = describe(document).then((described) => {
      pdfs.push(described);
      pending.delete(task);
    });
    pending.add(task);
    if (pending.size >= concurrency) await Promise.race(pending);
  }
  await Promise.all(pending);
  pdfs.sort((a, b) => a.documentId - b.documentId);

  const producers = countProducers(pdfs);
  const findings: Finding[] = [];
  for (const pdf of pdfs) {
    const created = pdf.created && Date.parse(pdf.created);
    const modified = pdf.modified && Date.parse(pdf.modified);
    if (created && modified && created > modified) {
      findings.push({
        kind: "pdf-creation-after-modification",
        severity: "warning",
        documentIds: [pdf.documentId],
        message: `The PDF says it was created ${pdf.created} but last modified earlier, ${pdf.modified}. Programs do not write that by themselves: its dates were set by hand or by a tool that rewrites them. Ask where this file came from.`,
        evidence: `CreationDate ${pdf.created}; ModDate ${pdf.modified}`,
      });
    }
    const written = modified || created;
    const date = dates.get(pdf.documentId);
    if (written && date) {
      const days = (written - Date.parse(`${date}T00:00:00Z`)) / DAY_MS;
      if (days > LONG_AFTER_DAYS) {
        findings.push({
          kind: "pdf-modified-long-after-date",
          severity: "info",
          documentIds: [pdf.documentId],
          message: `The document is dated ${date} but its PDF was last written ${new Date(written).toISOString().slice(0, 10)}, ${yearsOf(days)} later${pdf.producer ? ` by ${pdf.producer}` : ""}: a later rendering or an edited copy, not a file of its time. Quote it as such, or ask for an earlier file.`,
          evidence: [pdf.modified && `ModDate ${pdf.modified}`, pdf.created && `CreationDate ${pdf.created}`, pdf.producer && `Producer ${pdf.producer}`].filter(Boolean).join("; "),
        });
      }
    }
  }
  findings.push(...unusualProducers(pdfs, producers));
  if (missing.length > 0) {
    findings.push({
      kind: "original-missing",
      severity: "info",
      documentIds: missing.map((pdf) => pdf.documentId),
      message: `${missing.length} PDF${missing.length === 1 ? " is" : "s are"} no longer where ${missing.length === 1 ? "it was" : "they were"} ingested from (${missing.slice(0, MISSING_NAMED).map((pdf) => pdf.path).join(", ")}${missing.length > MISSING_NAMED ? ", …" : ""}); their metadata is as recorded at ingest. Keep the originals where the archive can find them, so that their hashes can be checked again.`,
    });
  }
  return { pdfs, producers, findings };
}

function fromInfo(document: PdfDocument, info: Record<string, string>, readFrom: PdfMetadata["readFrom"], note?: string): PdfMetadata {
  const value = (key: string) => {
    const text = info[key]?.trim();
    return text ? text : undefined;
  };
  const producer = value("Producer");
  const creator = value("Creator");
  const author = value("Author");
  const created = pdfDate(value("CreationDate"));
  const modified = pdfDate(value("ModDate"));
  return {
    documentId: document.id,
    path: document.path,
    ...(producer && { producer }),
    ...(creator && { creator }),
    ...(author && { author }),
    ...(created && { created }),
    ...(modified && { modified }),
    readFrom,
    ...(note && { note }),
  };
}

/** `pdfinfo` prints one `Key: value` per line. */
export function parseInfo(output: string): Record<string, string> {
  const info: Record<string, string> = {};
  for (const line of output.split("\n")) {
    const match = /^([\w ]+?):\s+(.*)$/.exec(line);
    if (match) info[match[1]!] = match[2]!;
  }
  return info;
}

/**
 * A PDF date as an ISO instant. PDF writes `D:20141204101500+03'30'` (what
 * `pdfinfo -rawdates` prints); `pdfinfo` without it, as at ingest, prints
 * `Thu Dec  4 06:45:00 2014 UTC`.
 *
 * @example
 * pdfDate("D:20141204101500+03'30'") // → "2014-12-04T06:45:00.000Z"
 */
export function pdfDate(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const raw = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?\s*(?:(Z)(?:00'?00'?)?|([+-])(\d{2})'?(\d{2})?'?)?$/.exec(text.trim());
  if (raw) {
    const [, year, month = "01", day = "01", hour = "00", minute = "00", second = "00", zulu, sign, offsetHours, offsetMinutes = "00"] = raw;
    const offset = zulu || !sign ? "Z" : `${sign}${offsetHours}:${offsetMinutes}`;
    const parsed = Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second}${offset}`);
    return Number.isNaN(parsed) ? undefined : new Date(parsed).toISOString();
  }
  const parsed = Date.parse(text);
  return Number.isNaN(parsed) ? undefined : new Date(parsed).toISOString();
}

function countProducers(pdfs: PdfMetadata[]): Array<{ producer: string; count: number }> {
  const counts = new Map<string, number>();
  for (const pdf of pdfs) if (pdf.producer) counts.set(pdf.producer, (counts.get(pdf.producer) ?? 0) + 1);
  return [...counts].map(([producer, count]) => ({ producer, count })).sort((a, b) => b.count - a.count || a.producer.localeCompare(b.producer));
}

/** PDFs made by a program few others were made by, in an archive where one program made most. */
function unusualProducers(pdfs: PdfMetadata[], producers: Array<{ producer: string; count: number }>): Finding[] {
  const total = producers.reduce((sum, entry) => sum + entry.count, 0);
  const dominant = producers[0];
  if (!dominant || dominant.count < DOMINANT_COUNT || dominant.count / total < DOMINANT_SHARE) return [];
  const rare = new Map(producers.filter((entry) => entry.count / total <= UNUSUAL_SHARE).map((entry) => [entry.producer, entry.count]));
  return pdfs
    .filter((pdf) => pdf.producer !== undefined && rare.has(pdf.producer))
    .map((pdf) => ({
      kind: "pdf-unusual-producer",
      severity: "info",
      documentIds: [pdf.documentId],
      message: `Made by ${pdf.producer}, which made ${rare.get(pdf.producer!)} of the archive's ${total} PDFs; ${dominant.count} were made by ${dominant.producer}. Find out whether this file came by another route.`,
      evidence: [`Producer ${pdf.producer}`, pdf.creator && `Creator ${pdf.creator}`].filter(Boolean).join("; "),
    }));
}

function yearsOf(days: number): string {
  const years = days / YEAR_DAYS;
  return years < 2 ? `${Math.round(days / 30)} months` : `${Math.round(years)} years`;
}
