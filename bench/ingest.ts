/**
 * The ingest suite: `ingest()` end to end, each workload in a fresh temporary
 * archive with the default workers, on copies of real corpus files:
 *
 * - text + HTML (~100 MB), with its floor: the same extracted, normalised text
 *   inserted into a bare FTS5 table (same tokenizer, one transaction, WAL, a
 *   file database), plus two decompositions — extraction alone and the
 *   store's writes alone — to show where the difference goes;
 * - PDFs with a text layer → pages/s;
 * - OCR of the first N pages of one scanned CREST PDF → pages/min.
 */
import { readdirSync, readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import Database from "better-sqlite3";
import type { ExtractedDocument } from "../src/model/document.js";
import { parseCable } from "../src/parse/registry.js";
import { defaultWorkers, ingest, type IngestOptions, type IngestReport } from "../src/pipeline/ingest-job.js";
import { SqliteStore } from "../src/store/sqlite/sqlite-store.js";
import { normalise } from "../src/text/normalise.js";
import { bytesOf, extractInProcess, makeFileCopies, makeTempDir, removeDir, scannedPdfSources, textAndHtmlSources, textLayerPdfSources } from "./corpus.js";
import type { SuiteResult, Table } from "./report.js";
import { MB, MiB, now, round, RssSampler } from "./stats.js";

export interface IngestSuiteOptions {
  /** Bytes of text and HTML files to ingest (whole copies of the set, so roughly). */
  textTargetBytes: number;
  /** Copies of the 14 text-layer PDFs. */
  pdfCopies: number;
  /** Pages of the scanned PDF to OCR. */
  ocrPages: number;
}

const TARGET_RATIO = 0.8;
const TARGET_MB_PER_SECOND = 8;

interface IngestRun {
  workload: string;
  files: number;
  documents: number;
  indexed: number;
  problems: number;
  inputBytes: number;
  textCharacters: number;
  pages: number;
  ocrPages: number;
  wallMs: number;
  /** User + system CPU time of the whole process (all threads) during the run. */
  cpuMs: number;
  peakRssBytes: number;
  rssSamples: number;
  maxRssBytes: number;
  archiveBytes: number;
}

export async function runIngestSuite(options: IngestSuiteOptions): Promise<SuiteResult> {
  const startedAt = new Date().toISOString();
  const workers = defaultWorkers();
  const root = makeTempDir("ingest");
  try {
    // 1. text + HTML, end to end
    const sources = textAndHtmlSources();
    const perCopy = bytesOf(sources);
    const copies = Math.max(1, Math.round(options.textTargetBytes / perCopy));
    const textInput = path.join(root, "text-html");
    const made = await makeFileCopies(textInput, sources, copies);
    log(`ingest: ${made.files} text/HTML files (${copies} copies of ${sources.length}), ${(made.bytes / MB).toFixed(1)} MB`);
    const text = await ingestRun(`text + HTML (default: ${workers} workers)`, textInput, path.join(root, "text-html.sqlite"));
    log(`ingest: text + HTML in ${(text.wallMs / 1000).toFixed(1)} s`);

    // 2. the floor and its decomposition, on the same files
    const floor = await floorRuns(textInput, root);
    log(`ingest: floor ${(floor.fts5Ms / 1000).toFixed(1)} s, store-only ${(floor.storeMs / 1000).toFixed(1)} s, extraction ${(floor.extractMs / 1000).toFixed(1)} s`);

    // 3. the same files with fewer workers, and what starting the workers costs
    const noEntities = await ingestRun("text + HTML, no entity stage (--no-entities)", textInput, path.join(root, "text-html-ne.sqlite"), { entities: false });
    log(`ingest: text + HTML without the entity stage in ${(noEntities.wallMs / 1000).toFixed(1)} s`);
    const oneWorker = await ingestRun("text + HTML, workers: 1", textInput, path.join(root, "text-html-w1.sqlite"), { workers: 1 });
    const inThread = await ingestRun("text + HTML, workers: 0 (main thread)", textInput, path.join(root, "text-html-w0.sqlite"), { workers: 0 });
    const startupInput = path.join(root, "startup");
    await mkdir(startupInput, { recursive: true });
    await writeFile(path.join(startupInput, "one.txt"), "One line of text, so that the run is all start-up and shut-down.\n");
    const startup = await ingestRun(`one small text file (start-up, ${workers} workers)`, startupInput, path.join(root, "startup.sqlite"));
    log(`ingest: workers 1 ${(oneWorker.wallMs / 1000).toFixed(1)} s, workers 0 ${(inThread.wallMs / 1000).toFixed(1)} s, start-up ${(startup.wallMs / 1000).toFixed(1)} s`);

    // 4. PDFs with a text layer
    const pdfInput = path.join(root, "pdf");
    await makeFileCopies(pdfInput, textLayerPdfSources(), options.pdfCopies);
    const pdf = await ingestRun("PDF text layer", pdfInput, path.join(root, "pdf.sqlite"));
    log(`ingest: ${pdf.pages} PDF pages in ${(pdf.wallMs / 1000).toFixed(1)} s`);

    // 5. OCR of the first N pages of one scanned PDF
    const scanned = scannedPdfSources()[0]!;
    const ocrInput = path.join(root, "ocr");
    await makeFileCopies(ocrInput, [scanned], 1);
    const ocr = await ingestRun(`OCR (first ${options.ocrPages} pages of one CREST scan)`, ocrInput, path.join(root, "ocr.sqlite"), { limits: { maxOcrPages: options.ocrPages } });
    log(`ingest: ${ocr.ocrPages} OCR pages in ${(ocr.wallMs / 1000).toFixed(1)} s`);

    const runs = [text, noEntities, oneWorker, inThread, startup, pdf, ocr];
    return {
      suite: "ingest",
      startedAt,
      finishedAt: new Date().toISOString(),
      tables: ingestTables(runs, [text, noEntities, oneWorker, inThread], floor, { workers, copies, sources: sources.length, scanned: path.basename(scanned), options }),
      data: { options, workers, textCopies: copies, textSources: sources, runs, floor, scannedPdf: scanned },
    };
  } finally {
    removeDir(root);
  }
}

async function ingestRun(workload: string, input: string, archive: string, extra: Pick<IngestOptions, "limits" | "workers" | "entities"> = {}): Promise<IngestRun> {
  const store = SqliteStore.open(archive);
  const sampler = new RssSampler(50);
  let report: IngestReport;
  sampler.start();
  const cpuBefore = process.resourceUsage();
  const start = now();
  try {
    report = await ingest(store, [input], { ...extra });
  } finally {
    store.commit();
  }
  const wallMs = now() - start;
  const cpuAfter = process.resourceUsage();
  const cpuMs = (cpuAfter.userCPUTime - cpuBefore.userCPUTime + cpuAfter.systemCPUTime - cpuBefore.systemCPUTime) / 1000;
  const memory = sampler.stop();
  const stats = store.stats();
  store.close();
  return {
    workload,
    files: report.files.seen,
    documents: report.documents.total,
    indexed: report.documents.indexed,
    problems: report.problems.length,
    inputBytes: report.bytes,
    textCharacters: stats.textCharacters,
    pages: stats.pages,
    ocrPages: stats.ocrPages,
    wallMs,
    cpuMs,
    peakRssBytes: memory.peakRssBytes,
    rssSamples: memory.samples,
    maxRssBytes: memory.maxRssBytes,
    archiveBytes: stats.archiveBytes,
  };
}

interface FloorResult {
  documents: number;
  inputBytes: number;
  /** UTF-8 bytes of the normalised title + body inserted. */
  textBytes: number;
  extractMs: number;
  /** Cable parsing of the same documents alone (already inside `extractMs` and the end-to-end runs). */
  parseMs: number;
  fts5Ms: number;
  fts5OptimizeMs: number;
  storeMs: number;
}

/** Extracts every file once (in process), then inserts the same normalised text into a bare FTS5 table, and saves the same documents through the store alone. */
async function floorRuns(input: string, root: string): Promise<FloorResult> {
  const files = listFiles(input);
  const tempDir = makeTempDir("floor-extract");
  const documents: ExtractedDocument[] = [];
  let inputBytes = 0;
  const extractStart = now();
  try {
    for (const file of files) {
      const extracted = await extractInProcess(file, tempDir);
      inputBytes += extracted.find((document) => document.locator === file)?.size ?? 0;
      documents.push(...extracted);
    }
  } finally {
    removeDir(tempDir);
  }
  const extractMs = now() - extractStart;
  const parseMs = timeParsing(documents);
  const rows = documents.map((document) => [normalise(document.title ?? document.name), normalise(document.text)] as const);
  const textBytes = rows.reduce((sum, [title, body]) => sum + Buffer.byteLength(title) + Buffer.byteLength(body), 0);

  const db = new Database(path.join(root, "floor.sqlite"));
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.exec("CREATE VIRTUAL TABLE floor USING fts5(title, body, tokenize='unicode61 remove_diacritics 2')");
  const insert = db.prepare("INSERT INTO floor (title, body) VALUES (?, ?)");
  const ftsStart = now();
  db.exec("BEGIN");
  for (const [title, body] of rows) insert.run(title, body);
  db.exec("COMMIT");
  const fts5Ms = now() - ftsStart;
  const optimizeStart = now();
  db.exec("INSERT INTO floor (floor) VALUES ('optimize')");
  const fts5OptimizeMs = now() - optimizeStart;
  db.close();

  // The store's own writes of the same documents, without extraction or workers.
  const store = SqliteStore.open(path.join(root, "store-only.sqlite"));
  const storeStart = now();
  documents.forEach((document, index) => {
    store.saveDocument(document);
    if ((index + 1) % 500 === 0) store.commit();
  });
  store.commit();
  const storeMs = now() - storeStart;
  store.close();
  return { documents: documents.length, inputBytes, textBytes, extractMs, parseMs, fts5Ms, fts5OptimizeMs, storeMs };
}

/** Reads every document's layout again, alone: the share of ingest that cable parsing costs (it runs inside extraction). */
function timeParsing(documents: ExtractedDocument[]): number {
  const inputs = documents.map((document) => ({
    text: document.text,
    name: document.name,
    type: document.type,
    metadata: document.metadata,
    ...(document.type === "html" && { html: readFileSync(document.locator, "utf8") }),
  }));
  const start = now();
  for (const input of inputs) parseCable(input);
  return now() - start;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name))
    .sort();
}

function ingestTables(
  runs: IngestRun[],
  [text, noEntities, oneWorker, inThread]: [IngestRun, IngestRun, IngestRun, IngestRun],
  floor: FloorResult,
  context: { workers: number; copies: number; sources: number; scanned: string; options: IngestSuiteOptions },
): Table[] {
  const seconds = (ms: number) => ms / 1000;
  const ingestMbps = text.inputBytes / MB / seconds(text.wallMs);
  const floorMbps = floor.inputBytes / MB / seconds(floor.fts5Ms);
  const ratio = floor.fts5Ms / text.wallMs;
  return [
    {
      title: `Ingest, end to end (ingest() with ${context.workers} workers, fresh archive each)`,
      columns: ["workload", "files", "documents", "input MB", "wall s", "CPU s", "cores busy", "MB/s", "docs/s", "pages", "pages/s", "pages/min", "peak RSS MiB (50 ms samples)", "maxRSS MiB (process)"],
      rows: runs.map((run) => [
        run.workload,
        run.files,
        run.documents,
        round(run.inputBytes / MB, 1),
        round(seconds(run.wallMs), 2),
        round(seconds(run.cpuMs), 2),
        round(run.cpuMs / run.wallMs, 2),
        round(run.inputBytes / MB / seconds(run.wallMs), 2),
        round(run.documents / seconds(run.wallMs), 1),
        run.ocrPages > 0 ? run.ocrPages : run.pages,
        run.pages > 0 && run.ocrPages === 0 ? round(run.pages / seconds(run.wallMs), 1) : null,
        run.ocrPages > 0 ? round(run.ocrPages / (run.wallMs / 60_000), 2) : null,
        round(run.peakRssBytes / MiB, 0),
        round(run.maxRssBytes / MiB, 0),
      ]),
      notes: [
        `Text + HTML: ${context.copies} copies of ${context.sources} files (converted cables, CREST OCR text, PlusD/Cablegate HTML, the two JSON-lines cable files, fars-news-1.json), each copy with one unique line appended.`,
        "The default row includes the entity stage (named-entity recognition, rules and resolution, after the files are in); the 'no entity stage' row is the same files with it switched off, so the difference is what finding entities costs.",
        `The two 'workers' rows ingest the same text + HTML files again into fresh archives (the default is one worker per core: ${context.workers}). The one-file row is the fixed cost of starting and stopping the extraction workers (each loads every reader under tsx).`,
        `PDF: ${context.options.pdfCopies} copies of the 14 Cablegate PDFs; pages counted from the archive.`,
        `OCR: ${context.scanned} (100 scanned pages), limits.maxOcrPages = ${context.options.ocrPages}; the other pages are skipped with a 'truncated' problem. One file is read by one worker, page after page.`,
        "RSS covers the whole process: the main thread and the extraction worker threads. maxRSS is the process's peak since it started (the ingest suite runs first).",
        "CPU s = user + system time of the whole process (main thread, workers, tsx's loader threads) during the run; cores busy = CPU s ÷ wall s (2 would be both cores saturated).",
        "MB = 10^6 bytes of input files.",
      ],
    },
    {
      title: "Text + HTML ingest against the raw FTS5 floor (same files, same extracted text)",
      columns: ["step", "seconds", "input MB/s", "text MB/s", "ratio to floor (floor s ÷ step s)", "target"],
      rows: [
        ["Trove ingest(), end to end", round(seconds(text.wallMs), 2), round(ingestMbps, 2), round(floor.textBytes / MB / seconds(text.wallMs), 2), round(ratio, 2), `ratio ≥ ${TARGET_RATIO}: ${ratio >= TARGET_RATIO ? "met" : "missed"}; ≥ ${TARGET_MB_PER_SECOND} MB/s: ${ingestMbps >= TARGET_MB_PER_SECOND ? "met" : "missed"}`],
        ...[noEntities, oneWorker, inThread].map((run) => [
          `Trove ingest(), ${run.workload.replace("text + HTML, ", "")}`,
          round(seconds(run.wallMs), 2),
          round(run.inputBytes / MB / seconds(run.wallMs), 2),
          round(floor.textBytes / MB / seconds(run.wallMs), 2),
          round(floor.fts5Ms / run.wallMs, 2),
          "",
        ]),
        ["raw FTS5 insert (floor)", round(seconds(floor.fts5Ms), 2), round(floorMbps, 2), round(floor.textBytes / MB / seconds(floor.fts5Ms), 2), 1, ""],
        ["  + FTS5 'optimize' (not in the floor)", round(seconds(floor.fts5OptimizeMs), 2), null, null, null, ""],
        ["store only: saveDocument of the same documents", round(seconds(floor.storeMs), 2), round(floor.inputBytes / MB / seconds(floor.storeMs), 2), round(floor.textBytes / MB / seconds(floor.storeMs), 2), round(floor.fts5Ms / floor.storeMs, 2), ""],
        ["cable parsing alone (inside extraction; share of end-to-end ingest)", round(seconds(floor.parseMs), 2), null, null, round(floor.parseMs / text.wallMs, 3), `≤ 0.10 of ingest: ${floor.parseMs / text.wallMs <= 0.1 ? "met" : "missed"}`],
        ["extraction only (1 thread, in process)", round(seconds(floor.extractMs), 2), round(floor.inputBytes / MB / seconds(floor.extractMs), 2), null, round(floor.fts5Ms / floor.extractMs, 2), ""],
      ],
      notes: [
        `Floor: ${floor.documents} documents, ${(floor.textBytes / MB).toFixed(1)} MB of normalised title + body (UTF-8), inserted into a bare fts5(title, body, tokenize='unicode61 remove_diacritics 2') in one transaction, WAL, synchronous=NORMAL, file database.`,
        "Ratio = floor seconds ÷ step seconds on the same input (1.0 = as fast as the floor). Input MB/s divides the input files' bytes by each step's time.",
        "Store only: SqliteStore.saveDocument for the extracted documents, committing every 500, as ingest does — the writes without extraction.",
      ],
    },
  ];
}

function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}
