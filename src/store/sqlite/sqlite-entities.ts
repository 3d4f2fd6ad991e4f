/**
 * Mentions and entities in the embedded archive. Shares the archive's
 * connection, and so its transactions, with `SqliteStore`.
 */
import { DecisionError, NotFoundError } from "../../errors.js";
import { aliasKey, kindOf } from "../../extract/entity-resolution.js";
import { nameKeys } from "../../extract/name-match.js";
import type { Entity, EntityType, Mention, MentionAttributes } from "../../model/entity.js";
import type { LanguageCode } from "../../model/document.js";
import type { CoOccurrence, EntityListOptions, EntityProfile, EntityProfileOptions, EntityStore, MentionInContext, PendingDocument, StoredMention } from "../entity-store.js";
import { SqlitePart } from "./sqlite-part.js";

/**
 * How much commoner one type must be for a spelling's other mentions to take
 * it: a name the model calls a place 59 times and a person 19 times is a place.
 */
const MAJORITY_FACTOR = 2;

/** Characters of context on each side of a mention in a profile. */
const PASSAGE_CONTEXT = 110;
const NAMED_TYPES_SQL = "('person', 'organization', 'place', 'source')";
/** Types clustered into entities; money and dates are values and stay as mentions. */
const RESOLVED_TYPES_SQL = "('person', 'organization', 'place', 'source', 'phone', 'email')";

interface EntityRow {
  id: number;
  type: EntityType;
  name: string;
  mentionCount: number;
  documentCount: number;
  firstDate: string | null;
  lastDate: string | null;
}

export class SqliteEntityStore extends SqlitePart implements EntityStore {


  pendingExtractions(version: number, limit: number): PendingDocument[] {
    return this.statement(`
      SELECT d.id, d.language, coalesce(t.text, i.body) AS text
      FROM documents d JOIN document_index i ON i.id = d.id LEFT JOIN document_text t ON t.document_id = d.id
      LEFT JOIN entity_extractions x ON x.document_id = d.id
      WHERE d.duplicate_of IS NULL AND (x.version IS NULL OR x.version < ?) ORDER BY d.id LIMIT ?`)
      .all(version, limit) as { id: number; language: LanguageCode; text: string }[];
  }

  countPendingExtractions(version: number): number {
    return (this.statement(`
      SELECT count(*) AS n FROM documents d JOIN document_index i ON i.id = d.id LEFT JOIN entity_extractions x ON x.document_id = d.id
      WHERE d.duplicate_of IS NULL AND (x.version IS NULL OR x.version < ?)`).get(version) as { n: number }).n;
  }

  saveMentions(documentId: number, version: number, mentions: Array<Mention & { name: string }>): void {
    this.inTransaction(() => {
      this.statement("DELETE FROM mentions WHERE document_id = ?").run(documentId);
      const insert = this.statement(`INSERT INTO mentions (document_id, type, start, end, text, name, normalized, attributes, origin, confidence)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
      for (const mention of mentions) {
        insert.run(documentId, mention.type, mention.start, mention.end, mention.text, mention.name, mention.normalized, JSON.stringify(mention.attributes), mention.origin, mention.confidence);
      }
      this.statement(`INSERT INTO entity_extractions (document_id, version, extracted_at) VALUES (?, ?, ?)
        ON CONFLICT(document_id) DO UPDATE SET version = excluded.version, extracted_at = excluded.extracted_at`).run(documentId, version, new Date().toISOString());
      // Relation participants are resolved through these mentions, so the document's relations are read again.
      this.statement("DELETE FROM relation_extractions WHERE document_id = ?").run(documentId);
    });
  }

  unresolvedNames(limit: number): Array<{ type: EntityType; name: string; normalized: string; count: number }> {
    return this.statement(`
      SELECT type, normalized, min(name) AS name, count(*) AS count FROM mentions
      WHERE entity_id IS NULL AND type IN ${RESOLVED_TYPES_SQL} GROUP BY type, normalized ORDER BY count DESC LIMIT ?`)
      .all(limit) as { type: EntityType; name: string; normalized: string; count: number }[];
  }

  entityByAlias(type: EntityType, normalized: string): number | undefined {
    const row = this.statement("SELECT entity_id FROM entity_aliases WHERE type = ? AND normalized = ?").get(type, normalized) as { entity_id: number } | undefined;
    return row === undefined ? undefined : this.current(row.entity_id);
  }

  candidatesByKeys(type: EntityType, keys: string[], limit: number): Array<{ id: number; aliases: string[] }> {
    const ids = this.statement(`SELECT DISTINCT entity_id AS id FROM entity_keys WHERE type = ? AND key IN (SELECT value FROM json_each(?)) LIMIT ?`)
      .all(type, JSON.stringify(keys), limit) as { id: number }[];
    const aliases = this.statement("SELECT name FROM entity_aliases WHERE entity_id = ? ORDER BY mentions DESC, name LIMIT 24");
    return ids.map(({ id }) => ({ id, aliases: (aliases.all(id) as { name: string }[]).map((row) => row.name) }));
  }

  createEntity(type: EntityType, name: string): number {
    return this.inTransaction(() => Number(this.statement("INSERT INTO entities (type, name, created_at) VALUES (?, ?, ?)").run(type, name, new Date().toISOString()).lastInsertRowid));
  }

  addAlias(entityId: number, type: EntityType, normalized: string, name: string, keys: string[]): void {
    this.inTransaction(() => {
      this.statement("INSERT OR IGNORE INTO entity_aliases (type, normalized, entity_id, name) VALUES (?, ?, ?, ?)").run(type, normalized, entityId, name);
      const insertKey = this.statement("INSERT OR IGNORE INTO entity_keys (type, key, entity_id) VALUES (?, ?, ?)");
      for (const key of keys) insertKey.run(type, key, entityId);
    });
  }

  attachMentions(type: EntityType, normalized: string, entityId: number): number {
    return this.inTransaction(() => {
      const attached = this.statement("UPDATE mentions SET entity_id = ? WHERE type = ? AND normalized = ? AND entity_id IS NULL").run(entityId, type, normalized).changes;
      this.statement("UPDATE entity_aliases SET mentions = mentions + ? WHERE type = ? AND normalized = ?").run(attached, type, normalized);
      return attached;
    });
  }

  refreshEntityNames(): void {
    this.inTransaction(() => {
      // Re-ingested documents take their old mentions with them, so the counts are taken afresh.
      this.database.exec(`
        UPDATE entity_aliases SET mentions = (SELECT count(*) FROM mentions m WHERE m.type = entity_aliases.type AND m.normalized = entity_aliases.normalized AND m.entity_id = entity_aliases.entity_id);
        UPDATE entity_aliases SET name = coalesce((
          SELECT m.name FROM mentions m WHERE m.type = entity_aliases.type AND m.normalized = entity_aliases.normalized
          GROUP BY m.name ORDER BY (m.name NOT GLOB '*[a-z]*' AND length(m.name) >= 5) ASC, count(*) DESC, m.name LIMIT 1), name);
        UPDATE entities SET name = coalesce((
          SELECT a.name FROM entity_aliases a WHERE a.entity_id = entities.id AND a.mentions > 0
          ORDER BY (a.name GLOB '*[A-Za-z]*') DESC, (a.name NOT GLOB '*[a-z]*' AND length(a.name) >= 5) ASC, a.mentions DESC, length(a.name) DESC, a.name LIMIT 1), name)
        WHERE merged_into IS NULL;`);
    });
  }

  harmoniseNameTypes(): number {
    return this.inTransaction(() => {
      const conflicts = this.statement(`
        SELECT normalized, type, count(*) AS n FROM mentions
        WHERE type IN ('person', 'organization', 'place') AND normalized IN (
          SELECT normalized FROM mentions WHERE type IN ('person', 'organization', 'place') GROUP BY normalized HAVING count(DISTINCT type) > 1)
        GROUP BY normalized, type ORDER BY normalized, n DESC`).all() as { normalized: string; type: EntityType; n: number }[];
      const retype = this.statement(`UPDATE mentions SET type = ?, entity_id = NULL WHERE normalized = ? AND type IN ('person', 'organization', 'place') AND type != ?`);
      // The relations of those documents name the old entities: the relation stage reads them again.
      const rereadRelations = this.statement(`DELETE FROM relation_extractions WHERE document_id IN (
        SELECT document_id FROM mentions WHERE normalized = ? AND type IN ('person', 'organization', 'place') AND type != ?)`);
      let changed = 0;
      for (let index = 0; index < conflicts.length; ) {
        const spelling = conflicts[index]!.normalized;
        const group: typeof conflicts = [];
        while (index < conflicts.length && conflicts[index]!.normalized === spelling) group.push(conflicts[index++]!);
        const [majority, ...rest] = group;
        const others = rest.reduce((sum, entry) => sum + entry.n, 0);
        if (majority!.n >= MAJORITY_FACTOR * others) {
          rereadRelations.run(spelling, majority!.type);
          changed += retype.run(majority!.type, spelling, majority!.type).changes;
        }
      }
      return changed;
    });
  }

  listEntities(options: EntityListOptions = {}): Entity[] {
    const rows = this.statement(`
      SELECT e.id, e.type, e.name, count(*) AS mentionCount, count(DISTINCT m.document_id) AS documentCount, min(d.date) AS firstDate, max(d.date) AS lastDate
      FROM entities e JOIN mentions m ON m.entity_id = e.id JOIN documents d ON d.id = m.document_id
      WHERE e.merged_into IS NULL AND (? IS NULL OR e.type = ?)
      GROUP BY e.id ORDER BY mentionCount DESC, documentCount DESC, e.name LIMIT ? OFFSET ?`)
      .all(options.type ?? null, options.type ?? null, options.limit ?? 50, options.offset ?? 0) as EntityRow[];
    return rows.map((row) => this.withAliases(row));
  }

  getEntity(requested: number, options: EntityProfileOptions = {}): EntityProfile {
    const id = this.current(requested);
    const row = this.statement(`
      SELECT e.id, e.type, e.name, count(m.id) AS mentionCount, count(DISTINCT m.document_id) AS documentCount, min(d.date) AS firstDate, max(d.date) AS lastDate
      FROM entities e LEFT JOIN mentions m ON m.entity_id = e.id LEFT JOIN documents d ON d.id = m.document_id WHERE e.id = ? GROUP BY e.id`).get(id) as EntityRow | undefined;
    if (!row) throw new NotFoundError(`no entity with id ${requested} in this archive; list them with: trove entities`);
    const attributeCounts = (name: "title" | "role") => this.statement(`
      SELECT json_extract(attributes, '$.${name}') AS value, count(*) AS count FROM mentions
      WHERE entity_id = ? AND json_extract(attributes, '$.${name}') IS NOT NULL GROUP BY value ORDER BY count DESC, value LIMIT 20`).all(id) as { value: string; count: number }[];
    const profile: EntityProfile = {
      ...this.withAliases(row),
      titles: attributeCounts("title").map((entry) => ({ title: entry.value, count: entry.count })),
      roles: attributeCounts("role").map((entry) => ({ role: entry.value, count: entry.count })),
      mentions: this.mentionsInContext(id, options.mentionLimit ?? 20),
      coOccurring: this.coOccurring(id, options.coOccurrenceLimit ?? 20),
      linkedIdentities: options.showSourceLinks ? this.linkedIdentities(id) : [],
    };
    if (id !== requested) profile.mergedFrom = requested;
    return profile;
  }

  documentMentions(documentId: number): StoredMention[] {
    const rows = this.statement(`
      SELECT m.id, m.document_id AS documentId, coalesce(e.merged_into, m.entity_id) AS entityId, m.type, m.start, m.end, m.text, m.name, m.normalized, m.attributes, m.origin, m.confidence
      FROM mentions m LEFT JOIN entities e ON e.id = m.entity_id WHERE m.document_id = ? ORDER BY m.start, m.end DESC`)
      .all(documentId) as Array<Omit<StoredMention, "attributes"> & { attributes: string }>;
    return rows.map((row) => ({ ...row, attributes: JSON.parse(row.attributes) as MentionAttributes }));
  }

  entitiesByAlias(normalized: string, type?: EntityType): number[] {
    const rows = this.statement("SELECT DISTINCT entity_id FROM entity_aliases WHERE normalized = ? AND (? IS NULL OR type = ?)").all(normalized, type ?? null, type ?? null) as { entity_id: number }[];
    return [...new Set(rows.map((row) => this.current(row.entity_id)))];
  }

  mergeEntities(target: number, others: number[], note?: string): void {
    const targetId = this.current(target);
    const targetType = this.typeOf(targetId);
    this.inTransaction(() => {
      for (const other of others) {
        const otherId = this.current(other);
        if (otherId === targetId) continue;
        const otherType = this.typeOf(otherId);
        if (otherType !== targetType) throw new DecisionError(`entity ${other} is a ${otherType} and entity ${target} a ${targetType}; only entities of one type can be merged`);
        const db = this.database;
        db.prepare("UPDATE mentions SET entity_id = ? WHERE entity_id = ?").run(targetId, otherId);
        db.prepare("UPDATE entity_aliases SET entity_id = ?, pinned = 1 WHERE entity_id = ?").run(targetId, otherId);
        db.prepare("INSERT OR IGNORE INTO entity_keys (type, key, entity_id) SELECT type, key, ? FROM entity_keys WHERE entity_id = ?").run(targetId, otherId);
        db.prepare("DELETE FROM entity_keys WHERE entity_id = ?").run(otherId);
        db.prepare("UPDATE OR IGNORE source_links SET source_id = ? WHERE source_id = ?").run(targetId, otherId);
        db.prepare("UPDATE OR IGNORE source_links SET person_id = ? WHERE person_id = ?").run(targetId, otherId);
        db.prepare("UPDATE entities SET merged_into = ? WHERE id = ? OR merged_into = ?").run(targetId, otherId, otherId);
        this.logDecision("merge", targetId, otherId, null, note);
      }
      this.refreshEntityNames();
    });
  }

  splitEntity(id: number, names: string[], note?: string): number {
    const entityId = this.current(id);
    const type = this.typeOf(entityId);
    const wanted = [...new Set(names.map(aliasKey))];
    const aliases = this.statement("SELECT normalized, name FROM entity_aliases WHERE entity_id = ?").all(entityId) as { normalized: string; name: string }[];
    const known = new Set(aliases.map((alias) => alias.normalized));
    const missing = wanted.filter((key) => !known.has(key));
    if (missing.length > 0) {
      throw new DecisionError(`entity ${id} has no alias ${missing.map((key) => JSON.stringify(key)).join(", ")}; its aliases are ${aliases.map((alias) => JSON.stringify(alias.name)).join(", ")}`);
    }
    if (wanted.length === aliases.length) throw new DecisionError(`splitting every alias off entity ${id} would leave it empty; name only the aliases that belong to someone else`);
    return this.inTransaction(() => {
      const db = this.database;
      const created = this.createEntity(type, aliases.find((alias) => alias.normalized === wanted[0])!.name);
      for (const key of wanted) {
        db.prepare("UPDATE entity_aliases SET entity_id = ?, pinned = 1 WHERE type = ? AND normalized = ?").run(created, type, key);
        db.prepare("UPDATE mentions SET entity_id = ? WHERE entity_id = ? AND normalized = ?").run(created, entityId, key);
      }
      // Relations and co-occurrences in those documents still name the old entity until the relation stage reads them again.
      db.prepare("DELETE FROM relation_extractions WHERE document_id IN (SELECT DISTINCT document_id FROM mentions WHERE entity_id = ?)").run(created);
      // The rest stay pinned where they are, so that a later match cannot pull them back together.
      db.prepare("UPDATE entity_aliases SET pinned = 1 WHERE entity_id = ?").run(entityId);
      for (const owner of [entityId, created]) this.rebuildKeys(owner, type);
      this.logDecision("split", entityId, created, wanted, note);
      this.refreshEntityNames();
      return created;
    });
  }

  linkSource(sourceId: number, personId: number, note?: string): void {
    const source = this.current(sourceId);
    const person = this.current(personId);
    if (this.typeOf(source) !== "source") throw new DecisionError(`entity ${sourceId} is not a source; link a source number (trove entities --type source) to a person`);
    if (this.typeOf(person) !== "person") throw new DecisionError(`entity ${personId} is not a person`);
    this.inTransaction(() => {
      this.statement("INSERT OR REPLACE INTO source_links (source_id, person_id, note, linked_at) VALUES (?, ?, ?, ?)").run(source, person, note ?? null, new Date().toISOString());
      this.logDecision("link-source", source, person, null, note);
    });
  }


  /** Follows merges to the entity an id lives on as. */
  private current(id: number): number {
    const row = this.statement("SELECT merged_into FROM entities WHERE id = ?").get(id) as { merged_into: number | null } | undefined;
    if (!row) throw new NotFoundError(`no entity with id ${id} in this archive; list them with: trove entities`);
    return row.merged_into ?? id;
  }

  private typeOf(id: number): EntityType {
    return (this.statement("SELECT type FROM entities WHERE id = ?").get(id) as { type: EntityType }).type;
  }

  private rebuildKeys(entityId: number, type: EntityType): void {
    this.statement("DELETE FROM entity_keys WHERE entity_id = ?").run(entityId);
    const insert = this.statement("INSERT OR IGNORE INTO entity_keys (type, key, entity_id) VALUES (?, ?, ?)");
    for (const { name } of this.statement("SELECT name FROM entity_aliases WHERE entity_id = ?").all(entityId) as { name: string }[]) {
      for (const key of nameKeys(name, kindOf(type))) insert.run(type, key, entityId);
    }
  }

  private logDecision(kind: string, entityId: number, otherId: number | null, names: string[] | null, note: string | undefined): void {
    this.statement("INSERT INTO entity_decisions (kind, entity_id, other_id, names, note, decided_at) VALUES (?, ?, ?, ?, ?, ?)")
      .run(kind, entityId, otherId, names ? JSON.stringify(names) : null, note ?? null, new Date().toISOString());
  }

  private withAliases(row: EntityRow): Entity {
    const aliases = this.statement("SELECT name, mentions AS count FROM entity_aliases WHERE entity_id = ? AND (mentions > 0 OR pinned = 1) ORDER BY mentions DESC, name")
      .all(row.id) as { name: string; count: number }[];
    return { id: row.id, type: row.type, name: row.name, aliases, mentionCount: row.mentionCount, documentCount: row.documentCount, firstDate: row.firstDate, lastDate: row.lastDate };
  }

  private mentionsInContext(id: number, limit: number): MentionInContext[] {
    const rows = this.statement(`
      SELECT m.document_id AS documentId, d.title AS documentTitle, d.date AS documentDate, m.text, m.start, m.end, m.attributes,
        substr(coalesce(t.text, i.body), max(1, m.start + 1 - ${PASSAGE_CONTEXT}), m.end - m.start + 2 * ${PASSAGE_CONTEXT}) AS passage,
        min(m.start, ${PASSAGE_CONTEXT}) AS highlightStart
      FROM mentions m JOIN documents d ON d.id = m.document_id JOIN document_index i ON i.id = m.document_id LEFT JOIN document_text t ON t.document_id = m.document_id
      WHERE m.entity_id = ? ORDER BY d.date IS NULL, d.date, m.document_id, m.start LIMIT ?`)
      .all(id, limit) as Array<Omit<MentionInContext, "attributes" | "highlightEnd"> & { attributes: string }>;
    return rows.map((row) => ({ ...row, highlightEnd: row.highlightStart + (row.end - row.start), attributes: JSON.parse(row.attributes) as MentionAttributes }));
  }

  private coOccurring(id: number, limit: number): CoOccurrence[] {
    return this.statement(`
      WITH docs AS (SELECT DISTINCT document_id FROM mentions WHERE entity_id = ?)
      SELECT e.id, e.type, e.name, count(DISTINCT m.document_id) AS documents
      FROM mentions m JOIN entities e ON e.id = m.entity_id
      WHERE m.document_id IN docs AND m.entity_id != ? AND e.type IN ${NAMED_TYPES_SQL}
      GROUP BY e.id ORDER BY documents DESC, e.name LIMIT ?`).all(id, id, limit) as CoOccurrence[];
  }

  private linkedIdentities(id: number): EntityProfile["linkedIdentities"] {
    return this.statement(`
      SELECT e.id, e.type, e.name, l.note FROM source_links l JOIN entities e ON e.id = CASE WHEN l.source_id = ? THEN l.person_id ELSE l.source_id END
      WHERE l.source_id = ? OR l.person_id = ? ORDER BY e.name`).all(id, id, id) as EntityProfile["linkedIdentities"];
  }
}
