/** Reads files the way ingest does, without an archive: for commands that look at files directly. */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { extractFile } from "../ingest/extract.js";
import { resolveLimits } from "../ingest/limits.js";
import type { ExtractedDocument, Problem } from "../model/document.js";

export interface ReadFiles {
  /** Every document read: each file, and the members and attachments inside it. */
  documents: ExtractedDocument[];
  problems: Problem[];
}

export async function readFiles(files: string[]): Promise<ReadFiles> {
  const documents: ExtractedDocument[] = [];
  const problems: Problem[] = [];
  const tempDir = await mkdtemp(path.join(os.tmpdir(), "trove-read-"));
  try {
    for (const file of files) {
      const filePath = path.resolve(file);
      await extractFile(
        { filePath, locator: filePath, rootPath: filePath, name: path.basename(filePath) },
        { document: (document) => documents.push(document), problem: (problem) => problems.push(problem) },
        { limits: resolveLimits(), tempDir },
      ).catch((error: Error) => problems.push({ locator: filePath, code: "unreadable", message: error.message, indexed: false }));
    }
  } finally {
    await rm(tempDir, { recursive: true, force: true });
  }
  return { documents, problems };
}
