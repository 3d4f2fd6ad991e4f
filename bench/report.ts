/**
 * Results: a readable table per suite on stdout, and JSON files under
 * `bench/results/` — `<suite>-<ISO date>.json` for each suite and
 * `latest.json` with every suite of the run.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";

export type Cell = string | number | null | undefined;

export interface Table {
  title: string;
  columns: string[];
  rows: Cell[][];
  /** Lines printed under the table: what was skipped, how a figure was made. */
  notes?: string[];
}

export interface SuiteResult {
  suite: string;
  startedAt: string;
  finishedAt: string;
  tables: Table[];
  /** Everything measured, for machines: per-query timings, raw counts. */
  data: unknown;
}

export interface Machine {
  cpus: number;
  cpuModel: string;
  totalMemoryBytes: number;
  platform: string;
  node: string;
  sqlite: string;
  packages: Record<string, string>;
  gcExposed: boolean;
}

export const RESULTS_DIR = fileURLToPath(new URL("./results/", import.meta.url));

export function describeMachine(): Machine {
  const memory = new Database(":memory:");
  const sqlite = (memory.prepare("SELECT sqlite_version() AS v").get() as { v: string }).v;
  memory.close();
  const packages: Record<string, string> = {};
  for (const name of ["better-sqlite3", "minisearch", "flexsearch"]) {
    try {
      const file = fileURLToPath(new URL(`../node_modules/${name}/package.json`, import.meta.url));
      packages[name] = (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
    } catch {
      packages[name] = "unknown";
    }
  }
  return {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    totalMemoryBytes: os.totalmem(),
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
    sqlite,
    packages,
    gcExposed: typeof (globalThis as { gc?: unknown }).gc === "function",
  };
}

/** Formats numbers for people: thousands separators, at most `digits` decimals. */
export function formatCell(cell: Cell, digits = 2): string {
  if (cell === null || cell === undefined) return "—";
  if (typeof cell === "string") return cell;
  if (!Number.isFinite(cell)) return "—";
  const magnitude = Math.abs(cell);
  if (magnitude > 0 && magnitude < 0.01) return cell.toPrecision(1);
  const decimals = Number.isInteger(cell) ? 0 : magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : digits;
  return cell.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

export function renderTable(table: Table): string {
  const cells = table.rows.map((row) => row.map((cell) => formatCell(cell)));
  const widths = table.columns.map((column, index) => Math.max(column.length, ...cells.map((row) => (row[index] ?? "").length)));
  const numeric = table.columns.map((_, index) => table.rows.every((row) => typeof row[index] !== "string"));
  const line = (values: string[]) =>
    `| ${values.map((value, index) => (numeric[index] ? value.padStart(widths[index]!) : value.padEnd(widths[index]!))).join(" | ")} |`;
  const out = [`### ${table.title}`, "", line(table.columns), `|${widths.map((width, index) => (numeric[index] ? `${"-".repeat(width + 1)}:` : `${"-".repeat(width + 2)}`)).join("|")}|`];
  for (const row of cells) out.push(line(row));
  if (table.notes?.length) out.push("", ...table.notes.map((note) => `- ${note}`));
  return `${out.join("\n")}\n`;
}

export function printSuite(result: SuiteResult): void {
  process.stdout.write(`\n## Suite: ${result.suite}  (${result.startedAt} → ${result.finishedAt})\n\n`);
  for (const table of result.tables) process.stdout.write(`${renderTable(table)}\n`);
}

/** Writes `<suite>-<date>.json` per suite and `latest.json` for the run; returns the paths written. */
export function writeResults(run: { startedAt: string; options: unknown; machine: Machine; suites: SuiteResult[] }): string[] {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const stamp = run.startedAt.replace(/:/g, "-").replace(/\.\d+Z$/, "Z");
  const written: string[] = [];
  for (const suite of run.suites) {
    const file = path.join(RESULTS_DIR, `${suite.suite}-${stamp}.json`);
    writeFileSync(file, `${JSON.stringify({ machine: run.machine, options: run.options, ...suite }, null, 2)}\n`);
    written.push(file);
  }
  const latest = path.join(RESULTS_DIR, "latest.json");
  writeFileSync(latest, `${JSON.stringify(run, null, 2)}\n`);
  written.push(latest);
  return written;
}
