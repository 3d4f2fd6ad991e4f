/**
 * Versioned schema changes, applied in order inside one transaction each.
 * `PRAGMA user_version` records how far an archive has come; an archive from
 * a newer Trove is refused rather than misread.
 */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: "documents, their indexed text, pages, sources, runs and problems",
    sql: `
      CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        locator TEXT NOT NULL UNIQUE,
        parent_id INTEGER REFERENCES documents(id),
        root_path TEXT NOT NULL,
        name TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        type TEXT NOT NULL,
        mime TEXT NOT NULL,
        encoding TEXT,
        language TEXT NOT NULL,
        title TEXT NOT NULL,
        date TEXT,
        duplicate_of INTEGER REFERENCES documents(id),
        text_length INTEGER NOT NULL,
        metadata TEXT NOT NULL,
        ingested_at TEXT NOT NULL
      );
      CREATE INDEX documents_sha256 ON documents(sha256);
      CREATE INDEX documents_parent ON documents(parent_id);
      CREATE INDEX documents_date ON documents(date);
      CREATE INDEX documents_type ON documents(type);
      CREATE INDEX documents_root ON documents(root_path);

      -- The text as extracted; the normalised twin lives in document_index.
      CREATE TABLE document_text (
        document_id INTEGER PRIMARY KEY REFERENCES documents(id),
        text TEXT NOT NULL
      );

      -- Normalised title and body: the external content of the full-text index.
      CREATE TABLE document_index (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        body TEXT NOT NULL
      );
      CREATE VIRTUAL TABLE document_fts USING fts5(
        title, body,
        content='document_index', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2'
      );

      CREATE TABLE pages (
        document_id INTEGER NOT NULL REFERENCES documents(id),
        number INTEGER NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        ocr INTEGER NOT NULL,
        ocr_languages TEXT,
        PRIMARY KEY (document_id, number)
      ) WITHOUT ROWID;

      CREATE TABLE sources (
        path TEXT PRIMARY KEY,
        size INTEGER NOT NULL,
        mtime_ms INTEGER NOT NULL,
        sha256 TEXT,
        completed_at TEXT NOT NULL
      );

      CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        inputs TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        summary TEXT
      );

      CREATE TABLE problems (
        id INTEGER PRIMARY KEY,
        run_id INTEGER NOT NULL REFERENCES runs(id),
        locator TEXT NOT NULL,
        code TEXT NOT NULL,
        message TEXT NOT NULL,
        indexed INTEGER NOT NULL
      );
      CREATE INDEX problems_locator ON problems(locator);
    `,
  },
  {
    version: 2,
    description: "parsed cables, their addressees, tags and references; translation pairs",
    sql: `
      CREATE TABLE cables (
        document_id INTEGER PRIMARY KEY REFERENCES documents(id),
        layout TEXT NOT NULL,
        reference TEXT,
        -- The reference folded for lookups: upper case, ASCII digits, no spaces or punctuation.
        reference_key TEXT,
        date_text TEXT,
        date_calendar TEXT,
        origin TEXT,
        classification TEXT,
        classification_level TEXT,
        subject TEXT,
        cable TEXT NOT NULL
      );
      CREATE INDEX cables_reference_key ON cables(reference_key);
      CREATE INDEX cables_classification_level ON cables(classification_level);

      CREATE TABLE cable_parties (
        document_id INTEGER NOT NULL REFERENCES documents(id),
        role TEXT NOT NULL,
        name TEXT NOT NULL
      );
      CREATE INDEX cable_parties_document ON cable_parties(document_id);

      CREATE TABLE cable_tags (
        document_id INTEGER NOT NULL REFERENCES documents(id),
        tag TEXT NOT NULL,
        PRIMARY KEY (document_id, tag)
      ) WITHOUT ROWID;
      CREATE INDEX cable_tags_tag ON cable_tags(tag);

      CREATE TABLE cable_references (
        document_id INTEGER NOT NULL REFERENCES documents(id),
        label TEXT,
        text TEXT NOT NULL,
        reference_key TEXT
      );
      CREATE INDEX cable_references_document ON cable_references(document_id);
      CREATE INDEX cable_references_key ON cable_references(reference_key);

      CREATE TABLE translations (
        original_id INTEGER NOT NULL REFERENCES documents(id),
        translation_id INTEGER NOT NULL REFERENCES documents(id),
        method TEXT NOT NULL,
        translator TEXT,
        reviewer TEXT,
        PRIMARY KEY (original_id, translation_id)
      ) WITHOUT ROWID;
      CREATE INDEX translations_translation ON translations(translation_id);
    `,
  },
  {
    version: 3,
    description: "rank full-text matches with a title worth ten times the body",
    // Stored in the index's configuration, so that `ORDER BY rank` uses it and
    // FTS5 can return the best matches first without scoring into a sorter.
    sql: `INSERT INTO document_fts (document_fts, rank) VALUES ('rank', 'bm25(10.0, 1.0)');`,
  },
  {
    version: 4,
    description: "mentions of people, places, organisations, sources, money, dates, phones and e-mails; entities and a reporter's decisions about them",
    sql: `
      -- Which documents entity extraction has read, and with which extractor
      -- version: a newer version re-reads them, an unchanged document is never read twice.
      CREATE TABLE entity_extractions (
        document_id INTEGER PRIMARY KEY REFERENCES documents(id),
        version INTEGER NOT NULL,
        extracted_at TEXT NOT NULL
      );

      CREATE TABLE entities (
        id INTEGER PRIMARY KEY,
        type TEXT NOT NULL,
        name TEXT NOT NULL,
        -- Set by a merge: the entity this one now lives on as, so old links keep working.
        merged_into INTEGER REFERENCES entities(id),
        created_at TEXT NOT NULL
      );
      CREATE INDEX entities_type ON entities(type);

      CREATE TABLE mentions (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id),
        entity_id INTEGER REFERENCES entities(id),
        type TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        -- The name without titles, as a reporter would write it; what aliases are made of.
        name TEXT NOT NULL,
        normalized TEXT NOT NULL,
        attributes TEXT NOT NULL,
        origin TEXT NOT NULL,
        confidence REAL NOT NULL
      );
      CREATE INDEX mentions_document ON mentions(document_id);
      CREATE INDEX mentions_entity ON mentions(entity_id, document_id);
      CREATE INDEX mentions_spelling ON mentions(type, normalized);

      -- Every normalised spelling an entity is known by. A reporter's pin
      -- (from a merge or a split) outranks what clustering decided.
      CREATE TABLE entity_aliases (
        type TEXT NOT NULL,
        normalized TEXT NOT NULL,
        entity_id INTEGER NOT NULL REFERENCES entities(id),
        -- The spelling as first met, for display and for name matching.
        name TEXT NOT NULL,
        mentions INTEGER NOT NULL DEFAULT 0,
        pinned INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (type, normalized)
      ) WITHOUT ROWID;
      CREATE INDEX entity_aliases_entity ON entity_aliases(entity_id);

      -- Index keys of every alias, for candidate lookup by name matching.
      CREATE TABLE entity_keys (
        type TEXT NOT NULL,
        key TEXT NOT NULL,
        entity_id INTEGER NOT NULL REFERENCES entities(id),
        PRIMARY KEY (type, key, entity_id)
      ) WITHOUT ROWID;
      CREATE INDEX entity_keys_entity ON entity_keys(entity_id);

      -- A reporter's decisions, kept as a log so that they survive re-ingest and can be reviewed.
      CREATE TABLE entity_decisions (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        entity_id INTEGER NOT NULL,
        other_id INTEGER,
        names TEXT,
        note TEXT,
        decided_at TEXT NOT NULL
      );

      -- A source number known to be a person: sensitive, shown only to those allowed to see it.
      CREATE TABLE source_links (
        source_id INTEGER NOT NULL REFERENCES entities(id),
        person_id INTEGER NOT NULL REFERENCES entities(id),
        note TEXT,
        linked_at TEXT NOT NULL,
        PRIMARY KEY (source_id, person_id)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 5,
    description: "relations with their participants and evidence; entities named in the same paragraph",
    sql: `
      -- Which documents relation extraction has read, and with which extractor
      -- version. Forgotten when a document's mentions are replaced, because
      -- participants are resolved through them.
      CREATE TABLE relation_extractions (
        document_id INTEGER PRIMARY KEY REFERENCES documents(id),
        version INTEGER NOT NULL,
        extracted_at TEXT NOT NULL
      );

      CREATE TABLE relations (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id),
        type TEXT NOT NULL,
        -- Gregorian ISO, as precise as the text is: YYYY-MM-DD, YYYY-MM or YYYY.
        date TEXT,
        place TEXT,
        amount REAL,
        -- As the text states it; tomans and rials are different currencies here.
        currency TEXT,
        quality TEXT,
        kind TEXT,
        purpose TEXT,
        cover TEXT,
        counter_surveillance TEXT,
        evidence_start INTEGER NOT NULL,
        evidence_end INTEGER NOT NULL,
        evidence_text TEXT NOT NULL,
        confidence REAL NOT NULL
      );
      CREATE INDEX relations_document ON relations(document_id);
      CREATE INDEX relations_type_date ON relations(type, date);
      CREATE INDEX relations_date ON relations(date);

      -- Participants in the order the extractor gave them. The entity is the
      -- one the name resolved to when the relation was read; readers follow
      -- entities.merged_into from there. A name that did not resolve keeps
      -- its raw spelling and a null entity.
      CREATE TABLE relation_participants (
        relation_id INTEGER NOT NULL REFERENCES relations(id),
        position INTEGER NOT NULL,
        role TEXT NOT NULL,
        name TEXT NOT NULL,
        entity_type TEXT,
        start INTEGER,
        end INTEGER,
        entity_id INTEGER REFERENCES entities(id),
        PRIMARY KEY (relation_id, position)
      ) WITHOUT ROWID;
      CREATE INDEX relation_participants_entity ON relation_participants(entity_id);

      -- Two entities named in one paragraph (entity_a < entity_b): the weakest
      -- link the network draws, and the commonest.
      CREATE TABLE co_occurrences (
        document_id INTEGER NOT NULL REFERENCES documents(id),
        entity_a INTEGER NOT NULL REFERENCES entities(id),
        entity_b INTEGER NOT NULL REFERENCES entities(id),
        -- The paragraph, as offsets into the document's text.
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        PRIMARY KEY (document_id, start, entity_a, entity_b)
      ) WITHOUT ROWID;
      CREATE INDEX co_occurrences_entity_a ON co_occurrences(entity_a);
      CREATE INDEX co_occurrences_entity_b ON co_occurrences(entity_b);
    `,
  },
  {
    version: 6,
    description: "redactions of document spans, suggested by rules or made by a reporter, and the history of their review",
    // IF NOT EXISTS: an archive whose version was wound back to an earlier one
    // (to have a newer stage redo its work) keeps its redactions instead of
    // failing to open; redactions are a reporter's work and are never recreated.
    sql: `
      -- A span of one document's text that must not be published. Offsets are
      -- into the text as stored; the text is kept too, so that re-ingest can
      -- find it again when the document's text changes.
      CREATE TABLE IF NOT EXISTS redactions (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id),
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        -- Set when the redaction came from an entity: every alias of it is then forbidden too.
        entity_id INTEGER REFERENCES entities(id),
        reason TEXT NOT NULL,
        note TEXT,
        status TEXT NOT NULL,
        author TEXT NOT NULL,
        created_at TEXT NOT NULL,
        decided_by TEXT,
        decided_at TEXT,
        -- Set when re-ingest replaced the text and the redacted words were not
        -- found in it: kept, and still searched for by the leak check, but no
        -- longer applied, until a reporter reviews it.
        detached_at TEXT
      );
      -- One redaction per span; a detached one keeps its old offsets, which may since belong to another.
      CREATE UNIQUE INDEX IF NOT EXISTS redactions_span ON redactions(document_id, start, end) WHERE detached_at IS NULL;
      CREATE INDEX IF NOT EXISTS redactions_document ON redactions(document_id, start);
      CREATE INDEX IF NOT EXISTS redactions_status ON redactions(status, reason);
      CREATE INDEX IF NOT EXISTS redactions_entity ON redactions(entity_id);

      -- Who accepted or rejected what and when, and what re-ingest moved or
      -- detached: the audit trail a newsroom needs before publishing.
      CREATE TABLE IF NOT EXISTS redaction_decisions (
        id INTEGER PRIMARY KEY,
        redaction_id INTEGER NOT NULL REFERENCES redactions(id),
        kind TEXT NOT NULL,
        decided_by TEXT NOT NULL,
        note TEXT,
        decided_at TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS redaction_decisions_redaction ON redaction_decisions(redaction_id);
    `,
  },
  {
    version: 7,
    description: "a reporter's annotations on passages and documents, their tags, and saved searches",
    // IF NOT EXISTS for the reason given at version 6: this is a reporter's work, never recreated.
    sql: `
      -- A note on a passage (start and end: offsets into the text as stored) or,
      -- with both null, on the whole document. The quote is the passage's words,
      -- kept so that re-ingest can find them again in a new text.
      CREATE TABLE IF NOT EXISTS annotations (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id),
        start INTEGER,
        end INTEGER,
        quote TEXT NOT NULL,
        body TEXT NOT NULL,
        author TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        -- Set when re-ingest lost the quoted words: the note then stands on the whole document.
        detached_at TEXT
      );
      CREATE INDEX IF NOT EXISTS annotations_document ON annotations(document_id, start);

      CREATE TABLE IF NOT EXISTS annotation_tags (
        annotation_id INTEGER NOT NULL REFERENCES annotations(id),
        tag TEXT NOT NULL,
        PRIMARY KEY (annotation_id, tag)
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS annotation_tags_tag ON annotation_tags(tag);

      CREATE TABLE IF NOT EXISTS saved_searches (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        query TEXT NOT NULL,
        sort TEXT,
        author TEXT NOT NULL,
        created_at TEXT NOT NULL,
        last_run_at TEXT,
        last_total INTEGER
      );
    `,
  },
  {
    version: 8,
    description: "users, their sessions and failed sign-ins, and the append-only, hash-chained audit trail",
    // IF NOT EXISTS for the reason given at version 6: users and the audit trail are never recreated.
    sql: `
      CREATE TABLE IF NOT EXISTS users (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        role TEXT NOT NULL CHECK (role IN ('admin', 'member')),
        -- argon2id, in its PHC string form (parameters and salt included).
        password_hash TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        last_login_at TEXT
      );

      -- SHA-256 of each session token: a copy of the archive opens no session.
      CREATE TABLE IF NOT EXISTS sessions (
        token_hash TEXT PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL,
        from_address TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS sessions_user ON sessions(user_id);

      -- Recent sign-ins, kept a day: what lockout counts.
      CREATE TABLE IF NOT EXISTS login_attempts (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL COLLATE NOCASE,
        from_address TEXT NOT NULL,
        at TEXT NOT NULL,
        succeeded INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS login_attempts_name ON login_attempts(name, at);
      CREATE INDEX IF NOT EXISTS login_attempts_from ON login_attempts(from_address, at);

      -- Each entry's hash is SHA-256 over the previous hash and the entry (src/store/audit-chain.ts).
      CREATE TABLE IF NOT EXISTS audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT NOT NULL,
        detail TEXT,
        from_address TEXT NOT NULL,
        previous_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS audit_log_at ON audit_log(at);
      -- The last entry, kept apart from the entries so that removing entries from the end shows.
      CREATE TABLE IF NOT EXISTS audit_head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        seq INTEGER NOT NULL,
        hash TEXT NOT NULL
      );
      CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
      CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
      CREATE TRIGGER IF NOT EXISTS audit_log_append_at_end BEFORE INSERT ON audit_log
        WHEN NEW.seq != coalesce((SELECT seq FROM audit_head WHERE id = 1), 0) + 1
          OR NEW.previous_hash != coalesce((SELECT hash FROM audit_head WHERE id = 1), '${'0'.repeat(64)}')
        BEGIN SELECT RAISE(ABORT, 'audit entries are appended at the end of the chain only'); END;
      CREATE TRIGGER IF NOT EXISTS audit_head_no_delete BEFORE DELETE ON audit_head
        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
      CREATE TRIGGER IF NOT EXISTS audit_head_forward_only BEFORE UPDATE ON audit_head
        WHEN NEW.seq != OLD.seq + 1 OR NEW.hash IS NOT (SELECT hash FROM audit_log WHERE seq = NEW.seq)
        BEGIN SELECT RAISE(ABORT, 'the audit head moves only to a newly appended entry'); END;
    `,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
