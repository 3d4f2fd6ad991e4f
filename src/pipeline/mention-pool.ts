/**
 * Finds mentions on worker threads, a document at a time, so that the entity
 * stage uses every core while the calling thread reads and writes the
 * archive. Whatever goes wrong in a worker (a crash, its memory exhausted, an
 * exception) costs no document: the documents it held are read again on the
 * calling thread, and a fresh worker takes its place.
 */
import { Worker } from "node:worker_threads";
import { DEFAULT_MAX_CHARACTERS, findMentions, type FoundMention } from "../extract/mentions.js";
import { workerUrl } from "../ingest/threads.js";
import type { PendingDocument } from "../store/entity-store.js";

export type MentionRequest = PendingDocument;

export type MentionReply =
  | { kind: "ready" }
  | { kind: "mentions"; id: number; mentions: FoundMention[] }
  | { kind: "failed"; id: number; message: string };

interface Task {
  document: PendingDocument;
  resolve(mentions: FoundMention[]): void;
  reject(error: unknown): void;
}

interface Slot {
  worker: Worker;
  /** Set once the worker has loaded its code: from then on a death is the document's fault, not the set-up's. */
  ready: boolean;
  /** Documents handed to this worker and not yet answered, by id. */
  tasks: Map<number, Task>;
}

const WORKER_URL = workerUrl(import.meta.url, "entity-worker");
/**
 * Documents each worker holds: the one it is reading and one behind it, so
 * that it never waits for the calling thread (busy saving mentions) to send the next.
 */
const TASKS_PER_WORKER = 2;
/**
 * Each worker's own heap cap, twice what the longest text findMentions reads
 * (2,000,000 characters) was measured to need; a document that needs more is
 * read on the calling thread instead.
 */
const WORKER_HEAP_MB = 512;

export class MentionPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private closing = false;

  /** `size` 0 reads every document on the calling thread, at once, inside `find`. */
  constructor(size: number) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  /** Documents the workers hold at once; the entity stage keeps at least that many queued. */
  get capacity(): number {
    return this.slots.length * TASKS_PER_WORKER;
  }

  /** The document's mentions, exactly as `findMentions` gives them on the calling thread. */
  find(document: PendingDocument): Promise<FoundMention[]> {
    return new Promise((resolve, reject) => {
      this.queue.push({ document, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops the workers; documents not yet answered are left unanswered. */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
    this.slots.length = 0;
  }

  private spawn(): Slot {
    const slot: Slot = { worker: new Worker(WORKER_URL, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } }), ready: false, tasks: new Map() };
    slot.worker.on("message", (reply: MentionReply) => this.onReply(slot, reply));
    slot.worker.on("error", () => this.onWorkerDeath(slot));
    slot.worker.on("exit", () => this.onWorkerDeath(slot));
    return slot;
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      if (this.slots.length === 0) {
        findInThread(this.queue.shift()!);
        continue;
      }
      const slot = this.slots.reduce<Slot | undefined>((best, candidate) => (candidate.tasks.size < (best?.tasks.size ?? TASKS_PER_WORKER) ? candidate : best), undefined);
      if (!slot) return;
      const task = this.queue.shift()!;
      const { id, text, language } = task.document;
      slot.tasks.set(id, task);
      // findMentions reads no further than this, so the rest of a huge text need not be copied to the worker.
      slot.worker.postMessage({ id, text: text.slice(0, DEFAULT_MAX_CHARACTERS), language } satisfies MentionRequest);
    }
  }

  private onReply(slot: Slot, reply: MentionReply): void {
    if (reply.kind === "ready") {
      slot.ready = true;
      return;
    }
    const task = slot.tasks.get(reply.id);
    if (!task) return;
    slot.tasks.delete(reply.id);
    if (reply.kind === "mentions") task.resolve(reply.mentions);
    else findInThread(task);
    this.dispatch();
  }

  /** Called for both the `error` and the `exit` of a worker; the first one handles it. */
  private onWorkerDeath(slot: Slot): void {
    const index = this.slots.indexOf(slot);
    if (index === -1 || this.closing) return;
    // A worker that died before loading its code (a broken install, no loader) would die again; the others, or the calling thread, go on without it.
    if (slot.ready) this.slots[index] = this.spawn();
    else this.slots.splice(index, 1);
    for (const task of slot.tasks.values()) findInThread(task);
    slot.tasks.clear();
    this.dispatch();
  }
}

function findInThread(task: Task): void {
  try {
    task.resolve(findMentions(task.document.text, { language: task.document.language }));
  } catch (error) {
    task.reject(error);
  }
}
