/**
 * Redactions and their review in the embedded archive. Shares the archive's
 * connection, and so its transactions, with `SqliteStore`.
 *
 * A redaction keeps the entity it was made for; every query follows
 * `entities.merged_into` from there, so a merge after the redaction still
 * redacts the merged entity's aliases.
 */
import { DecisionError, NotFoundError } from "../../errors.js";
import type { MentionAttributes } from "../../model/entity.js";
import { REDACTION_REASONS, REDACTION_STATUSES, type Redaction, type RedactionEvent, type RedactionEventKind, type RedactionStatus } from "../../model/redaction.js";
import { findForms } from "../../text/folded-text.js";
import type { StoredMention } from "../entity-store.js";
import type { RedactionQuery, RedactionStore, RedactionToAdd } from "../redaction-store.js";
import { SqlitePart } from "./sqlite-part.js";

/** Who re-ingest's own changes to a redaction are recorded as. */
const REINGEST_AUTHOR = "trove";

interface RedactionRow {
  id: number;
  documentId: number;
  start: number;
  end: number;
  text: string;
  entityId: number | null;
  reason: Redaction["reason"];
  note: string | null;
  status: RedactionStatus;
  author: string;
  createdAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  detachedAt: string | null;
}

/** What re-ingest did to a document's redactions when its text was replaced. */
export interface ReanchorReport {
  /** Still at the same offsets over the same text. */
  kept: number;
  /** Found again elsewhere in the new text and moved there. */
  moved: number;
  /** Accepted, but their text is nowhere in the new text: kept for review, no longer applied. */
  detached: number;
  /** Suggestions and rejections whose text is gone: nothing is left to decide about them. */
  dropped: number;
}

const COLUMNS = `r.id, r.document_id AS documentId, r.start, r.end, r.text, coalesce(e.merged_into, r.entity_id) AS entityId, r.reason, r.note,
  r.status, r.author, r.created_at AS createdAt, r.decided_by AS decidedBy, r.decided_at AS decidedAt, r.detached_at AS detachedAt`;
const FROM = "FROM redactions r LEFT JOIN entities e ON e.id = r.entity_id";
const PAGE_DEFAULT = 100;

export class SqliteRedactionStore extends SqlitePart implements RedactionStore {


  addRedactions(redactions: RedactionToAdd[]): number[] {
    return this.inTransaction(() => {
      const texts = new Map<number, string>();
      return redactions.map((redaction) => {
        let text = texts.get(redaction.documentId);
        if (text === undefined) {
          text = this.documentText(redaction.documentId);
          texts.set(redaction.documentId, text);
        }
        return this.addOne(redaction, text);
      });
    });
  }

  listRedactions(query: RedactionQuery = {}): Redaction[] {
    const { where, parameters } = this.filter(query);
    const rows = this.statement(`SELECT ${COLUMNS} ${FROM} ${where} ORDER BY r.document_id, r.start, r.end, r.id LIMIT @limit OFFSET @offset`)
      .all({ ...parameters, limit: query.limit ?? PAGE_DEFAULT, offset: query.offset ?? 0 }) as RedactionRow[];
    return rows.map(toRedaction);
  }

  countRedactions(query: RedactionQuery = {}): number {
    const { where, parameters } = this.filter(query);
    return (this.statement(`SELECT count(*) AS n ${FROM} ${where}`).get(parameters) as { n: number }).n;
  }

  getRedaction(id: number): Redaction {
    const row = this.statement(`SELECT ${COLUMNS} ${FROM} WHERE r.id = ?`).get(id) as RedactionRow | undefined;
    if (!row) throw new NotFoundError(`no redaction with id ${id} in this archive; list them with: trove redact list`);
    return toRedaction(row);
  }

  decideRedaction(id: number, status: Exclude<RedactionStatus, "suggested">, decidedBy: string, note?: string): Redaction {
    if (status !== "accepted" && status !== "rejected") throw new DecisionError(`a redaction is accepted or rejected, not ${JSON.stringify(status)}`);
    requireAuthor(decidedBy);
    this.getRedaction(id);
    this.inTransaction(() => this.decide(id, status, decidedBy, note ?? null));
    return this.getRedaction(id);
  }

  acceptedRedactions(documentId: number): Redaction[] {
    // A duplicate has no text of its own: its original's redactions apply to it as well as its own.
    const rows = this.statement(`SELECT ${COLUMNS} ${FROM}
      WHERE r.document_id IN (@document, (SELECT duplicate_of FROM documents WHERE id = @document))
        AND r.status = 'accepted' AND r.detached_at IS NULL ORDER BY r.start, r.end, r.id`).all({ document: documentId }) as RedactionRow[];
    return rows.map(toRedaction);
  }

  redactedEntityIds(): number[] {
    const rows = this.statement(`SELECT DISTINCT coalesce(e.merged_into, r.entity_id) AS id ${FROM}
      WHERE r.status = 'accepted' AND r.entity_id IS NOT NULL ORDER BY id`).all() as { id: number }[];
    return rows.map((row) => row.id);
  }

  redactionHistory(id: number): RedactionEvent[] {
    this.getRedaction(id);
    return this.statement(`SELECT redaction_id AS redactionId, kind, decided_by AS by, note, decided_at AS at FROM redaction_decisions
      WHERE redaction_id = ? ORDER BY id`).all(id) as RedactionEvent[];
  }

  redactableDocumentIds(): number[] {
    const rows = this.statement(`SELECT d.id FROM documents d JOIN document_index i ON i.id = d.id
      WHERE d.duplicate_of IS NULL AND d.text_length > 0 ORDER BY d.id`).all() as { id: number }[];
    return rows.map((row) => row.id);
  }

  documentText(documentId: number): string {
    const document = this.statement("SELECT coalesce(duplicate_of, id) AS textId FROM documents WHERE id = ?").get(documentId) as { textId: number } | undefined;
    if (!document) throw new NotFoundError(`no document with id ${documentId} in this archive; find ids with: trove search QUERY`);
    const row = this.statement(`SELECT coalesce(t.text, i.body) AS text FROM document_index i LEFT JOIN document_text t ON t.document_id = i.id WHERE i.id = ?`)
      .get(document.textId) as { text: string } | undefined;
    return row?.text ?? "";
  }

  entityMentions(entityId: number): StoredMention[] {
    const current = this.statement("SELECT coalesce(merged_into, id) AS id FROM entities WHERE id = ?").get(entityId) as { id: number } | undefined;
    if (!current) throw new NotFoundError(`no entity with id ${entityId} in this archive; list them with: trove entities`);
    const rows = this.statement(`
      SELECT m.id, m.document_id AS documentId, coalesce(e.merged_into, m.entity_id) AS entityId, m.type, m.start, m.end, m.text, m.name, m.normalized,
        m.attributes, m.origin, m.confidence
      FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE e.id = @entity OR e.merged_into = @entity ORDER BY m.document_id, m.start, m.end`)
      .all({ entity: current.id }) as Array<Omit<StoredMention, "attributes"> & { attributes: string }>;
    return rows.map((row) => ({ ...row, attributes: JSON.parse(row.attributes) as MentionAttributes }));
  }

  /**
   * Re-anchors a document's redactions after its text was replaced by
   * re-ingest. A redaction whose text still stands at its offsets stays; one
   * whose text moved goes to the nearest free place where the same text (or,
   * failing that, the same text once normalised: another letter form, other
   * digits) now stands. An accepted redaction whose text is gone is never
   * dropped: it is detached — kept, still searched for by the leak check,
   * shown for review — while a suggestion or a rejection whose text is gone
   * has nothing left to decide and is removed with its history.
   */
  reanchorDocument(documentId: number, text: string): ReanchorReport {
    const report: ReanchorReport = { kept: 0, moved: 0, detached: 0, dropped: 0 };
    const rows = this.statement(`SELECT ${COLUMNS} ${FROM} WHERE r.document_id = ? ORDER BY r.start, r.id`).all(documentId) as RedactionRow[];
    if (rows.length === 0) return report;
    const taken = new Set<string>();
    const astray: RedactionRow[] = [];
    for (const row of rows) {
      if (row.detachedAt === null && text.slice(row.start, row.end) === row.text) {
        taken.add(spanKey(row.start, row.end));
        report.kept++;
      } else {
        astray.push(row);
      }
    }
    const now = new Date().toISOString();
    // Off the text while they are placed again, so that one may take a span another is leaving (two names that swapped places).
    const setAside = this.statement("UPDATE redactions SET detached_at = coalesce(detached_at, ?) WHERE id = ?");
    for (const row of astray) setAside.run(now, row.id);
    for (const row of astray) {
      const place = nearestFreePlace(text, row, taken);
      if (place) {
        taken.add(spanKey(place.start, place.end));
        const found = text.slice(place.start, place.end);
        this.statement("UPDATE redactions SET start = ?, end = ?, text = ?, detached_at = NULL WHERE id = ?").run(place.start, place.end, found, row.id);
        const rewritten = found === row.text ? "" : `; now written ${JSON.stringify(found)}`;
        this.logEvent(row.id, "moved", REINGEST_AUTHOR, `re-ingest moved it from ${row.start}–${row.end} to ${place.start}–${place.end}${rewritten}`, now);
        report.moved++;
      } else if (row.status === "accepted") {
        if (row.detachedAt === null) this.logEvent(row.id, "detached", REINGEST_AUTHOR, "re-ingest replaced the text and the redacted words are no longer in it", now);
        report.detached++;
      } else {
        this.statement("DELETE FROM redaction_decisions WHERE redaction_id = ?").run(row.id);
        this.statement("DELETE FROM redactions WHERE id = ?").run(row.id);
        report.dropped++;
      }
    }
    return report;
  }

  private addOne(redaction: RedactionToAdd, text: string): number {
    const { documentId, start, end, status, author } = redaction;
    if (!REDACTION_STATUSES.includes(status)) throw new DecisionError(`unknown redaction status ${JSON.stringify(status)}; use one of ${REDACTION_STATUSES.join(", ")}`);
    if (!REDACTION_REASONS.includes(redaction.reason)) throw new DecisionError(`unknown redaction reason ${JSON.stringify(redaction.reason)}; use one of ${REDACTION_REASONS.join(", ")}`);
    requireAuthor(author);
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > text.length) {
      throw new DecisionError(`span ${start}–${end} is not inside document ${documentId}, whose text has ${text.length} characters; give 0 <= START < END <= ${text.length}`);
    }
    const entityId = redaction.entityId == null ? null : this.currentEntity(redaction.entityId);
    const note = redaction.note ?? null;
    const existing = this.statement("SELECT id, status, entity_id AS entityId FROM redactions WHERE document_id = ? AND start = ? AND end = ? AND detached_at IS NULL")
      .get(documentId, start, end) as { id: number; status: RedactionStatus; entityId: number | null } | undefined;
    if (existing) {
      if (existing.entityId === null && entityId !== null) this.statement("UPDATE redactions SET entity_id = ? WHERE id = ?").run(entityId, existing.id);
      // A reporter's redaction decides the span; a rule's suggestion never changes what is there.
      if (status !== "suggested" && status !== existing.status) this.decide(existing.id, status, author, note);
      return existing.id;
    }
    const now = new Date().toISOString();
    const decided = status !== "suggested";
    const id = Number(this.statement(`INSERT INTO redactions (document_id, start, end, text, entity_id, reason, note, status, author, created_at, decided_by, decided_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(documentId, start, end, text.slice(start, end), entityId, redaction.reason, note, status, author, now, decided ? author : null, decided ? now : null).lastInsertRowid);
    if (status !== "suggested") this.logEvent(id, status, author, note, now);
    return id;
  }

  private decide(id: number, status: Exclude<RedactionStatus, "suggested">, decidedBy: string, note: string | null): void {
    const now = new Date().toISOString();
    this.statement("UPDATE redactions SET status = ?, decided_by = ?, decided_at = ?, note = coalesce(?, note) WHERE id = ?").run(status, decidedBy, now, note, id);
    this.logEvent(id, status, decidedBy, note, now);
  }

  private logEvent(id: number, kind: RedactionEventKind, by: string, note: string | null, at: string): void {
    this.statement("INSERT INTO redaction_decisions (redaction_id, kind, decided_by, note, decided_at) VALUES (?, ?, ?, ?, ?)").run(id, kind, by, note, at);
  }


  private filter(query: RedactionQuery): { where: string; parameters: Record<string, unknown> } {
    const conditions: string[] = [];
    const parameters: Record<string, unknown> = {};
    if (query.documentId !== undefined) {
      conditions.push("r.document_id = @document");
      parameters.document = query.documentId;
    }
    if (query.status !== undefined) {
      conditions.push("r.status = @status");
      parameters.status = query.status;
    }
    if (query.reason !== undefined) {
      conditions.push("r.reason = @reason");
      parameters.reason = query.reason;
    }
    if (query.entityId !== undefined) {
      conditions.push("coalesce(e.merged_into, r.entity_id) = @entity");
      parameters.entity = this.currentEntity(query.entityId);
    }
    if (query.detached !== undefined) conditions.push(query.detached ? "r.detached_at IS NOT NULL" : "r.detached_at IS NULL");
    return { where: conditions.length > 0 ? `WHERE ${conditions.join(" AND ")}` : "", parameters };
  }

}

function toRedaction(row: RedactionRow): Redaction {
  const { detachedAt, ...rest } = row;
  return detachedAt === null ? rest : { ...rest, detachedAt };
}

function requireAuthor(author: string): void {
  if (typeof author !== "string" || author.trim() === "") throw new DecisionError("a redaction needs an author: say who decides (--author NAME)");
}

function spanKey(start: number, end: number): string {
  return `${start}:${end}`;
}

/**
 * Where a redaction's text now stands in a new text, nearest its old place and
 * not already taken by another redaction: the same characters first, else the
 * same text once normalised.
 */
function nearestFreePlace(text: string, row: RedactionRow, taken: ReadonlySet<string>): { start: number; end: number } | undefined {
  const places: Array<{ start: number; end: number }> = [];
  for (let at = text.indexOf(row.text); at !== -1; at = text.indexOf(row.text, at + 1)) places.push({ start: at, end: at + row.text.length });
  const free = (candidates: Array<{ start: number; end: number }>) => candidates.filter((place) => !taken.has(spanKey(place.start, place.end)));
  let candidates = free(places);
  if (candidates.length === 0) candidates = free(findForms(text, [row.text], { wholeWords: false }));
  let best: { start: number; end: number } | undefined;
  for (const candidate of candidates) {
    if (!best || Math.abs(candidate.start - row.start) < Math.abs(best.start - row.start)) best = candidate;
  }
  return best;
}
