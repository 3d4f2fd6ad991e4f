import assert from "node:assert/strict";
import path from "node:path";
import { describe, it } from "node:test";
import Database from "better-sqlite3";
import { ArchiveError, NotFoundError } from "../../src/errors.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { SCHEMA_VERSION } from "../../src/store/sqlite/migrations.js";
import { extracted } from "../helpers/documents.js";
import { tempDir } from "../helpers/temp-dir.js";

describe("SqliteStore", () => {
  it("creates a migrated archive in WAL mode and reopens it read-only", () => {
    const file = path.join(tempDir(), "nested", "archive.db");
    const store = SqliteStore.open(file);
    assert.equal(store.database.pragma("journal_mode", { simple: true }), "wal");
    store.close();
    const reader = SqliteStore.open(file, { readonly: true });
    assert.equal(reader.stats().schemaVersion, SCHEMA_VERSION);
    reader.close();
  });

  it("refuses a missing archive for reading and one from a newer Trove", () => {
    const dir = tempDir();
    assert.throws(() => SqliteStore.open(path.join(dir, "none.db"), { readonly: true }), (error) => error instanceof ArchiveError);
    const newer = path.join(dir, "newer.db");
    const raw = new Database(newer);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    assert.throws(() => SqliteStore.open(newer), (error) => error instanceof ArchiveError && error.code === "archive");
  });

  it("stores a document with its text, pages and metadata", () => {
    const store = SqliteStore.open(path.join(tempDir(), "a.db"));
    const text = "Page one\n\nصفحهٔ دو";
    const saved = store.saveDocument(extracted("/leak/a.pdf", text, { type: "pdf", language: "fa", date: "2014-10-07", pages: [{ number: 1, start: 0, end: 8, ocr: false }, { number: 2, start: 10, end: text.length, ocr: true, ocrLanguages: "fas" }], metadata: { pdf: { Pages: "2" } } }));
    store.commit();
    const document = store.getDocument(saved.id);
    assert.equal(document.text, text, "the text comes back as extracted, not normalised");
    assert.equal(document.date, "2014-10-07");
    assert.deepEqual(document.pages?.[1], { number: 2, start: 10, end: text.length, ocr: true, ocrLanguages: "fas" });
    assert.deepEqual(document.metadata, { pdf: { Pages: "2" } });
    assert.throws(() => store.getDocument(9999), (error) => error instanceof NotFoundError);
    store.close();
  });

  it("records an exact duplicate without indexing it twice", () => {
    const store = SqliteStore.open(path.join(tempDir(), "d.db"));
    const first = store.saveDocument(extracted("/leak/one.txt", "the same bytes"));
    const second = store.saveDocument(extracted("/leak/copy/one.txt", "the same bytes"));
    store.commit();
    assert.equal(second.duplicateOf, first.id);
    const stats = store.stats();
    assert.equal(stats.documents, 2);
    assert.equal(stats.indexed, 1);
    assert.equal(stats.duplicates, 1);
    assert.equal(store.getDocument(second.id).text, "the same bytes");
    const ftsRows = store.database.prepare("SELECT count(*) AS n FROM document_fts WHERE document_fts MATCH 'bytes'").get() as { n: number };
    assert.equal(ftsRows.n, 1);
    store.close();
  });

  it("replaces, not doubles, a document saved again under the same locator", () => {
    const store = SqliteStore.open(path.join(tempDir(), "r.db"));
    const first = store.saveDocument(extracted("/leak/a.txt", "old words"));
    const again = store.saveDocument(extracted("/leak/a.txt", "new words"));
    store.commit();
    assert.equal(again.id, first.id);
    const count = (word: string) => (store.database.prepare("SELECT count(*) AS n FROM document_fts WHERE document_fts MATCH ?").get(word) as { n: number }).n;
    assert.equal(count("old"), 0);
    assert.equal(count("new"), 1);
    store.close();
  });

  it("links members to their parent and remembers completed sources", () => {
    const store = SqliteStore.open(path.join(tempDir(), "p.db"));
    const parent = store.saveDocument(extracted("/leak/box.zip", "", { type: "zip" }));
    const child = store.saveDocument(extracted("/leak/box.zip!/note.txt", "a note", { parentLocator: "/leak/box.zip", rootPath: "/leak/box.zip" }));
    store.completeSource("/leak/box.zip", 100, 1234, "abc");
    store.commit();
    assert.equal(store.getDocument(child.id).parentId, parent.id);
    assert.deepEqual(store.getDocument(parent.id).children.map((member) => member.id), [child.id]);
    assert.equal(store.isUnchanged("/leak/box.zip", 100, 1234), true);
    assert.equal(store.isUnchanged("/leak/box.zip", 101, 1234), false);
    assert.equal(store.isUnchanged("/leak/other.zip", 100, 1234), false);
    store.close();
  });

  it("loses nothing committed when a later batch is never committed", () => {
    const file = path.join(tempDir(), "c.db");
    const store = SqliteStore.open(file);
    store.saveDocument(extracted("/leak/kept.txt", "kept"));
    store.commit();
    store.saveDocument(extracted("/leak/lost.txt", "in flight"));
    store.database.close();
    const reopened = SqliteStore.open(file);
    assert.equal(reopened.stats().documents, 1);
    reopened.close();
  });
});
