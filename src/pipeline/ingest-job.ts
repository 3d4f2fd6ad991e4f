/**
 * The ingest job: walk the inputs, skip what is already in the archive
 * unchanged, extract the rest on worker threads, and write documents as they
 * arrive in batched transactions. A file counts as done only once all its
 * documents are committed, so a killed job loses at most the open batch and
 * a re-run picks up exactly what is missing.
 */
import path from "node:path";
import type { DocumentType, ExtractedDocument, Problem } from "../model/document.js";
import { resolveLimits, type IngestLimitsOptions } from "../ingest/limits.js";
import { defaultWorkers } from "../ingest/threads.js";
import { walk, type WalkedFile } from "../ingest/walk.js";
import { ExtractionPool } from "../ingest/worker-pool.js";
import { pairTranslations, readTranslationManifest, type TranslationManifest } from "../parse/translation.js";
import type { ArchiveStore } from "../store/store.js";
import { runEntityStage, type EntityStageReport } from "./entity-stage.js";
import { runRelationStage, type RelationStageReport } from "./relation-stage.js";

const MANIFEST_NAME = "translations.json";

/** Also sizes runs around ingest, such as the benchmarks. */
export { defaultWorkers };

export interface IngestOptions {
  /**
   * Extraction threads, and then the entity stage's; default: one fewer than the cores (at least one),
   * because the calling thread is busy too, writing the archive. 0 does all the work on the calling thread.
   */
  workers?: number;
  limits?: IngestLimitsOptions;
  /** Paths never to ingest, such as the archive file itself. */
  exclude?: string[];
  /** Called often during the job; cheap to ignore. */
  onProgress?: (progress: IngestProgress) => void;
  /** Stops the job cleanly: what is extracted is committed, the rest waits for a re-run. */
  signal?: AbortSignal;
  /**
   * Find people, places, sources, money and more in new documents, resolve
   * them into entities, then read the relations between them; default true.
   */
  entities?: boolean;
}

export interface IngestProgress {
  /** Files are read first; then the entity stage reads the new documents' text, and the relation stage reads it again with its mentions. */
  stage: "files" | "entities" | "relations";
  filesTotal: number;
  bytesTotal: number;
  filesDone: number;
  bytesDone: number;
  documents: number;
  problems: number;
  elapsedMs: number;
  /** Documents the entity stage has to read, and has read. */
  entityDocumentsTotal: number;
  entityDocumentsDone: number;
  mentions: number;
  /** Documents the relation stage has to read, and has read; what it found. */
  relationDocumentsTotal: number;
  relationDocumentsDone: number;
  relations: number;
  coOccurrences: number;
}

export interface IngestReport {
  archive: string;
  inputs: string[];
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  files: { seen: number; ingested: number; unchanged: number; failed: number };
  documents: { total: number; indexed: number; duplicates: number; byType: Partial<Record<DocumentType, number>> };
  bytes: number;
  /** Every problem met, by file; the job went on past each. */
  problems: Problem[];
  interrupted: boolean;
  /** What the entity stage found; absent when it was switched off or the run was stopped. */
  entities?: EntityStageReport;
  /** What the relation stage found; absent when entities were switched off or the run was stopped before it. */
  relations?: RelationStageReport;
}

const COMMIT_EVERY_DOCUMENTS = 500;
const COMMIT_EVERY_MS = 1000;

export async function ingest(store: ArchiveStore, inputs: string[], options: IngestOptions = {}): Promise<IngestReport> {
  const started = Date.now();
  const limits = resolveLimits(options.limits);
  const files: WalkedFile[] = [];
  const problems: Problem[] = [];
  const runId = store.beginRun(inputs.map((input) => path.resolve(input)));
  const record = (problem: Problem) => {
    problems.push(problem);
    store.recordProblem(runId, problem);
  };
  for await (const item of walk(inputs, { exclude: new Set(options.exclude?.map((file) => path.resolve(file))) })) {
    if (item.kind === "file") files.push(item.file);
    else record(item.problem);
  }

  const progress: IngestProgress = {
    stage: "files",
    filesTotal: files.length,
    bytesTotal: files.reduce((sum, file) => sum + file.size, 0),
    filesDone: 0,
    bytesDone: 0,
    documents: 0,
    problems: problems.length,
    elapsedMs: 0,
    entityDocumentsTotal: 0,
    entityDocumentsDone: 0,
    mentions: 0,
    relationDocumentsTotal: 0,
    relationDocumentsDone: 0,
    relations: 0,
    coOccurrences: 0,
  };
  const report = {
    files: { seen: files.length, ingested: 0, unchanged: 0, failed: 0 },
    documents: { total: 0, indexed: 0, duplicates: 0, byType: {} as Partial<Record<DocumentType, number>> },
  };
  const failedFiles = new Set<string>();
  const failedLocators = new Set(problems.filter((problem) => !problem.indexed).map((problem) => problem.locator));
  let sinceCommit = 0;
  let lastCommit = Date.now();
  const commitIfDue = () => {
    if (sinceCommit >= COMMIT_EVERY_DOCUMENTS || Date.now() - lastCommit >= COMMIT_EVERY_MS) {
      store.commit();
      sinceCommit = 0;
      lastCommit = Date.now();
    }
  };
  const tick = () => {
    progress.elapsedMs = Date.now() - started;
    progress.problems = problems.length;
    options.onProgress?.(progress);
  };

  const pool = new ExtractionPool(options.workers ?? defaultWorkers(), limits);
  const inFlight = new Set<Promise<void>>();
  const maxInFlight = pool.capacity + 1;
  try {
    for (const file of files) {
      if (options.signal?.aborted) break;
      if (store.isUnchanged(file.path, file.size, file.mtimeMs)) {
        report.files.unchanged++;
        progress.filesDone++;
        progress.bytesDone += file.size;
        tick();
        continue;
      }
      let rootSha: string | undefined;
      let fileFailed = false;
      const sink = {
        document(document: ExtractedDocument) {
          const saved = store.saveDocument(document);
          if (document.locator === file.path) rootSha = document.sha256;
          report.documents.total++;
          if (saved.duplicateOf === undefined) report.documents.indexed++;
          else report.documents.duplicates++;
          report.documents.byType[document.type] = (report.documents.byType[document.type] ?? 0) + 1;
          progress.documents++;
          sinceCommit++;
          commitIfDue();
        },
        problem(problem: Problem) {
          record(problem);
          if (!problem.indexed) fileFailed = true;
        },
      };
      const job = pool
        .extract({ filePath: file.path, locator: file.path, rootPath: file.path, name: path.basename(file.path), mtimeMs: file.mtimeMs }, sink)
        .then(
          () => {
            store.completeSource(file.path, file.size, file.mtimeMs, rootSha);
            report.files.ingested++;
          },
          (error: Error) => {
            sink.problem({ locator: file.path, code: "extract-failed", message: error.message, indexed: false });
          },
        )
        .finally(() => {
          if (fileFailed) failedFiles.add(file.path);
          progress.filesDone++;
          progress.bytesDone += file.size;
          inFlight.delete(job);
          tick();
        });
      inFlight.add(job);
      if (inFlight.size >= maxInFlight) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  } finally {
    await pool.close();
    store.commit();
  }

  if (!options.signal?.aborted) pairOriginalsWithTranslations(store, record);
  let entities: EntityStageReport | undefined;
  if (!options.signal?.aborted && options.entities !== false) {
    progress.stage = "entities";
    entities = await runEntityStage(store, {
      onProgress(stage) {
        progress.entityDocumentsTotal = stage.documentsTotal;
        progress.entityDocumentsDone = stage.documentsDone;
        progress.mentions = stage.mentions;
        tick();
      },
      ...(options.signal && { signal: options.signal }),
      ...(options.workers !== undefined && { workers: options.workers }),
    });
  }
  let relations: RelationStageReport | undefined;
  if (!options.signal?.aborted && options.entities !== false) {
    progress.stage = "relations";
    relations = await runRelationStage(store, {
      onProgress(stage) {
        progress.relationDocumentsTotal = stage.documentsTotal;
        progress.relationDocumentsDone = stage.documentsDone;
        progress.relations = stage.relations;
        progress.coOccurrences = stage.coOccurrences;
        tick();
      },
      onDocumentError(document, error) {
        record({ locator: store.getDocument(document.id).locator, code: "extract-failed", message: `relations could not be read: ${error.message}`, indexed: true });
      },
      ...(options.signal && { signal: options.signal }),
    });
  }
  for (const locator of failedLocators) failedFiles.add(locator);
  report.files.failed = failedFiles.size;
  const finished = Date.now();
  const result: IngestReport = {
    archive: store.location,
    inputs: inputs.map((input) => path.resolve(input)),
    startedAt: new Date(started).toISOString(),
    finishedAt: new Date(finished).toISOString(),
    durationMs: finished - started,
    files: report.files,
    documents: report.documents,
    bytes: progress.bytesDone,
    problems,
    interrupted: options.signal?.aborted ?? false,
    ...(entities && { entities }),
    ...(relations && { relations }),
  };
  store.finishRun(runId, { ...result, problems: problems.length });
  tick();
  return result;
}

/**
 * Links originals and their translations across the whole archive (a
 * translation may arrive in a later run than its original), from
 * `translations.json` manifests, file names and shared reference numbers.
 */
function pairOriginalsWithTranslations(store: ArchiveStore, record: (problem: Problem) => void): void {
  const candidates = store.documentsForPairing();
  const manifest: TranslationManifest = [];
  for (const candidate of candidates.filter((document) => path.basename(document.path).toLowerCase() === MANIFEST_NAME)) {
    try {
      manifest.push(...readTranslationManifest(store.getDocument(candidate.id).text));
    } catch (error) {
      record({ locator: candidate.path, code: "damaged", message: `not a valid translation manifest: ${(error as Error).message}`, indexed: true });
    }
  }
  store.saveTranslationPairs(pairTranslations(candidates, manifest));
}
