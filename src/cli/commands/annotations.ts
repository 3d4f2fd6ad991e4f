import { Command, InvalidArgumentError, Option } from "commander";
import { renderAnnotation } from "../annotation-format.js";
import { archiveOption, openArchiveForReading } from "../archive-option.js";

export function annotationsCommand(): Command {
  return new Command("annotations")
    .description("list notes, by document or by tag")
    .addOption(new Option("-d, --document <id>", "only this document's notes").argParser(positiveInteger))
    .option("-t, --tag <tag>", "only notes with this tag")
    .addOption(new Option("-n, --limit <n>", "notes to show").default(100).argParser(positiveInteger))
    .option("--json", "print {total, annotations: [{id, documentId, start, end, quote, body, tags, author, createdAt, updatedAt, detachedAt?}]} as JSON")
    .addOption(archiveOption())
    .addHelpText(
      "after",
      `
Examples:
  trove annotations --document 38
  trove annotations --tag meeting --json`,
    )
    .action((options: { document?: number; tag?: string; limit: number; json?: boolean; archive: string }) => {
      const store = openArchiveForReading(options.archive);
      try {
        const filter = { ...(options.document !== undefined && { documentId: options.document }), ...(options.tag !== undefined && { tag: options.tag }) };
        const annotations = store.annotations.listAnnotations({ ...filter, limit: options.limit });
        const total = store.annotations.countAnnotations(filter);
        if (options.json) {
          process.stdout.write(`${JSON.stringify({ total, annotations }, null, 2)}\n`);
          return;
        }
        const head = total === 0 ? "No notes." : `${total} ${total === 1 ? "note" : "notes"}${annotations.length < total ? `; showing ${annotations.length}` : ""}.`;
        process.stdout.write(`${[head, ...annotations.map(renderAnnotation)].join("\n\n")}\n`);
      } finally {
        store.close();
      }
    });
}

function positiveInteger(value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(number) || number === 0) throw new InvalidArgumentError(`expected a whole number from 1, got '${value}'`);
  return number;
}
