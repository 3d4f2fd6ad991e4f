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
import { workerUrl } from "./threads.js";

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
  /** Files handed to this worker and not yet done, in order. */
  tasks: Map<number, Task>;
}

const WORKER_URL = workerUrl(import.meta.url, "worker");
/**
 * Files queued in each worker ahead of the one it is reading, so that it never
 * waits for the main thread (busy writing the archive) to hand it the next.
 */
const TASKS_PER_WORKER = 3;
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
    for (let i = 0; i < size; i++) this.slots.push({ worker: this.spawn(), tasks: new Map() });
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

  /** How many files the pool can hold at once; the ingest job keeps it that full. */
  get capacity(): number {
    return Math.max(1, this.size * TASKS_PER_WORKER);
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = this.slots.reduce<Slot | undefined>((best, candidate) => (candidate.tasks.size < (best?.tasks.size ?? TASKS_PER_WORKER) ? candidate : best), undefined);
      if (!slot) return;
      const task = this.queue.shift()!;
      slot.tasks.set(task.id, task);
      slot.worker.postMessage({ id: task.id, request: task.request });
    }
  }

  private onMessage(worker: Worker, message: WorkerMessage): void {
    const slot = this.slots.find((candidate) => candidate.worker === worker);
    const task = slot?.tasks.get(message.id);
    if (!slot || !task) return;
    if (message.kind === "document") task.sink.document(message.document);
    else if (message.kind === "problem") task.sink.problem(message.problem);
    else {
      slot.tasks.delete(task.id);
      if (message.kind === "done") task.resolve();
      else task.reject(new Error(message.message));
      this.dispatch();
    }
  }

  private onWorkerDeath(worker: Worker, error: Error): void {
    const slot = this.slots.find((candidate) => candidate.worker === worker);
    if (!slot || this.closing) return;
    const lost = [...slot.tasks.values()];
    slot.tasks.clear();
    slot.worker = this.spawn();
    for (const task of lost) task.reject(new Error(`extraction crashed: ${error.message}`));
    this.dispatch();
  }
}
