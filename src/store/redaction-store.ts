/**
 * The part of the store contract that holds redactions and their review:
 * what `trove redact` suggests, adds and decides, and what export applies.
 * Every backend implements it and runs the same tests.
 */
import type { Redaction, RedactionEvent, RedactionReason, RedactionStatus } from "../model/redaction.js";
import type { StoredMention } from "./entity-store.js";

export interface RedactionToAdd {
  documentId: number;
  start: number;
  end: number;
  entityId?: number | null;
  reason: RedactionReason;
  note?: string | null;
  status: RedactionStatus;
  author: string;
}

export interface RedactionQuery {
  documentId?: number;
  status?: RedactionStatus;
  reason?: RedactionReason;
  entityId?: number;
  /** Only redactions re-ingest detached from the text (true), or only those still anchored (false). */
  detached?: boolean;
  /** Default 100. */
  limit?: number;
  offset?: number;
}

export interface RedactionStore {
  /**
   * Adds redactions and returns their ids. A span already redacted in that
   * document (same start and end) is not added twice: its id is returned, and
   * a suggestion never overrides a reporter's decision. A reporter's own
   * redaction (added accepted or rejected) on a span that is only suggested
   * decides that suggestion, and is recorded in its history.
   */
  addRedactions(redactions: RedactionToAdd[]): number[];
  listRedactions(query?: RedactionQuery): Redaction[];
  countRedactions(query?: RedactionQuery): number;
  getRedaction(id: number): Redaction;
  /** Accepts or rejects; records who and when. */
  decideRedaction(id: number, status: Exclude<RedactionStatus, "suggested">, decidedBy: string, note?: string): Redaction;
  /**
   * Accepted redactions of one document, in text order: what export applies.
   * A duplicate's include its original's (it shares their text); redactions
   * detached by re-ingest are left out (their words are no longer there).
   */
  acceptedRedactions(documentId: number): Redaction[];
  /** Entities with at least one accepted redaction: export and the leak check look for all their aliases. */
  redactedEntityIds(): number[];
  /** A redaction's decisions and what re-ingest did to it, oldest first. */
  redactionHistory(id: number): RedactionEvent[];
  /** Indexed documents (duplicates left out: they share their original's text), in id order: what suggestions read. */
  redactableDocumentIds(): number[];
  /** A document's text as stored, which redaction offsets point into (a duplicate's is its original's). */
  documentText(documentId: number): string;
  /** Every mention of an entity and of the entities merged into it, in every document, in document and text order. */
  entityMentions(entityId: number): StoredMention[];
}
