/**
 * Annotations, their tags and saved searches in the embedded archive. Shares
 * the archive's connection, and so its transactions, with `SqliteStore`.
 *
 * A duplicate document has no text of its own: a passage note on it points
 * into its original's text, as its redactions do.
 */
import { DecisionError, NotFoundError } from "../../errors.js";
import { ANNOTATION_LIMITS, normaliseTag, type Annotation, type SavedSearch, type TagCount } from "../../model/annotation.js";
import { findForms } from "../../text/folded-text.js";
import type { AnnotationChange, AnnotationQuery, AnnotationStore, AnnotationToAdd, SavedSearchToAdd } from "../annotation-store.js";
import { SqlitePart } from "./sqlite-part.js";

interface AnnotationRow {
  id: number;
  documentId: number;
  start: number | null;
  end: number | null;
  quote: string;
  body: string;
  author: string;
  createdAt: string;
  updatedAt: string;
  detachedAt: string | null;
  tags: string | null;
}

interface SavedSearchRow {
  id: number;
  name: string;
  query: string;
  sort: SavedSearch["sort"] | null;
  author: string;
  createdAt: string;
  lastRunAt: string | null;
  lastTotal: number | null;
}

/** What re-ingest did to a document's annotations when its text was replaced. */
export interface AnnotationReanchorReport {
  kept: number;
  moved: number;
  /** Their words are gone: kept as notes on the whole document, quote and all. */
  detached: number;
}

const SORTS: ReadonlyArray<NonNullable<SavedSearch["sort"]>> = ["relevance", "date", "date-asc"];
const COLUMNS = `a.id, a.document_id AS documentId, a.start, a.end, a.quote, a.body, a.author, a.created_at AS createdAt, a.updated_at AS updatedAt,
  a.detached_at AS detachedAt, (SELECT json_group_array(tag) FROM (SELECT tag FROM annotation_tags WHERE annotation_id = a.id ORDER BY tag)) AS tags`;
const SEARCH_COLUMNS = "id, name, query, sort, author, created_at AS createdAt, last_run_at AS lastRunAt, last_total AS lastTotal";
const PAGE_DEFAULT = 100;

export class SqliteAnnotationStore extends SqlitePart implements AnnotationStore {


  addAnnotation(annotation: AnnotationToAdd): Annotation {
    const body = checkedBody(annotation.body);
    const tags = checkedTags(annotation.tags ?? []);
    const author = checkedAuthor(annotation.author);
    const text = this.documentText(annotation.documentId);
    const span = passageOf(annotation, text);
    const id = this.inTransaction(() => {
      const now = new Date().toISOString();
      const quote = span ? text.slice(span.start, span.end) : "";
      const inserted = Number(this.statement(`INSERT INTO annotations (document_id, start, end, quote, body, author, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(annotation.documentId, span?.start ?? null, span?.end ?? null, quote, body, author, now, now).lastInsertRowid);
      this.writeTags(inserted, tags);
      return inserted;
    });
    return this.getAnnotation(id);
  }

  updateAnnotation(id: number, change: AnnotationChange): Annotation {
    this.getAnnotation(id);
    const body = change.body === undefined ? undefined : checkedBody(change.body);
    const tags = change.tags === undefined ? undefined : checkedTags(change.tags);
    this.inTransaction(() => {
      this.statement("UPDATE annotations SET body = coalesce(?, body), updated_at = ? WHERE id = ?").run(body ?? null, new Date().toISOString(), id);
      if (tags) {
        this.statement("DELETE FROM annotation_tags WHERE annotation_id = ?").run(id);
        this.writeTags(id, tags);
      }
    });
    return this.getAnnotation(id);
  }

  deleteAnnotation(id: number): void {
    this.getAnnotation(id);
    this.inTransaction(() => {
      this.statement("DELETE FROM annotation_tags WHERE annotation_id = ?").run(id);
      this.statement("DELETE FROM annotations WHERE id = ?").run(id);
    });
  }

  getAnnotation(id: number): Annotation {
    const row = this.statement(`SELECT ${COLUMNS} FROM annotations a WHERE a.id = ?`).get(id) as AnnotationRow | undefined;
    if (!row) throw new NotFoundError(`no annotation with id ${id} in this archive; list them with: trove annotations`);
    return toAnnotation(row);
  }

  listAnnotations(query: AnnotationQuery = {}): Annotation[] {
    const { where, parameters } = filter(query);
    const rows = this.statement(`SELECT ${COLUMNS} FROM annotations a ${where} ORDER BY a.document_id, a.start IS NOT NULL, a.start, a.end, a.id LIMIT @limit OFFSET @offset`)
      .all({ ...parameters, limit: query.limit ?? PAGE_DEFAULT, offset: query.offset ?? 0 }) as AnnotationRow[];
    return rows.map(toAnnotation);
  }

  countAnnotations(query: AnnotationQuery = {}): number {
    const { where, parameters } = filter(query);
    return (this.statement(`SELECT count(*) AS n FROM annotations a ${where}`).get(parameters) as { n: number }).n;
  }

  tags(): TagCount[] {
    return this.statement(`SELECT t.tag, count(*) AS annotations, count(DISTINCT a.document_id) AS documents
      FROM annotation_tags t JOIN annotations a ON a.id = t.annotation_id GROUP BY t.tag ORDER BY annotations DESC, t.tag`).all() as TagCount[];
  }

  documentTags(documentId: number): string[] {
    const rows = this.statement(`SELECT DISTINCT t.tag FROM annotation_tags t JOIN annotations a ON a.id = t.annotation_id WHERE a.document_id = ? ORDER BY t.tag`).all(documentId) as { tag: string }[];
    return rows.map((row) => row.tag);
  }

  saveSearch(search: SavedSearchToAdd): SavedSearch {
    const name = search.name.trim();
    if (name === "" || name.length > ANNOTATION_LIMITS.savedSearchNameChars) throw new DecisionError(`a saved search needs a name of 1 to ${ANNOTATION_LIMITS.savedSearchNameChars} characters`);
    if (/^\d+$/.test(name)) throw new DecisionError(`a saved search's name cannot be only digits ('${name}'), which would read as its id`);
    if (search.query.trim() === "" || search.query.length > ANNOTATION_LIMITS.queryChars) throw new DecisionError(`a saved search needs a query of 1 to ${ANNOTATION_LIMITS.queryChars} characters`);
    if (search.sort !== undefined && !SORTS.includes(search.sort)) throw new DecisionError(`a search is sorted by ${SORTS.join(", ")}, not ${JSON.stringify(search.sort)}`);
    const author = checkedAuthor(search.author);
    if (this.statement("SELECT 1 FROM saved_searches WHERE name = ?").get(name)) throw new DecisionError(`a search is already saved as '${name}'; delete it first, or choose another name`);
    const id = this.inTransaction(() =>
      Number(this.statement("INSERT INTO saved_searches (name, query, sort, author, created_at) VALUES (?, ?, ?, ?, ?)")
        .run(name, search.query.trim(), search.sort ?? null, author, new Date().toISOString()).lastInsertRowid),
    );
    return this.getSavedSearch(id);
  }

  listSavedSearches(): SavedSearch[] {
    return (this.statement(`SELECT ${SEARCH_COLUMNS} FROM saved_searches ORDER BY name COLLATE NOCASE, id`).all() as SavedSearchRow[]).map(toSavedSearch);
  }

  getSavedSearch(idOrName: number | string): SavedSearch {
    const row = (typeof idOrName === "number"
      ? this.statement(`SELECT ${SEARCH_COLUMNS} FROM saved_searches WHERE id = ?`).get(idOrName)
      : this.statement(`SELECT ${SEARCH_COLUMNS} FROM saved_searches WHERE name = ?`).get(idOrName.trim())) as SavedSearchRow | undefined;
    if (!row) throw new NotFoundError(`no search saved as ${typeof idOrName === "number" ? `id ${idOrName}` : `'${idOrName}'`}; list them with: trove searches list`);
    return toSavedSearch(row);
  }

  deleteSavedSearch(id: number): void {
    this.getSavedSearch(id);
    this.inTransaction(() => this.statement("DELETE FROM saved_searches WHERE id = ?").run(id));
  }

  recordSearchRun(id: number, total: number): SavedSearch {
    this.getSavedSearch(id);
    this.inTransaction(() => this.statement("UPDATE saved_searches SET last_run_at = ?, last_total = ? WHERE id = ?").run(new Date().toISOString(), total, id));
    return this.getSavedSearch(id);
  }

  /**
   * Re-anchors a document's passage notes after re-ingest replaced its text.
   * A note whose quote still stands at its offsets stays; one whose quote
   * moved goes to the nearest place it now stands (the same characters, else
   * the same words once normalised). A note whose words are gone is never
   * dropped: it becomes a note on the whole document, keeping its quote.
   */
  reanchorDocument(documentId: number, text: string): AnnotationReanchorReport {
    const report: AnnotationReanchorReport = { kept: 0, moved: 0, detached: 0 };
    const rows = this.statement("SELECT id, start, end, quote FROM annotations WHERE document_id = ? AND start IS NOT NULL").all(documentId) as { id: number; start: number; end: number; quote: string }[];
    const now = new Date().toISOString();
    for (const row of rows) {
      if (text.slice(row.start, row.end) === row.quote) {
        report.kept++;
        continue;
      }
      const place = nearestPlace(text, row.quote, row.start);
      if (place) {
        this.statement("UPDATE annotations SET start = ?, end = ? WHERE id = ?").run(place.start, place.end, row.id);
        report.moved++;
      } else {
        this.statement("UPDATE annotations SET start = NULL, end = NULL, detached_at = ? WHERE id = ?").run(now, row.id);
        report.detached++;
      }
    }
    return report;
  }

  private writeTags(id: number, tags: readonly string[]): void {
    const insert = this.statement("INSERT OR IGNORE INTO annotation_tags (annotation_id, tag) VALUES (?, ?)");
    for (const tag of tags) insert.run(id, tag);
  }

  private documentText(documentId: number): string {
    const document = this.statement("SELECT coalesce(duplicate_of, id) AS textId FROM documents WHERE id = ?").get(documentId) as { textId: number } | undefined;
    if (!document) throw new NotFoundError(`no document with id ${documentId} in this archive; find ids with: trove search QUERY`);
    const row = this.statement("SELECT coalesce(t.text, i.body) AS text FROM document_index i LEFT JOIN document_text t ON t.document_id = i.id WHERE i.id = ?").get(document.textId) as { text: string } | undefined;
    return row?.text ?? "";
  }

}

function filter(query: AnnotationQuery): { where: string; parameters: Record<string, unknown> } {
  const conditions: string[] = [];
  const parameters: Record<string, unknown> = {};
  if (query.documentId !== undefined) {
    conditions.push("a.document_id = @document");
    parameters.document = query.documentId;
  }
  if (query.tag !== undefined) {
    conditions.push("EXISTS (SELECT 1 FROM annotation_tags t WHERE t.annotation_id = a.id AND t.tag = @tag)");
    parameters.tag = normaliseTag(query.tag);
  }
  return { where: conditions.length > 0 ? `WHERE ${conditions.join(" AND ")}` : "", parameters };
}

/** The passage a new note is on, or undefined for a note on the whole document. */
function passageOf(annotation: AnnotationToAdd, text: string): { start: number; end: number } | undefined {
  const { start, end, quote, documentId } = annotation;
  if (quote !== undefined) {
    if (start !== undefined || end !== undefined) throw new DecisionError("give a passage by its offsets or by its words (quote), not both");
    if (quote.trim() === "") throw new DecisionError("the quoted words are empty");
    const place = nearestPlace(text, quote, 0);
    if (!place) throw new DecisionError(`the words ${JSON.stringify(quote.slice(0, 80))} are not in document ${documentId}`);
    return place;
  }
  if (start === undefined && end === undefined) return undefined;
  if (start === undefined || end === undefined || !Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > text.length) {
    throw new DecisionError(`passage ${start ?? "?"}–${end ?? "?"} is not inside document ${documentId}, whose text has ${text.length} characters; give 0 <= START < END <= ${text.length}`);
  }
  return { start, end };
}

/** Where `quote` stands in `text`, nearest `near`: the same characters first, else the same words once normalised. */
function nearestPlace(text: string, quote: string, near: number): { start: number; end: number } | undefined {
  let candidates: Array<{ start: number; end: number }> = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) candidates.push({ start: at, end: at + quote.length });
  if (candidates.length === 0) candidates = findForms(text, [quote], { wholeWords: false });
  let best: { start: number; end: number } | undefined;
  for (const candidate of candidates) if (!best || Math.abs(candidate.start - near) < Math.abs(best.start - near)) best = candidate;
  return best;
}

function checkedBody(body: string): string {
  if (typeof body !== "string" || body.length > ANNOTATION_LIMITS.bodyChars) throw new DecisionError(`a note is at most ${ANNOTATION_LIMITS.bodyChars} characters`);
  return body;
}

function checkedTags(tags: readonly string[]): string[] {
  const normalised = [...new Set(tags.map(normaliseTag).filter((tag) => tag !== ""))].sort();
  if (normalised.length > ANNOTATION_LIMITS.tags) throw new DecisionError(`a note carries at most ${ANNOTATION_LIMITS.tags} tags`);
  for (const tag of normalised) {
    if (tag.length > ANNOTATION_LIMITS.tagChars) throw new DecisionError(`a tag is at most ${ANNOTATION_LIMITS.tagChars} characters: '${tag.slice(0, 40)}…'`);
    if (tag.includes(",")) throw new DecisionError(`a tag cannot hold a comma, which separates tags: '${tag}'`);
  }
  return normalised;
}

function checkedAuthor(author: string): string {
  if (typeof author !== "string" || author.trim() === "" || author.length > ANNOTATION_LIMITS.authorChars) {
    throw new DecisionError(`a note needs an author of 1 to ${ANNOTATION_LIMITS.authorChars} characters: say who writes it (--author NAME)`);
  }
  return author.trim();
}

function toAnnotation(row: AnnotationRow): Annotation {
  const { detachedAt, tags, ...rest } = row;
  const annotation: Annotation = { ...rest, tags: tags ? (JSON.parse(tags) as string[]) : [] };
  return detachedAt === null ? annotation : { ...annotation, detachedAt };
}

function toSavedSearch(row: SavedSearchRow): SavedSearch {
  const { sort, ...rest } = row;
  return sort === null ? rest : { ...rest, sort };
}
