import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Command } from "commander";
import { renderVerificationHtml } from "../../publish/verification/html.js";
import { verifyArchive, type VerificationReport } from "../../publish/verification/report.js";
import { archiveOption, openArchiveForReading } from "../archive-option.js";
import { formatDuration, formatTable } from "../format.js";

export const DEFAULT_VERIFICATION_DIR = "./trove-verification";

export function verifyCommand(): Command {
  return new Command("verify")
    .description("write a verification report (HTML and JSON): hash manifest, duplicates, internal consistency, file metadata, claims to check")
    .addOption(archiveOption())
    .option("-o, --out <dir>", "the folder to write verification.json and verification.html to", DEFAULT_VERIFICATION_DIR)
    .option("--json", "print the whole report as JSON instead of the summary")
    .addHelpText(
      "after",
      `
The report lists the SHA-256 of every original with its ingest time, exact
and near-duplicates, reference numbers out of sequence, dates that contradict
themselves (weekdays, Jalali and Gregorian equivalents, impossible dates),
translations whose paragraphs differ from their originals, PDF metadata
anomalies, and the people, places and days to corroborate. The archive is
only read.

Exit status:
  0  the report was written (findings are not failures)
  1  it could not be (no archive, or the folder cannot be written)

Example:
  trove verify --archive ./trove-data/archive.db --out ./trove-verification`,
    )
    .action(async (options: { archive: string; out: string; json?: boolean }) => {
      const started = Date.now();
      const store = openArchiveForReading(options.archive);
      let report: VerificationReport;
      try {
        report = await verifyArchive(store);
      } finally {
        store.close();
      }
      mkdirSync(options.out, { recursive: true });
      const jsonFile = path.join(options.out, "verification.json");
      const htmlFile = path.join(options.out, "verification.html");
      const json = `${JSON.stringify(report, null, 2)}\n`;
      writeFileSync(jsonFile, json);
      writeFileSync(htmlFile, renderVerificationHtml(report));
      process.stdout.write(options.json ? json : summarise(report, [htmlFile, jsonFile], Date.now() - started));
    });
}

function summarise(report: VerificationReport, files: string[], durationMs: number): string {
  const { summary } = report;
  const counts: (string | number)[][] = [
    ["originals", summary.originals],
    ["exact duplicates", summary.duplicates],
    ["near-duplicate pairs", summary.nearDuplicatePairs],
    ["alike, numbered differently", summary.differentlyNumberedPairs],
    ["PDFs", summary.pdfs],
  ];
  const findings = [["check", "warnings", "info"], ...summary.findings.map((count) => [count.kind, count.warnings, count.infos])];
  return [
    `Verified ${report.archive} in ${formatDuration(durationMs)}: wrote ${files.join(" and ")}.`,
    `Manifest digest (SHA-256): ${report.manifest.digest}`,
    summary.span ? `Documents dated ${summary.span.first} to ${summary.span.last}.` : "Too few dated documents to tell the archive's span.",
    "",
    formatTable(counts),
    "",
    formatTable(findings),
    "",
    `${summary.warnings} warnings and ${summary.infos} notes for information; open ${files[0]} to read them.`,
    "",
  ].join("\n");
}
