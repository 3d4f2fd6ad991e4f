import assert from "node:assert/strict";
import path from "node:path";
import { before, describe, it } from "node:test";
import type { Cable } from "../../src/model/cable.js";
import { searchArchive } from "../../src/search/sqlite-search.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { extracted } from "../helpers/documents.js";
import { tempDir } from "../helpers/temp-dir.js";

function cable(fields: Partial<Cable>): Cable {
  return { layout: "cablegate", otherDates: [], to: [], info: [], caveats: [], tags: [], references: [], paragraphs: [], sources: [], language: "en", warnings: [], ...fields };
}

let store: SqliteStore;
const ids: Record<string, number> = {};

before(() => {
  store = SqliteStore.open(path.join(tempDir(), "cables.db"));
  const add = (key: string, text: string, fields: Partial<Cable>, date?: string) => {
    ids[key] = store.saveDocument(extracted(`/leak/${key}.txt`, text, { cable: cable(fields), ...(date && { date }) })).id;
  };
  add("baghdad", "Minister meets envoy", { reference: "14BAGHDAD98", origin: "AMEMBASSY BAGHDAD", to: ["SECSTATE WASHDC"], info: ["AMEMBASSY AMMAN"], classification: "CONFIDENTIAL", classificationLevel: "CONFIDENTIAL", tags: ["PREL", "IZ"] }, "2014-01-20");
  add("reply", "Washington replies about the envoy", { reference: "14STATE4567", origin: "SECSTATE WASHDC", to: ["AMEMBASSY BAGHDAD"], classification: "SECRET//NOFORN", classificationLevel: "SECRET", tags: ["PREL"], references: [{ label: "A", text: "BAGHDAD 98", canonical: "14BAGHDAD98" }] }, "2014-02-01");
  add("report", "گزارش دیدار", { layout: "field-report", reference: "ک/۵۰۲/۹۳", origin: "Karbala station", to: ["Headquarters"], classification: "سری", classificationLevel: "SECRET", language: "fa" }, "2014-10-07");
  add("plain", "A note with no cable fields", { layout: "generic" });
  store.commit();
});

const found = (query: string) => new Set(searchArchive(store, query, { limit: 50 }).hits.map((hit) => hit.id));

describe("search on parsed cable fields", () => {
  it("filters by sender and by addressee, action or info", () => {
    assert.deepEqual(found("from:baghdad"), new Set([ids.baghdad]));
    assert.deepEqual(found("to:baghdad"), new Set([ids.reply]));
    assert.deepEqual(found("to:amman"), new Set([ids.baghdad]));
    assert.deepEqual(found('from:"karbala station"'), new Set([ids.report]));
  });

  it("filters by classification level, whatever the marking's language", () => {
    assert.deepEqual(found("classification:secret"), new Set([ids.reply, ids.report]));
    assert.deepEqual(found("classification:c"), new Set([ids.baghdad]));
    assert.deepEqual(found("-classification:secret envoy"), new Set([ids.baghdad]));
  });

  it("filters by tag", () => {
    assert.deepEqual(found("tag:prel"), new Set([ids.baghdad, ids.reply]));
    assert.deepEqual(found("tag:iz"), new Set([ids.baghdad]));
  });

  it("finds a cable by reference, and every cable that cites it", () => {
    assert.deepEqual(found("ref:14BAGHDAD98"), new Set([ids.baghdad, ids.reply]));
    assert.deepEqual(found("ref:ک/502/93"), new Set([ids.report]), "digits in any script, punctuation ignored");
  });

  it("facets by classification and origin", () => {
    const { facets } = searchArchive(store, "envoy OR گزارش OR note");
    assert.deepEqual(facets.classification, [{ value: "SECRET", count: 2 }, { value: "CONFIDENTIAL", count: 1 }]);
    assert.deepEqual(facets.origin.map((origin) => origin.value).sort(), ["AMEMBASSY BAGHDAD", "Karbala station", "SECSTATE WASHDC"]);
  });

  it("keeps the cable with the document, linked to the cables it cites and that cite it", () => {
    const reply = store.getDocument(ids.reply!);
    assert.equal(reply.cable?.references[0]?.canonical, "14BAGHDAD98");
    assert.deepEqual(reply.references.map((link) => [link.reference, link.id]), [["BAGHDAD 98", ids.baghdad]]);
    assert.deepEqual(store.getDocument(ids.baghdad!).citedBy.map((link) => link.id), [ids.reply]);
    assert.deepEqual(store.getDocument(ids.plain!).citedBy, []);
  });
});
