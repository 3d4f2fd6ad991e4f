import path from "node:path";
import { extractFile } from "../../src/ingest/extract.js";
import { resolveLimits, type IngestLimitsOptions } from "../../src/ingest/limits.js";
import type { ExtractedDocument, Problem } from "../../src/model/document.js";
import { tempDir } from "./temp-dir.js";

/** Extracts one file in-process and collects what comes out. */
export async function extractForTest(filePath: string, limits: IngestLimitsOptions = {}) {
  const documents: ExtractedDocument[] = [];
  const problems: Problem[] = [];
  await extractFile(
    { filePath, locator: filePath, rootPath: filePath, name: path.basename(filePath) },
    { document: (document) => documents.push(document), problem: (problem) => problems.push(problem) },
    { limits: resolveLimits(limits), tempDir: tempDir() },
  );
  return { documents, problems };
}
