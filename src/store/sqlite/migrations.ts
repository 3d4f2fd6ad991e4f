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
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
