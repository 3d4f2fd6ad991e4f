/**
 * `npm run bench` — runs the benchmark suites on the real corpus and prints a
 * table per suite; JSON goes to bench/results/<suite>-<ISO date>.json and
 * bench/results/latest.json.
 *
 *   npm run bench                          every suite, default sizes (≈ 20 min on 2 cores)
 *   npm run bench -- --suite search --scale 10000
 *   npm run bench -- --quick               a smoke run: small sizes, fewer repetitions
 *   npm run bench -- --suite graph         the network: build, measures, evidence paths, exports
 *
 * The process re-runs itself with --expose-gc (for heap figures) and a larger
 * heap limit (for the in-memory peers at 100k documents).
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { GRAPH_DEFAULTS, GRAPH_QUICK, runGraphSuite, type GraphSuiteOptions } from "./graph.js";
import { runIngestSuite, type IngestSuiteOptions } from "./ingest.js";
import { describeMachine, printSuite, writeResults, type SuiteResult } from "./report.js";
import { runSearchSuite, type SearchSuiteOptions } from "./search.js";
import { MB } from "./stats.js";

const HEAP_LIMIT_MB = 12_288;
const CHILD_MARK = "TROVE_BENCH_CHILD";

interface RunOptions {
  suites: ("ingest" | "search" | "graph")[];
  quick: boolean;
  ingest: IngestSuiteOptions;
  search: SearchSuiteOptions;
  graph: GraphSuiteOptions;
}

function parseOptions(argv: string[]): RunOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      suite: { type: "string", default: "all" },
      scale: { type: "string" },
      quick: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`usage: npm run bench -- [--suite ingest|search|graph|all] [--scale 10000,100000] [--quick]

  --suite   which suite to run (default all)
  --scale   document counts for the search suite (default 10000,100000; --quick: 2000)
  --quick   a smoke run: ~10 MB of text, 1 copy of the PDFs, 2 OCR pages, 2,000 documents, 1 warm-up + 3 timed runs per query;
            a network of 2,000 entities and 20,000 links instead of 20,000 and 200,000
`);
    process.exit(0);
  }
  const suite = values.suite;
  if (suite !== "all" && suite !== "ingest" && suite !== "search" && suite !== "graph") throw new Error(`--suite must be ingest, search, graph or all, not '${suite}'`);
  const quick = values.quick;
  const scales = (values.scale ?? (quick ? "2000" : "10000,100000")).split(",").map((part) => {
    const scale = Number(part.replace(/_/g, ""));
    if (!Number.isInteger(scale) || scale < 1) throw new Error(`--scale takes whole numbers separated by commas, not '${part}'`);
    return scale;
  });
  return {
    suites: suite === "all" ? ["ingest", "search", "graph"] : [suite],
    quick,
    ingest: quick ? { textTargetBytes: 10 * MB, pdfCopies: 1, ocrPages: 2 } : { textTargetBytes: 100 * MB, pdfCopies: 10, ocrPages: 12 },
    search: { scales: scales.sort((a, b) => a - b), warmups: quick ? 1 : 2, runs: quick ? 3 : 7 },
    graph: quick ? GRAPH_QUICK : GRAPH_DEFAULTS,
  };
}

function respawnWithGc(): never {
  const script = fileURLToPath(import.meta.url);
  const child = spawnSync(process.execPath, [...process.execArgv, "--expose-gc", `--max-old-space-size=${HEAP_LIMIT_MB}`, script, ...process.argv.slice(2)], {
    stdio: "inherit",
    env: { ...process.env, [CHILD_MARK]: "1" },
  });
  process.exit(child.status ?? 1);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (typeof (globalThis as { gc?: unknown }).gc !== "function" && !process.env[CHILD_MARK]) respawnWithGc();
  const startedAt = new Date().toISOString();
  const machine = describeMachine();
  process.stdout.write(
    `Trove benchmarks — ${startedAt}\n${machine.cpus} cores (${machine.cpuModel}), ${(machine.totalMemoryBytes / 2 ** 30).toFixed(0)} GiB, Node ${machine.node}, SQLite ${machine.sqlite}, ` +
      `MiniSearch ${machine.packages.minisearch}, FlexSearch ${machine.packages.flexsearch}${options.quick ? "  [--quick]" : ""}\n`,
  );
  const suites: SuiteResult[] = [];
  for (const suite of options.suites) {
    const result = suite === "ingest" ? await runIngestSuite(options.ingest) : suite === "search" ? await runSearchSuite(options.search) : runGraphSuite(options.graph);
    printSuite(result);
    suites.push(result);
  }
  const written = writeResults({ startedAt, options, machine, suites });
  process.stdout.write(`\nResults: ${written.join(", ")}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
