import { Command, Option } from "commander";
import { localLogin } from "../../access/local-login.js";
import type { SavedSearch } from "../../model/annotation.js";
import { parseQuery } from "../../search/query-parser.js";
import { runSavedSearch } from "../../search/saved-search.js";
import { archiveOption, openArchiveForReading } from "../archive-option.js";
import { withWritableArchive } from "../writable-archive.js";

const SORTS = ["relevance", "date", "date-asc"] as const;

export function searchesCommand(): Command {
  return new Command("searches")
    .description("save searches under a name and run them again later")
    .addHelpText(
      "after",
      `
Examples:
  trove searches save gifts "saffron OR pistachio OR cologne" --sort date
  trove searches list
  trove searches run gifts
  trove searches delete gifts`,
    )
    .addCommand(saveCommand())
    .addCommand(listCommand())
    .addCommand(runCommand())
    .addCommand(deleteCommand());
}

function saveCommand(): Command {
  return new Command("save")
    .description("save a query under a name")
    .argument("<name>", "the name to run it by")
    .argument("<query...>", "the query (quote it in the shell when it holds quotes or parentheses)")
    .addOption(new Option("--sort <order>", "order of hits when it runs").choices(SORTS))
    .option("--author <name>", "who saves it (default: your user name)")
    .addOption(archiveOption())
    .action((name: string, words: string[], options: { sort?: SavedSearch["sort"]; author?: string; archive: string }) => {
      const query = words.join(" ");
      // A query that cannot run is refused now, with the parser's message, rather than each time it is run.
      parseQuery(query);
      withWritableArchive(options.archive, (store) => {
        const saved = store.annotations.saveSearch({ name, query, ...(options.sort && { sort: options.sort }), author: options.author ?? localLogin() });
        process.stdout.write(`Saved "${saved.name}": ${saved.query}\n`);
      });
    });
}

function listCommand(): Command {
  return new Command("list")
    .description("the saved searches, with when each last ran and what it found")
    .option("--json", "print {searches: [{id, name, query, sort?, author, createdAt, lastRunAt, lastTotal}]} as JSON")
    .addOption(archiveOption())
    .action((options: { json?: boolean; archive: string }) => {
      const store = openArchiveForReading(options.archive);
      try {
        const searches = store.annotations.listSavedSearches();
        if (options.json) process.stdout.write(`${JSON.stringify({ searches }, null, 2)}\n`);
        else if (searches.length === 0) process.stdout.write("No saved searches; save one with: trove searches save NAME QUERY\n");
        else process.stdout.write(`${searches.map(renderSaved).join("\n")}\n`);
      } finally {
        store.close();
      }
    });
}

function runCommand(): Command {
  return new Command("run")
    .description("run a saved search again and record what it found")
    .argument("<name>", "its name (or id)")
    .addOption(new Option("-n, --limit <n>", "hits to show").default(20).argParser(Number))
    .option("--json", "print {search, result} as JSON; result is what trove search --json prints")
    .addOption(archiveOption())
    .action((name: string, options: { limit: number; json?: boolean; archive: string }) => {
      withWritableArchive(options.archive, (store) => {
        const { search, result } = runSavedSearch(store, idOrName(name), { limit: options.limit });
        if (options.json) {
          process.stdout.write(`${JSON.stringify({ search, result }, null, 2)}\n`);
          return;
        }
        const lines = [`${search.name}: ${search.query}`, result.total === 0 ? "No documents match." : `${result.total} documents match.`];
        for (const hit of result.hits) lines.push(`[${hit.id}] ${hit.title}${hit.date ? `  ·  ${hit.date}` : ""}`);
        process.stdout.write(`${lines.join("\n")}\n`);
      });
    });
}

function deleteCommand(): Command {
  return new Command("delete")
    .description("forget a saved search")
    .argument("<name>", "its name (or id)")
    .addOption(archiveOption())
    .action((name: string, options: { archive: string }) => {
      withWritableArchive(options.archive, (store) => {
        const saved = store.annotations.getSavedSearch(idOrName(name));
        store.annotations.deleteSavedSearch(saved.id);
        process.stdout.write(`Deleted "${saved.name}".\n`);
      });
    });
}

/** Names are never all digits, so digits are an id. */
function idOrName(value: string): number | string {
  return /^\d{1,15}$/.test(value) ? Number(value) : value;
}

function renderSaved(search: SavedSearch): string {
  const ran = search.lastRunAt ? `last run ${search.lastRunAt}: ${search.lastTotal} documents` : "not run yet";
  return `${search.name}  ${search.query}${search.sort ? `  (sorted by ${search.sort})` : ""}  —  ${ran}`;
}
