/**
 * The embedded archive: one SQLite file in WAL mode with an FTS5 index. One
 * writer (the ingest job) batches its writes into transactions; readers open
 * the same file read-only and see every committed batch.
 */
import { mkdirSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { ArchiveError, NotFoundError, type ProblemCode } from "../../errors.js";
import type { Cable } from "../../model/cable.js";
import type { DocumentType, ExtractedDocument, LanguageCode, Page, Problem, TranslationLink } from "../../model/document.js";
import { normalise } from "../../text/normalise.js";
import { referenceKey } from "../../text/reference-key.js";
import type { TranslationCandidate, TranslationPair } from "../../parse/translation.js";
import type { ArchiveStats, ArchiveStore, CableLink, CountBy, DocumentDetail, DocumentSummary, RunSummary, SavedDocument } from "../store.js";
import { MIGRATIONS, SCHEMA_VERSION } from "./migrations.js";
import { SqliteAnnotationStore } from "./sqlite-annotations.js";
import { SqliteEntityStore } from "./sqlite-entities.js";
import { SqliteRedactionStore } from "./sqlite-redactions.js";
import { SqliteRelationStore } from "./sqlite-relations.js";
import { SqliteUserStore } from "./sqlite-users.js";

export interface SqliteStoreOptions {
  /** Open for reading only; the archive must exist. */
  readonly?: boolean;
}

interface DocumentRow {
  id: number;
  locator: string;
  parent_id: number | null;
  root_path: string;
  name: string;
  sha256: string;
  size: number;
  type: DocumentType;
  mime: string;
  encoding: string | null;
  language: LanguageCode;
  title: string;
  date: string | null;
  duplicate_of: number | null;
  metadata: string;
  ingested_at: string;
}

export class SqliteStore implements ArchiveStore {
  readonly location: string;
  /** The connection, for the search stage's SQL; nothing else should write through it. */
  readonly database: Database.Database;
  readonly entities: SqliteEntityStore;
  readonly relations: SqliteRelationStore;
  readonly redactions: SqliteRedactionStore;
  readonly users: SqliteUserStore;
  readonly annotations: SqliteAnnotationStore;
  private inTransaction = false;
  private readonly statements;

  private constructor(file: string, database: Database.Database) {
    this.location = file;
    this.database = database;
    this.statements = prepareStatements(database);
    this.entities = new SqliteEntityStore(database, (work) => this.atomically(work));
    this.relations = new SqliteRelationStore(database, (work) => this.atomically(work), (id) => this.entities.documentMentions(id));
    this.redactions = new SqliteRedactionStore(database, (work) => this.atomically(work));
    this.users = new SqliteUserStore(database);
    this.annotations = new SqliteAnnotationStore(database, (work) => this.atomically(work));
  }

  /** Opens (and with `readonly` false, creates and migrates) the archive at `file`. */
  static open(file: string, options: SqliteStoreOptions = {}): SqliteStore {
    const location = path.resolve(file);
    if (options.readonly) {
      try {
        statSync(location);
      } catch {
        throw new ArchiveError(`no archive at ${location}; create one with: trove ingest PATH --archive ${file}`);
      }
    } else {
      mkdirSync(path.dirname(location), { recursive: true });
    }
    let database: Database.Database;
    try {
      database = new Database(location, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
      database.pragma("busy_timeout = 5000");
      if (!options.readonly) {
        database.pragma("journal_mode = WAL");
        database.pragma("synchronous = NORMAL");
      }
      database.pragma("cache_size = -65536");
      migrate(database, options.readonly ?? false);
    } catch (error) {
      if (error instanceof ArchiveError) throw error;
      throw new ArchiveError(`cannot open the archive at ${location}: ${(error as Error).message}`, { cause: error });
    }
    return new SqliteStore(location, database);
  }

  beginRun(inputs: string[]): number {
    const result = this.database.prepare("INSERT INTO runs (inputs, started_at) VALUES (?, ?)").run(JSON.stringify(inputs), new Date().toISOString());
    return Number(result.lastInsertRowid);
  }

  finishRun(runId: number, summary: RunSummary): void {
    this.commit();
    this.database.prepare("UPDATE runs SET finished_at = ?, summary = ? WHERE id = ?").run(new Date().toISOString(), JSON.stringify(summary), runId);
  }

  isUnchanged(filePath: string, size: number, mtimeMs: number): boolean {
    const row = this.statements.source.get(filePath) as { size: number; mtime_ms: number } | undefined;
    return row !== undefined && row.size === size && row.mtime_ms === mtimeMs;
  }

  saveDocument(document: ExtractedDocument): SavedDocument {
    this.begin();
    const s = this.statements;
    const parentId = document.parentLocator === undefined ? null : ((s.idByLocator.get(document.parentLocator) as { id: number } | undefined)?.id ?? null);
    const existing = s.idByLocator.get(document.locator) as { id: number } | undefined;
    if (existing) this.forgetIndexedContent(existing.id);
    const original = s.originalBySha.get(document.sha256, document.locator) as { id: number } | undefined;
    const duplicateOf = original?.id ?? null;
    const values = {
      locator: document.locator,
      parent_id: parentId,
      root_path: document.rootPath,
      name: document.name,
      sha256: document.sha256,
      size: document.size,
      type: document.type,
      mime: document.mime,
      encoding: document.encoding ?? null,
      language: document.language,
      title: document.title ?? document.name,
      date: document.date ?? null,
      duplicate_of: duplicateOf,
      text_length: document.text.length,
      metadata: JSON.stringify(document.metadata),
      ingested_at: new Date().toISOString(),
    };
    let id: number;
    if (existing) {
      id = existing.id;
      s.updateDocument.run({ ...values, id });
    } else {
      id = Number(s.insertDocument.run(values).lastInsertRowid);
    }
    if (duplicateOf === null) {
      this.indexContent(id, values.title, document.text, document.pages ?? []);
      if (document.cable) this.saveCable(id, document.cable);
    }
    // The offsets of a replaced text no longer hold: redactions follow their words (a duplicate's text is its original's, the same bytes).
    if (existing) this.redactions.reanchorDocument(id, document.text);
    // So do a reporter's notes; one whose words are gone stays on the whole document.
    if (existing) this.annotations.reanchorDocument(id, document.text);
    return duplicateOf === null ? { id } : { id, duplicateOf };
  }

  recordProblem(runId: number, problem: Problem): void {
    this.begin();
    this.statements.insertProblem.run(runId, problem.locator, problem.code, problem.message, problem.indexed ? 1 : 0);
  }

  completeSource(filePath: string, size: number, mtimeMs: number, sha256: string | undefined): void {
    this.begin();
    this.statements.upsertSource.run(filePath, size, mtimeMs, sha256 ?? null, new Date().toISOString());
  }

  commit(): void {
    if (!this.inTransaction) return;
    this.database.exec("COMMIT");
    this.inTransaction = false;
  }

  getDocument(id: number): DocumentDetail {
    const row = this.database.prepare("SELECT * FROM documents WHERE id = ?").get(id) as DocumentRow | undefined;
    if (!row) throw new NotFoundError(`no document with id ${id} in this archive; find ids with: trove search QUERY`);
    const sourceId = row.duplicate_of ?? row.id;
    const text = (this.database.prepare("SELECT coalesce(t.text, i.body) AS text FROM document_index i LEFT JOIN document_text t ON t.document_id = i.id WHERE i.id = ?").get(sourceId) as { text: string } | undefined)?.text ?? "";
    const pages = (this.database.prepare("SELECT number, start, end, ocr, ocr_languages FROM pages WHERE document_id = ? ORDER BY number").all(sourceId) as { number: number; start: number; end: number; ocr: number; ocr_languages: string | null }[])
      .map((page): Page => ({ number: page.number, start: page.start, end: page.end, ocr: page.ocr === 1, ...(page.ocr_languages && { ocrLanguages: page.ocr_languages }) }));
    const children = (this.database.prepare("SELECT id, name, title, type, size, duplicate_of FROM documents WHERE parent_id = ? ORDER BY id").all(id) as { id: number; name: string; title: string; type: DocumentType; size: number; duplicate_of: number | null }[])
      .map((child): DocumentSummary => ({ id: child.id, name: child.name, title: child.title, type: child.type, size: child.size, ...(child.duplicate_of !== null && { duplicateOf: child.duplicate_of }) }));
    const problems = (this.database.prepare("SELECT DISTINCT locator, code, message, indexed FROM problems WHERE locator = ?").all(row.locator) as { locator: string; code: ProblemCode; message: string; indexed: number }[])
      .map((problem): Problem => ({ locator: problem.locator, code: problem.code, message: problem.message, indexed: problem.indexed === 1 }));
    const cable = (this.database.prepare("SELECT cable FROM cables WHERE document_id = ?").get(sourceId) as { cable: string } | undefined)?.cable;
    const translations = this.translationsOf(sourceId);
    const references = this.database.prepare(`
      SELECT r.text AS reference, d.id, d.title FROM cable_references r JOIN cables c ON c.reference_key = r.reference_key JOIN documents d ON d.id = c.document_id
      WHERE r.document_id = ? AND d.duplicate_of IS NULL ORDER BY r.rowid`).all(sourceId) as CableLink[];
    const citedBy = this.database.prepare(`
      SELECT r.text AS reference, d.id, d.title FROM cables c JOIN cable_references r ON r.reference_key = c.reference_key JOIN documents d ON d.id = r.document_id
      WHERE c.document_id = ? AND c.reference_key IS NOT NULL AND d.id != c.document_id ORDER BY d.id`).all(sourceId) as CableLink[];
    const detail: DocumentDetail = {
      id: row.id,
      locator: row.locator,
      path: row.locator,
      name: row.name,
      sha256: row.sha256,
      size: row.size,
      type: row.type,
      mime: row.mime,
      title: row.title,
      text,
      language: row.language,
      metadata: JSON.parse(row.metadata) as Record<string, unknown>,
      ingestedAt: row.ingested_at,
      children,
      problems,
      translations,
      references,
      citedBy,
    };
    if (cable) detail.cable = JSON.parse(cable) as Cable;
    if (row.parent_id !== null) detail.parentId = row.parent_id;
    if (row.duplicate_of !== null) detail.duplicateOf = row.duplicate_of;
    if (row.encoding !== null) detail.encoding = row.encoding;
    if (row.date !== null) detail.date = row.date;
    if (pages.length > 0) detail.pages = pages;
    return detail;
  }

  /** Every indexed document with its parsed cable: what pairing originals with translations works on. */
  documentsForPairing(): TranslationCandidate[] {
    const rows = this.database.prepare("SELECT d.id, d.name, d.locator AS path, d.language, c.cable FROM documents d LEFT JOIN cables c ON c.document_id = d.id WHERE d.duplicate_of IS NULL AND d.type NOT IN ('zip', 'tar', 'mbox', 'binary', 'image')").all() as { id: number; name: string; path: string; language: string; cable: string | null }[];
    return rows.map((row) => ({ id: row.id, name: row.name, path: row.path, language: row.language, ...(row.cable && { cable: JSON.parse(row.cable) as Cable }) }));
  }

  /** Replaces the archive's translation pairs. */
  saveTranslationPairs(pairs: TranslationPair[]): void {
    this.begin();
    this.database.prepare("DELETE FROM translations").run();
    const insert = this.database.prepare("INSERT OR REPLACE INTO translations (original_id, translation_id, method, translator, reviewer) VALUES (?, ?, ?, ?, ?)");
    for (const pair of pairs) insert.run(pair.originalId, pair.translationId, pair.method, pair.credit?.translator ?? null, pair.credit?.reviewer ?? null);
    this.commit();
  }

  private translationsOf(id: number): TranslationLink[] {
    const rows = this.database.prepare(`
      SELECT p.other, p.role, p.method, p.translator, p.reviewer, d.title, d.language FROM (
        SELECT translation_id AS other, 'translation' AS role, method, translator, reviewer FROM translations WHERE original_id = ?
        UNION ALL
        SELECT original_id AS other, 'original' AS role, method, translator, reviewer FROM translations WHERE translation_id = ?
      ) p JOIN documents d ON d.id = p.other`).all(id, id) as { other: number; role: "original" | "translation"; method: string; translator: string | null; reviewer: string | null; title: string; language: LanguageCode }[];
    return rows.map((row) => ({ id: row.other, role: row.role, language: row.language, title: row.title, method: row.method, ...(row.translator && { translator: row.translator }), ...(row.reviewer && { reviewer: row.reviewer }) }));
  }

  stats(): ArchiveStats {
    const db = this.database;
    const totals = db.prepare(`
      SELECT count(*) AS documents,
             coalesce(sum(duplicate_of IS NULL), 0) AS indexed,
             coalesce(sum(duplicate_of IS NOT NULL), 0) AS duplicates,
             coalesce(sum(CASE WHEN parent_id IS NULL THEN size ELSE 0 END), 0) AS originalBytes,
             coalesce(sum(CASE WHEN duplicate_of IS NULL THEN text_length ELSE 0 END), 0) AS textCharacters
      FROM documents`).get() as Pick<ArchiveStats, "documents" | "indexed" | "duplicates" | "originalBytes" | "textCharacters">;
    const pages = db.prepare("SELECT count(*) AS pages, coalesce(sum(ocr), 0) AS ocrPages FROM pages").get() as { pages: number; ocrPages: number };
    const countBy = (sql: string) => db.prepare(sql).all() as CountBy[];
    const lastRun = db.prepare("SELECT count(*) AS runs, max(finished_at) AS lastIngestAt FROM runs").get() as { runs: number; lastIngestAt: string | null };
    return {
      ...totals,
      ...pages,
      problems: (db.prepare("SELECT count(DISTINCT locator || code) AS n FROM problems").get() as { n: number }).n,
      byType: countBy("SELECT type AS value, count(*) AS count FROM documents WHERE duplicate_of IS NULL GROUP BY type ORDER BY count DESC, value"),
      byLanguage: countBy("SELECT language AS value, count(*) AS count FROM documents WHERE duplicate_of IS NULL GROUP BY language ORDER BY count DESC, value"),
      byYear: countBy("SELECT substr(date, 1, 4) AS value, count(*) AS count FROM documents WHERE duplicate_of IS NULL AND date IS NOT NULL GROUP BY value ORDER BY value"),
      ...lastRun,
      archiveBytes: archiveBytes(this.location),
      schemaVersion: db.pragma("user_version", { simple: true }) as number,
    };
  }

  close(): void {
    this.commit();
    this.database.close();
  }

  /**
   * Runs `work` inside the open batch (opening one if needed) as a unit: when it
   * throws, what it wrote is undone and the rest of the batch is kept.
   */
  private atomically<T>(work: () => T): T {
    this.begin();
    this.database.exec("SAVEPOINT unit");
    try {
      const result = work();
      this.database.exec("RELEASE unit");
      return result;
    } catch (error) {
      this.database.exec("ROLLBACK TO unit");
      this.database.exec("RELEASE unit");
      throw error;
    }
  }

  private begin(): void {
    if (this.inTransaction) return;
    this.database.exec("BEGIN");
    this.inTransaction = true;
  }

  private indexContent(id: number, title: string, text: string, pages: Page[]): void {
    const s = this.statements;
    const body = normalise(text);
    const normalisedTitle = normalise(title);
    s.insertIndex.run(id, normalisedTitle, body);
    s.insertFts.run(id, normalisedTitle, body);
    if (body !== text) s.insertText.run(id, text);
    for (const page of pages) s.insertPage.run(id, page.number, page.start, page.end, page.ocr ? 1 : 0, page.ocrLanguages ?? null);
  }

  private saveCable(id: number, cable: Cable): void {
    const s = this.statements;
    s.insertCable.run({
      document_id: id,
      layout: cable.layout,
      reference: cable.reference ?? null,
      reference_key: cable.reference ? referenceKey(cable.reference) : null,
      date_text: cable.date?.text ?? null,
      date_calendar: cable.date?.calendar ?? null,
      origin: cable.origin ?? null,
      classification: cable.classification ?? null,
      classification_level: cable.classificationLevel ?? null,
      subject: cable.subject ?? null,
      cable: JSON.stringify(cable),
    });
    const parties: [string, string | undefined][] = [
      ["from", cable.origin],
      ["from", cable.sender],
      ...cable.to.map((name): [string, string] => ["to", name]),
      ...cable.info.map((name): [string, string] => ["info", name]),
    ];
    for (const [role, name] of parties) if (name) s.insertParty.run(id, role, name);
    for (const tag of new Set(cable.tags.map((tag) => tag.toUpperCase()))) s.insertTag.run(id, tag);
    for (const reference of cable.references) s.insertReference.run(id, reference.label ?? null, reference.text, referenceKey(reference.canonical ?? reference.text));
  }

  /** Removes what an earlier ingest of the same locator indexed, so that a re-run replaces rather than doubles. */
  private forgetIndexedContent(id: number): void {
    const s = this.statements;
    const indexed = s.indexRow.get(id) as { title: string; body: string } | undefined;
    if (indexed) {
      s.deleteFts.run(id, indexed.title, indexed.body);
      s.deleteIndex.run(id);
    }
    s.deleteText.run(id);
    s.deletePages.run(id);
    for (const statement of [s.deleteCable, s.deleteParties, s.deleteTags, s.deleteReferences, s.deleteMentions, s.deleteExtraction]) statement.run(id);
    this.relations.forgetDocument(id);
  }
}

function prepareStatements(db: Database.Database) {
  return {
    source: db.prepare("SELECT size, mtime_ms FROM sources WHERE path = ?"),
    idByLocator: db.prepare("SELECT id FROM documents WHERE locator = ?"),
    originalBySha: db.prepare("SELECT id FROM documents WHERE sha256 = ? AND duplicate_of IS NULL AND locator != ? ORDER BY id LIMIT 1"),
    insertDocument: db.prepare(`INSERT INTO documents (locator, parent_id, root_path, name, sha256, size, type, mime, encoding, language, title, date, duplicate_of, text_length, metadata, ingested_at)
      VALUES (@locator, @parent_id, @root_path, @name, @sha256, @size, @type, @mime, @encoding, @language, @title, @date, @duplicate_of, @text_length, @metadata, @ingested_at)`),
    updateDocument: db.prepare(`UPDATE documents SET parent_id = @parent_id, root_path = @root_path, name = @name, sha256 = @sha256, size = @size, type = @type,
      mime = @mime, encoding = @encoding, language = @language, title = @title, date = @date, duplicate_of = @duplicate_of, text_length = @text_length,
      metadata = @metadata, ingested_at = @ingested_at WHERE id = @id`),
    insertIndex: db.prepare("INSERT INTO document_index (id, title, body) VALUES (?, ?, ?)"),
    insertFts: db.prepare("INSERT INTO document_fts (rowid, title, body) VALUES (?, ?, ?)"),
    insertText: db.prepare("INSERT INTO document_text (document_id, text) VALUES (?, ?)"),
    insertPage: db.prepare("INSERT INTO pages (document_id, number, start, end, ocr, ocr_languages) VALUES (?, ?, ?, ?, ?, ?)"),
    indexRow: db.prepare("SELECT title, body FROM document_index WHERE id = ?"),
    deleteFts: db.prepare("INSERT INTO document_fts (document_fts, rowid, title, body) VALUES ('delete', ?, ?, ?)"),
    deleteIndex: db.prepare("DELETE FROM document_index WHERE id = ?"),
    deleteText: db.prepare("DELETE FROM document_text WHERE document_id = ?"),
    deletePages: db.prepare("DELETE FROM pages WHERE document_id = ?"),
    insertProblem: db.prepare("INSERT INTO problems (run_id, locator, code, message, indexed) VALUES (?, ?, ?, ?, ?)"),
    insertCable: db.prepare(`INSERT INTO cables (document_id, layout, reference, reference_key, date_text, date_calendar, origin, classification, classification_level, subject, cable)
      VALUES (@document_id, @layout, @reference, @reference_key, @date_text, @date_calendar, @origin, @classification, @classification_level, @subject, @cable)`),
    insertParty: db.prepare("INSERT INTO cable_parties (document_id, role, name) VALUES (?, ?, ?)"),
    insertTag: db.prepare("INSERT OR IGNORE INTO cable_tags (document_id, tag) VALUES (?, ?)"),
    insertReference: db.prepare("INSERT INTO cable_references (document_id, label, text, reference_key) VALUES (?, ?, ?, ?)"),
    deleteCable: db.prepare("DELETE FROM cables WHERE document_id = ?"),
    deleteParties: db.prepare("DELETE FROM cable_parties WHERE document_id = ?"),
    deleteTags: db.prepare("DELETE FROM cable_tags WHERE document_id = ?"),
    deleteReferences: db.prepare("DELETE FROM cable_references WHERE document_id = ?"),
    deleteMentions: db.prepare("DELETE FROM mentions WHERE document_id = ?"),
    deleteExtraction: db.prepare("DELETE FROM entity_extractions WHERE document_id = ?"),
    upsertSource: db.prepare(`INSERT INTO sources (path, size, mtime_ms, sha256, completed_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT(path) DO UPDATE SET size = excluded.size, mtime_ms = excluded.mtime_ms, sha256 = excluded.sha256, completed_at = excluded.completed_at`),
  };
}

function migrate(db: Database.Database, readonly: boolean): void {
  const current = db.pragma("user_version", { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new ArchiveError(`the archive has schema version ${current}, newer than this Trove understands (${SCHEMA_VERSION}); upgrade Trove`);
  }
  if (current === SCHEMA_VERSION) return;
  if (readonly) throw new ArchiveError(`the archive needs upgrading from schema ${current} to ${SCHEMA_VERSION}; run any ingest on it once`);
  for (const migration of MIGRATIONS.filter((candidate) => candidate.version > current)) {
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

function archiveBytes(file: string): number {
  let total = 0;
  for (const suffix of ["", "-wal"]) {
    try {
      total += statSync(file + suffix).size;
    } catch {
      // A missing WAL file simply means everything is checkpointed.
    }
  }
  return total;
}
