/**
 * Small archives and request bodies for the server tests: a few sample
 * files ingested in-process into a temporary archive, and multipart bodies
 * written byte by byte, hostile names included.
 */
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ingest } from "../../src/pipeline/ingest-job.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { extracted } from "../helpers/documents.js";
import { tempDir } from "../helpers/temp-dir.js";

export const SAMPLE_FILES = [
  "reports/fa/report-1393-07-15-karbala.fa.txt",
  "reports/en/report-1393-07-15-karbala.en.txt",
  "cables/14BAGHDAD1911.txt",
  "pdf/briefing-zubaidi-payments.pdf",
  "archives/batch-1394-04.zip",
];

/** A 1×1 PNG: a real picture for the image routes, without OCR in the way. */
export const TINY_PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

export interface SampleArchive {
  /** The archive file. */
  archive: string;
  /** The folder the sample files were ingested from. */
  leak: string;
  /** An image document saved straight into the archive, with its file on disk. */
  imagePath: string;
}

/** Ingests the sample files (no OCR and no entity stage, in this thread) and adds one picture; a fresh folder each call. */
export async function sampleArchive(): Promise<SampleArchive> {
  const root = tempDir("trove-server-");
  const leak = path.join(root, "leak");
  mkdirSync(leak);
  for (const file of SAMPLE_FILES) copyFileSync(path.resolve("samples", file), path.join(leak, path.basename(file)));
  const archive = path.join(root, "archive", "archive.db");
  const store = SqliteStore.open(archive);
  try {
    await ingest(store, [leak], { workers: 0, entities: false });
    const imagePath = path.join(root, "pictures", "meeting-photo.png");
    mkdirSync(path.dirname(imagePath));
    writeFileSync(imagePath, TINY_PNG);
    store.saveDocument(
      extracted(imagePath, "a photographed page", {
        type: "image",
        mime: "image/png",
        sha256: createHash("sha256").update(TINY_PNG).digest("hex"),
        size: TINY_PNG.length,
        pages: [{ number: 1, start: 0, end: 19, ocr: true }],
      }),
    );
    store.commit();
    return { archive, leak, imagePath };
  } finally {
    store.close();
  }
}

export interface Part {
  name: string;
  filename?: string;
  contentType?: string;
  content: string | Buffer;
}

export const BOUNDARY = "----trove-test-boundary-7MA4YWxkTrZu0gW";

/** A multipart/form-data body exactly as given: no name is cleaned or escaped. */
export function multipartBody(parts: Part[], boundary = BOUNDARY): Buffer {
  const pieces: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename === undefined ? "" : `; filename="${part.filename}"`}`;
    const headers = `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${part.contentType ? `Content-Type: ${part.contentType}\r\n` : ""}\r\n`;
    pieces.push(Buffer.from(headers, "utf8"), Buffer.isBuffer(part.content) ? part.content : Buffer.from(part.content, "utf8"), Buffer.from("\r\n"));
  }
  pieces.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(pieces);
}

export function multipartHeaders(body: Buffer, boundary = BOUNDARY): Record<string, string> {
  return { "Content-Type": `multipart/form-data; boundary=${boundary}`, "Content-Length": String(body.length) };
}
