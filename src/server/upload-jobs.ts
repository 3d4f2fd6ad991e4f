/**
 * Uploads: files sent from the browser are written, as they arrive, into a
 * fresh folder beside the archive under names the server makes, then
 * ingested there one upload at a time (the archive has a single writer).
 * Each upload is a job whose progress — files, bytes, rate, ETA, documents
 * and problems by pipeline stage — listeners receive as it changes.
 *
 * @example
 * const uploads = new UploadJobs(archive, { folder: "trove-data/uploads", maxUploadBytes: 512 * 2 ** 20, maxFiles: 1000 });
 * const view = await uploads.receive(request.body, request.headers.get("content-type"), request.headers.get("content-length"));
 * uploads.subscribe(view.id, (latest) => console.log(latest.state, latest.progress.filesDone));
 */
import { randomBytes } from "node:crypto";
import { mkdir, open, rm, type FileHandle } from "node:fs/promises";
import path from "node:path";
import type { ProblemCode } from "../errors.js";
import type { ExtractedDocument, Problem } from "../model/document.js";
import type { IngestLimitsOptions } from "../ingest/limits.js";
import { ingest, type IngestProgress } from "../pipeline/ingest-job.js";
import type { ArchiveStore, SavedDocument } from "../store/store.js";
import type { IngestStage, UploadedDocument, UploadFile, UploadProblem, UploadProgress, UploadProgressCounts, UploadsView, UploadState, UploadView } from "./api-types.js";
import type { ArchiveAccess } from "./archive-access.js";
import { errorResponse, HttpError } from "./http-error.js";
import { multipartBoundary, readMultipart, type PartSink } from "./multipart.js";
import { storedFileName, unsafeFileName } from "./stored-file-name.js";

export interface UploadOptions {
  /** The folder each upload gets a folder of its own in. */
  folder: string;
  /** Bytes of one upload request, all files together. */
  maxUploadBytes: number;
  /** Files in one upload. */
  maxFiles: number;
  /** Extraction threads for ingest (0: the server's own thread); default as `trove ingest`. */
  workers?: number;
  /** Find entities in uploaded documents, as `trove ingest` does; default true. */
  entities?: boolean;
  limits?: IngestLimitsOptions;
}

/** Which stage of the pipeline each problem code comes from; a new code must be placed here. */
export const STAGE_OF_PROBLEM: Readonly<Record<ProblemCode, IngestStage>> = {
  empty: "read",
  unreadable: "read",
  "not-regular-file": "read",
  "symlink-loop": "read",
  "binary-as-text": "detect",
  "invalid-utf8": "detect",
  mislabelled: "detect",
  "archive-bomb": "unpack",
  "unsafe-member-path": "unpack",
  "too-deep": "unpack",
  truncated: "extract",
  damaged: "extract",
  "ocr-failed": "extract",
  "extract-failed": "extract",
};

/** Progress is sent to listeners at most this often, and always on a change of state. */
const EMIT_EVERY_MS = 200;
const KEEP_JOBS = 50;
const KEEP_DOCUMENTS = 200;
const KEEP_PROBLEMS = 1000;

type Listener = (view: UploadView) => void;

class UploadJob {
  readonly id: string;
  readonly folder: string;
  readonly files: UploadFile[];
  readonly createdAt = new Date().toISOString();
  state: UploadState = "queued";
  startedAt?: string;
  finishedAt?: string;
  /** The ingest job's latest progress, whatever it reports, over the counts known before it starts. */
  progress: UploadProgressCounts;
  /** When the ingest's current stage began, for the rate and ETA of that stage. */
  private stageStarted = { stage: "", at: 0, done: 0 };
  readonly problems: UploadProblem[] = [];
  readonly problemsByStage: Partial<Record<IngestStage, number>> = {};
  readonly documents: UploadedDocument[] = [];
  report?: UploadView["report"];
  error?: UploadView["error"];
  readonly listeners = new Set<Listener>();
  private lastEmit = 0;
  private timer?: NodeJS.Timeout;

  constructor(id: string, folder: string, files: UploadFile[]) {
    this.id = id;
    this.folder = folder;
    this.files = files;
    this.progress = {
      filesTotal: files.length,
      bytesTotal: files.reduce((sum, file) => sum + file.size, 0),
      filesDone: 0,
      bytesDone: 0,
      documents: 0,
      problems: 0,
      elapsedMs: 0,
    };
  }

  update(progress: IngestProgress): void {
    this.progress = { ...progress };
    const stage = progress.stage ?? "files";
    if (stage !== this.stageStarted.stage) this.stageStarted = { stage, at: progress.elapsedMs, done: stageDocuments(progress).done };
    this.emit();
  }

  get finished(): boolean {
    return this.state === "done" || this.state === "failed";
  }

  problem(problem: Problem): void {
    const stage = STAGE_OF_PROBLEM[problem.code] ?? "extract";
    this.problemsByStage[stage] = (this.problemsByStage[stage] ?? 0) + 1;
    if (this.problems.length < KEEP_PROBLEMS) this.problems.push({ ...problem, stage });
    this.emit();
  }

  saved(document: ExtractedDocument, saved: SavedDocument): void {
    this.documents.push({ id: saved.id, name: document.name, type: document.type, ...(saved.duplicateOf !== undefined && { duplicateOf: saved.duplicateOf }) });
    if (this.documents.length > KEEP_DOCUMENTS) this.documents.shift();
  }

  view(): UploadView {
    return {
      id: this.id,
      state: this.state,
      createdAt: this.createdAt,
      ...(this.startedAt && { startedAt: this.startedAt }),
      ...(this.finishedAt && { finishedAt: this.finishedAt }),
      folder: this.folder,
      files: this.files,
      progress: { ...this.progress, ...this.rates() },
      problems: [...this.problems],
      problemsByStage: { ...this.problemsByStage },
      documents: [...this.documents],
      ...(this.report && { report: this.report }),
      ...(this.error && { error: this.error }),
    };
  }

  /**
   * Files and bytes per second over the whole job; the ETA from the bytes
   * left while files are read, then from the documents left in the entity
   * and relation stages, each at its own pace.
   */
  private rates(): Pick<UploadProgress, "filesPerSecond" | "bytesPerSecond" | "etaSeconds"> {
    const { elapsedMs, filesDone, bytesDone, bytesTotal } = this.progress;
    const seconds = elapsedMs / 1000;
    const bytesPerSecond = seconds > 0 ? bytesDone / seconds : 0;
    let etaSeconds: number | null = null;
    if (this.finished) etaSeconds = 0;
    else if (this.progress.stage === "entities" || this.progress.stage === "relations") {
      const documents = stageDocuments(this.progress);
      const done = documents.done - this.stageStarted.done;
      const stageSeconds = (elapsedMs - this.stageStarted.at) / 1000;
      const left = documents.total - documents.done;
      if (done > 0 && stageSeconds > 0) etaSeconds = Math.ceil(left / (done / stageSeconds));
    } else if (bytesPerSecond > 0) etaSeconds = Math.ceil(Math.max(0, bytesTotal - bytesDone) / bytesPerSecond);
    return { filesPerSecond: seconds > 0 ? round(filesDone / seconds) : 0, bytesPerSecond: Math.round(bytesPerSecond), etaSeconds };
  }

  /** Tells listeners, at most every `EMIT_EVERY_MS` unless `now` (a change of state). */
  emit(now = false): void {
    const wait = EMIT_EVERY_MS - (Date.now() - this.lastEmit);
    if (!now && wait > 0) {
      this.timer ??= setTimeout(() => this.emit(true), wait);
      return;
    }
    clearTimeout(this.timer);
    this.timer = undefined;
    this.lastEmit = Date.now();
    const view = this.view();
    for (const listener of this.listeners) listener(view);
  }
}

export class UploadJobs {
  private readonly archive: ArchiveAccess;
  private readonly options: UploadOptions;
  private readonly jobs = new Map<string, UploadJob>();
  private queue: Promise<void> = Promise.resolve();
  private readonly stop = new AbortController();

  constructor(archive: ArchiveAccess, options: UploadOptions) {
    this.archive = archive;
    this.options = options;
  }

  get limits(): Pick<UploadsView, "maxUploadBytes" | "maxFiles"> {
    return { maxUploadBytes: this.options.maxUploadBytes, maxFiles: this.options.maxFiles };
  }

  /**
   * Stores the files of a `multipart/form-data` body in a new folder and
   * queues them for ingest. Nothing is kept of a refused upload: a file name
   * that is a path, a body over the limit, or a malformed body.
   */
  async receive(body: AsyncIterable<Uint8Array> | null, contentType: string | undefined, contentLength: string | undefined): Promise<UploadView> {
    const boundary = multipartBoundary(contentType);
    if (!boundary || !body) throw new HttpError(415, "unsupported-media-type", "send the files as multipart/form-data, one form field per file");
    if (contentLength !== undefined && Number(contentLength) > this.options.maxUploadBytes) throw this.tooLarge();
    const id = newUploadId();
    const folder = path.join(this.options.folder, id);
    await mkdir(folder, { recursive: true, mode: 0o700 });
    const files: UploadFile[] = [];
    const taken = new Set<string>();
    try {
      await readMultipart(body, boundary, async (part) => {
        if (part.filename === undefined) return discard;
        const unsafe = unsafeFileName(part.filename);
        if (unsafe) throw new HttpError(400, "unsafe-file-name", `${unsafe}. Nothing from this upload was kept.`);
        if (files.length >= this.options.maxFiles) throw new HttpError(413, "too-large", `an upload may hold at most ${this.options.maxFiles} files`);
        const storedAs = storedFileName(part.filename, taken);
        taken.add(storedAs);
        const file: UploadFile = { name: part.filename, storedAs, size: 0 };
        files.push(file);
        return fileSink(path.join(folder, storedAs), file);
      }, { maxBytes: this.options.maxUploadBytes, maxParts: this.options.maxFiles + 100, tooLarge: () => this.tooLarge() });
      if (files.length === 0) throw new HttpError(400, "no-files", "the upload holds no files; choose at least one");
    } catch (error) {
      await rm(folder, { recursive: true, force: true });
      throw error;
    }
    const job = new UploadJob(id, folder, files);
    this.remember(job);
    this.queue = this.queue.then(() => this.run(job));
    return job.view();
  }

  /** The upload with this id; `not-found` when the server has no such upload (uploads are remembered until it stops). */
  view(id: string): UploadView {
    return this.job(id).view();
  }

  list(): UploadView[] {
    return [...this.jobs.values()].reverse().map((job) => job.view());
  }

  /** Calls `listener` on every change of the upload, until the returned function is called. */
  subscribe(id: string, listener: Listener): () => void {
    const job = this.job(id);
    job.listeners.add(listener);
    return () => job.listeners.delete(listener);
  }

  /** Stops the running ingest cleanly (what is extracted is committed) and waits for it. */
  async close(): Promise<void> {
    this.stop.abort();
    await this.queue;
  }

  private job(id: string): UploadJob {
    const job = this.jobs.get(id);
    if (!job) throw new HttpError(404, "not-found", `no upload ${id.slice(0, 40)} on this server; uploads are listed at /api/uploads`);
    return job;
  }

  private remember(job: UploadJob): void {
    this.jobs.set(job.id, job);
    for (const [id, old] of this.jobs) {
      if (this.jobs.size <= KEEP_JOBS) break;
      if (old.finished) this.jobs.delete(id);
    }
  }

  private tooLarge(): HttpError {
    return new HttpError(413, "too-large", `the upload is over the limit of ${formatLimit(this.options.maxUploadBytes)}; send fewer or smaller files, or start the server with a higher --max-upload-mb`);
  }

  private async run(job: UploadJob): Promise<void> {
    if (this.stop.signal.aborted) {
      job.state = "failed";
      job.error = { code: "stopped", message: `the server stopped before this upload was ingested; its files are in ${job.folder}` };
      job.emit(true);
      return;
    }
    job.state = "ingesting";
    job.startedAt = new Date().toISOString();
    job.emit(true);
    let writer: ArchiveStore | undefined;
    try {
      writer = this.archive.openWriter();
      const report = await ingest(observed(writer, job), [job.folder], {
        ...(this.options.workers !== undefined && { workers: this.options.workers }),
        ...(this.options.limits && { limits: this.options.limits }),
        ...(this.options.entities !== undefined && { entities: this.options.entities }),
        signal: this.stop.signal,
        onProgress: (progress) => job.update(progress),
      });
      job.report = { files: report.files, documents: report.documents, durationMs: report.durationMs };
      job.state = "done";
    } catch (error) {
      const { status, body } = errorResponse(error);
      if (status >= 500) process.stderr.write(`trove serve: upload ${job.id} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      job.state = "failed";
      job.error = body.error;
    } finally {
      writer?.close();
      job.finishedAt = new Date().toISOString();
      job.emit(true);
    }
  }
}

/**
 * The writer, with every saved document and recorded problem also reported
 * to the job; every other member of the store contract passes straight through.
 */
function observed(store: ArchiveStore, job: UploadJob): ArchiveStore {
  return new Proxy(store, {
    get(target, property) {
      if (property === "saveDocument") {
        return (document: ExtractedDocument): SavedDocument => {
          const saved = target.saveDocument(document);
          job.saved(document, saved);
          return saved;
        };
      }
      if (property === "recordProblem") {
        return (runId: number, problem: Problem): void => {
          target.recordProblem(runId, problem);
          job.problem(problem);
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

const discard: PartSink = { write: async () => undefined, close: async () => undefined };

function fileSink(file: string, record: UploadFile): Promise<PartSink> {
  return open(file, "wx", 0o600).then((handle: FileHandle) => ({
    async write(chunk: Uint8Array) {
      try {
        await handle.write(chunk);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOSPC") throw new HttpError(507, "no-space", "the disk that holds the archive is full; nothing of this upload was kept", { cause: error });
        throw error;
      }
      record.size += chunk.length;
    },
    close: () => handle.close(),
  }));
}

/** `20150704-101500-3fa9c1`: sortable by time, unique by its random tail. */
function newUploadId(): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  return `${stamp}-${randomBytes(3).toString("hex")}`;
}

function formatLimit(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)} KiB` : `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Documents read and to read in the current document stage (none while files are read). */
function stageDocuments(progress: UploadProgressCounts): { done: number; total: number } {
  if (progress.stage === "entities") return { done: progress.entityDocumentsDone ?? 0, total: progress.entityDocumentsTotal ?? 0 };
  if (progress.stage === "relations") return { done: progress.relationDocumentsDone ?? 0, total: progress.relationDocumentsTotal ?? 0 };
  return { done: 0, total: 0 };
}
