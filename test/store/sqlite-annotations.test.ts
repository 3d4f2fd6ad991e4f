import assert from "node:assert/strict";
import path from "node:path";
import { beforeEach, describe, it } from "node:test";
import Database from "better-sqlite3";
import { DecisionError, NotFoundError } from "../../src/errors.js";
import { searchArchive } from "../../src/search/sqlite-search.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { extracted } from "../helpers/documents.js";
import { tempDir } from "../helpers/temp-dir.js";

const REPORT = "Report on the Karbala meeting\n\nThe officer met the source at the photo exhibition.\n\nGifts of saffron and pistachios were handed over.\n";
const CABLE = "SUBJECT: BUDGET\nTAGS: PREL, IZ\n\nThe ministry budget was discussed at length.\n";

let store: SqliteStore;
let file: string;

function addDocument(locator: string, text: string): number {
  const { id } = store.saveDocument(extracted(locator, text));
  store.commit();
  return id;
}

beforeEach(() => {
  file = path.join(tempDir(), "annotations.db");
  store = SqliteStore.open(file);
});

describe("annotations in the SQLite archive", () => {
  it("adds a note on a passage, by offsets or by its words, and one on the whole document", () => {
    const id = addDocument("/leak/report.txt", REPORT);
    const start = REPORT.indexOf("photo exhibition");
    const byOffsets = store.annotations.addAnnotation({ documentId: id, start, end: start + 16, body: "the cover story", tags: ["Meeting", " cover  story ", "meeting"], author: "a reporter" });
    assert.equal(byOffsets.quote, "photo exhibition");
    assert.deepEqual(byOffsets.tags, ["cover story", "meeting"]);
    assert.equal(byOffsets.createdAt, byOffsets.updatedAt);

    const byWords = store.annotations.addAnnotation({ documentId: id, quote: "saffron", body: "gift", author: "a reporter" });
    assert.deepEqual([byWords.start, byWords.end], [REPORT.indexOf("saffron"), REPORT.indexOf("saffron") + 7]);

    const whole = store.annotations.addAnnotation({ documentId: id, body: "worth a follow-up", tags: ["meeting"], author: "a reporter" });
    assert.deepEqual([whole.start, whole.end, whole.quote], [null, null, ""]);

    assert.deepEqual(store.annotations.listAnnotations({ documentId: id }).map((annotation) => annotation.id), [whole.id, byOffsets.id, byWords.id]);
    assert.deepEqual(store.annotations.documentTags(id), ["cover story", "meeting"]);
  });

  it("refuses a passage outside the text, words the text lacks, too many tags, and a note without an author", () => {
    const id = addDocument("/leak/report.txt", REPORT);
    assert.throws(() => store.annotations.addAnnotation({ documentId: id, start: 5, end: REPORT.length + 1, body: "", author: "a reporter" }), DecisionError);
    assert.throws(() => store.annotations.addAnnotation({ documentId: id, quote: "not in it", body: "", author: "a reporter" }), DecisionError);
    assert.throws(() => store.annotations.addAnnotation({ documentId: id, body: "", tags: Array.from({ length: 21 }, (_, n) => `t${n}`), author: "a reporter" }), DecisionError);
    assert.throws(() => store.annotations.addAnnotation({ documentId: id, body: "x", author: " " }), DecisionError);
    assert.throws(() => store.annotations.addAnnotation({ documentId: 9999, body: "x", author: "a reporter" }), NotFoundError);
    assert.equal(store.annotations.countAnnotations(), 0);
  });

  it("edits a note's words and tags, deletes it, and counts tags across documents", () => {
    const report = addDocument("/leak/report.txt", REPORT);
    const cable = addDocument("/leak/cable.txt", CABLE);
    const first = store.annotations.addAnnotation({ documentId: report, quote: "saffron", body: "gift", tags: ["gifts", "follow-up"], author: "a reporter" });
    store.annotations.addAnnotation({ documentId: cable, quote: "budget", body: "numbers", tags: ["follow-up"], author: "a reporter" });
    assert.deepEqual(store.annotations.tags(), [
      { tag: "follow-up", annotations: 2, documents: 2 },
      { tag: "gifts", annotations: 1, documents: 1 },
    ]);
    const edited = store.annotations.updateAnnotation(first.id, { body: "a gift of saffron", tags: ["gifts"] });
    assert.equal(edited.body, "a gift of saffron");
    assert.deepEqual(edited.tags, ["gifts"]);
    assert.equal(edited.quote, "saffron");
    assert.deepEqual(store.annotations.listAnnotations({ tag: "Follow-Up" }).map((annotation) => annotation.documentId), [cable]);
    store.annotations.deleteAnnotation(first.id);
    assert.throws(() => store.annotations.getAnnotation(first.id), NotFoundError);
    assert.deepEqual(store.annotations.tags(), [{ tag: "follow-up", annotations: 1, documents: 1 }]);
  });

  it("keeps every note through a re-ingest: moved with its words, or kept on the whole document with its quote", () => {
    const id = addDocument("/leak/report.txt", REPORT);
    const kept = store.annotations.addAnnotation({ documentId: id, quote: "Report on", body: "heading", author: "a reporter" });
    const moved = store.annotations.addAnnotation({ documentId: id, quote: "saffron", body: "gift", author: "a reporter" });
    const lost = store.annotations.addAnnotation({ documentId: id, quote: "photo exhibition", body: "the cover story", tags: ["cover"], author: "a reporter" });
    const rewritten = "Report on the Karbala meeting\n\n[paragraph withheld]\n\nAn addendum first.\n\nGifts of saffron and pistachios were handed over.\n";
    assert.equal(addDocument("/leak/report.txt", rewritten), id);

    assert.deepEqual([store.annotations.getAnnotation(kept.id).start, store.annotations.getAnnotation(kept.id).detachedAt], [0, undefined]);
    const movedNow = store.annotations.getAnnotation(moved.id);
    assert.equal(rewritten.slice(movedNow.start!, movedNow.end!), "saffron");
    assert.notEqual(movedNow.start, moved.start);
    const lostNow = store.annotations.getAnnotation(lost.id);
    assert.deepEqual([lostNow.start, lostNow.end, lostNow.quote, lostNow.body, lostNow.tags], [null, null, "photo exhibition", "the cover story", ["cover"]]);
    assert.ok(lostNow.detachedAt);
  });

  it("finds documents by an annotation's tag with label:, leaving the cable's own tag: alone", () => {
    const report = addDocument("/leak/report.txt", REPORT);
    const cable = store.saveDocument(extracted("/leak/cable.txt", CABLE, { cable: { layout: "generic", tags: ["PREL", "IZ"], to: [], info: [], caveats: [], references: [], paragraphs: [], sources: [], otherDates: [], language: "en", warnings: [] } })).id;
    store.commit();
    store.annotations.addAnnotation({ documentId: report, quote: "saffron", body: "", tags: ["Prel", "gifts"], author: "a reporter" });
    const found = (query: string) => searchArchive(store, query, { limit: 50 }).hits.map((hit) => hit.id).sort();
    assert.deepEqual(found("label:prel"), [report]);
    assert.deepEqual(found("tag:prel"), [cable]);
    assert.deepEqual(found("label:GIFTS saffron"), [report]);
    assert.deepEqual(found("karbala OR label:prel"), [report]);
    assert.deepEqual(found("budget -label:gifts"), [cable]);
  });

  it("saves searches under unique names, records their runs, and deletes them", () => {
    const saved = store.annotations.saveSearch({ name: "gifts", query: "saffron OR pistachio", sort: "date", author: "a reporter" });
    assert.deepEqual([saved.lastRunAt, saved.lastTotal, saved.sort], [null, null, "date"]);
    assert.throws(() => store.annotations.saveSearch({ name: "gifts", query: "x", author: "a reporter" }), DecisionError);
    assert.throws(() => store.annotations.saveSearch({ name: "42", query: "x", author: "a reporter" }), DecisionError);
    const run = store.annotations.recordSearchRun(saved.id, 3);
    assert.equal(run.lastTotal, 3);
    assert.ok(run.lastRunAt);
    assert.deepEqual(store.annotations.getSavedSearch("gifts"), run);
    store.annotations.deleteSavedSearch(saved.id);
    assert.deepEqual(store.annotations.listSavedSearches(), []);
    assert.throws(() => store.annotations.getSavedSearch("gifts"), NotFoundError);
  });

  it("brings an archive of schema 6 up to 7 with its documents intact", () => {
    addDocument("/leak/report.txt", REPORT);
    store.close();
    const raw = new Database(file);
    raw.exec("DROP TABLE annotation_tags; DROP TABLE annotations; DROP TABLE saved_searches");
    raw.pragma("user_version = 6");
    raw.close();
    store = SqliteStore.open(file);
    assert.ok(store.stats().schemaVersion >= 7);
    assert.equal(store.stats().documents, 1);
    assert.deepEqual(store.annotations.tags(), []);
  });
});
