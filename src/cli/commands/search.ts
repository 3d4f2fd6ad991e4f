import { Command, Option } from "commander";
import { QuerySyntaxError } from "../../errors.js";
import type { SearchResult } from "../../model/search.js";
import { highlightedHtmlToTerminal } from "../../search/snippet.js";
import { searchArchive } from "../../search/sqlite-search.js";
import { archiveOption, openArchiveForReading } from "../archive-option.js";
import { EXIT_FAILED, type ExitStatus } from "../exit-status.js";

export function searchCommand(exit: ExitStatus): Command {
  return new Command("search")
    .description("search the archive")
    .argument("<query...>", "the query (quote it in the shell when it holds quotes or parentheses)")
    .addOption(archiveOption())
    .option("--json", "print {total, hits: [{id, title, path, score, snippet}], facets} as JSON (facets: type, language, year, classification, origin, entity)")
    .addOption(new Option("-n, --limit <n>", "hits to show").default(20).argParser(wholeNumber))
    .addOption(new Option("--offset <n>", "hits to skip (paging)").default(0).argParser(wholeNumber))
    .addOption(new Option("--sort <order>", "order of hits").choices(["relevance", "date", "date-asc"]).default("relevance"))
    .addHelpText(
      "after",
      `
Query language:
  karbala meeting          both words (AND is implied)
  "photo exhibition"       a phrase
  minist*                  a prefix
  saffron OR pistachio     either word
  NOT tehran, -tehran      without a word
  (a OR b) c               grouping
  title:budget             a word in the title (also body:)
  type:pdf                 text html email mbox pdf image docx zip tar binary
  lang:fa                  fa ar en und
  date:2014-10-01..2015-03-31   the cable's own date (Solar Hijri and lunar Hijri dates
                           are converted); also date:2014, date:2014-10, date:..2015-03-31
  path:reports/            part of the original path
  hash:3fa9                start of the SHA-256
  from:baghdad             the cable's sender or origin (part of the name)
  to:secstate              an action or info addressee (part of the name)
  classification:secret    unclassified, confidential, secret, top-secret (or u, c, s, ts)
  tag:prel                 a TAGS value of a parsed cable
  label:follow-up          documents with a note you tagged so (trove annotate --tag)
  ref:14BAGHDAD98          the cable with that reference, and the cables citing it
  entity:"Qassem Soleimani"  documents mentioning that entity, by any alias in any script
                           (also a source number: entity:134832)
  name~Jabouri             documents mentioning a name like it, across scripts and
                           spellings (al-Jubouri, الجبوري), partial names included

Persian and Arabic letter forms, digits in any script, diacritics and tatweel
match each other: كتاب finds کتاب, ۱۳۹۳ finds 1393.

Snippets in --json are HTML: the document's text is escaped and matches are
wrapped in <mark>…</mark>.`,
    )
    .action((words: string[], options: { archive: string; json?: boolean; limit: number; offset: number; sort: "relevance" | "date" | "date-asc" }) => {
      const store = openArchiveForReading(options.archive);
      const query = words.join(" ");
      try {
        const result = searchArchive(store, query, { limit: options.limit, offset: options.offset, sort: options.sort });
        process.stdout.write(options.json ? `${JSON.stringify(result, null, 2)}\n` : render(result, options.offset, Boolean(process.stdout.isTTY)));
      } catch (error) {
        if (!(error instanceof QuerySyntaxError)) throw error;
        process.stderr.write(`trove: ${error.message}\n  ${query}\n  ${" ".repeat(error.position)}^\n`);
        exit.code = EXIT_FAILED;
      } finally {
        store.close();
      }
    });
}

function render(result: SearchResult, offset: number, colour: boolean): string {
  const lines: string[] = [];
  const shown = result.hits.length;
  lines.push(result.total === 0 ? "No documents match." : `${result.total} documents match${shown < result.total ? `; showing ${offset + 1}–${offset + shown}` : ""}.`);
  for (const hit of result.hits) {
    lines.push("", `[${hit.id}] ${hit.title}`, `     ${hit.path}  ·  ${hit.type}  ·  ${hit.language}${hit.date ? `  ·  ${hit.date}` : ""}  ·  score ${hit.score}`);
    if (hit.snippet) lines.push(`     ${highlightedHtmlToTerminal(hit.snippet, colour)}`);
  }
  if (result.total > 0) {
    const facet = (name: string, counts: { value: string; count: number }[]) => `${name}: ${counts.map((count) => `${count.value} ${count.count}`).join(", ") || "—"}`;
    lines.push("", [facet("type", result.facets.type), facet("language", result.facets.language), facet("year", result.facets.year)].join("  |  "));
    if (result.facets.classification.length > 0 || result.facets.origin.length > 0) {
      lines.push([facet("classification", result.facets.classification), facet("origin", result.facets.origin.slice(0, 8))].join("  |  "));
    }
    if (result.facets.entity.length > 0) lines.push(facet("mentioned", result.facets.entity.slice(0, 10)));
    if (offset + shown < result.total) lines.push(`More: add --offset ${offset + shown}`);
  }
  return `${lines.join("\n")}\n`;
}

function wholeNumber(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new Error(`expected a whole number, got '${value}'`);
  return number;
}
