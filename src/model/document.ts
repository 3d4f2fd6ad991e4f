import type { ProblemCode } from "../errors.js";
import type { Cable } from "./cable.js";

/**
 * The document model: one `TroveDocument` per original file, archive member or
 * e-mail attachment. Originals are identified by their SHA-256 and never
 * modified; a document only points back at where its bytes came from.
 */

/** What a file turned out to be, by content first and by name second. */
export type DocumentType =
  | "text"
  | "html"
  | "email"
  | "mbox"
  | "pdf"
  | "image"
  | "docx"
  | "zip"
  | "tar"
  | "binary";

export const DOCUMENT_TYPES: readonly DocumentType[] = [
  "text", "html", "email", "mbox", "pdf", "image", "docx", "zip", "tar", "binary",
];

/** A language code as far as Trove can tell from the script and common words; `und` when unknown. */
export type LanguageCode = "en" | "fa" | "ar" | "und";

/** One page of a paginated original, as a span of the document's text. */
export interface Page {
  /** 1-based page number. */
  number: number;
  /** Character offsets into the document's text, end exclusive. */
  start: number;
  end: number;
  /** True when the page had no text layer and its text comes from OCR. */
  ocr: boolean;
  /** The Tesseract languages used for OCR, e.g. `fas` or `eng`. */
  ocrLanguages?: string;
}

/** A problem met while reading one input; the job records it and goes on. */
export interface Problem {
  /** The file on disk, or the member inside it, where the problem was met. */
  locator: string;
  code: ProblemCode;
  message: string;
  /** True when the content still went into the archive whole (a misnamed file read by its content); false when some or all of it is missing. */
  indexed: boolean;
}

/**
 * What the extraction stage learnt about one original. Members of archives and
 * attachments of e-mails are documents of their own with a `parentLocator`.
 */
export interface ExtractedDocument {
  /**
   * Where the bytes came from: an absolute path, or the parent's locator
   * followed by `!/` and the member's name (archives) or `#attachment-N/name`
   * (e-mail). Unique within an archive.
   */
  locator: string;
  parentLocator?: string;
  /** The file on disk this document came from (itself, or the archive holding it). */
  rootPath: string;
  /** The file name as the original gave it; never used as a path. */
  name: string;
  sha256: string;
  size: number;
  type: DocumentType;
  mime: string;
  /** Character encoding the text was decoded from, when the original was text. */
  encoding?: string;
  title?: string;
  /** The extracted text, as read (not normalised). Empty for binaries. */
  text: string;
  language: LanguageCode;
  /** ISO date (YYYY-MM-DD) the document is about, when it can be told. */
  date?: string;
  pages?: Page[];
  /** Headers, PDF info and the like, as found. */
  metadata: Record<string, unknown>;
  /** Modification time of the file on disk, for incremental re-runs; absent for members. */
  mtimeMs?: number;
  /** The fields read from the document's layout. */
  cable?: Cable;
}

/** A link between an original and its translation. */
export interface TranslationLink {
  /** The other document of the pair. */
  id: number;
  /** What the other document is to this one. */
  role: "original" | "translation";
  language: LanguageCode;
  title: string;
  method: string;
  translator?: string;
  reviewer?: string;
}

/** A document as the archive holds it. */
export interface StoredDocument extends Omit<ExtractedDocument, "parentLocator" | "rootPath" | "mtimeMs"> {
  id: number;
  parentId?: number;
  /** Set when this original is byte-identical to an earlier document; its text is not indexed twice. */
  duplicateOf?: number;
  path: string;
  ingestedAt: string;
  translations: TranslationLink[];
}
