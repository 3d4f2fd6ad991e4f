import { Command } from "commander";
import type { ArchiveStats } from "../../store/store.js";
import { archiveOption, openArchiveForReading } from "../archive-option.js";
import { formatBytes, formatTable } from "../format.js";

export function statsCommand(): Command {
  return new Command("stats")
    .description("print what the archive holds")
    .addOption(archiveOption())
    .option("--json", "print the counts as JSON")
    .action((options: { archive: string; json?: boolean }) => {
      const store = openArchiveForReading(options.archive);
      try {
        const stats = store.stats();
        process.stdout.write(options.json ? `${JSON.stringify(stats, null, 2)}\n` : render(store.location, stats));
      } finally {
        store.close();
      }
    });
}

function render(location: string, stats: ArchiveStats): string {
  const lines = [
    `Archive ${location} (${formatBytes(stats.archiveBytes)}, schema ${stats.schemaVersion})`,
    `${stats.documents} documents: ${stats.indexed} indexed, ${stats.duplicates} exact duplicates; ${formatBytes(stats.originalBytes)} of originals; ${stats.textCharacters} characters of text.`,
    `${stats.pages} pages, ${stats.ocrPages} read by OCR; ${stats.problems} problems recorded; ${stats.runs} ingest runs, the last at ${stats.lastIngestAt ?? "—"}.`,
  ];
  const table = (name: string, counts: { value: string; count: number }[]) => (counts.length ? ["", formatTable([[name, "documents"], ...counts.map((count) => [count.value, count.count])])] : []);
  lines.push(...table("type", stats.byType), ...table("language", stats.byLanguage), ...table("year", stats.byYear));
  return `${lines.join("\n")}\n`;
}
