import { Command, Option } from "commander";
import { ENTITY_TYPES, type EntityType } from "../../model/entity.js";
import { archiveOption, openArchiveForReading } from "../archive-option.js";
import { formatTable } from "../format.js";

export function entitiesCommand(): Command {
  return new Command("entities")
    .description("list the people, organisations, places and sources in the archive, most mentioned first")
    .addOption(archiveOption())
    .addOption(new Option("-t, --type <type>", "only this type").choices(ENTITY_TYPES.filter((type) => type !== "money" && type !== "date")))
    .addOption(new Option("-n, --limit <n>", "entities to show").default(50).argParser(Number))
    .addOption(new Option("--offset <n>", "entities to skip (paging)").default(0).argParser(Number))
    .option("--json", "print {entities: [{id, type, name, aliases, mentionCount, documentCount, firstDate, lastDate}]} as JSON")
    .addHelpText(
      "after",
      `
Examples:
  trove entities --type person
  trove entities --type source --json
  trove entity "Qassem Soleimani"        # one entity's profile`,
    )
    .action((options: { archive: string; type?: EntityType; limit: number; offset: number; json?: boolean }) => {
      const store = openArchiveForReading(options.archive);
      try {
        const entities = store.entities.listEntities({ ...(options.type && { type: options.type }), limit: options.limit, offset: options.offset });
        if (options.json) {
          process.stdout.write(`${JSON.stringify({ entities }, null, 2)}\n`);
          return;
        }
        if (entities.length === 0) {
          process.stdout.write("No entities yet. Ingest documents (entity extraction is part of ingest), then run this again.\n");
          return;
        }
        const rows = entities.map((entity) => [
          entity.id,
          entity.type,
          entity.name,
          entity.mentionCount,
          entity.documentCount,
          entity.firstDate && entity.lastDate ? `${entity.firstDate} … ${entity.lastDate}` : "",
          entity.aliases.filter((alias) => alias.name !== entity.name).slice(0, 4).map((alias) => alias.name).join(" · "),
        ]);
        process.stdout.write(`${formatTable([["id", "type", "name", "mentions", "documents", "dates", "also written"], ...rows])}\n`);
      } finally {
        store.close();
      }
    });
}
