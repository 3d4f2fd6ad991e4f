import { Command } from "commander";
import type { Cable } from "../../model/cable.js";
import { EXIT_SOME_FILES_FAILED, type ExitStatus } from "../exit-status.js";
import { readFiles } from "../read-files.js";
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
      const read = await readFiles(files);
      const documents: ParsedFile[] = read.documents.map((document) => ({ locator: document.locator, type: document.type, ...(document.cable && { cable: document.cable }) }));
      const { problems } = read;
      if (options.json) process.stdout.write(`${JSON.stringify({ documents, problems }, null, 2)}\n`);
      else process.stdout.write(documents.map((document) => `${document.locator}  (${document.type})\n${document.cable ? renderCable(document.cable) : "  no text to read\n"}`).join("\n"));
      for (const problem of problems) process.stderr.write(`trove: ${problem.locator}: ${problem.code}: ${problem.message}\n`);
      if (problems.some((problem) => !problem.indexed)) exit.code = EXIT_SOME_FILES_FAILED;
    });
}
