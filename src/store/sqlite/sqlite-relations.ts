/**
 * Relations and paragraph co-occurrences in the embedded archive, and what is
 * read from them: the links of the network, the timeline and the money
 * ledger. Shares the archive's connection, and so its transactions, with
 * `SqliteStore`.
 *
 * A participant keeps the entity its name resolved to when the relation was
 * read; every query follows `entities.merged_into` from there, so a merge
 * shows at once without re-reading any document.
 */
import type Database from "better-sqlite3";
import type { EntityType } from "../../model/entity.js";
import type { EntityRef, MoneyLedger, MoneyLine, MoneyParty, MoneyTotal, TimelineEvent, TimelineView } from "../../model/network.js";
import type { Evidence, PaymentKind, Relation, RelationRole, RelationType, StoredParticipant } from "../../model/relation.js";
import type { StoredMention } from "../entity-store.js";
import type { CoOccurrenceToSave, EvidenceSpan, NetworkLink, PendingRelationDocument, RelationQuery, RelationStore, RelationToSave, TimelineQuery } from "../relation-store.js";
import { SqlitePart } from "./sqlite-part.js";

/** Characters of a paragraph shown as the evidence of a co-occurrence: enough to read both names in their sentence. */
const CO_OCCURRENCE_EVIDENCE = 300;
/** How far a cut moves to fall between words rather than inside one. */
const WORD_BOUNDARY_REACH = 20;
const ELISION = " … ";

interface RelationRow {
  id: number;
  documentId: number;
  documentTitle: string;
  type: RelationType;
  date: string | null;
  place: string | null;
  amount: number | null;
  currency: string | null;
  quality: string | null;
  kind: PaymentKind | null;
  purpose: string | null;
  cover: string | null;
  counterSurveillance: string | null;
  evidenceStart: number;
  evidenceEnd: number;
  evidenceText: string;
  confidence: number;
}

/** A participant with the entity it lives on as now, after merges. */
interface ParticipantRow {
  relationId: number;
  role: RelationRole;
  name: string;
  entityType: EntityType | null;
  start: number | null;
  end: number | null;
  entityId: number | null;
  entityName: string | null;
  currentType: EntityType | null;
}

/** A relation on the timeline, or a document by its own date when `relationId` is null. */
interface TimelineRow {
  date: string;
  relationId: number | null;
  documentId: number;
}

interface Span {
  start: number;
  end: number;
}

const RELATION_COLUMNS = `r.id, r.document_id AS documentId, d.title AS documentTitle, r.type, r.date, r.place, r.amount, r.currency, r.quality, r.kind,
  r.purpose, r.cover, r.counter_surveillance AS counterSurveillance, r.evidence_start AS evidenceStart, r.evidence_end AS evidenceEnd,
  r.evidence_text AS evidenceText, r.confidence`;

/** The relations (as `r`) that have an entity among their participants, following merges; binds `@entity`. */
const HAS_ENTITY = `r.id IN (SELECT p.relation_id FROM relation_participants p WHERE p.entity_id IN (SELECT id FROM entities WHERE id = @entity OR merged_into = @entity))`;

export class SqliteRelationStore extends SqlitePart implements RelationStore {

  /**
   * `inTransaction` runs work inside the store's transaction, opening one when
   * none is open; `mentionsOf` gives a document's mentions with their entities,
   * which relation extraction reads with the text.
   */
  constructor(
    database: Database.Database,
    inTransaction: <T>(work: () => T) => T,
    private readonly mentionsOf: (documentId: number) => StoredMention[],
  ) {
    super(database, inTransaction);
  }

  pendingRelationDocuments(version: number, limit: number, afterId = 0): PendingRelationDocument[] {
    const rows = this.statement(`
      SELECT d.id, d.title, d.language, d.date, coalesce(t.text, i.body) AS text
      FROM documents d JOIN document_index i ON i.id = d.id LEFT JOIN document_text t ON t.document_id = d.id
      LEFT JOIN relation_extractions x ON x.document_id = d.id
      WHERE d.duplicate_of IS NULL AND (x.version IS NULL OR x.version < ?) AND d.id > ? ORDER BY d.id LIMIT ?`)
      .all(version, afterId, limit) as Array<Omit<PendingRelationDocument, "mentions">>;
    return rows.map((row) => ({ ...row, mentions: this.mentionsOf(row.id) }));
  }

  countPendingRelationDocuments(version: number): number {
    return (this.statement(`
      SELECT count(*) AS n FROM documents d JOIN document_index i ON i.id = d.id LEFT JOIN relation_extractions x ON x.document_id = d.id
      WHERE d.duplicate_of IS NULL AND (x.version IS NULL OR x.version < ?)`).get(version) as { n: number }).n;
  }

  saveRelations(documentId: number, version: number, relations: RelationToSave[], coOccurrences: CoOccurrenceToSave[]): void {
    this.inTransaction(() => {
      this.forgetDocument(documentId);
      const insertRelation = this.statement(`INSERT INTO relations (document_id, type, date, place, amount, currency, quality, kind, purpose, cover, counter_surveillance, evidence_start, evidence_end, evidence_text, confidence)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
      const insertParticipant = this.statement(`INSERT INTO relation_participants (relation_id, position, role, name, entity_type, start, end, entity_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
      for (const relation of relations) {
        const relationId = insertRelation.run(documentId, relation.type, relation.date, relation.place, relation.amount, relation.currency, relation.quality, relation.kind ?? null,
          relation.purpose ?? null, relation.cover ?? null, relation.counterSurveillance ?? null, relation.evidence.start, relation.evidence.end, relation.evidence.text, relation.confidence).lastInsertRowid;
        relation.participants.forEach((participant, position) => {
          insertParticipant.run(relationId, position, participant.role, participant.name, participant.entityType, participant.start, participant.end, participant.entityId);
        });
      }
      const insertPair = this.statement("INSERT OR IGNORE INTO co_occurrences (document_id, entity_a, entity_b, start, end) VALUES (?, ?, ?, ?, ?)");
      for (const pair of coOccurrences) insertPair.run(documentId, pair.a, pair.b, pair.start, pair.end);
      this.statement(`INSERT INTO relation_extractions (document_id, version, extracted_at) VALUES (?, ?, ?)
        ON CONFLICT(document_id) DO UPDATE SET version = excluded.version, extracted_at = excluded.extracted_at`).run(documentId, version, new Date().toISOString());
    });
  }

  /** Removes what relation extraction stored for a document, and the record that it was read: for a document whose text is replaced. */
  forgetDocument(documentId: number): void {
    this.statement("DELETE FROM relation_participants WHERE relation_id IN (SELECT id FROM relations WHERE document_id = ?)").run(documentId);
    this.statement("DELETE FROM relations WHERE document_id = ?").run(documentId);
    this.statement("DELETE FROM co_occurrences WHERE document_id = ?").run(documentId);
    this.statement("DELETE FROM relation_extractions WHERE document_id = ?").run(documentId);
  }

  listRelations(query: RelationQuery = {}): Relation[] {
    const { where, parameters } = this.relationFilter(query);
    const rows = this.statement(`SELECT ${RELATION_COLUMNS} FROM relations r JOIN documents d ON d.id = r.document_id ${where}
      ORDER BY r.document_id, r.evidence_start, r.id LIMIT @limit OFFSET @offset`)
      .all({ ...parameters, limit: query.limit ?? 100, offset: query.offset ?? 0 }) as RelationRow[];
    const participants = this.participantsOf(rows.map((row) => row.id));
    return rows.map((row) => toRelation(row, participants.get(row.id) ?? []));
  }

  countRelations(query: RelationQuery = {}): number {
    const { where, parameters } = this.relationFilter(query);
    return (this.statement(`SELECT count(*) AS n FROM relations r ${where}`).get(parameters) as { n: number }).n;
  }

  networkEntities(): Array<EntityRef & { mentions: number }> {
    return this.statement(`
      WITH parties AS (
        SELECT DISTINCT p.relation_id, coalesce(e.merged_into, e.id) AS entity FROM relation_participants p JOIN entities e ON e.id = p.entity_id),
      pairs AS (
        SELECT coalesce(a.merged_into, a.id) AS a, coalesce(b.merged_into, b.id) AS b FROM co_occurrences c
        JOIN entities a ON a.id = c.entity_a JOIN entities b ON b.id = c.entity_b),
      linked AS (
        SELECT entity FROM parties WHERE relation_id IN (SELECT relation_id FROM parties GROUP BY relation_id HAVING count(*) > 1)
        UNION SELECT a FROM pairs WHERE a != b
        UNION SELECT b FROM pairs WHERE a != b)
      SELECT e.id, e.type, e.name, (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id) AS mentions
      FROM entities e WHERE e.id IN linked ORDER BY e.id`).all() as Array<EntityRef & { mentions: number }>;
  }

  *networkLinks(): Iterable<NetworkLink> {
    yield* this.relationLinks();
    yield* this.coOccurrenceLinks();
  }

  timeline(query: TimelineQuery = {}): TimelineView {
    const relationConditions = ["r.date IS NOT NULL"];
    const documentConditions = ["d.date IS NOT NULL", "d.duplicate_of IS NULL"];
    const parameters: Record<string, unknown> = {};
    if (query.kinds) {
      relationConditions.push("r.type IN (SELECT value FROM json_each(@kinds))");
      parameters.kinds = JSON.stringify(query.kinds);
      if (!query.kinds.includes("document")) documentConditions.push("0");
    }
    if (query.entityId !== undefined) {
      parameters.entity = this.currentEntity(query.entityId);
      relationConditions.push(HAS_ENTITY);
      documentConditions.push("d.id IN (SELECT document_id FROM mentions WHERE entity_id IN (SELECT id FROM entities WHERE id = @entity OR merged_into = @entity))");
    }
    // A date is a period (`2014-11` is all of November): it is in the range when the two overlap.
    if (query.from !== undefined) {
      parameters.from = query.from;
      relationConditions.push("(r.date >= @from OR substr(@from, 1, length(r.date)) = r.date)");
      documentConditions.push("(d.date >= @from OR substr(@from, 1, length(d.date)) = d.date)");
    }
    if (query.to !== undefined) {
      parameters.to = query.to;
      relationConditions.push("(r.date <= @to OR substr(r.date, 1, length(@to)) = @to)");
      documentConditions.push("(d.date <= @to OR substr(d.date, 1, length(@to)) = @to)");
    }
    const events = `
      SELECT r.date, r.id AS relationId, r.document_id AS documentId FROM relations r WHERE ${relationConditions.join(" AND ")}
      UNION ALL
      SELECT d.date, NULL AS relationId, d.id AS documentId FROM documents d WHERE ${documentConditions.join(" AND ")}`;
    const total = (this.statement(`SELECT count(*) AS n FROM (${events})`).get(parameters) as { n: number }).n;
    const rows = this.statement(`SELECT * FROM (${events}) ORDER BY date, documentId, relationId LIMIT @limit OFFSET @offset`)
      .all({ ...parameters, limit: query.limit ?? 200, offset: query.offset ?? 0 }) as TimelineRow[];

    const relationIds = rows.flatMap((row) => (row.relationId === null ? [] : [row.relationId]));
    const relations = new Map(this.relationsById(relationIds).map((row) => [row.id, row]));
    const participants = this.participantsOf(relationIds);
    const titles = this.documentTitles(rows.map((row) => row.documentId));
    return {
      events: rows.map((row): TimelineEvent => {
        const relation = row.relationId === null ? undefined : relations.get(row.relationId);
        const documentTitle = titles.get(row.documentId) ?? "";
        if (!relation) {
          return { date: row.date, kind: "document", relationType: null, relationId: null, documentId: row.documentId, documentTitle, summary: documentTitle, entities: [], evidence: null };
        }
        const parties = participants.get(relation.id) ?? [];
        return {
          date: row.date,
          kind: "relation",
          relationType: relation.type,
          relationId: relation.id,
          documentId: row.documentId,
          documentTitle,
          summary: summarise(relation, parties),
          entities: entityRefs(parties),
          evidence: evidenceOf(relation),
        };
      }),
      total,
    };
  }

  moneyLedger(query: { entityId?: number } = {}): MoneyLedger {
    const { where, parameters } = this.relationFilter({ type: "payment", ...(query.entityId !== undefined && { entityId: query.entityId }) });
    const rows = this.statement(`SELECT ${RELATION_COLUMNS} FROM relations r JOIN documents d ON d.id = r.document_id ${where}
      ORDER BY r.date IS NULL, r.date, r.document_id, r.evidence_start, r.id`).all(parameters) as RelationRow[];
    const participants = this.participantsOf(rows.map((row) => row.id));
    const lines = rows.map((row): MoneyLine => {
      const parties = participants.get(row.id) ?? [];
      return {
        relationId: row.id,
        documentId: row.documentId,
        documentTitle: row.documentTitle,
        date: row.date,
        payer: moneyParty(parties, "payer"),
        payee: moneyParty(parties, "payee"),
        amount: row.amount,
        currency: row.currency,
        kind: row.kind ?? "other",
        purpose: row.purpose,
        evidence: evidenceOf(row),
      };
    });
    return {
      lines,
      totals: {
        byCurrency: totalsBy(lines, () => ({ key: null, entityId: null })),
        byPayer: totalsBy(lines, (line) => line.payer && { key: line.payer.name, entityId: line.payer.entityId }),
        byPayee: totalsBy(lines, (line) => line.payee && { key: line.payee.name, entityId: line.payee.entityId }),
        byKind: totalsBy(lines, (line) => ({ key: line.kind, entityId: null })),
      },
    };
  }



  /** Only the conditions asked for, so that each query can use its index. */
  private relationFilter(query: RelationQuery): { where: string; parameters: Record<string, unknown> } {
    const conditions: string[] = [];
    const parameters: Record<string, unknown> = {};
    if (query.type !== undefined) {
      conditions.push("r.type = @type");
      parameters.type = query.type;
    }
    if (query.documentId !== undefined) {
      conditions.push("r.document_id = @document");
      parameters.document = query.documentId;
    }
    if (query.entityId !== undefined) {
      conditions.push(HAS_ENTITY);
      parameters.entity = this.currentEntity(query.entityId);
    }
    return { where: conditions.length > 0 ? `WHERE ${conditions.join(" AND ")}` : "", parameters };
  }

  private relationsById(ids: number[]): RelationRow[] {
    if (ids.length === 0) return [];
    return this.statement(`SELECT ${RELATION_COLUMNS} FROM relations r JOIN documents d ON d.id = r.document_id WHERE r.id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(ids)) as RelationRow[];
  }

  private participantsOf(relationIds: number[]): Map<number, ParticipantRow[]> {
    const byRelation = new Map<number, ParticipantRow[]>();
    if (relationIds.length === 0) return byRelation;
    const rows = this.statement(`
      SELECT p.relation_id AS relationId, p.role, p.name, p.entity_type AS entityType, p.start, p.end,
        c.id AS entityId, c.name AS entityName, c.type AS currentType
      FROM relation_participants p LEFT JOIN entities e ON e.id = p.entity_id LEFT JOIN entities c ON c.id = coalesce(e.merged_into, e.id)
      WHERE p.relation_id IN (SELECT value FROM json_each(?)) ORDER BY p.relation_id, p.position`).all(JSON.stringify(relationIds)) as ParticipantRow[];
    for (const row of rows) {
      const list = byRelation.get(row.relationId);
      if (list) list.push(row);
      else byRelation.set(row.relationId, [row]);
    }
    return byRelation;
  }

  private documentTitles(ids: number[]): Map<number, string> {
    const rows = this.statement("SELECT id, title FROM documents WHERE id IN (SELECT value FROM json_each(?))").all(JSON.stringify([...new Set(ids)])) as { id: number; title: string }[];
    return new Map(rows.map((row) => [row.id, row.title]));
  }

  /** Each relation links every two of its participants that are different entities, in the order the text gives them; the sentence is read by `linkEvidence` when a path shows it. */
  private *relationLinks(): Generator<NetworkLink> {
    const rows = this.statement(`
      SELECT r.id AS relationId, r.type, r.document_id AS documentId, d.title AS documentTitle, r.evidence_start AS evidenceStart,
        r.evidence_end AS evidenceEnd, coalesce(e.merged_into, e.id) AS entity
      FROM relations r JOIN documents d ON d.id = r.document_id JOIN relation_participants p ON p.relation_id = r.id JOIN entities e ON e.id = p.entity_id
      ORDER BY r.id, p.position`).iterate() as IterableIterator<Pick<RelationRow, "type" | "documentId" | "documentTitle" | "evidenceStart" | "evidenceEnd"> & { relationId: number; entity: number }>;
    let relation: LinkedRelation | undefined;
    for (const row of rows) {
      if (relation?.relationId !== row.relationId) {
        if (relation) yield* linksWithin(relation);
        relation = { relationId: row.relationId, type: row.type, documentId: row.documentId, documentTitle: row.documentTitle, evidence: { start: row.evidenceStart, end: row.evidenceEnd, text: null }, entities: [] };
      }
      if (!relation.entities.includes(row.entity)) relation.entities.push(row.entity);
    }
    if (relation) yield* linksWithin(relation);
  }

  /** One link per paragraph naming two entities; the paragraph's text is read by `linkEvidence` when a path needs it. */
  private *coOccurrenceLinks(): Generator<NetworkLink> {
    const rows = this.statement(`
      SELECT c.document_id AS documentId, d.title AS documentTitle, c.start, c.end, coalesce(a.merged_into, a.id) AS source, coalesce(b.merged_into, b.id) AS target
      FROM co_occurrences c JOIN documents d ON d.id = c.document_id JOIN entities a ON a.id = c.entity_a JOIN entities b ON b.id = c.entity_b
      WHERE coalesce(a.merged_into, a.id) != coalesce(b.merged_into, b.id) ORDER BY c.document_id, c.start`)
      .iterate() as IterableIterator<{ documentId: number; documentTitle: string; start: number; end: number; source: number; target: number }>;
    for (const row of rows) {
      yield {
        source: row.source,
        target: row.target,
        kind: "co-occurrence",
        relationId: null,
        documentId: row.documentId,
        documentTitle: row.documentTitle,
        evidence: { start: row.start, end: row.end, text: null },
      };
    }
  }

  linkEvidence(link: NetworkLink): Evidence {
    const { start, end, text } = link.evidence;
    if (text !== null) return { start, end, text };
    if (link.relationId !== null) {
      const row = this.statement("SELECT evidence_text AS text FROM relations WHERE id = ?").get(link.relationId) as { text: string } | undefined;
      return { start, end, text: row?.text ?? "" };
    }
    const document = this.documentForEvidence(link.documentId);
    const paragraph = { start, end };
    return paragraphEvidence(document.text, paragraph, within(document.spans.get(link.source), paragraph), within(document.spans.get(link.target), paragraph));
  }

  /** A document's text and where each entity is named in it, after merges. */
  private documentForEvidence(id: number): { text: string; spans: Map<number, Span[]> } {
    const text = (this.statement("SELECT coalesce(t.text, i.body) AS text FROM document_index i LEFT JOIN document_text t ON t.document_id = i.id WHERE i.id = ?").get(id) as { text: string } | undefined)?.text ?? "";
    const spans = new Map<number, Span[]>();
    const mentions = this.statement(`SELECT coalesce(e.merged_into, e.id) AS entity, m.start, m.end FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE m.document_id = ? ORDER BY m.start`)
      .all(id) as Array<Span & { entity: number }>;
    for (const mention of mentions) {
      const list = spans.get(mention.entity);
      if (list) list.push(mention);
      else spans.set(mention.entity, [mention]);
    }
    return { text, spans };
  }
}

/** A relation and its participants' distinct entities, as the network reads it. */
interface LinkedRelation {
  relationId: number;
  type: RelationType;
  documentId: number;
  documentTitle: string;
  evidence: EvidenceSpan;
  entities: number[];
}

function* linksWithin(relation: LinkedRelation): Generator<NetworkLink> {
  const { entities, relationId, type, documentId, documentTitle, evidence } = relation;
  for (let i = 0; i < entities.length; i++) {
    for (let j = i + 1; j < entities.length; j++) {
      yield { source: entities[i]!, target: entities[j]!, kind: type, relationId, documentId, documentTitle, evidence };
    }
  }
}

function toRelation(row: RelationRow, parties: ParticipantRow[]): Relation {
  const roles: Relation["roles"] = {};
  for (const party of parties) (roles[party.role] ??= []).push(party.name);
  const participants = parties.map((party): StoredParticipant => ({ role: party.role, name: party.name, entityType: party.entityType, start: party.start, end: party.end, entityId: party.entityId }));
  return {
    id: row.id,
    documentId: row.documentId,
    documentTitle: row.documentTitle,
    type: row.type,
    roles,
    participants,
    date: row.date,
    place: row.place,
    amount: row.amount,
    currency: row.currency,
    quality: row.quality,
    ...(row.kind !== null && { kind: row.kind }),
    ...(row.purpose !== null && { purpose: row.purpose }),
    ...(row.cover !== null && { cover: row.cover }),
    ...(row.counterSurveillance !== null && { counterSurveillance: row.counterSurveillance }),
    evidence: evidenceOf(row),
    confidence: row.confidence,
  };
}

function evidenceOf(row: Pick<RelationRow, "evidenceStart" | "evidenceEnd" | "evidenceText">): Evidence {
  return { start: row.evidenceStart, end: row.evidenceEnd, text: row.evidenceText };
}

/** The name a reader knows a participant by: its entity's, when it resolved to one. */
function displayName(party: ParticipantRow): string {
  return party.entityName ?? party.name;
}

function entityRefs(parties: ParticipantRow[]): EntityRef[] {
  const refs = new Map<number, EntityRef>();
  for (const party of parties) {
    if (party.entityId !== null && !refs.has(party.entityId)) refs.set(party.entityId, { id: party.entityId, type: party.currentType!, name: party.entityName! });
  }
  return [...refs.values()];
}

/** One line a reporter can scan: `payment: Kaveh → Rebwar Hama-Salih, 87.5 EUR (gift)`. */
function summarise(relation: RelationRow, parties: ParticipantRow[]): string {
  const names = (role: RelationRole) => parties.filter((party) => party.role === role).map(displayName).join(", ");
  const chain = (...roles: RelationRole[]) => roles.map(names).filter((part) => part !== "").join(" → ");
  const details: string[] = [];
  let who: string;
  switch (relation.type) {
    case "meeting":
      who = names("participant");
      break;
    case "payment":
      who = chain("payer", "payee");
      if (names("intermediary")) who += ` via ${names("intermediary")}`;
      if (relation.amount !== null) details.push(formatAmount(relation.amount, relation.currency));
      break;
    case "affiliation":
      who = [names("member"), names("organization")].filter((part) => part !== "").join(" — ");
      break;
    case "reporting":
      who = chain("source", "handler", "headquarters");
      break;
    case "recruitment":
      who = chain("recruiter", "target");
      break;
    case "restriction":
      who = [names("originator"), names("withheldFrom") && `withheld from ${names("withheldFrom")}`].filter((part) => part !== "").join(", ");
      break;
  }
  const qualifiers = [relation.kind && relation.kind !== "other" ? relation.kind : null, relation.quality, relation.cover].filter((part): part is string => part !== null && part !== "");
  let summary = `${relation.type}: ${who || "(unnamed)"}`;
  if (details.length > 0) summary += `, ${details.join(", ")}`;
  if (qualifiers.length > 0) summary += ` (${qualifiers.join("; ")})`;
  if (relation.place) summary += ` — ${relation.place}`;
  return summary;
}

function formatAmount(amount: number, currency: string | null): string {
  return `${amount.toLocaleString("en-US", { maximumFractionDigits: 6 })}${currency ? ` ${currency}` : ""}`;
}

function moneyParty(parties: ParticipantRow[], role: "payer" | "payee"): MoneyParty | null {
  const party = parties.find((candidate) => candidate.role === role);
  return party ? { name: displayName(party), entityId: party.entityId } : null;
}

/**
 * Sums payments per key and currency: amounts in different currencies are
 * never added, and a payment without an amount or a currency adds nothing.
 * Largest first within each currency.
 */
function totalsBy(lines: MoneyLine[], keyOf: (line: MoneyLine) => { key: string | null; entityId: number | null } | null): MoneyTotal[] {
  const totals = new Map<string, MoneyTotal>();
  for (const line of lines) {
    if (line.amount === null || line.currency === null) continue;
    const party = keyOf(line);
    if (!party) continue;
    const key = party.key ?? line.currency;
    const id = `${party.entityId ?? `name:${key.toLowerCase()}`}\u0000${line.currency}`;
    const total = totals.get(id) ?? { key, entityId: party.entityId, currency: line.currency, amount: 0, payments: 0 };
    total.amount += line.amount;
    total.payments++;
    totals.set(id, total);
  }
  // Rounded so that 34 + 38 + 15.5 reads 87.5 however the floating-point sum falls.
  return [...totals.values()]
    .map((total) => ({ ...total, amount: Math.round(total.amount * 1e6) / 1e6 }))
    .sort((a, b) => a.currency.localeCompare(b.currency) || b.amount - a.amount || a.key.localeCompare(b.key));
}

function within(spans: Span[] | undefined, paragraph: Span): Span[] {
  return spans?.filter((span) => span.start >= paragraph.start && span.end <= paragraph.end) ?? [];
}

/**
 * The part of a paragraph that names both entities, at most about 300
 * characters: the whole paragraph when it is short; else a window around the
 * closest two mentions, cut between words; and when even those are further
 * apart, the sentence parts around each with the middle elided (`text` then
 * holds ` … ` where the elided characters were, and is no longer
 * `documentText.slice(start, end)`).
 */
function paragraphEvidence(text: string, paragraph: Span, first: Span[], second: Span[]): Evidence {
  const excerpt = (span: Span): Evidence => ({ start: span.start, end: span.end, text: text.slice(span.start, span.end) });
  if (paragraph.end - paragraph.start <= CO_OCCURRENCE_EVIDENCE) return excerpt(paragraph);
  const opening = { start: paragraph.start, end: paragraph.start };
  const [earlier, later] = closestPair(first, second) ?? [opening, opening];
  const both = { start: earlier.start, end: Math.max(earlier.end, later.end) };
  if (both.end - both.start <= CO_OCCURRENCE_EVIDENCE) return excerpt(windowAround(text, paragraph, both, CO_OCCURRENCE_EVIDENCE));
  const half = Math.floor((CO_OCCURRENCE_EVIDENCE - ELISION.length) / 2);
  const head = windowAround(text, paragraph, earlier, half);
  const tail = windowAround(text, paragraph, later, half);
  return { start: head.start, end: tail.end, text: `${text.slice(head.start, head.end)}${ELISION}${text.slice(tail.start, tail.end)}` };
}

/** The mentions of the two entities that lie nearest each other, in text order. */
function closestPair(first: Span[], second: Span[]): [Span, Span] | undefined {
  let best: [Span, Span] | undefined;
  const width = ([a, b]: [Span, Span]) => Math.max(a.end, b.end) - a.start;
  for (const a of first) {
    for (const b of second) {
      const pair: [Span, Span] = a.start <= b.start ? [a, b] : [b, a];
      if (!best || width(pair) < width(best)) best = pair;
    }
  }
  return best;
}

/** At most `size` characters of `bounds` centred on `focus` (its start, when it is longer), moved to fall between words where one is near. */
function windowAround(text: string, bounds: Span, focus: Span, size: number): Span {
  const spare = Math.max(0, size - (focus.end - focus.start));
  let start = Math.max(bounds.start, focus.start - Math.floor(spare / 2));
  const end = Math.min(bounds.end, start + size);
  start = Math.max(bounds.start, Math.min(start, end - size));
  return { start: start === bounds.start ? start : wordStart(text, start, focus.start), end: end === bounds.end ? end : wordEnd(text, end, focus.end) };
}

function wordStart(text: string, at: number, limit: number): number {
  for (let index = at; index < Math.min(limit, at + WORD_BOUNDARY_REACH); index++) if (/\s/u.test(text[index - 1] ?? " ")) return index;
  return at;
}

function wordEnd(text: string, at: number, limit: number): number {
  for (let index = at; index > Math.max(limit, at - WORD_BOUNDARY_REACH); index--) if (/\s/u.test(text[index] ?? " ")) return index;
  return at;
}
