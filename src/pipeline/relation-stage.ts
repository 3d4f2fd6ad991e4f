/**
 * The relation stage of ingest: read who met, paid, recruited or reported to
 * whom in every document this relation extractor version has not read, and
 * which entities each paragraph names together. Runs after the entity stage,
 * because participants are resolved through the document's mentions; a
 * document whose mentions are replaced is read again.
 *
 * Documents are saved one at a time and committed in batches, so a stopped
 * or killed run keeps every committed batch and a re-run reads only the rest.
 */
import { extractRelations, RELATION_EXTRACTOR_VERSION } from "../extract/relations/index.js";
import type { ExtractedRelation } from "../model/relation.js";
import type { StoredMention } from "../store/entity-store.js";
import type { CoOccurrenceToSave, PendingRelationDocument, RelationToSave } from "../store/relation-store.js";
import type { ArchiveStore } from "../store/store.js";
import { paragraphCoOccurrences } from "./co-occurrence.js";

const DOCUMENTS_PER_BATCH = 100;

export interface RelationStageProgress {
  documentsTotal: number;
  documentsDone: number;
  relations: number;
  coOccurrences: number;
}

export interface RelationStageOptions {
  /** Called before the first batch and after every committed one. */
  onProgress?: (progress: RelationStageProgress) => void;
  /** Stops cleanly between documents: what is saved stays saved, the rest waits for a re-run. */
  signal?: AbortSignal;
  /**
   * Called for a document the extractor fails on; the document stays pending
   * (a fixed extractor reads it next time) and the stage goes on. Without it,
   * the failure stops the stage.
   */
  onDocumentError?: (document: { id: number; title: string }, error: Error) => void;
}

export interface RelationStageReport {
  /** Documents read. */
  documents: number;
  relations: number;
  /** Pairs of entities named in one paragraph. */
  coOccurrences: number;
  durationMs: number;
}

export async function runRelationStage(store: ArchiveStore, options: RelationStageOptions = {}): Promise<RelationStageReport> {
  const started = Date.now();
  const progress: RelationStageProgress = { documentsTotal: store.relations.countPendingRelationDocuments(RELATION_EXTRACTOR_VERSION), documentsDone: 0, relations: 0, coOccurrences: 0 };
  options.onProgress?.(progress);
  // Paging by id, not by what is still pending, so that a document the extractor fails on is passed over rather than read forever.
  let afterId = 0;
  try {
    while (!options.signal?.aborted) {
      const batch = store.relations.pendingRelationDocuments(RELATION_EXTRACTOR_VERSION, DOCUMENTS_PER_BATCH, afterId);
      if (batch.length === 0) break;
      for (const document of batch) {
        if (options.signal?.aborted) break;
        afterId = document.id;
        const read = readDocument(document, options);
        if (!read) continue;
        store.relations.saveRelations(document.id, RELATION_EXTRACTOR_VERSION, read.relations, read.coOccurrences);
        progress.documentsDone++;
        progress.relations += read.relations.length;
        progress.coOccurrences += read.coOccurrences.length;
      }
      store.commit();
      options.onProgress?.(progress);
      // Reading is synchronous: yielding between batches lets a stop request (Ctrl-C) reach the signal.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    store.commit();
  }
  return { documents: progress.documentsDone, relations: progress.relations, coOccurrences: progress.coOccurrences, durationMs: Date.now() - started };
}

function readDocument(document: PendingRelationDocument, options: RelationStageOptions): { relations: RelationToSave[]; coOccurrences: CoOccurrenceToSave[] } | undefined {
  try {
    const extracted = extractRelations(document.text, document.mentions, { language: document.language, documentDate: document.date });
    const mentionsBySpan = new Map(document.mentions.map((mention) => [spanKey(mention.start, mention.end), mention]));
    return {
      relations: extracted.map((relation) => resolveParticipants(relation, mentionsBySpan)),
      coOccurrences: paragraphCoOccurrences(document.text, document.mentions),
    };
  } catch (error) {
    if (!options.onDocumentError) throw error;
    options.onDocumentError({ id: document.id, title: document.title }, error instanceof Error ? error : new Error(String(error)));
    return undefined;
  }
}

/** A participant is the entity of the mention at its span; a name the text only implies, or that names nothing resolved, keeps its raw spelling alone. */
function resolveParticipants(relation: ExtractedRelation, mentionsBySpan: Map<string, StoredMention>): RelationToSave {
  const { participants, ...rest } = relation;
  return {
    ...rest,
    participants: participants.map((participant) => ({
      ...participant,
      entityId: participant.start === null || participant.end === null ? null : (mentionsBySpan.get(spanKey(participant.start, participant.end))?.entityId ?? null),
    })),
  };
}

function spanKey(start: number, end: number): string {
  return `${start}:${end}`;
}
