import assert from "node:assert/strict";
import path from "node:path";
import { before, describe, it } from "node:test";
import { aliasKey, resolveNames } from "../../src/extract/entity-resolution.js";
import type { EntityType } from "../../src/model/entity.js";
import { parseQuery } from "../../src/search/query-parser.js";
import { describeQuery } from "../../src/search/query.js";
import { searchArchive } from "../../src/search/sqlite-search.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { extracted } from "../helpers/documents.js";
import { tempDir } from "../helpers/temp-dir.js";

let store: SqliteStore;
const ids: Record<string, number> = {};

before(() => {
  store = SqliteStore.open(path.join(tempDir(), "entity-search.db"));
  const add = (key: string, text: string, names: Array<[EntityType, string]>) => {
    const { id } = store.saveDocument(extracted(`/leak/${key}.txt`, text));
    ids[key] = id;
    store.entities.saveMentions(id, 1, names.map(([type, name]) => {
      const start = text.indexOf(name);
      return { type, text: name, start, end: start + name.length, name, normalized: type === "source" ? `source:${name.replace(/\D/g, "")}` : aliasKey(name), attributes: {}, origin: "rule", confidence: 1 };
    }));
  };
  add("visit", "Qassem Soleimani visited the shrine with Source 134832.", [["person", "Qassem Soleimani"], ["source", "Source 134832"]]);
  add("persian", "قاسم سلیمانی در جلسه بود", [["person", "قاسم سلیمانی"]]);
  add("speaker", "The speaker, al-Jubouri, met the envoy.", [["person", "al-Jubouri"]]);
  add("nothing", "A note about the weather and the envoy.", []);
  resolveNames(store.entities, store.entities.unresolvedNames(100));
  store.entities.refreshEntityNames();
  store.commit();
});

const found = (query: string) => new Set(searchArchive(store, query, { limit: 50 }).hits.map((hit) => hit.id));

describe("entity filters in search", () => {
  it("entity: finds every document that mentions the entity, by any alias in any script", () => {
    assert.deepEqual(found('entity:"Qassem Soleimani"'), new Set([ids.visit, ids.persian]));
    assert.deepEqual(found("entity:\"قاسم سليماني\""), new Set([ids.visit, ids.persian]), "Arabic letters find the Persian alias");
    assert.deepEqual(found('entity:"Qasem Suleimani"'), new Set([ids.visit, ids.persian]), "an unseen spelling finds it by name matching");
  });

  it("entity: takes a source number", () => {
    assert.deepEqual(found("entity:134832"), new Set([ids.visit]));
    assert.deepEqual(found("entity:۱۳۴۸۳۲"), new Set([ids.visit]));
  });

  it("name~ matches across scripts and spellings", () => {
    assert.deepEqual(found("name~Jabouri"), new Set([ids.speaker]));
    assert.deepEqual(found("name~الجبوري"), new Set([ids.speaker]));
    assert.deepEqual(found("name~Jabouri envoy"), new Set([ids.speaker]), "combines with words");
    assert.deepEqual(found("envoy -name~Jabouri"), new Set([ids.nothing]));
  });

  it("an unknown name matches nothing rather than failing", () => {
    assert.deepEqual(found('entity:"Nobody Known"'), new Set());
    assert.deepEqual(found("name~Zzyzx"), new Set());
  });

  it("facets the matching documents by the entities they mention", () => {
    const { facets } = searchArchive(store, "envoy OR shrine OR جلسه");
    const person = facets.entity.find((entry) => entry.type === "person" && entry.count === 2);
    assert.ok(person, "the person mentioned in two matching documents");
    assert.ok(facets.entity.some((entry) => entry.type === "source" && entry.count === 1));
  });

  it("name~ reads back as written", () => {
    assert.deepEqual(parseQuery("name~Jabouri"), { kind: "filter", field: "name", value: "Jabouri" });
    assert.equal(describeQuery(parseQuery('name~"al Jabouri" entity:"Qassem Soleimani"')), 'name~"al Jabouri" entity:"Qassem Soleimani"');
    assert.equal(describeQuery({ kind: "term", text: "name~x", prefix: false }), '"name~x"');
  });
});
