import { Command, InvalidArgumentError, Option } from "commander";
import { localLogin } from "../../access/local-login.js";
import { renderAnnotation, tagList } from "../annotation-format.js";
import { archiveOption } from "../archive-option.js";
import { withWritableArchive } from "../writable-archive.js";

export function annotateCommand(): Command {
  return new Command("annotate")
    .description("write a note on a passage of a document, or on the whole of it, with tags")
    .argument("<document-id>", "the document, as a search lists it", positiveInteger)
    .addOption(new Option("--start <n>", "the passage's first character (a UTF-16 offset into the text)").argParser(wholeNumber))
    .addOption(new Option("--end <n>", "just after the passage's last character").argParser(wholeNumber))
    .option("--quote <words>", "the passage by its exact words (the first place they stand)")
    .requiredOption("--note <text>", "the note (plain text)")
    .addOption(new Option("--tag <tags>", "comma-separated tags").argParser(tagList))
    .option("--author <name>", "who writes it (default: your user name)")
    .option("--json", "print the annotation as JSON")
    .addOption(archiveOption())
    .addHelpText(
      "after",
      `
Without --start/--end or --quote the note is on the whole document. If a
later ingest changes the document's text, the note follows its words; when
they are gone it stays on the whole document with its quote.

Examples:
  trove annotate 38 --quote "photo exhibition" --note "the cover for the meeting" --tag meeting,cover
  trove annotate 38 --start 512 --end 540 --note "compare with the Erbil report"
  trove annotate 38 --note "ask the translator about paragraph 4"`,
    )
    .action((documentId: number, options: { start?: number; end?: number; quote?: string; note: string; tag?: string[]; author?: string; json?: boolean; archive: string }, command: Command) => {
      if ((options.start === undefined) !== (options.end === undefined)) command.error("error: give both --start and --end, or --quote \"the words\"");
      if (options.quote !== undefined && options.start !== undefined) command.error("error: give --start and --end, or --quote, not both");
      withWritableArchive(options.archive, (store) => {
        const annotation = store.annotations.addAnnotation({
          documentId,
          ...(options.start !== undefined && { start: options.start, end: options.end! }),
          ...(options.quote !== undefined && { quote: options.quote }),
          body: options.note,
          tags: options.tag ?? [],
          author: options.author ?? localLogin(),
        });
        process.stdout.write(options.json ? `${JSON.stringify(annotation, null, 2)}\n` : `Annotated:\n${renderAnnotation(annotation)}\n`);
      });
    });
}

function wholeNumber(value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(number)) throw new InvalidArgumentError(`expected a whole number, got '${value}'`);
  return number;
}

function positiveInteger(value: string): number {
  const number = wholeNumber(value);
  if (number === 0) throw new InvalidArgumentError("ids start at 1");
  return number;
}
