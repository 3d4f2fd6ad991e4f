/**
 * The entity stage of ingest: find the mentions in every document that has
 * not been read by this extractor version, then resolve new spellings into
 * entities. Runs after the files are in, so it also catches up on archives
 * made before the stage existed, and on documents a newer extractor should
 * read again; an unchanged document is never read twice.
 */
import { resolveNames, type ResolutionSummary } from "../extract/entity-resolution.js";
import { findMentions } from "../extract/mentions.js";
import type { ArchiveStore } from "../store/store.js";

/** Raise when extraction changes, so that archives re-read their documents. */
export const EXTRACTOR_VERSION = 1;

const DOCUMENTS_PER_BATCH = 100;
const NAMES_PER_BATCH = 5_000;

export interface EntityStageProgress {
  documentsTotal: number;
  documentsDone: number;
  mentions: number;
}

export interface EntityStageOptions {
  onProgress?: (progress: EntityStageProgress) => void;
  signal?: AbortSignal;
}

export interface EntityStageReport {
  documents: number;
  mentions: number;
  resolution: ResolutionSummary;
  durationMs: number;
}

export function runEntityStage(store: ArchiveStore, options: EntityStageOptions = {}): EntityStageReport {
  const started = Date.now();
  const entities = store.entities;
  const progress: EntityStageProgress = { documentsTotal: entities.countPendingExtractions(EXTRACTOR_VERSION), documentsDone: 0, mentions: 0 };
  options.onProgress?.(progress);
  while (!options.signal?.aborted) {
    const batch = entities.pendingExtractions(EXTRACTOR_VERSION, DOCUMENTS_PER_BATCH);
    if (batch.length === 0) break;
    for (const document of batch) {
      const mentions = findMentions(document.text, { language: document.language });
      entities.saveMentions(document.id, EXTRACTOR_VERSION, mentions);
      progress.documentsDone++;
      progress.mentions += mentions.length;
    }
    store.commit();
    options.onProgress?.(progress);
  }

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
  return { documents: progress.documentsDone, mentions: progress.mentions, resolution, durationMs: Date.now() - started };
}
