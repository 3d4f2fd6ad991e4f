/**
 * Spreads extraction over worker threads so that decoding, parsing and OCR use
 * every core while the main thread writes to the archive. A worker that dies
 * (a crash in a native library, memory exhausted) fails only the file it had;
 * a fresh worker takes its place.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { ExtractedDocument, Problem } from "../model/document.js";
import { extractFile, type ExtractRequest, type ExtractSink } from "./extract.js";
import type { IngestLimits } from "./limits.js";

export type WorkerMessage =
  | { id: number; kind: "document"; document: ExtractedDocument }
  | { id: number; kind: "problem"; problem: Problem }
  | { id: number; kind: "done" }
  | { id: number; kind: "failed"; message: string };

interface Task {
  id: number;
  request: ExtractRequest;
  sink: ExtractSink;
  resolve(): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  task?: Task;
}

const WORKER_URL = workerEntry();
/** Each worker's own heap cap; the archive writer and the other workers share the rest of the 1 GB budget. */
const WORKER_HEAP_MB = 320;

export class ExtractionPool {
  readonly size: number;
  private readonly limits: IngestLimits;
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private inProcessTempDir?: string;
  private closing = false;

  /** `size` 0 extracts in the calling thread (simpler to debug, one core). */
  constructor(size: number, limits: IngestLimits) {
    this.size = size;
    this.limits = limits;
    for (let i = 0; i < size; i++) this.slots.push({ worker: this.spawn() });
  }

  /** Extracts one file; resolves once every document inside it has been handed to the sink. */
  extract(request: ExtractRequest, sink: ExtractSink): Promise<void> {
    if (this.size === 0) return this.extractInProcess(request, sink);
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, request, sink, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
    this.slots.length = 0;
    if (this.inProcessTempDir) await rm(this.inProcessTempDir, { recursive: true, force: true });
  }

  private async extractInProcess(request: ExtractRequest, sink: ExtractSink): Promise<void> {
    this.inProcessTempDir ??= await mkdtemp(path.join(os.tmpdir(), "trove-extract-"));
    await extractFile(request, sink, { limits: this.limits, tempDir: this.inProcessTempDir });
  }

  private spawn(): Worker {
    const worker = new Worker(WORKER_URL, { workerData: { limits: this.limits }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    worker.on("message", (message: WorkerMessage) => this.onMessage(worker, message));
    worker.on("error", (error) => this.onWorkerDeath(worker, error));
    worker.on("exit", (code) => this.onWorkerDeath(worker, new Error(`extraction worker stopped (exit code ${code})`)));
    return worker;
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.task || this.queue.length === 0) continue;
      const task = this.queue.shift()!;
      slot.task = task;
      slot.worker.postMessage({ id: task.id, request: task.request });
    }
  }

  private onMessage(worker: Worker, message: WorkerMessage): void {
    const slot = this.slots.find((candidate) => candidate.worker === worker);
    const task = slot?.task;
    if (!slot || !task || task.id !== message.id) return;
    if (message.kind === "document") task.sink.document(message.document);
    else if (message.kind === "problem") task.sink.problem(message.problem);
    else {
      slot.task = undefined;
      if (message.kind === "done") task.resolve();
      else task.reject(new Error(message.message));
      this.dispatch();
    }
  }

  private onWorkerDeath(worker: Worker, error: Error): void {
    const slot = this.slots.find((candidate) => candidate.worker === worker);
    if (!slot || this.closing) return;
    const task = slot.task;
    slot.task = undefined;
    slot.worker = this.spawn();
    task?.reject(new Error(`extraction crashed: ${error.message}`));
    this.dispatch();
  }
}

/**
 * The worker's entry point. Built code runs `worker.js` directly; when Trove
 * runs from its TypeScript sources (tests, benchmarks), Node 20 does not pass
 * the TypeScript loader on to worker threads, so a small bootstrap registers
 * it inside the worker first.
 */
function workerEntry(): URL {
  const ownExtension = path.extname(new URL(import.meta.url).pathname);
  const worker = new URL(`./worker${ownExtension}`, import.meta.url);
  if (ownExtension !== ".ts") return worker;
  const loader = import.meta.resolve("tsx/esm/api");
  const bootstrap = `const { register } = await import(${JSON.stringify(loader)}); register(); await import(${JSON.stringify(worker.href)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`);
}
