/**
 * A relation as a reader proposes it, and how it becomes an
 * `ExtractedRelation`: participants grouped by role without repeats, the
 * date nearest the cue (else the document's), the place where it happened,
 * the sentence as evidence.
 */
import type { ExtractedRelation, PaymentKind, RelationParticipant, RelationRole, RelationType } from "../../model/relation.js";
import type { Candidate } from "./candidates.js";
import { sameName } from "./candidates.js";
import { clauseAround } from "./clause.js";
import { surnameKey } from "./document-names.js";
import type { Sentence } from "./sentence.js";

export interface Draft {
  type: RelationType;
  participants: RelationParticipant[];
  /** Where the cue word stands: the date and the place nearest to it are the relation's. */
  cue: number;
  confidence: number;
  amount?: number | null;
  currency?: string | null;
  quality?: string | null;
  kind?: PaymentKind;
  purpose?: string;
  cover?: string;
}

/** A candidate in a role; the writer stands for the service in the roles of an organisation. */
export function inRole(role: RelationRole, candidate: Candidate): RelationParticipant {
  const forService = role === "organization" || role === "headquarters" || role === "originator";
  const name = forService && candidate.serviceName !== undefined ? candidate.serviceName : candidate.name;
  const entityType = forService && candidate.serviceName !== undefined ? (candidate.serviceType ?? null) : candidate.entityType;
  return { role, name, entityType, start: candidate.start, end: candidate.end };
}

export function allInRole(role: RelationRole, candidates: readonly Candidate[]): RelationParticipant[] {
  return candidates.map((candidate) => inRole(role, candidate));
}

/** A participant that no mention names: a noun phrase or a code taken as written. */
export function written(role: RelationRole, sentence: Sentence, from: number, to: number): RelationParticipant | undefined {
  const raw = sentence.text.slice(from, to);
  const leading = raw.length - raw.trimStart().length;
  const name = raw.trim().replace(/^["“«']+|["”»'.,\u060C\u061F?!:;\s]+$/gu, "").replace(/\s+/gu, " ");
  if (!/[\p{L}\p{N}]/u.test(name)) return undefined;
  const start = from + leading + raw.trim().indexOf(name.split(" ")[0] ?? name);
  const exact = sentence.text.slice(start, start + name.length) === name;
  return { role, name, entityType: null, start: exact ? start : null, end: exact ? start + name.length : null };
}

/** `report No. … dated 1393/08/20 (2014-11-11)`, `the agreement of …`: a date that names a document or an earlier event; the same date repeated in brackets too. */
const DATE_REFERENCE_BEFORE = /(?:dated|of|No\.?|\u0645\u0648\u0631\u062E|\u0634\u0645\u0627\u0631\u0647\u0654?|\u062A\u0648\u0627\u0641\u0642)\s*(?:[\d\u06F0-\u06F9][\d\u06F0-\u06F9\/.-]*\s*\(\s*)?$/iu;
const LOCATIVE_BEFORE = /(?:\b(?:in|at|near|outside|inside|to)\s+(?:the\s+)?|\u062F\u0631\s+|\u0634\u0647\u0631\s+)$/iu;
/** `the Ashar district of Basra`: a place the sentence names as the larger place, taken when no `in` or `at` names one. */
const PART_OF_BEFORE = /\b(?:district|quarter|neighbou?rhood|outskirts|port|city|province|suburbs?|centre|center)\s+of\s+$/iu;
const PART_OF_PENALTY = 500;
const PLACED_TYPES: ReadonlySet<RelationType> = new Set(["meeting", "payment", "recruitment"]);

export function toRelation(sentence: Sentence, draft: Draft, documentDate: string | null): ExtractedRelation {
  const participants = uniqueParticipants(draft.participants);
  const place = PLACED_TYPES.has(draft.type) ? placeOf(sentence, draft.cue, participants) : null;
  if (place && draft.type === "meeting" && !participants.some((participant) => participant.role === "place")) participants.push(place);
  const roles: ExtractedRelation["roles"] = {};
  for (const participant of participants) (roles[participant.role] ??= []).push(participant.name);
  const relation: ExtractedRelation = {
    type: draft.type,
    roles,
    participants,
    date: dateOf(sentence, draft.cue) ?? documentDate,
    place: place?.name ?? null,
    amount: draft.amount ?? null,
    currency: draft.currency ?? null,
    quality: draft.quality ?? null,
    evidence: { start: sentence.start, end: sentence.end, text: sentence.body },
    confidence: Math.round(Math.min(1, Math.max(0, draft.confidence)) * 100) / 100,
  };
  if (draft.kind !== undefined) relation.kind = draft.kind;
  if (draft.purpose !== undefined) relation.purpose = draft.purpose;
  if (draft.cover !== undefined) relation.cover = draft.cover;
  return relation;
}

function uniqueParticipants(participants: readonly RelationParticipant[]): RelationParticipant[] {
  const kept: RelationParticipant[] = [];
  for (const participant of participants) {
    const same = kept.findIndex((other) => other.role === participant.role && (other.name === participant.name || sameName(other.name, participant.name)));
    if (same < 0) kept.push(participant);
    else if (kept[same]!.start === null && participant.start !== null) kept[same] = participant;
  }
  return kept;
}

/** The date nearest the cue, leaving out the dates of documents referred to (`report No. … dated …`). */
function dateOf(sentence: Sentence, cue: number): string | null {
  let best: { date: string; distance: number } | null = null;
  for (const date of sentence.dates) {
    if (DATE_REFERENCE_BEFORE.test(sentence.text.slice(Math.max(sentence.start, date.start - 30), date.start))) continue;
    const distance = Math.abs(date.start - cue);
    if (date.attributes.date !== undefined && (!best || distance < best.distance)) best = { date: date.attributes.date, distance };
  }
  return best?.date ?? null;
}

/** The place nearest the cue, in its clause, that the sentence puts something in (`in Karbala`, `در بصره`), and is no participant. */
function placeOf(sentence: Sentence, cue: number, participants: readonly RelationParticipant[]): RelationParticipant | null {
  const clause = clauseAround(sentence, cue, cue + 1);
  let best: { participant: RelationParticipant; distance: number } | null = null;
  for (const name of sentence.names) {
    const isPlace = name.type === "place" || (name.type === "organization" && !/\s/u.test(name.name) && sentence.placeKeys.has(surnameKey(name.name)));
    if (!isPlace || name.start < clause.start || name.end > clause.end || participants.some((participant) => participant.start === name.start)) continue;
    const before = sentence.text.slice(Math.max(sentence.start, name.start - 20), name.start);
    const locative = LOCATIVE_BEFORE.test(before);
    if (!locative && !PART_OF_BEFORE.test(before)) continue;
    const distance = Math.abs(name.start - cue) + (locative ? 0 : PART_OF_PENALTY);
    if (!best || distance < best.distance) best = { participant: { role: "place", name: name.name, entityType: "place", start: name.start, end: name.end }, distance };
  }
  return best?.participant ?? null;
}
