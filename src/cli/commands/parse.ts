import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Command } from "commander";
import { extractFile } from "../../ingest/extract.js";
import { resolveLimits } from "../../ingest/limits.js";
import type { Cable } from "../../model/cable.js";
import type { ExtractedDocument, Problem } from "../../model/document.js";
import { EXIT_SOME_FILES_FAILED, type ExitStatus } from "../exit-status.js";
import { renderCable } from "../render-cable.js";

interface ParsedFile {
  locator: string;
  type: string;
  cable?: Cable;
}

export function parseCommand(exit: ExitStatus): Command {
  return new Command("parse")
    .description("print the cable fields of files (reference, dates, origin, addressees, classification, subject, paragraphs …) without an archive")
    .argument("<file...>", "files to read (members of archives and e-mail attachments are read too)")
    .option("--json", "print {documents: [{locator, type, cable}]} as JSON")
    .action(async (files: string[], options: { json?: boolean }) => {
      const documents: ParsedFile[] = [];
      const problems: Problem[] = [];
      const tempDir = await mkdtemp(path.join(os.tmpdir(), "trove-parse-"));
      try {
        for (const file of files) {
          const filePath = path.resolve(file);
          await extractFile(
            { filePath, locator: filePath, rootPath: filePath, name: path.basename(filePath) },
            { document: (document: ExtractedDocument) => documents.push({ locator: document.locator, type: document.type, ...(document.cable && { cable: document.cable }) }), problem: (problem) => problems.push(problem) },
            { limits: resolveLimits(), tempDir },
          ).catch((error: Error) => problems.push({ locator: filePath, code: "unreadable", message: error.message, indexed: false }));
        }
      } finally {
        await rm(tempDir, { recursive: true, force: true });
      }
      if (options.json) process.stdout.write(`${JSON.stringify({ documents, problems }, null, 2)}\n`);
      else process.stdout.write(documents.map((document) => `${document.locator}  (${document.type})\n${document.cable ? renderCable(document.cable) : "  no text to read\n"}`).join("\n"));
      for (const problem of problems) process.stderr.write(`trove: ${problem.locator}: ${problem.code}: ${problem.message}\n`);
      if (problems.some((problem) => !problem.indexed)) exit.code = EXIT_SOME_FILES_FAILED;
    });
}
