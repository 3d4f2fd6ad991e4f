/**
 * The reads the verification report makes, on the archive's SQLite
 * connection and nothing but SELECT. Whatever may be large (documents, their
 * texts) is read in pages by id, so that a run over 100,000 documents holds
 * one page at a time and other statements can run between pages.
 */
import type Database from "better-sqlite3";
import type { Cable, Calendar } from "../../model/cable.js";
import type { DocumentType } from "../../model/document.js";
import type { SqliteStore } from "../../store/sqlite/sqlite-store.js";
import type { ReferencedDocument, Citation } from "./reference-numbers.js";

const PAGE_SIZE = 500;
/** Texts are larger; a smaller page bounds memory when documents run to megabytes. */
const TEXT_PAGE_SIZE = 100;
/** Zip, tar and mbox files hold documents but have no text of their own. */
export const CONTAINER_TYPES: readonly DocumentType[] = ["zip", "tar", "mbox"];
const CONTAINER_TYPES_SQL = `(${CONTAINER_TYPES.map((type) => `'${type}'`).join(", ")})`;

export interface ManifestRow {
  id: number;
  path: string;
  name: string;
  parentId: number | null;
  sha256: string;
  size: number;
  type: DocumentType;
  ingestedAt: string;
  duplicateOf: number | null;
}

export interface DocumentText {
  id: number;
  /** The text as extracted: what offsets and evidence refer to. */
  text: string;
  /** The text as normalised for the index: what near-duplicates are compared on. */
  normalised: string;
}

export interface DatedDocument {
  id: number;
  date: string;
  title: string;
}

export interface PdfDocument {
  id: number;
  path: string;
  date: string | null;
  /** The PDF info dictionary as `pdfinfo` gave it at ingest. */
  recordedInfo: Record<string, string>;
}

export interface IngestRun {
  id: number;
  inputs: string[];
  startedAt: string;
  finishedAt: string | null;
}

export interface TranslationPairRow {
  originalId: number;
  translationId: number;
}

export interface ClaimRow {
  id: number;
  name: string;
  mentions: number;
  documents: number;
  firstDate: string | null;
  lastDate: string | null;
}

export interface NamedIn {
  id: number;
  title: string;
  date: string | null;
}

export interface Passage {
  documentId: number;
  text: string;
}

export class ArchiveReader {
  private readonly database: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(store: SqliteStore) {
    this.database = store.database;
  }

  /** Every document, originals and copies, members and attachments, in id order. */
  *manifestRows(): Generator<ManifestRow> {
    yield* this.paged<ManifestRow>(`
      SELECT id, locator AS path, name, parent_id AS parentId, sha256, size, type, ingested_at AS ingestedAt, duplicate_of AS duplicateOf
      FROM documents WHERE id > ? ORDER BY id LIMIT ?`, PAGE_SIZE);
  }

  /** The text of every indexed document that has one, in id order. */
  *texts(): Generator<DocumentText> {
    yield* this.paged<DocumentText>(`
      SELECT i.id, coalesce(t.text, i.body) AS text, i.body AS normalised
      FROM document_index i JOIN documents d ON d.id = i.id LEFT JOIN document_text t ON t.document_id = i.id
      WHERE i.id > ? AND d.duplicate_of IS NULL AND d.type NOT IN ${CONTAINER_TYPES_SQL} ORDER BY i.id LIMIT ?`, TEXT_PAGE_SIZE);
  }

  normalisedText(id: number): string | undefined {
    return (this.statement("SELECT body FROM document_index WHERE id = ?").get(id) as { body: string } | undefined)?.body;
  }

  /** The dated documents (copies left out), in id order. */
  *datedDocuments(): Generator<DatedDocument> {
    yield* this.paged<DatedDocument>(`
      SELECT id, date, title FROM documents WHERE id > ? AND duplicate_of IS NULL AND date IS NOT NULL ORDER BY id LIMIT ?`, PAGE_SIZE);
  }

  /**
   * Documents with a reference number, translations left out: a translation
   * carries its original's number and is not a second use of it.
   */
  *referencedDocuments(): Generator<ReferencedDocument> {
    const rows = this.paged<{ documentId: number; reference: string; origin: string | null; date: string | null; calendar: Calendar | null; dateText: string | null }>(`
      SELECT c.document_id AS documentId, c.reference, c.origin, d.date, c.date_calendar AS calendar, c.date_text AS dateText
      FROM cables c JOIN documents d ON d.id = c.document_id
      WHERE c.document_id > ? AND d.duplicate_of IS NULL AND c.reference IS NOT NULL AND c.layout != 'email'
        AND c.document_id NOT IN (SELECT translation_id FROM translations)
      ORDER BY c.document_id LIMIT ?`, PAGE_SIZE, "documentId");
    for (const row of rows) {
      yield {
        documentId: row.documentId,
        reference: row.reference,
        ...(row.origin !== null && { origin: row.origin }),
        ...(row.date !== null && { date: row.date }),
        ...(row.calendar !== null && { calendar: row.calendar }),
        ...(row.dateText !== null && { dateText: row.dateText }),
      };
    }
  }

  /** Every citation of a reference by a dated document, with the cited document when the archive holds it. */
  *citations(): Generator<Citation> {
    const rows = this.paged<{ rowid: number; documentId: number; reference: string | null; date: string; citedText: string; citedKey: string | null; citedDocumentId: number | null; citedDate: string | null }>(`
      SELECT r.rowid, r.document_id AS documentId, c.reference, d.date, r.text AS citedText, r.reference_key AS citedKey, cited.id AS citedDocumentId, cited.date AS citedDate
      FROM cable_references r JOIN documents d ON d.id = r.document_id LEFT JOIN cables c ON c.document_id = r.document_id
      LEFT JOIN documents cited ON cited.id = (
        SELECT cc.document_id FROM cables cc JOIN documents cd ON cd.id = cc.document_id
        WHERE cc.reference_key = r.reference_key AND cd.duplicate_of IS NULL ORDER BY cc.document_id LIMIT 1)
      WHERE r.rowid > ? AND d.duplicate_of IS NULL AND d.date IS NOT NULL ORDER BY r.rowid LIMIT ?`, PAGE_SIZE, "rowid");
    for (const row of rows) {
      yield {
        documentId: row.documentId,
        date: row.date,
        citedText: row.citedText,
        ...(row.reference !== null && { reference: row.reference }),
        ...(row.citedKey !== null && { citedKey: row.citedKey }),
        ...(row.citedDocumentId !== null && { citedDocumentId: row.citedDocumentId }),
        ...(row.citedDate !== null && { citedDate: row.citedDate }),
      };
    }
  }

  translationPairs(): TranslationPairRow[] {
    return this.statement("SELECT original_id AS originalId, translation_id AS translationId FROM translations ORDER BY original_id, translation_id").all() as TranslationPairRow[];
  }

  cable(documentId: number): Cable | undefined {
    const row = this.statement("SELECT cable FROM cables WHERE document_id = ?").get(documentId) as { cable: string } | undefined;
    return row && (JSON.parse(row.cable) as Cable);
  }

  /** The PDFs among the originals (copies have the same bytes and so the same metadata). */
  *pdfDocuments(): Generator<PdfDocument> {
    const rows = this.paged<{ id: number; path: string; date: string | null; metadata: string }>(`
      SELECT id, locator AS path, date, metadata FROM documents WHERE id > ? AND type = 'pdf' AND duplicate_of IS NULL ORDER BY id LIMIT ?`, PAGE_SIZE);
    for (const row of rows) {
      const metadata = JSON.parse(row.metadata) as { pdf?: Record<string, string> };
      yield { id: row.id, path: row.path, date: row.date, recordedInfo: metadata.pdf ?? {} };
    }
  }

  ingestRuns(): IngestRun[] {
    const rows = this.statement("SELECT id, inputs, started_at AS startedAt, finished_at AS finishedAt FROM runs ORDER BY id").all() as Array<Omit<IngestRun, "inputs"> & { inputs: string }>;
    return rows.map((row) => ({ ...row, inputs: JSON.parse(row.inputs) as string[] }));
  }

  /** True when the archive has mentions and entities to read claims from. */
  hasEntities(): boolean {
    const tables = this.statement("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN ('mentions', 'entities', 'entity_aliases')").get() as { n: number };
    return tables.n === 3;
  }

  /** The entities of a type named in the most documents. */
  mostNamedEntities(type: string, limit: number): ClaimRow[] {
    return this.statement(`
      SELECT e.id, e.name, count(*) AS mentions, count(DISTINCT m.document_id) AS documents, min(d.date) AS firstDate, max(d.date) AS lastDate
      FROM entities e JOIN mentions m ON m.entity_id = e.id JOIN documents d ON d.id = m.document_id
      WHERE e.merged_into IS NULL AND e.type = ? AND d.duplicate_of IS NULL
      GROUP BY e.id ORDER BY documents DESC, mentions DESC, e.name LIMIT ?`).all(type, limit) as ClaimRow[];
  }

  aliases(entityId: number, limit: number): string[] {
    return (this.statement("SELECT name FROM entity_aliases WHERE entity_id = ? AND mentions > 0 ORDER BY mentions DESC, name LIMIT ?").all(entityId, limit) as { name: string }[]).map((row) => row.name);
  }

  documentsNaming(entityId: number, limit: number): NamedIn[] {
    return this.statement(`
      SELECT DISTINCT d.id, d.title, d.date FROM mentions m JOIN documents d ON d.id = m.document_id
      WHERE m.entity_id = ? AND d.duplicate_of IS NULL ORDER BY d.date IS NULL, d.date, d.id LIMIT ?`).all(entityId, limit) as NamedIn[];
  }

  /** The passage around the entity's earliest mention. */
  passageNaming(entityId: number, context: number): Passage | undefined {
    return this.statement(`
      SELECT m.document_id AS documentId, substr(coalesce(t.text, i.body), max(1, m.start + 1 - ?), m.end - m.start + 2 * ?) AS text
      FROM mentions m JOIN documents d ON d.id = m.document_id JOIN document_index i ON i.id = m.document_id LEFT JOIN document_text t ON t.document_id = m.document_id
      WHERE m.entity_id = ? AND d.duplicate_of IS NULL ORDER BY d.date IS NULL, d.date, m.document_id, m.start LIMIT 1`).get(context, context, entityId) as Passage | undefined;
  }

  /**
   * Days named in the most documents, leaving out a document's own date:
   * that it was written on a day is not a claim about the day.
   */
  mostNamedDays(limit: number): ClaimRow[] {
    return this.statement(`
      SELECT -1 AS id, m.normalized AS name, count(*) AS mentions, count(DISTINCT m.document_id) AS documents, min(d.date) AS firstDate, max(d.date) AS lastDate
      FROM mentions m JOIN documents d ON d.id = m.document_id
      WHERE m.type = 'date' AND m.normalized GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND d.duplicate_of IS NULL AND (d.date IS NULL OR d.date != m.normalized)
      GROUP BY m.normalized ORDER BY documents DESC, mentions DESC, m.normalized LIMIT ?`).all(limit) as ClaimRow[];
  }

  documentsNamingDay(day: string, limit: number): NamedIn[] {
    return this.statement(`
      SELECT DISTINCT d.id, d.title, d.date FROM mentions m JOIN documents d ON d.id = m.document_id
      WHERE m.type = 'date' AND m.normalized = ? AND d.duplicate_of IS NULL AND (d.date IS NULL OR d.date != m.normalized)
      ORDER BY d.date IS NULL, d.date, d.id LIMIT ?`).all(day, limit) as NamedIn[];
  }

  passageNamingDay(day: string, context: number): Passage | undefined {
    return this.statement(`
      SELECT m.document_id AS documentId, substr(coalesce(t.text, i.body), max(1, m.start + 1 - ?), m.end - m.start + 2 * ?) AS text
      FROM mentions m JOIN documents d ON d.id = m.document_id JOIN document_index i ON i.id = m.document_id LEFT JOIN document_text t ON t.document_id = m.document_id
      WHERE m.type = 'date' AND m.normalized = ? AND d.duplicate_of IS NULL AND (d.date IS NULL OR d.date != m.normalized)
      ORDER BY d.date IS NULL, d.date, m.document_id, m.start LIMIT 1`).get(context, context, day) as Passage | undefined;
  }

  /** Pages through a query whose first parameter is the last key seen and whose second is the page size. */
  private *paged<Row extends object>(sql: string, pageSize: number, key: keyof Row & string = "id" as keyof Row & string): Generator<Row> {
    const statement = this.statement(sql);
    let after = 0;
    for (;;) {
      const rows = statement.all(after, pageSize) as Row[];
      yield* rows;
      if (rows.length < pageSize) return;
      after = rows.at(-1)![key] as number;
    }
  }

  private statement(sql: string): Database.Statement {
    let prepared = this.statements.get(sql);
    if (!prepared) {
      prepared = this.database.prepare(sql);
      this.statements.set(sql, prepared);
    }
    return prepared;
  }
}
