import assert from "node:assert/strict";
import path from "node:path";
import { beforeEach, describe, it } from "node:test";
import { DecisionError, NotFoundError } from "../../src/errors.js";
import { aliasKey, resolveNames } from "../../src/extract/entity-resolution.js";
import type { EntityType, Mention } from "../../src/model/entity.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { extracted } from "../helpers/documents.js";
import { tempDir } from "../helpers/temp-dir.js";

/** Mentions of the given spellings in a text written to contain them, as extraction would report them. */
function mentionsIn(text: string, names: Array<[EntityType, string]>): Array<Mention & { name: string }> {
  return names.map(([type, name]) => {
    const start = text.indexOf(name);
    assert.ok(start >= 0, `${name} is in the text`);
    const normalized = type === "source" ? `source:${name.replace(/\D/g, "")}` : aliasKey(name);
    return { type, text: name, start, end: start + name.length, name, normalized, attributes: type === "person" ? { title: "Brig. Gen." } : {}, origin: "rule", confidence: 1 };
  });
}

let store: SqliteStore;

function addDocument(locator: string, text: string, names: Array<[EntityType, string]>, date?: string): number {
  const { id } = store.saveDocument(extracted(locator, text, date ? { date } : {}));
  store.entities.saveMentions(id, 1, mentionsIn(text, names));
  return id;
}

function resolve(): void {
  resolveNames(store.entities, store.entities.unresolvedNames(1000));
  store.entities.refreshEntityNames();
  store.commit();
}

beforeEach(() => {
  store = SqliteStore.open(path.join(tempDir(), "entities.db"));
});

describe("entities in the SQLite archive", () => {
  it("clusters spellings across scripts into one entity with aliases, counts and dates", () => {
    addDocument("/leak/a.txt", "Brig. Gen. Qassem Soleimani met Source 134832 in Karbala.", [["person", "Qassem Soleimani"], ["source", "Source 134832"], ["place", "Karbala"]], "2014-10-07");
    addDocument("/leak/b.txt", "Qasem Suleimani arrived in Karbala.", [["person", "Qasem Suleimani"], ["place", "Karbala"]], "2014-11-02");
    addDocument("/leak/c.txt", "قاسم سلیمانی در کربلا بود", [["person", "قاسم سلیمانی"]], "2015-01-15");
    resolve();

    const people = store.entities.listEntities({ type: "person" });
    assert.equal(people.length, 1, "three spellings, one person");
    const [person] = people;
    assert.equal(person!.mentionCount, 3);
    assert.equal(person!.documentCount, 3);
    assert.equal(person!.firstDate, "2014-10-07");
    assert.equal(person!.lastDate, "2015-01-15");
    assert.deepEqual(person!.aliases.map((alias) => alias.name).sort(), ["Qasem Suleimani", "Qassem Soleimani", "قاسم سلیمانی"].sort());
    assert.match(person!.name, /^[A-Za-z ]+$/, "a Latin spelling is preferred for display");
    assert.equal(store.entities.listEntities({ type: "source" }).length, 1);
  });

  it("keeps a surname alone apart from the full name: that merge is the reporter's", () => {
    addDocument("/leak/a.txt", "Nechirvan Barzani spoke.", [["person", "Nechirvan Barzani"]]);
    addDocument("/leak/b.txt", "Barzani spoke.", [["person", "Barzani"]]);
    resolve();
    assert.equal(store.entities.listEntities({ type: "person" }).length, 2);
  });

  it("builds a profile with mentions in context, titles and co-occurring entities", () => {
    addDocument("/leak/a.txt", "Brig. Gen. Qassem Soleimani met Source 134832 in Karbala.", [["person", "Qassem Soleimani"], ["source", "Source 134832"], ["place", "Karbala"]], "2014-10-07");
    resolve();
    const [person] = store.entities.listEntities({ type: "person" });
    const profile = store.entities.getEntity(person!.id);
    assert.equal(profile.mentions.length, 1);
    const mention = profile.mentions[0]!;
    assert.equal(mention.passage.slice(mention.highlightStart, mention.highlightEnd), "Qassem Soleimani");
    assert.deepEqual(profile.titles, [{ title: "Brig. Gen.", count: 1 }]);
    assert.deepEqual(profile.coOccurring.map((other) => other.type).sort(), ["place", "source"]);
    assert.deepEqual(profile.linkedIdentities, []);

    const document = profile.mentions[0]!.documentId;
    const inDocument = store.entities.documentMentions(document);
    assert.deepEqual(inDocument.map((entry) => entry.text), ["Qassem Soleimani", "Source 134832", "Karbala"], "in text order");
    assert.equal(inDocument[0]!.entityId, person!.id);
  });

  it("merges, splits and links, and the decisions survive re-ingest of the documents", () => {
    const text = "Abu Mahdi spoke to Source 134832; Jamal Jafar was there.";
    addDocument("/leak/a.txt", text, [["person", "Abu Mahdi"], ["person", "Jamal Jafar"], ["source", "Source 134832"]]);
    resolve();
    const byName = (name: string) => store.entities.entitiesByAlias(aliasKey(name))[0]!;
    const abu = byName("Abu Mahdi");
    const jamal = byName("Jamal Jafar");
    assert.notEqual(abu, jamal);

    store.entities.mergeEntities(jamal, [abu], "the same man, by his kunya");
    store.commit();
    assert.equal(byName("Abu Mahdi"), jamal);
    assert.equal(store.entities.getEntity(abu).mergedFrom, abu, "an old id still opens the merged entity");
    assert.equal(store.entities.getEntity(abu).id, jamal);

    const source = store.entities.entitiesByAlias("source:134832", "source")[0]!;
    store.entities.linkSource(source, jamal, "named in a later report");
    store.commit();
    assert.deepEqual(store.entities.getEntity(source).linkedIdentities, [], "hidden unless asked for");
    assert.deepEqual(store.entities.getEntity(source, { showSourceLinks: true }).linkedIdentities.map((identity) => identity.id), [jamal]);

    // Re-ingesting the document replaces its mentions; the aliases still say where they belong.
    addDocument("/leak/a.txt", text, [["person", "Abu Mahdi"], ["person", "Jamal Jafar"], ["source", "Source 134832"]]);
    resolve();
    const people = store.entities.listEntities({ type: "person" });
    assert.equal(people.length, 1);
    assert.equal(people[0]!.mentionCount, 2);

    const split = store.entities.splitEntity(jamal, ["Abu Mahdi"], "two people after all");
    store.commit();
    addDocument("/leak/a.txt", text, [["person", "Abu Mahdi"], ["person", "Jamal Jafar"], ["source", "Source 134832"]]);
    resolve();
    assert.equal(byName("Abu Mahdi"), split);
    assert.equal(byName("Jamal Jafar"), jamal);
    assert.equal(store.entities.listEntities({ type: "person" }).length, 2);
  });

  it("refuses decisions that make no sense, naming what would be right", () => {
    addDocument("/leak/a.txt", "Karbala and Source 7 and Hadi Amiri", [["place", "Karbala"], ["source", "Source 7"], ["person", "Hadi Amiri"]]);
    resolve();
    const place = store.entities.listEntities({ type: "place" })[0]!.id;
    const person = store.entities.listEntities({ type: "person" })[0]!.id;
    assert.throws(() => store.entities.mergeEntities(place, [person]), DecisionError);
    assert.throws(() => store.entities.linkSource(place, person), DecisionError);
    assert.throws(() => store.entities.splitEntity(person, ["Nobody"]), DecisionError);
    assert.throws(() => store.entities.splitEntity(person, ["Hadi Amiri"]), DecisionError, "splitting off every alias");
    assert.throws(() => store.entities.getEntity(9999), NotFoundError);
    assert.equal(store.entities.listEntities({ type: "place" }).length, 1, "a refused decision changes nothing");
  });

  it("reads each document once per extractor version and again when it changes", () => {
    const { id } = store.saveDocument(extracted("/leak/a.txt", "text one"));
    store.commit();
    assert.deepEqual(store.entities.pendingExtractions(1, 10).map((document) => document.id), [id]);
    store.entities.saveMentions(id, 1, []);
    store.commit();
    assert.equal(store.entities.countPendingExtractions(1), 0);
    assert.equal(store.entities.countPendingExtractions(2), 1, "a newer extractor reads it again");
    store.saveDocument(extracted("/leak/a.txt", "text two, changed"));
    store.commit();
    assert.equal(store.entities.countPendingExtractions(1), 1, "a changed document is read again");
  });
});
