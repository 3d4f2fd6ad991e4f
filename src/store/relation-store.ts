/**
 * The part of the store contract that holds relations and the co-occurrences
 * the network is built from: what the relation stage of ingest writes, and
 * what the graph, the timeline and the money ledger read. Every backend
 * implements it and runs the same tests.
 */
import type { LanguageCode } from "../model/document.js";
import type { EntityRef, EdgeKind, MoneyLedger, TimelineView } from "../model/network.js";
import type { Evidence, ExtractedRelation, Relation, RelationType, StoredParticipant } from "../model/relation.js";
import type { StoredMention } from "./entity-store.js";

/** An indexed document whose relations are not yet read (or were read by an older extractor), with its mentions. */
export interface PendingRelationDocument {
  id: number;
  title: string;
  text: string;
  language: LanguageCode;
  /** The document's own date (ISO), which dates a relation its sentence does not. */
  date: string | null;
  mentions: StoredMention[];
}

/** A relation ready to save: participants carry the entity they resolved to, or null. */
export interface RelationToSave extends Omit<ExtractedRelation, "participants"> {
  participants: StoredParticipant[];
}

/** Two entities named in the same paragraph of a document. `a < b`. */
export interface CoOccurrenceToSave {
  a: number;
  b: number;
  /** The paragraph, as offsets into the document's text. */
  start: number;
  end: number;
}

export interface RelationQuery {
  type?: RelationType;
  /** Relations with this entity among their participants (following merges). */
  entityId?: number;
  documentId?: number;
  /** Default 100. */
  limit?: number;
  offset?: number;
}

/**
 * Where a link's evidence lies. The text may be left null, to be read only
 * when a path shows it (`linkEvidence`): reading every sentence and paragraph
 * of the archive would cost more than building the whole network.
 */
export interface EvidenceSpan {
  start: number;
  end: number;
  text: string | null;
}

/** One link of the network as stored: a relation between two of its participants, or one paragraph naming both. */
export interface NetworkLink {
  source: number;
  target: number;
  kind: EdgeKind;
  relationId: number | null;
  documentId: number;
  documentTitle: string;
  evidence: EvidenceSpan;
}

export interface TimelineQuery {
  entityId?: number;
  /** Relation types to include; `document` includes documents by their own date. Default: all. */
  kinds?: Array<RelationType | "document">;
  from?: string;
  to?: string;
  /** Default 200. */
  limit?: number;
  offset?: number;
}

export interface RelationStore {
  /** Indexed documents the given relation extractor version has not read, a batch at a time, in id order after `afterId`. */
  pendingRelationDocuments(version: number, limit: number, afterId?: number): PendingRelationDocument[];
  countPendingRelationDocuments(version: number): number;
  /** Replaces a document's relations and co-occurrences and records the extractor version that read it. */
  saveRelations(documentId: number, version: number, relations: RelationToSave[], coOccurrences: CoOccurrenceToSave[]): void;
  listRelations(query?: RelationQuery): Relation[];
  countRelations(query?: RelationQuery): number;
  /** Entities that take part in at least one link, with their mention counts (following merges). */
  networkEntities(): Array<EntityRef & { mentions: number }>;
  /** Every link of the network, entity ids following merges, self-links left out. */
  networkLinks(): Iterable<NetworkLink>;
  /** A link's evidence with its text: a relation's sentence, or for a paragraph the part that names both entities, at most about 300 characters. */
  linkEvidence(link: NetworkLink): Evidence;
  timeline(query?: TimelineQuery): TimelineView;
  moneyLedger(query?: { entityId?: number }): MoneyLedger;
}
