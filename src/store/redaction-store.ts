/**
 * The part of the store contract that holds redactions and their review:
 * what `trove redact` suggests, adds and decides, and what export applies.
 * Every backend implements it and runs the same tests.
 */
import type { Redaction, RedactionReason, RedactionStatus } from "../model/redaction.js";

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
  /** Default 100. */
  limit?: number;
  offset?: number;
}

export interface RedactionStore {
  /**
   * Adds redactions and returns their ids. A span already redacted in that
   * document (same start and end) is not added twice: its id is returned, and
   * a suggestion never overrides a reporter's decision.
   */
  addRedactions(redactions: RedactionToAdd[]): number[];
  listRedactions(query?: RedactionQuery): Redaction[];
  countRedactions(query?: RedactionQuery): number;
  getRedaction(id: number): Redaction;
  /** Accepts or rejects; records who and when. */
  decideRedaction(id: number, status: Exclude<RedactionStatus, "suggested">, decidedBy: string, note?: string): Redaction;
  /** Accepted redactions of one document, in text order: what export applies. */
  acceptedRedactions(documentId: number): Redaction[];
  /** Entities with at least one accepted redaction: export and the leak check look for all their aliases. */
  redactedEntityIds(): number[];
}
