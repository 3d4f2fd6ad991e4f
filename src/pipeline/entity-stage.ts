/**
 * The entity stage of ingest: find the mentions in every document that has
 * not been read by this extractor version, then resolve new spellings into
 * entities. Runs after the files are in, so it also catches up on archives
 * made before the stage existed, and on documents a newer extractor should
 * read again; an unchanged document is never read twice.
 *
 * Mentions are found on worker threads while this thread reads documents
 * from the store and saves what comes back, in document order, so that the
 * archive ends up exactly as if every document had been read here.
 */
import os from "node:os";
import { resolveNames, type ResolutionSummary } from "../extract/entity-resolution.js";
import { DEFAULT_MAX_CHARACTERS, type FoundMention } from "../extract/mentions.js";
import type { PendingDocument } from "../store/entity-store.js";
import type { ArchiveStore } from "../store/store.js";
import { MentionPool } from "./mention-pool.js";

/** Raise when extraction changes, so that archives re-read their documents. */
export const EXTRACTOR_VERSION = 1;

const DOCUMENTS_PER_BATCH = 100;
/** About half a second of reading on one core. */
const SMALL_JOB_CHARACTERS = 250_000;
const NAMES_PER_BATCH = 5_000;

export interface EntityStageProgress {
  documentsTotal: number;
  documentsDone: number;
  mentions: number;
}

export interface EntityStageOptions {
  onProgress?: (progress: EntityStageProgress) => void;
  /** Stops finding mentions cleanly: what is saved stays saved, the rest waits for a re-run. Resolution still runs. */
  signal?: AbortSignal;
  /**
   * Threads that find mentions, at most; default one per core, because the
   * calling thread only saves what they find and mostly waits (measured: under
   * a tenth of the stage). 0 reads every document on the calling thread, and
   * so does a job too small to repay starting threads (under 100 documents
   * and 250,000 characters).
   */
  workers?: number;
}

export interface EntityStageReport {
  documents: number;
  mentions: number;
  resolution: ResolutionSummary;
  durationMs: number;
}

/** A document sent to the pool, in the order it is to be saved. */
interface Reading {
  id: number;
  answered: Promise<void>;
  /** Set once the pool has answered. */
  outcome?: { mentions: FoundMention[] } | { error: unknown };
}

export async function runEntityStage(store: ArchiveStore, options: EntityStageOptions = {}): Promise<EntityStageReport> {
  const started = Date.now();
  const progress: EntityStageProgress = { documentsTotal: store.entities.countPendingExtractions(EXTRACTOR_VERSION), documentsDone: 0, mentions: 0 };
  options.onProgress?.(progress);
  try {
    await findAllMentions(store, progress, options);
  } finally {
    store.commit();
  }
  const resolution = resolveNewNames(store);
  return { documents: progress.documentsDone, mentions: progress.mentions, resolution, durationMs: Date.now() - started };
}

async function findAllMentions(store: ArchiveStore, progress: EntityStageProgress, options: EntityStageOptions): Promise<void> {
  const { signal } = options;
  // Wakes the wait for the next answer when the job is stopped (one listener, not one per document).
  let wake = () => {};
  const onAbort = () => wake();
  signal?.addEventListener("abort", onAbort);
  const readings: Reading[] = [];
  let pool: MentionPool | undefined;
  let more = true;
  let unsaved = 0;
  const commit = () => {
    store.commit();
    unsaved = 0;
    options.onProgress?.(progress);
  };
  try {
    for (;;) {
      // The next batch goes to the pool while the workers still hold documents, so that they never wait for it; at most two batches of text are held.
      if (more && !signal?.aborted && readings.length <= (pool?.capacity ?? 0)) {
        const batch = nextBatch(store, readings);
        pool ??= new MentionPool(threadsFor(batch, options.workers ?? os.availableParallelism()));
        for (const document of batch) readings.push(read(pool, document));
        more = batch.length > 0;
      }
      const next = readings[0];
      if (!next) break;
      if (!next.outcome && !signal?.aborted) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          void next.answered.then(resolve);
        });
      }
      // Stopped while this document was being read: it stays pending, like every one after it.
      if (!next.outcome) break;
      readings.shift();
      if ("error" in next.outcome) throw next.outcome.error;
      store.entities.saveMentions(next.id, EXTRACTOR_VERSION, next.outcome.mentions);
      progress.documentsDone++;
      progress.mentions += next.outcome.mentions.length;
      if (++unsaved === DOCUMENTS_PER_BATCH) commit();
    }
    if (unsaved > 0) commit();
  } finally {
    signal?.removeEventListener("abort", onAbort);
    await pool?.close();
  }
}

/**
 * The next batch of pending documents. Documents still with the pool have no
 * mentions saved yet, so the store lists them again; they are skipped.
 */
function nextBatch(store: ArchiveStore, readings: Reading[]): PendingDocument[] {
  const inPool = new Set(readings.map((reading) => reading.id));
  return store.entities.pendingExtractions(EXTRACTOR_VERSION, DOCUMENTS_PER_BATCH + inPool.size).filter((document) => !inPool.has(document.id));
}

function read(pool: MentionPool, document: PendingDocument): Reading {
  const reading: Reading = {
    id: document.id,
    answered: pool.find(document).then(
      (mentions) => {
        reading.outcome = { mentions };
      },
      (error: unknown) => {
        reading.outcome = { error };
      },
    ),
  };
  return reading;
}

/**
 * Threads worth starting, judged by the first batch: none when it is all
 * there is and so short that a worker, which reads the models afresh and
 * runs cold for a while, would finish later than this thread (where the
 * models often are loaded already, in a server). Never more than documents.
 */
function threadsFor(firstBatch: PendingDocument[], workers: number): number {
  const characters = firstBatch.reduce((sum, document) => sum + Math.min(document.text.length, DEFAULT_MAX_CHARACTERS), 0);
  if (firstBatch.length < DOCUMENTS_PER_BATCH && characters < SMALL_JOB_CHARACTERS) return 0;
  return Math.min(workers, firstBatch.length);
}

function resolveNewNames(store: ArchiveStore): ResolutionSummary {
  const entities = store.entities;
  const resolution: ResolutionSummary = { names: 0, mentions: 0, byAlias: 0, byMatch: 0, created: 0 };
  const resolveAll = () => {
    for (;;) {
      const names = entities.unresolvedNames(NAMES_PER_BATCH);
      if (names.length === 0) break;
      const summary = resolveNames(entities, names);
      for (const key of Object.keys(resolution) as (keyof ResolutionSummary)[]) resolution[key] += summary[key];
      store.commit();
      if (summary.mentions === 0) break;
    }
  };
  resolveAll();
  if (entities.harmoniseNameTypes() > 0) resolveAll();
  entities.refreshEntityNames();
  store.commit();
  return resolution;
}
