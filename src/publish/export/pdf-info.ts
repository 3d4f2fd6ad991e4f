/**
 * Replacing a PDF's info dictionary, so that an exported PDF says only what
 * Trove chooses: Chromium writes its own user agent as Creator, its Skia
 * version as Producer and the time of printing, and the page's title.
 *
 * The dictionary is rewritten in place, not appended as an incremental
 * update: an update would leave the old dictionary in the file, where any
 * tool that reads the bytes still finds it. Only PDFs with a classic
 * cross-reference table and a single revision are accepted (what Chromium
 * writes); anything else is refused rather than half-cleaned. A PDF that
 * carries an XMP metadata stream is refused too, since it could repeat the
 * old title.
 */
import { TroveError } from "../../errors.js";

/** Info entries, written as text strings; only these keys are written. */
export interface PdfInfo {
  Title: string;
  Author: string;
  Creator: string;
  Producer: string;
}

/** A PDF whose structure the info rewrite does not handle. */
export class PdfStructureError extends TroveError {
  constructor(message: string) {
    super("pdf-structure", `cannot set the PDF's metadata: ${message}`);
  }
}

/** The PDF in `pdf` with its info dictionary replaced by exactly `info`. */
export function replacePdfInfo(pdf: Buffer, info: PdfInfo): Buffer {
  const raw = pdf.toString("latin1");
  if (/\/Metadata\s+\d+\s+\d+\s+R/.test(raw)) throw new PdfStructureError("it carries an XMP metadata stream");
  const startXref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(raw);
  if (!startXref) throw new PdfStructureError("no cross-reference offset at its end");
  const xrefOffset = Number(startXref[1]);
  if (!raw.startsWith("xref", xrefOffset)) throw new PdfStructureError("it uses a cross-reference stream");
  const trailerAt = raw.indexOf("trailer", xrefOffset);
  if (trailerAt < 0) throw new PdfStructureError("no trailer");
  const trailer = raw.slice(trailerAt, startXref.index);
  if (/\/Prev\b/.test(trailer) || /\/Encrypt\b/.test(trailer)) throw new PdfStructureError("it has several revisions or is encrypted");
  const infoReference = /\/Info\s+(\d+)\s+(\d+)\s+R/.exec(trailer);
  if (!infoReference) throw new PdfStructureError("no info dictionary");
  const [, objectNumber, generation] = infoReference;

  const objectHeader = new RegExp(`(?:^|[\\r\\n])(${objectNumber}\\s+${generation}\\s+obj\\b)`, "g");
  const headers = [...raw.slice(0, xrefOffset).matchAll(objectHeader)];
  if (headers.length !== 1) throw new PdfStructureError(`object ${objectNumber} is defined ${headers.length} times`);
  const objectStart = headers[0]!.index! + headers[0]![0].indexOf(headers[0]![1]!);
  const objectEnd = raw.indexOf("endobj", objectStart) + "endobj".length;
  const replacement = `${objectNumber} ${generation} obj\n<<${Object.entries(info).map(([key, value]) => `/${key} ${textString(value)}`).join("\n")}>>\nendobj`;
  const shift = replacement.length - (objectEnd - objectStart);

  const table = raw.slice(xrefOffset, trailerAt).replace(/^(\d{10}) (\d{5}) n/gm, (entry, offset: string, entryGeneration: string) => {
    const moved = Number(offset) > objectStart ? Number(offset) + shift : Number(offset);
    return `${String(moved).padStart(10, "0")} ${entryGeneration} n`;
  });
  const rewritten = `${raw.slice(0, objectStart)}${replacement}${raw.slice(objectEnd, xrefOffset)}${table}${trailer}startxref\n${xrefOffset + shift}\n%%EOF\n`;
  return Buffer.from(rewritten, "latin1");
}

/** A PDF text string: UTF-16BE with a byte-order mark, written in hexadecimal so no byte needs escaping. */
function textString(text: string): string {
  const bytes = Buffer.from(`\uFEFF${text}`, "utf16le").swap16();
  return `<${bytes.toString("hex").toUpperCase()}>`;
}
