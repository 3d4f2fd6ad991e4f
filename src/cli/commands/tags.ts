import { Command } from "commander";
import { archiveOption, openArchiveForReading } from "../archive-option.js";

export function tagsCommand(): Command {
  return new Command("tags")
    .description("the tags on notes, most used first, with how many notes and documents carry each")
    .option("--json", "print {tags: [{tag, annotations, documents}]} as JSON")
    .addOption(archiveOption())
    .addHelpText(
      "after",
      `
Find the documents a tag is on with: trove search label:TAG
(tag: is a cable's own TAGS line; label: is a tag on a note).`,
    )
    .action((options: { json?: boolean; archive: string }) => {
      const store = openArchiveForReading(options.archive);
      try {
        const tags = store.annotations.tags();
        if (options.json) {
          process.stdout.write(`${JSON.stringify({ tags }, null, 2)}\n`);
          return;
        }
        if (tags.length === 0) {
          process.stdout.write("No tags yet; add some with: trove annotate ID --note TEXT --tag TAG\n");
          return;
        }
        const width = Math.max(...tags.map((tag) => tag.tag.length));
        process.stdout.write(`${tags.map((tag) => `${tag.tag.padEnd(width)}  ${tag.annotations} ${tag.annotations === 1 ? "note" : "notes"} in ${tag.documents} ${tag.documents === 1 ? "document" : "documents"}`).join("\n")}\n`);
      } finally {
        store.close();
      }
    });
}
