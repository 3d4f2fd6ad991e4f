import { writeFileSync } from "node:fs";
import path from "node:path";
import { Command, Option } from "commander";
import { ingest, type IngestProgress, type IngestReport } from "../../pipeline/ingest-job.js";
import { SqliteStore } from "../../store/sqlite/sqlite-store.js";
import { archiveOption } from "../archive-option.js";
import { recordFromCli } from "../cli-audit.js";
import type { ExitStatus } from "../exit-status.js";
import { formatBytes, formatDuration, formatTable } from "../format.js";
import { ingestProgressView, type ProgressView } from "../progress.js";

import { EXIT_OK, EXIT_SOME_FILES_FAILED } from "../exit-status.js";

const MAX_PROBLEMS_SHOWN = 30;

export function ingestCommand(exit: ExitStatus): Command {
  return new Command("ingest")
    .description("ingest files and folders (text, HTML, e-mail, PDF, scans, Word, zip/tar) into the archive")
    .argument("<path...>", "files or folders to ingest")
    .addOption(archiveOption())
    .option("-r, --report <file.json>", "write a JSON report of the run (counts, every problem by file)")
    .addOption(new Option("-w, --workers <n>", "extraction threads (default: one fewer than the cores, at least 1; the main thread writes the archive)").argParser(positiveInteger))
    .addOption(new Option("--max-text-mb <n>", "index at most this many MiB of one text file").default(32).argParser(positiveInteger))
    .addOption(new Option("--max-ocr-pages <n>", "OCR at most this many scanned pages of one PDF").default(500).argParser(positiveInteger))
    .option("--no-entities", "skip finding people, places, sources and money (run a later ingest without it to catch up)")
    .option("-q, --quiet", "no progress bar and no summary")
    .addHelpText(
      "after",
      `
Re-running on the same input is incremental: files unchanged since they were
ingested are skipped, and an interrupted run resumes where it stopped.

Exit status:
  0  every file went in
  2  some files failed (each is listed with its reason; the rest went in)
  1  the job itself failed (the archive could not be opened or written)

Example:
  trove ingest ./leak --archive ./trove-data/archive.db --report ingest.json`,
    )
    .action(async (paths: string[], options: { archive: string; report?: string; workers?: number; maxTextMb: number; maxOcrPages: number; entities: boolean; quiet?: boolean }) => {
      const store = SqliteStore.open(options.archive);
      const controller = new AbortController();
      const stop = () => {
        process.stderr.write("\nstopping: committing what is done; run the same command again to finish\n");
        controller.abort();
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      const view = withRelationStage(ingestProgressView(process.stderr, !options.quiet), process.stderr, !options.quiet);
      let report: IngestReport;
      try {
        report = await ingest(store, paths, {
          ...(options.workers !== undefined && { workers: options.workers }),
          limits: { maxTextBytes: options.maxTextMb * 1024 * 1024, maxOcrPages: options.maxOcrPages },
          exclude: [store.location, `${store.location}-wal`, `${store.location}-shm`],
          onProgress: (progress) => view.update(progress),
          signal: controller.signal,
          entities: options.entities,
        });
      } finally {
        view.stop();
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
        store.close();
      }
      recordFromCli(options.archive, "ingest", paths.join(" "), { ingested: report.files.ingested, failed: report.files.failed, documents: report.documents.total, interrupted: report.interrupted });
      if (options.report) writeFileSync(options.report, `${JSON.stringify(report, null, 2)}\n`);
      if (!options.quiet) process.stdout.write(summarise(report, options.report));
      exit.code = report.files.failed > 0 || report.interrupted ? EXIT_SOME_FILES_FAILED : EXIT_OK;
    });
}

function summarise(report: IngestReport, reportFile: string | undefined): string {
  const lines: string[] = [];
  const seconds = report.durationMs / 1000;
  lines.push(
    `Ingested ${report.files.ingested} files (${report.files.unchanged} unchanged, skipped) into ${report.archive} in ${formatDuration(report.durationMs)}` +
      ` — ${formatBytes(report.bytes)}, ${formatBytes(report.bytes / Math.max(seconds, 0.001))}/s.`,
  );
  lines.push(`${report.documents.total} documents: ${report.documents.indexed} indexed, ${report.documents.duplicates} exact duplicates.`);
  const byType = Object.entries(report.documents.byType).sort((a, b) => b[1] - a[1]);
  if (byType.length > 0) lines.push("", formatTable([["type", "documents"], ...byType.map(([type, count]) => [type, count])]));
  if (report.problems.length > 0) {
    lines.push("", `${report.files.failed} files failed or went in only in part; ${report.problems.length} problems:`);
    for (const problem of report.problems.slice(0, MAX_PROBLEMS_SHOWN)) {
      lines.push(`  ${problem.indexed ? "note" : "FAIL"}  ${problem.code.padEnd(18)} ${displayPath(problem.locator)}: ${problem.message}`);
    }
    if (report.problems.length > MAX_PROBLEMS_SHOWN) lines.push(`  … and ${report.problems.length - MAX_PROBLEMS_SHOWN} more${reportFile ? ` in ${reportFile}` : " (write them all with --report FILE.json)"}`);
  }
  if (report.entities) {
    const { entities } = report;
    lines.push("", `Entities: read ${entities.documents} new documents, ${entities.mentions} mentions; ${entities.resolution.created} new entities, ${entities.resolution.byAlias + entities.resolution.byMatch} spellings joined known ones.`);
  }
  if (report.relations) {
    const { relations } = report;
    lines.push(`Relations: read ${relations.documents} documents, ${relations.relations} relations, ${relations.coOccurrences} pairs named in one paragraph — see trove timeline, trove money.`);
  }
  if (report.interrupted) lines.push("", "The run was stopped before the end; run the same command again to finish it.");
  lines.push("", "Next: trove search 'your words' · trove entities · trove stats · trove show ID");
  return `${lines.join("\n")}\n`;
}

/**
 * The relation stage's progress: one line, rewritten in place on a terminal,
 * after the file and entity views are closed; otherwise a line when it starts
 * and one when it ends.
 */
function withRelationStage(view: ProgressView, stream: NodeJS.WriteStream, enabled: boolean): ProgressView {
  let latest: IngestProgress | undefined;
  const line = (progress: IngestProgress) => `relations: ${progress.relationDocumentsDone}/${progress.relationDocumentsTotal} documents, ${progress.relations} relations, ${progress.coOccurrences} paragraph pairs`;
  return {
    update(progress) {
      // A copy: the job goes on changing its progress, and a plain view prints the last it was given when stopped.
      if (progress.stage !== "relations") return view.update({ ...progress });
      if (!enabled) return;
      if (!latest) {
        view.stop();
        if (!stream.isTTY) stream.write(`${line(progress)}\n`);
      }
      latest = progress;
      if (stream.isTTY) stream.write(`\r${line(progress)}`);
    },
    stop() {
      if (!latest) return view.stop();
      stream.write(stream.isTTY ? "\n" : `${line(latest)}\n`);
    },
  };
}

function displayPath(locator: string): string {
  const relative = path.relative(process.cwd(), locator);
  return relative && !relative.startsWith("..") ? relative : locator;
}

function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new Error(`expected a whole number, got '${value}'`);
  return number;
}
