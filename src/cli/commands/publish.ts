import { Command, InvalidArgumentError, Option } from "commander";
import type { LeakCheck } from "../../model/redaction.js";
import { EXPORT_FORMATS, exportExcerpt, LeakFoundError, type ExportFormat, type ExportResult } from "../../publish/export/export-excerpt.js";
import type { NumberRange } from "../../publish/export/excerpt.js";
import { checkFile } from "../../publish/leak-check/check.js";
import { forbiddenForms } from "../../publish/redaction/forms.js";
import { archiveOption, openArchiveForReading } from "../archive-option.js";
import { recordFromCli } from "../cli-audit.js";
import { EXIT_FAILED, type ExitStatus } from "../exit-status.js";

export function publishCommand(exit: ExitStatus): Command {
  return new Command("publish")
    .description("publish an excerpt with its redactions truly removed, and check any file for redacted names before it leaves the newsroom")
    .addCommand(exportCommand(exit))
    .addCommand(checkCommand(exit));
}

interface ExportCommandOptions {
  archive: string;
  format: ExportFormat;
  out: string;
  range?: { start: number; end: number };
  paragraphs?: NumberRange;
  pages?: NumberRange;
  allowUndecided?: boolean;
  json?: boolean;
}

function exportCommand(exit: ExitStatus): Command {
  return new Command("export")
    .description("write a document, or a passage of it, with every accepted redaction replaced by a block, then leak-check the file before writing it")
    .argument("<document-id>", "the document id (as search prints it)", wholeNumber)
    .addOption(archiveOption())
    .addOption(new Option("-f, --format <format>", "what to write").choices(EXPORT_FORMATS).makeOptionMandatory())
    .requiredOption("-o, --out <file>", "the file to write; a redacted name in it is replaced by 'redacted'")
    .addOption(new Option("--range <start-end>", "characters START to END (end exclusive) of the text as stored: the offsets `trove redact list` shows").argParser(characterRange).conflicts(["paragraphs", "pages"]))
    .addOption(new Option("--paragraphs <first-last>", "paragraphs FIRST to LAST, counted from 1").argParser(numberRange).conflicts(["range", "pages"]))
    .addOption(new Option("--pages <first-last>", "pages FIRST to LAST of a PDF or scan, counted from 1").argParser(numberRange).conflicts(["range", "paragraphs"]))
    .option("--allow-undecided", "export even though suggested redactions in the passage are undecided (they are not applied)")
    .option("--json", "print the result, with the leak check, as JSON")
    .addHelpText(
      "after",
      `
Without --range, --paragraphs or --pages the whole document is exported.
Paragraphs are a parsed cable's numbered paragraphs when it has them, else
blocks of text separated by blank lines or opened by a number ("1.", "۱-").
A scanned page is exported whole, as its image with the redacted words
blacked out in the pixels, and its OCR text redacted.

Removed: every accepted redaction of the document, and every form the leak
check looks for (each redacted text, and every alias, spelling and script of
every redacted entity) wherever it stands in the passage or the title. The
file shows only the redacted title and passage: no file name, no document
id, no metadata of the original; a PDF names "Trove" as author, creator and
producer.

Before anything is written, the file is read again as a recipient could
(text layer, metadata, OCR of its images) and checked: export refuses to
write a file in which any redacted form survives. Export to PDF, and of
scanned pages, needs Chromium (apt-get install chromium).

Exit status:
  0  the file was written and passed the leak check
  1  nothing was written: the leak check failed (the leaks are listed), or
     the document, passage or archive could not be read

Examples:
  trove publish export 38 --paragraphs 2-4 --format pdf --out excerpt.pdf
  trove publish export 12 --pages 1 --format html --out receipt.html
  trove publish export 38 --range 120-980 --format txt --out excerpt.txt`,
    )
    .action(async (documentId: number, options: ExportCommandOptions) => {
      const store = openArchiveForReading(options.archive);
      let source;
      try {
        source = {
          document: store.getDocument(documentId),
          redactions: store.redactions.acceptedRedactions(documentId),
          forms: forbiddenForms(store),
          undecided: store.redactions.listRedactions({ documentId, status: "suggested", limit: Number.MAX_SAFE_INTEGER }),
        };
      } finally {
        store.close();
      }
      let result: ExportResult;
      try {
        result = await exportExcerpt(source, { format: options.format, out: options.out, ...pick(options), ...(options.allowUndecided && { allowUndecided: true }) });
      } catch (error) {
        if (!(error instanceof LeakFoundError)) throw error;
        process.stderr.write(`trove: ${error.message}\n${renderLeaks(error.check)}`);
        if (options.json) process.stdout.write(`${JSON.stringify({ written: false, check: error.check }, null, 2)}\n`);
        exit.code = EXIT_FAILED;
        return;
      }
      recordFromCli(options.archive, "export", String(documentId), { format: options.format, file: result.file, start: result.start, end: result.end, blocks: result.blocks });
      process.stdout.write(options.json ? `${JSON.stringify({ written: true, ...result }, null, 2)}\n` : renderExport(result));
    });
}

function checkCommand(exit: ExitStatus): Command {
  return new Command("check")
    .description("read a file as a recipient could (text, metadata, OCR of images, file name) and fail if any redacted name or form of one survives")
    .argument("<file>", "a PDF, HTML, plain-text, PNG or JPEG file")
    .addOption(archiveOption())
    .option("--json", "print the check ({file, passed, searched, leaks}) as JSON")
    .addHelpText(
      "after",
      `
The archive says what to look for: the text of every accepted redaction, and
every alias, spelling and script of every redacted entity. Text is compared
with case, letter forms (Arabic and Persian), digits, diacritics, spaces,
line breaks and hyphens folded away, so "Harith al-" at a line's end followed
by "Zubaidi" is found. Each leak is shown with its context, the name masked.

Searched in a PDF: its text layer, info dictionary, XMP metadata, JavaScript,
links, tagged structure (alt text), every string in its objects, and OCR of
every embedded image (Persian, Arabic and English); in HTML: visible text,
title, attributes, comments, scripts, styles and OCR of embedded images; and
always the file's name.

Exit status:
  0  no redacted form was found
  1  leaks were found (listed), or the file or archive could not be read

Example:
  trove publish check excerpt.pdf --archive ./trove-data/archive.db`,
    )
    .action(async (file: string, options: { archive: string; json?: boolean }) => {
      const store = openArchiveForReading(options.archive);
      let forms;
      try {
        forms = forbiddenForms(store);
      } finally {
        store.close();
      }
      if (forms.length === 0) process.stderr.write("trove: the archive has no accepted redactions, so there is nothing to look for\n");
      const check = await checkFile(file, forms);
      if (!check.passed) exit.code = EXIT_FAILED;
      process.stdout.write(options.json ? `${JSON.stringify(check, null, 2)}\n` : renderCheck(check));
    });
}

function pick(options: ExportCommandOptions): Pick<ExportCommandOptions, "range" | "paragraphs" | "pages"> {
  return { ...(options.range && { range: options.range }), ...(options.paragraphs && { paragraphs: options.paragraphs }), ...(options.pages && { pages: options.pages }) };
}

function renderExport(result: ExportResult): string {
  const scans = result.scannedPages.map((scan) => `page ${scan.page}: ${scan.boxes} region(s) blacked out`);
  return [
    `Wrote ${result.file}: document ${result.documentId}, characters ${result.start}-${result.end}, ${result.blocks} redaction block(s)${scans.length ? `; ${scans.join(", ")}` : ""}.`,
    `Leak check passed: no redacted form in ${result.check.searched.length} places searched (${result.check.searched.join(", ")}).`,
    "",
  ].join("\n");
}

function renderCheck(check: LeakCheck): string {
  if (check.passed) return `Passed: no redacted form in ${check.file} (searched ${check.searched.join(", ")}).\n`;
  return `Failed: ${check.leaks.length} redacted form(s) found in ${check.file}.\n${renderLeaks(check)}`;
}

/** Each leak with its masked context; the form itself is left out, as the terminal may be seen by others. */
function renderLeaks(check: LeakCheck): string {
  return check.leaks.map((leak) => `  ${leak.location}: ${leak.context} (redaction ${leak.redactionId})\n`).join("");
}

function wholeNumber(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError("expected a whole number");
  return Number(value);
}

function numberRange(value: string): NumberRange {
  const match = /^(\d+)(?:-(\d+))?$/.exec(value);
  if (!match) throw new InvalidArgumentError("expected FIRST-LAST or a single number, e.g. 2-4");
  const first = Number(match[1]);
  const last = Number(match[2] ?? match[1]);
  if (first < 1 || last < first) throw new InvalidArgumentError("expected 1 <= FIRST <= LAST");
  return { first, last };
}

function characterRange(value: string): { start: number; end: number } {
  const match = /^(\d+)-(\d+)$/.exec(value);
  if (!match || Number(match[2]) <= Number(match[1])) throw new InvalidArgumentError("expected START-END with END > START, e.g. 120-980");
  return { start: Number(match[1]), end: Number(match[2]) };
}
