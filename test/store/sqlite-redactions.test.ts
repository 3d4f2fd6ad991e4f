import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, it } from "node:test";
import Database from "better-sqlite3";
import { DecisionError, NotFoundError } from "../../src/errors.js";
import { aliasKey, resolveNames } from "../../src/extract/entity-resolution.js";
import type { EntityType, Mention } from "../../src/model/entity.js";
import { ingest } from "../../src/pipeline/ingest-job.js";
import type { RedactionToAdd } from "../../src/store/redaction-store.js";
import { MIGRATIONS, SCHEMA_VERSION } from "../../src/store/sqlite/migrations.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { extracted } from "../helpers/documents.js";
import { tempDir } from "../helpers/temp-dir.js";

const REPORT = "Source 134905 met Muhannad Salim at No. 14, Alley 7, Jadriya. Call 07712640388.\n";

let store: SqliteStore;

function addDocument(locator: string, text: string): number {
  return store.saveDocument(extracted(locator, text)).id;
}

/** A span of `words` in a document's text, the `occurrence`-th one. */
function span(documentId: number, words: string, occurrence = 0): { documentId: number; start: number; end: number } {
  const text = store.redactions.documentText(documentId);
  let start = -1;
  for (let seen = 0; seen <= occurrence; seen++) start = text.indexOf(words, start + 1);
  assert.ok(start >= 0, `${words} is in document ${documentId}`);
  return { documentId, start, end: start + words.length };
}

function suggested(documentId: number, words: string, extra: Partial<RedactionToAdd> = {}): RedactionToAdd {
  return { ...span(documentId, words), reason: "source", status: "suggested", author: "trove", note: "informant number", ...extra };
}

function mentionsOf(text: string, names: Array<[EntityType, string]>): Array<Mention & { name: string }> {
  return names.map(([type, name]) => {
    const start = text.indexOf(name);
    return { type, text: name, start, end: start + name.length, name, normalized: aliasKey(name), attributes: {}, origin: "model", confidence: 1 };
  });
}

beforeEach(() => {
  store = SqliteStore.open(path.join(tempDir(), "redactions.db"));
});

describe("redactions in the SQLite archive", () => {
  it("adds, lists, counts and reads redactions with the text they cover", () => {
    const id = addDocument("/leak/a.txt", REPORT);
    const [number, phone] = store.redactions.addRedactions([
      suggested(id, "134905"),
      { ...span(id, "07712640388"), reason: "phone", status: "accepted", author: "a reporter", note: "the office director's mobile" },
    ]);
    const redaction = store.redactions.getRedaction(number!);
    assert.equal(redaction.text, "134905");
    assert.equal(REPORT.slice(redaction.start, redaction.end), redaction.text);
    assert.deepEqual(
      { status: redaction.status, author: redaction.author, decidedBy: redaction.decidedBy, decidedAt: redaction.decidedAt, entityId: redaction.entityId, reason: redaction.reason },
      { status: "suggested", author: "trove", decidedBy: null, decidedAt: null, entityId: null, reason: "source" },
    );
    assert.ok(!("detachedAt" in redaction), "only a detached redaction says so");
    const accepted = store.redactions.getRedaction(phone!);
    assert.equal(accepted.decidedBy, "a reporter", "a reporter's own redaction is decided when it is made");
    assert.ok(accepted.decidedAt);

    assert.deepEqual(store.redactions.listRedactions().map((entry) => entry.id), [number, phone], "in text order");
    assert.equal(store.redactions.countRedactions({ status: "suggested" }), 1);
    assert.deepEqual(store.redactions.listRedactions({ reason: "phone", documentId: id }).map((entry) => entry.id), [phone]);
    assert.deepEqual(store.redactions.listRedactions({ limit: 1, offset: 1 }).map((entry) => entry.id), [phone]);
    assert.deepEqual(store.redactions.acceptedRedactions(id).map((entry) => entry.id), [phone]);
  });

  it("adds a span once, and never lets a suggestion override a reporter's decision", () => {
    const id = addDocument("/leak/a.txt", REPORT);
    const [first] = store.redactions.addRedactions([suggested(id, "134905")]);
    store.redactions.decideRedaction(first!, "rejected", "a reporter", "a published number");
    const [again] = store.redactions.addRedactions([suggested(id, "134905")]);
    assert.equal(again, first);
    assert.equal(store.redactions.countRedactions(), 1);
    assert.equal(store.redactions.getRedaction(first!).status, "rejected", "the rejection stands");
    assert.equal(store.redactions.getRedaction(first!).note, "a published number");

    const [phone] = store.redactions.addRedactions([suggested(id, "07712640388", { reason: "phone" })]);
    const [manual] = store.redactions.addRedactions([{ ...span(id, "07712640388"), reason: "manual", status: "accepted", author: "a reporter" }]);
    assert.equal(manual, phone, "a reporter's redaction of a suggested span decides the suggestion");
    const decided = store.redactions.getRedaction(phone!);
    assert.equal(decided.status, "accepted");
    assert.equal(decided.decidedBy, "a reporter");
    assert.equal(decided.reason, "phone", "the reason the span was found stays");
  });

  it("records who decided what, and lets a reporter change their mind", () => {
    const id = addDocument("/leak/a.txt", REPORT);
    const [redaction] = store.redactions.addRedactions([suggested(id, "134905")]);
    const accepted = store.redactions.decideRedaction(redaction!, "accepted", "a reporter");
    assert.equal(accepted.status, "accepted");
    assert.equal(accepted.decidedBy, "a reporter");
    store.redactions.decideRedaction(redaction!, "rejected", "an editor", "cleared by the source");
    assert.deepEqual(
      store.redactions.redactionHistory(redaction!).map((event) => [event.kind, event.by, event.note]),
      [["accepted", "a reporter", null], ["rejected", "an editor", "cleared by the source"]],
    );
    assert.deepEqual(store.redactions.acceptedRedactions(id), []);
  });

  it("refuses what cannot be a redaction, with typed errors", () => {
    const id = addDocument("/leak/a.txt", REPORT);
    const bad = (extra: Partial<RedactionToAdd>) => () => store.redactions.addRedactions([{ ...suggested(id, "134905"), ...extra }]);
    assert.throws(bad({ end: REPORT.length + 1 }), DecisionError);
    assert.throws(bad({ start: 5, end: 5 }), DecisionError);
    assert.throws(bad({ author: " " }), DecisionError);
    assert.throws(bad({ documentId: 999 }), NotFoundError);
    assert.throws(bad({ entityId: 999 }), NotFoundError);
    assert.throws(() => store.redactions.getRedaction(999), NotFoundError);
    assert.throws(() => store.redactions.decideRedaction(999, "accepted", "a reporter"), NotFoundError);
    assert.equal(store.redactions.countRedactions(), 0, "nothing half-added");
  });

  it("follows entity merges, and gives every mention of an entity and of those merged into it", () => {
    // Two names resolution keeps apart, which a reporter then finds to be one person.
    const text = "Muhannad Salim met Abu Layla.\n";
    const id = addDocument("/leak/a.txt", text);
    store.entities.saveMentions(id, 1, mentionsOf(text, [["person", "Muhannad Salim"], ["person", "Abu Layla"]]));
    resolveNames(store.entities, store.entities.unresolvedNames(10));
    const [first, second] = store.entities.documentMentions(id).map((mention) => mention.entityId!);
    assert.notEqual(first, second);
    const [redaction] = store.redactions.addRedactions([{ ...span(id, "Abu Layla"), entityId: second, reason: "manual", status: "accepted", author: "a reporter" }]);
    store.entities.mergeEntities(first!, [second!]);
    assert.deepEqual(store.redactions.redactedEntityIds(), [first]);
    assert.equal(store.redactions.getRedaction(redaction!).entityId, first);
    assert.deepEqual(store.redactions.listRedactions({ entityId: second! }).map((entry) => entry.id), [redaction]);
    assert.deepEqual(store.redactions.entityMentions(second!).map((mention) => mention.text), ["Muhannad Salim", "Abu Layla"]);
  });

  it("gives a duplicate its original's redactions, and lists only indexed documents to read", () => {
    const original = addDocument("/leak/a.txt", REPORT);
    const duplicate = addDocument("/leak/copy-of-a.txt", REPORT);
    store.redactions.addRedactions([{ ...span(original, "07712640388"), reason: "phone", status: "accepted", author: "a reporter" }]);
    assert.equal(store.redactions.documentText(duplicate), REPORT);
    assert.deepEqual(store.redactions.acceptedRedactions(duplicate).map((entry) => entry.text), ["07712640388"]);
    assert.deepEqual(store.redactions.redactableDocumentIds(), [original]);
  });
});

describe("redactions when re-ingest replaces a document's text", () => {
  it("keeps those still in place, moves those whose words moved, detaches accepted ones whose words are gone", () => {
    const id = addDocument("/leak/a.txt", REPORT);
    const [number, phone, address, plate] = store.redactions.addRedactions([
      { ...span(id, "134905"), reason: "source", status: "accepted", author: "a reporter" },
      { ...span(id, "07712640388"), reason: "phone", status: "accepted", author: "a reporter" },
      { ...span(id, "No. 14, Alley 7, Jadriya"), reason: "address", status: "accepted", author: "a reporter" },
      suggested(id, "Muhannad Salim", { reason: "linked-to-source" }),
    ]);
    store.commit();
    const revised = "Source 134905 met the director at his office. Later: call 07712640388.\n";
    const again = store.saveDocument(extracted("/leak/a.txt", revised));
    assert.equal(again.id, id);

    const kept = store.redactions.getRedaction(number!);
    assert.equal(revised.slice(kept.start, kept.end), "134905");
    const moved = store.redactions.getRedaction(phone!);
    assert.equal(revised.slice(moved.start, moved.end), "07712640388", "moved to where the number now stands");
    assert.deepEqual(store.redactions.redactionHistory(phone!).map((event) => event.kind), ["accepted", "moved"]);

    const detached = store.redactions.getRedaction(address!);
    assert.ok(detached.detachedAt, "the address is gone from the text: detached, never dropped");
    assert.equal(detached.status, "accepted");
    assert.equal(detached.text, "No. 14, Alley 7, Jadriya");
    assert.deepEqual(store.redactions.listRedactions({ detached: true }).map((entry) => entry.id), [address]);
    assert.deepEqual(store.redactions.acceptedRedactions(id).map((entry) => entry.text), ["134905", "07712640388"], "a detached redaction is not applied");
    assert.throws(() => store.redactions.getRedaction(plate!), NotFoundError, "a suggestion whose words are gone has nothing left to decide");
  });

  it("finds moved words again when the new text writes them with other letter forms or digits", () => {
    const id = addDocument("/leak/fa.txt", "دیدار با حارث الزبیدی و منبع ۱۳۴۹۰۵ در کربلا\n");
    const [name, number] = store.redactions.addRedactions([
      { ...span(id, "حارث الزبیدی"), reason: "manual", status: "accepted", author: "a reporter" },
      { ...span(id, "۱۳۴۹۰۵"), reason: "source", status: "accepted", author: "a reporter" },
    ]);
    const revised = "گزارش دوم: دیدار با حارث الزبيدي و منبع 134905 در كربلا\n";
    store.saveDocument(extracted("/leak/fa.txt", revised));
    assert.equal(store.redactions.getRedaction(name!).text, "حارث الزبيدي");
    assert.equal(store.redactions.getRedaction(number!).text, "134905");
    assert.match(store.redactions.redactionHistory(name!).at(-1)!.note ?? "", /now written/);
    assert.equal(store.redactions.countRedactions({ detached: true }), 0);
  });

  it("moves two redactions whose words swapped places, each onto the other's span", () => {
    const id = addDocument("/leak/names.txt", "Present: Fadi Qassouf, Jasim Kadhim.\n");
    const [first, second] = store.redactions.addRedactions([
      { ...span(id, "Fadi Qassouf"), reason: "manual", status: "accepted", author: "a reporter" },
      { ...span(id, "Jasim Kadhim"), reason: "manual", status: "accepted", author: "a reporter" },
    ]);
    const revised = "Present: Jasim Kadhim, Fadi Qassouf.\n";
    store.saveDocument(extracted("/leak/names.txt", revised));
    for (const [redaction, words] of [[first!, "Fadi Qassouf"], [second!, "Jasim Kadhim"]] as const) {
      const moved = store.redactions.getRedaction(redaction);
      assert.equal(revised.slice(moved.start, moved.end), words);
      assert.equal(moved.detachedAt, undefined);
    }
  });

  it("re-attaches a detached redaction when a later ingest brings its words back", () => {
    const id = addDocument("/leak/a.txt", REPORT);
    const [address] = store.redactions.addRedactions([{ ...span(id, "No. 14, Alley 7, Jadriya"), reason: "address", status: "accepted", author: "a reporter" }]);
    store.saveDocument(extracted("/leak/a.txt", "Nothing here.\n"));
    assert.ok(store.redactions.getRedaction(address!).detachedAt);
    store.saveDocument(extracted("/leak/a.txt", `Update. ${REPORT}`));
    const back = store.redactions.getRedaction(address!);
    assert.equal(back.detachedAt, undefined);
    assert.equal(`Update. ${REPORT}`.slice(back.start, back.end), "No. 14, Alley 7, Jadriya");
    assert.deepEqual(store.redactions.redactionHistory(address!).map((event) => event.kind), ["accepted", "detached", "moved"]);
  });

  it("follows a file edited between two real ingest runs", async () => {
    const folder = path.join(tempDir(), "leak");
    mkdirSync(folder);
    const file = path.join(folder, "report.txt");
    writeFileSync(file, REPORT);
    await ingest(store, [folder], { workers: 0, entities: false });
    const [id] = store.redactions.redactableDocumentIds();
    const [phone] = store.redactions.addRedactions([{ ...span(id!, "07712640388"), reason: "phone", status: "accepted", author: "a reporter" }]);
    store.commit();
    writeFileSync(file, `Corrected copy.\n${REPORT}`);
    await ingest(store, [folder], { workers: 0, entities: false });
    const moved = store.redactions.getRedaction(phone!);
    assert.equal(store.redactions.documentText(id!).slice(moved.start, moved.end), "07712640388");
    assert.equal(moved.start, REPORT.indexOf("07712640388") + "Corrected copy.\n".length);
  });
});

describe("the redaction schema", () => {
  it("is added to an archive from before redactions, and survives an archive wound back to an earlier version", () => {
    const dir = tempDir();
    const old = path.join(dir, "v5.db");
    const raw = new Database(old);
    for (const migration of MIGRATIONS.filter((candidate) => candidate.version <= 5)) raw.exec(migration.sql);
    raw.pragma("user_version = 5");
    raw.close();
    const upgraded = SqliteStore.open(old);
    assert.equal(upgraded.stats().schemaVersion, SCHEMA_VERSION);
    const id = upgraded.saveDocument(extracted("/leak/a.txt", REPORT)).id;
    upgraded.redactions.addRedactions([{ documentId: id, start: 7, end: 13, reason: "source", status: "accepted", author: "a reporter" }]);
    upgraded.close();

    const woundBack = new Database(old);
    woundBack.pragma("user_version = 5");
    woundBack.close();
    const reopened = SqliteStore.open(old);
    assert.equal(reopened.redactions.countRedactions(), 1, "a reporter's redactions are never recreated empty");
    reopened.close();
  });
});
