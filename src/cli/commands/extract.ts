import { Command } from "commander";
import { findMentions } from "../../extract/mentions.js";
import type { ExtractionResult } from "../../model/entity.js";
import { EXIT_SOME_FILES_FAILED, type ExitStatus } from "../exit-status.js";
import { formatTable } from "../format.js";
import { readFiles } from "../read-files.js";

export function extractCommand(exit: ExitStatus): Command {
  return new Command("extract")
    .description("find people, organisations, places, sources, money, dates, phones and e-mail addresses in files, without an archive")
    .argument("<file...>", "files to read (members of archives and e-mail attachments are read too)")
    .option("--json", "print {file, entities: [{type, text, start, end, normalized, attributes}]} as JSON, one line per document when there are several")
    .addHelpText(
      "after",
      `
Offsets are character offsets (UTF-16 code units) into the document's text as
Trove reads it (see trove show ID for that text).

Examples:
  trove extract samples/reports/report-03.fa.txt
  trove extract cable.txt --json | jq '.entities[] | select(.type == "money")'`,
    )
    .action(async (files: string[], options: { json?: boolean }) => {
      const { documents, problems } = await readFiles(files);
      const results = documents.map((document): ExtractionResult & { file: string } => ({
        file: document.locator,
        entities: findMentions(document.text).map(({ type, text, start, end, normalized, attributes }) => ({ type, text, start, end, normalized, attributes })),
      }));
      if (options.json) process.stdout.write(results.length === 1 ? `${JSON.stringify(results[0], null, 2)}\n` : results.map((result) => `${JSON.stringify(result)}\n`).join(""));
      else process.stdout.write(results.map(render).join("\n"));
      for (const problem of problems) process.stderr.write(`trove: ${problem.locator}: ${problem.code}: ${problem.message}\n`);
      if (problems.some((problem) => !problem.indexed)) exit.code = EXIT_SOME_FILES_FAILED;
    });
}

function render(result: ExtractionResult & { file: string }): string {
  if (result.entities.length === 0) return `${result.file}\n  nothing found\n`;
  const rows = result.entities.map((entity) => [entity.type, entity.text.replace(/\s+/gu, " "), `${entity.start}–${entity.end}`, describeAttributes(entity.attributes)]);
  return `${result.file}\n${formatTable([["type", "text", "at", "details"], ...rows])}\n`;
}

function describeAttributes(attributes: ExtractionResult["entities"][number]["attributes"]): string {
  return Object.entries(attributes).map(([key, value]) => `${key}: ${String(value)}`).join("; ");
}
