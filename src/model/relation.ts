/**
 * The relation model: what the archive says happened between people,
 * organisations and places — who met whom, who paid whom, who reports to whom.
 *
 * A relation is always read from one sentence of one document, and keeps that
 * sentence as its evidence. Participants keep the name the text gives even
 * when it could not be resolved to an entity, so nothing is dropped silently;
 * two relations that contradict each other are both kept, each with its own
 * evidence.
 */
import type { EntityType } from "./entity.js";

/** The kinds of relation Trove reads. Lower case, as in `--type meeting` and in JSON. */
export type RelationType =
  | "meeting"
  | "payment"
  | "affiliation"
  | "reporting"
  | "recruitment"
  | "restriction";

export const RELATION_TYPES: readonly RelationType[] = [
  "meeting", "payment", "affiliation", "reporting", "recruitment", "restriction",
];

/**
 * The part a participant plays. Which roles a type uses:
 * - meeting: `participant` (two or more), `place`;
 * - payment: `payer`, `payee`, `intermediary` (a bank, an exchange, a courier);
 * - affiliation: `member` (a person) and `organization` (an organisation or a country);
 * - reporting: `source` → `handler` → `headquarters`;
 * - recruitment: `recruiter`, `target`;
 * - restriction: `withheldFrom` (the body a report must not be shared with), `originator`.
 */
export type RelationRole =
  | "participant"
  | "place"
  | "payer"
  | "payee"
  | "intermediary"
  | "member"
  | "organization"
  | "source"
  | "handler"
  | "headquarters"
  | "recruiter"
  | "target"
  | "withheldFrom"
  | "originator";

export const RELATION_ROLES: readonly RelationRole[] = [
  "participant", "place", "payer", "payee", "intermediary", "member", "organization",
  "source", "handler", "headquarters", "recruiter", "target", "withheldFrom", "originator",
];

/** What a payment was, as far as the text says: `other` when it names no kind. */
export type PaymentKind = "gift" | "bribe" | "salary" | "expense" | "reward" | "installment" | "other";

export const PAYMENT_KINDS: readonly PaymentKind[] = [
  "gift", "bribe", "salary", "expense", "reward", "installment", "other",
];

/** The sentence a relation was read from: offsets into the document's text as stored (UTF-16, end exclusive). */
export interface Evidence {
  start: number;
  end: number;
  text: string;
}

/** One participant as the text names it, with its span when the name is a mention in the evidence. */
export interface RelationParticipant {
  role: RelationRole;
  /** The name as written, titles removed. */
  name: string;
  /** The entity type of the mention the name came from, when there was one. */
  entityType: EntityType | null;
  /** Offsets of the name in the document's text; null when the text only implies it (for example "we"). */
  start: number | null;
  end: number | null;
}

/**
 * A relation as the extractor reads it from one document, before it is stored.
 * `roles` is the contract of `trove relations --json`: participant names grouped by role.
 */
export interface ExtractedRelation {
  type: RelationType;
  roles: Partial<Record<RelationRole, string[]>>;
  participants: RelationParticipant[];
  /** Gregorian ISO date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`) of the event, when the sentence or its document dates it. */
  date: string | null;
  /** Where it happened, as written. */
  place: string | null;
  /** PAYMENT: the amount as a number (`4 million dollars` → 4000000). */
  amount: number | null;
  /** PAYMENT: ISO 4217 code where one exists, else a lower-case word (`toman`, `gold-coin`). Tomans and rials stay apart. */
  currency: string | null;
  /** AFFILIATION, and the stance in any relation: the quality the text states (`very close`, `one of our people`). */
  quality: string | null;
  /** PAYMENT: what kind of payment. */
  kind?: PaymentKind;
  /** PAYMENT: what it was for; RECRUITMENT: the inducement offered. */
  purpose?: string;
  /** MEETING: the cover or pretext (`a hunting excursion`, `a photo exhibition`). */
  cover?: string;
  /** MEETING: counter-surveillance the text describes (`switched taxis twice`). */
  counterSurveillance?: string;
  evidence: Evidence;
  /** 0–1: how sure the extractor is that the sentence states this relation. */
  confidence: number;
}

/** The JSON `trove relations --json` prints. */
export interface RelationsOutput {
  relations: Array<Omit<ExtractedRelation, "participants">>;
}

/** A participant once stored: the entity it resolved to, or null when it kept only its raw name. */
export interface StoredParticipant extends RelationParticipant {
  entityId: number | null;
}

/** A relation in the archive. */
export interface Relation extends Omit<ExtractedRelation, "participants"> {
  id: number;
  documentId: number;
  documentTitle: string;
  participants: StoredParticipant[];
}
