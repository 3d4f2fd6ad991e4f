import { buildTextPdf } from "../../helpers/pdf-writer.js";

export interface PdfInfo {
  producer: string;
  /** PDF dates: `D:20141204101500Z`. */
  creationDate?: string;
  modDate?: string;
}

/**
 * A text PDF with the info dictionary a test asks for. The info dictionary
 * is the last object `buildTextPdf` writes, so growing it moves only the
 * cross-reference table, whose offset is corrected.
 */
export function buildPdfWithInfo(pages: string[], info: PdfInfo): Buffer {
  const pdf = buildTextPdf(pages).toString("latin1");
  const written = "/Producer (Trove tests) >>";
  const wanted = `/Producer (${info.producer})${info.creationDate ? ` /CreationDate (${info.creationDate})` : ""}${info.modDate ? ` /ModDate (${info.modDate})` : ""} >>`;
  if (!pdf.includes(written)) throw new Error("the PDF writer no longer ends with the info dictionary this helper rewrites");
  const grown = wanted.length - written.length;
  const rewritten = pdf.replace(written, wanted).replace(/startxref\n(\d+)\n/, (_, offset: string) => `startxref\n${Number(offset) + grown}\n`);
  return Buffer.from(rewritten, "latin1");
}
