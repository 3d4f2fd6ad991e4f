/**
 * The store contract: what the pipeline and the faces need from an archive,
 * whatever database holds it. SQLite implements it for a laptop; a server
 * backend implements the same contract and runs the same contract tests.
 */
import type { TranslationCandidate, TranslationPair } from "../parse/translation.js";
import type { DocumentType, ExtractedDocument, Problem, StoredDocument } from "../model/document.js";
import type { AnnotationStore } from "./annotation-store.js";
import type { EntityStore } from "./entity-store.js";
import type { RedactionStore } from "./redaction-store.js";
import type { RelationStore } from "./relation-store.js";
import type { UserStore } from "./user-store.js";

export interface SavedDocument {
  id: number;
  /** Set when the bytes were already in the archive: the text was not indexed again. */
  duplicateOf?: number;
}

export interface DocumentSummary {
  id: number;
  name: string;
  title: string;
  type: DocumentType;
  size: number;
  duplicateOf?: number;
}

/** A reference between two cables of the archive. */
export interface CableLink {
  /** The reference as the citing cable writes it (`BAGHDAD 98`). */
  reference: string;
  id: number;
  title: string;
}

export interface DocumentDetail extends StoredDocument {
  children: DocumentSummary[];
  problems: Problem[];
  /** The cables this one's REF lines cite that are in the archive. */
  references: CableLink[];
  /** The cables in the archive whose REF lines cite this one. */
  citedBy: CableLink[];
}

export interface CountBy {
  value: string;
  count: number;
}

export interface ArchiveStats {
  documents: number;
  /** Documents whose text is indexed (not duplicates). */
  indexed: number;
  duplicates: number;
  originalBytes: number;
  textCharacters: number;
  pages: number;
  ocrPages: number;
  problems: number;
  byType: CountBy[];
  byLanguage: CountBy[];
  byYear: CountBy[];
  runs: number;
  lastIngestAt: string | null;
  archiveBytes: number;
  schemaVersion: number;
}

export interface RunSummary {
  [key: string]: unknown;
}

export interface ArchiveStore {
  /** Where the archive lives: a file path or a connection string without its password. */
  readonly location: string;
  /** Mentions, entities and a reporter's decisions about them. */
  readonly entities: EntityStore;
  /** Relations, paragraph co-occurrences, and the network, timeline and money ledger read from them. */
  readonly relations: RelationStore;
  /** Redactions suggested, made and reviewed: what a published excerpt must not show. */
  readonly redactions: RedactionStore;
  /** Who may use a shared archive, their sessions, and the append-only audit trail. */
  readonly users: UserStore;
  /** A reporter's notes on passages and documents, their tags, and saved searches. */
  readonly annotations: AnnotationStore;
  beginRun(inputs: string[]): number;
  finishRun(runId: number, summary: RunSummary): void;
  /** True when this file was ingested completely before with the same size and modification time. */
  isUnchanged(path: string, size: number, mtimeMs: number): boolean;
  /**
   * Saves a document, replacing what an earlier ingest of the same locator
   * stored. Its redactions outlive a new text: each is moved to where its
   * words now stand, and an accepted one whose words are gone is detached
   * (kept and shown for review, never silently dropped).
   */
  saveDocument(document: ExtractedDocument): SavedDocument;
  recordProblem(runId: number, problem: Problem): void;
  /** Marks a file on disk as completely ingested; only then will a re-run skip it. */
  completeSource(path: string, size: number, mtimeMs: number, sha256: string | undefined): void;
  /** Makes everything saved so far durable. */
  commit(): void;
  getDocument(id: number): DocumentDetail;
  documentsForPairing(): TranslationCandidate[];
  saveTranslationPairs(pairs: TranslationPair[]): void;
  stats(): ArchiveStats;
  close(): void;
}
