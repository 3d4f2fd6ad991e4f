/**
 * The contract between the extraction driver and the per-format readers. A
 * reader turns one file on disk into text and metadata; a container reader
 * (zip, tar, e-mail) also yields its members, each written to a temporary
 * file under the driver's control, never to a path taken from the member name.
 */
import type { ProblemCode } from "../errors.js";
import type { DocumentType, Page } from "../model/document.js";
import type { IngestLimits } from "./limits.js";

export interface ReaderContext {
  /** The file to read. It may be a temporary copy of a member; do not modify it. */
  filePath: string;
  /** The name the original gave it, for messages and titles only. */
  name: string;
  /** The document's locator, for problems. */
  locator: string;
  size: number;
  limits: IngestLimits;
  /** How deep in nested containers this file sits; 0 for a file on disk. */
  depth: number;
  /** A private directory for temporary files; removed by the driver. */
  tempDir: string;
  /** Records a problem with this file; the reader goes on where it can. */
  problem(code: ProblemCode, message: string, indexed: boolean): void;
}

/** A member of a container, already written to a temporary file. */
export interface ChildSource {
  /** Appended to the parent's locator: `!/dir/member.txt` or `#attachment-1/name.pdf`. */
  locatorSuffix: string;
  /** The member's name as the container gives it (display only). */
  name: string;
  /** The temporary file holding the member's bytes; the driver deletes it after use. */
  tempFile: string;
  size: number;
}

export interface ReadResult {
  text: string;
  title?: string;
  encoding?: string;
  pages?: Page[];
  /** ISO date (YYYY-MM-DD) from the file's own metadata (an e-mail's Date header …). */
  date?: string;
  mime?: string;
  metadata?: Record<string, unknown>;
  /** The decoded HTML source of an HTML document, for parsers that read its markup (metadata tables). */
  html?: string;
  /** Members or attachments, produced lazily so that only one is on disk at a time. */
  children?: AsyncIterable<ChildSource>;
}

export type Reader = (context: ReaderContext) => Promise<ReadResult>;

export type ReaderRegistry = Record<DocumentType, Reader>;
