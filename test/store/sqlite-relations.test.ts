import assert from "node:assert/strict";
import path from "node:path";
import { beforeEach, describe, it } from "node:test";
import Database from "better-sqlite3";
import { ArchiveError, NotFoundError } from "../../src/errors.js";
import { aliasKey } from "../../src/extract/entity-resolution.js";
import type { EntityType, Mention } from "../../src/model/entity.js";
import type { MoneyTotal } from "../../src/model/network.js";
import type { RelationRole, RelationType } from "../../src/model/relation.js";
import { paragraphCoOccurrences } from "../../src/pipeline/co-occurrence.js";
import type { RelationToSave } from "../../src/store/relation-store.js";
import { MIGRATIONS, SCHEMA_VERSION } from "../../src/store/sqlite/migrations.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { extracted } from "../helpers/documents.js";
import { tempDir } from "../helpers/temp-dir.js";

const RELATIONS_VERSION = 1;
const FILLER = "walked past the old bazaar and the shrine of the city, ";

/** Fictional reports: a meeting and an instalment in Karbala, an expense statement, an undated note. */
const KARBALA = [
  "Meeting at the photo exhibition",
  "",
  "1. On 2014-12-04 Navid met Harith al-Zubaidi and Abu Karrar Tamimi at the photo exhibition in Karbala.",
  "2. Zubaidi confirmed that four million dollars reached Harith al-Zubaidi's man through the al-Nakhil exchange.",
  `3. Navid then ${FILLER.repeat(8)}and saw Abu Karrar Tamimi again.`,
  `4. ${FILLER.repeat(8)}Harith al-Zubaidi thanked Navid. ${FILLER.repeat(3)}`,
  "",
].join("\n");

const EXPENSES = [
  "Expense statement",
  "",
  "1. Kaveh paid 87.5 euros for gifts to Harith al-Zubaidi.",
  "2. Kaveh gave 500,000 tomans to Abu Karrar Tamimi as a gift.",
  "3. In November 2,000,000 rials went to Abu Karrar Tamimi.",
  "4. An unstated sum was promised to Tamimi.",
  "",
].join("\n");

const NOTE = "Note\n\nSource 1734 reports to Navid, who reports to Headquarters.\n";

/** Where `name` is in `text`, searched from where `after` ends. */
function spanOf(text: string, name: string, after = ""): { start: number; end: number } {
  const from = after === "" ? 0 : text.indexOf(after) + after.length;
  const start = text.indexOf(name, from);
  assert.ok(start >= 0 && (after === "" || text.indexOf(after) >= 0), `${name} is in the text`);
  return { start, end: start + name.length };
}

interface Fixture {
  store: SqliteStore;
  documents: { karbala: number; expenses: number; note: number };
  entities: Record<"navid" | "harith" | "zubaidi" | "tamimi" | "karbala" | "kaveh" | "source" | "headquarters", number>;
}

/** An archive holding the three reports with their mentions resolved by hand, and their relations saved as the stage would. */
function fixture(): Fixture {
  const store = SqliteStore.open(path.join(tempDir(), "relations.db"));
  const documents = {
    karbala: store.saveDocument(extracted("/leak/karbala.txt", KARBALA, { date: "2014-12-05" })).id,
    expenses: store.saveDocument(extracted("/leak/expenses.txt", EXPENSES, { date: "2014-11-03" })).id,
    note: store.saveDocument(extracted("/leak/note.txt", NOTE)).id,
  };
  const named = (type: EntityType, name: string) => ({ type, name });
  const spellings = {
    navid: named("person", "Navid"),
    harith: named("person", "Harith al-Zubaidi"),
    zubaidi: named("person", "Zubaidi"),
    tamimi: named("person", "Abu Karrar Tamimi"),
    karbala: named("place", "Karbala"),
    kaveh: named("person", "Kaveh"),
    source: named("source", "Source 1734"),
    headquarters: named("organization", "Headquarters"),
  };
  // Every whole-word occurrence; "Zubaidi" inside "Harith al-Zubaidi" is not one.
  const mentionsIn = (text: string): Array<Mention & { name: string }> =>
    Object.values(spellings).flatMap(({ type, name }) =>
      [...text.matchAll(new RegExp(`(?<![\\w-])${name}(?![\\w])`, "g"))].map((match) => ({
        type, text: name, start: match.index, end: match.index + name.length, name, normalized: aliasKey(name), attributes: {}, origin: "rule" as const, confidence: 1,
      })),
    );
  for (const [id, text] of [[documents.karbala, KARBALA], [documents.expenses, EXPENSES], [documents.note, NOTE]] as const) store.entities.saveMentions(id, 1, mentionsIn(text));
  const entities = Object.fromEntries(Object.entries(spellings).map(([key, { type, name }]) => {
    const id = store.entities.createEntity(type, name);
    store.entities.addAlias(id, type, aliasKey(name), name, []);
    store.entities.attachMentions(type, aliasKey(name), id);
    return [key, id];
  })) as Fixture["entities"];

  const party = (text: string, role: RelationRole, name: string, entity: keyof Fixture["entities"] | null, after = "") => {
    const span = entity === null && after === "" ? { start: null, end: null } : spanOf(text, name, after);
    return { role, name, entityType: entity === null ? null : spellings[entity].type, ...span, entityId: entity === null ? null : entities[entity] };
  };
  const relation = (text: string, type: RelationType, sentence: string, participants: RelationToSave["participants"], extra: Partial<RelationToSave> = {}): RelationToSave => {
    const evidence = { ...spanOf(text, sentence), text: sentence };
    const roles: RelationToSave["roles"] = {};
    for (const participant of participants) (roles[participant.role] ??= []).push(participant.name);
    return { type, roles, participants, date: null, place: null, amount: null, currency: null, quality: null, evidence, confidence: 0.8, ...extra };
  };

  const k = KARBALA;
  store.relations.saveRelations(documents.karbala, RELATIONS_VERSION, [
    relation(k, "meeting", "On 2014-12-04 Navid met Harith al-Zubaidi and Abu Karrar Tamimi at the photo exhibition in Karbala.", [
      party(k, "participant", "Navid", "navid"), party(k, "participant", "Harith al-Zubaidi", "harith"), party(k, "participant", "Abu Karrar Tamimi", "tamimi"), party(k, "place", "Karbala", "karbala"),
    ], { date: "2014-12-04", place: "Karbala", cover: "a photo exhibition" }),
    relation(k, "payment", "Zubaidi confirmed that four million dollars reached Harith al-Zubaidi's man through the al-Nakhil exchange.", [
      party(k, "payer", "we", null), party(k, "payee", "Zubaidi", "zubaidi", "2. "), { ...party(k, "intermediary", "al-Nakhil exchange", "karbala", "2. "), entityType: "organization", entityId: null },
    ], { date: "2014-12-01", amount: 4_000_000, currency: "USD", kind: "installment" }),
  ], paragraphCoOccurrences(KARBALA, store.entities.documentMentions(documents.karbala)));

  const e = EXPENSES;
  store.relations.saveRelations(documents.expenses, RELATIONS_VERSION, [
    relation(e, "payment", "Kaveh paid 87.5 euros for gifts to Harith al-Zubaidi.", [party(e, "payer", "Kaveh", "kaveh"), party(e, "payee", "Harith al-Zubaidi", "harith")],
      { date: "2014-11-03", amount: 87.5, currency: "EUR", kind: "expense", purpose: "gifts" }),
    relation(e, "payment", "Kaveh gave 500,000 tomans to Abu Karrar Tamimi as a gift.", [party(e, "payer", "Kaveh", "kaveh", "2. "), party(e, "payee", "Abu Karrar Tamimi", "tamimi")],
      { date: "2014-11-03", amount: 500_000, currency: "toman", kind: "gift" }),
    relation(e, "payment", "In November 2,000,000 rials went to Abu Karrar Tamimi.", [party(e, "payee", "Abu Karrar Tamimi", "tamimi", "3. ")], { date: "2014-11", amount: 2_000_000, currency: "IRR" }),
    relation(e, "payment", "An unstated sum was promised to Tamimi.", [{ ...party(e, "payee", "Tamimi", "tamimi", "4. "), entityId: null }]),
  ], paragraphCoOccurrences(EXPENSES, store.entities.documentMentions(documents.expenses)));

  store.relations.saveRelations(documents.note, RELATIONS_VERSION, [
    relation(NOTE, "reporting", "Source 1734 reports to Navid, who reports to Headquarters.", [
      party(NOTE, "source", "Source 1734", "source"), party(NOTE, "handler", "Navid", "navid"), party(NOTE, "headquarters", "Headquarters", "headquarters"),
    ], { date: "2015-01" }),
  ], []);
  store.commit();
  return { store, documents, entities };
}

function pairKey(a: number, b: number): string {
  return a < b ? `${a}-${b}` : `${b}-${a}`;
}

describe("relations in the SQLite archive", () => {
  let f: Fixture;

  beforeEach(() => {
    f = fixture();
  });

  it("gives back what was saved: participants with their entities, roles, evidence, optional fields only when set", () => {
    const [meeting, instalment] = f.store.relations.listRelations({ documentId: f.documents.karbala });
    assert.equal(meeting!.type, "meeting");
    assert.equal(meeting!.documentTitle, "Meeting at the photo exhibition");
    assert.deepEqual(meeting!.participants.map((participant) => participant.entityId), [f.entities.navid, f.entities.harith, f.entities.tamimi, f.entities.karbala]);
    assert.deepEqual(meeting!.roles, { participant: ["Navid", "Harith al-Zubaidi", "Abu Karrar Tamimi"], place: ["Karbala"] });
    assert.equal(meeting!.cover, "a photo exhibition");
    assert.equal(KARBALA.slice(meeting!.evidence.start, meeting!.evidence.end), meeting!.evidence.text);
    assert.equal("kind" in meeting!, false, "a meeting has no payment kind");

    assert.equal(instalment!.amount, 4_000_000);
    assert.equal(instalment!.kind, "installment");
    assert.deepEqual(instalment!.participants[0], { role: "payer", name: "we", entityType: null, start: null, end: null, entityId: null }, "an implied payer keeps its raw name");
    assert.equal(instalment!.participants[2]!.entityId, null, "a named intermediary that resolved to nothing");
  });

  it("filters by type, document and entity, and counts what it lists", () => {
    const relations = f.store.relations;
    assert.equal(relations.countRelations(), 7);
    assert.equal(relations.countRelations({ type: "payment" }), 5);
    assert.equal(relations.countRelations({ documentId: f.documents.expenses }), 4);
    assert.deepEqual(relations.listRelations({ entityId: f.entities.tamimi }).map((relation) => relation.evidence.text), [
      "On 2014-12-04 Navid met Harith al-Zubaidi and Abu Karrar Tamimi at the photo exhibition in Karbala.",
      "Kaveh gave 500,000 tomans to Abu Karrar Tamimi as a gift.",
      "In November 2,000,000 rials went to Abu Karrar Tamimi.",
    ], "the unresolved 'Tamimi' is not taken for him");
    assert.equal(relations.countRelations({ type: "payment", entityId: f.entities.kaveh }), 2);
    assert.equal(relations.listRelations({ limit: 2, offset: 6 }).length, 1);
    assert.throws(() => relations.listRelations({ entityId: 9999 }), (error) => error instanceof NotFoundError);
  });

  it("replaces a document's relations when it is read again, and no longer lists it as pending", () => {
    const relations = f.store.relations;
    assert.equal(relations.countPendingRelationDocuments(RELATIONS_VERSION), 0);
    assert.equal(relations.countPendingRelationDocuments(RELATIONS_VERSION + 1), 3, "a newer extractor reads everything again");
    const again = relations.listRelations({ documentId: f.documents.note });
    relations.saveRelations(f.documents.note, RELATIONS_VERSION, again.map(({ participants, ...relation }) => ({ ...relation, participants })), []);
    f.store.commit();
    assert.equal(relations.countRelations(), 7);
    assert.deepEqual(relations.pendingRelationDocuments(RELATIONS_VERSION + 1, 10, f.documents.karbala).map((document) => document.id), [f.documents.expenses, f.documents.note], "paged after an id");
    const [pending] = relations.pendingRelationDocuments(RELATIONS_VERSION + 1, 1);
    assert.equal(pending!.text, KARBALA);
    assert.equal(pending!.date, "2014-12-05");
    assert.ok(pending!.mentions.some((mention) => mention.entityId === f.entities.tamimi), "with its resolved mentions");
  });

  it("reads a document again once its mentions are replaced, and drops its relations once its text is", () => {
    const relations = f.store.relations;
    f.store.entities.saveMentions(f.documents.note, 2, []);
    f.store.commit();
    assert.deepEqual(relations.pendingRelationDocuments(RELATIONS_VERSION, 10).map((document) => document.id), [f.documents.note]);
    assert.equal(relations.countRelations({ documentId: f.documents.note }), 1, "kept until read again");

    f.store.saveDocument(extracted("/leak/expenses.txt", "Expense statement, corrected\n\nNothing was paid.\n", { date: "2014-11-03" }));
    f.store.commit();
    assert.equal(relations.countRelations({ documentId: f.documents.expenses }), 0, "offsets into the old text mean nothing in the new one");
    assert.ok(relations.timeline({ kinds: ["payment"] }).events.every((event) => event.documentId !== f.documents.expenses));
    assert.equal(relations.countPendingRelationDocuments(RELATIONS_VERSION), 2);
  });

  it("follows a merge of entities in every view", () => {
    const { store, entities } = f;
    const zubaidiBefore = store.relations.listRelations({ entityId: entities.zubaidi }).length;
    assert.equal(zubaidiBefore, 1);
    store.entities.mergeEntities(entities.harith, [entities.zubaidi]);
    store.commit();
    for (const id of [entities.harith, entities.zubaidi]) {
      assert.deepEqual(store.relations.listRelations({ entityId: id }).map((relation) => relation.type), ["meeting", "payment", "payment"], `asked as ${id}`);
    }
    const instalment = store.relations.listRelations({ documentId: f.documents.karbala, type: "payment" })[0]!;
    assert.equal(instalment.participants[1]!.entityId, entities.harith, "the participant shows the entity it lives on as");
    const links = [...store.relations.networkLinks()];
    assert.ok(links.every((link) => link.source !== link.target), "the paragraph naming both spellings is no longer a link");
    assert.ok(!links.some((link) => link.source === entities.zubaidi || link.target === entities.zubaidi));
    assert.ok(!store.relations.networkEntities().some((entity) => entity.id === entities.zubaidi));
    const payee = store.relations.moneyLedger().totals.byPayee.find((total) => total.currency === "USD");
    assert.equal(payee?.entityId, entities.harith);
    assert.equal(store.relations.timeline({ entityId: entities.zubaidi }).total, store.relations.timeline({ entityId: entities.harith }).total);
  });

  it("reads again the documents whose mentions a split moves, and only those", () => {
    const { store, entities, documents } = f;
    store.entities.mergeEntities(entities.harith, [entities.zubaidi]);
    store.commit();
    assert.equal(store.relations.countPendingRelationDocuments(RELATIONS_VERSION), 0);
    store.entities.splitEntity(entities.harith, ["Zubaidi"]);
    store.commit();
    const pending = store.relations.pendingRelationDocuments(RELATIONS_VERSION, 10).map((document) => document.id);
    assert.deepEqual(pending, [documents.karbala], "the report naming Zubaidi alone, not the expense statement");
  });
});

describe("the network read from relations and paragraphs", () => {
  it("links every two resolved participants of a relation, and every two entities of a paragraph", () => {
    const { store, entities } = fixture();
    const links = [...store.relations.networkLinks()];
    const byKind = (kind: string) => links.filter((link) => link.kind === kind);
    assert.deepEqual(byKind("meeting").map((link) => pairKey(link.source, link.target)).sort(),
      [[entities.navid, entities.harith], [entities.navid, entities.tamimi], [entities.navid, entities.karbala], [entities.harith, entities.tamimi], [entities.harith, entities.karbala], [entities.tamimi, entities.karbala]].map(([a, b]) => pairKey(a!, b!)).sort());
    assert.deepEqual(byKind("payment").map((link) => [link.source, link.target]), [[entities.kaveh, entities.harith], [entities.kaveh, entities.tamimi]], "payer → payee; a payment with one resolved party links nothing");
    assert.equal(byKind("reporting").length, 3, "source–handler, source–headquarters, handler–headquarters");
    assert.ok(links.every((link) => link.relationId !== null || link.kind === "co-occurrence"));

    const paragraphLinks = byKind("co-occurrence").map((link) => {
      assert.equal(link.evidence.text, null, "a paragraph is read only when a path shows it");
      return { ...link, evidence: store.relations.linkEvidence(link) };
    });
    assert.ok(paragraphLinks.some((link) => pairKey(link.source, link.target) === pairKey(entities.zubaidi, entities.harith)));
    const far = paragraphLinks.find((link) => link.evidence.text.includes(" … "));
    assert.ok(far, "names far apart in a long paragraph are shown with the middle elided");
    assert.match(far.evidence.text, /^Navid then .*Abu Karrar Tamimi again\.$/s);
    assert.ok(far.evidence.text.length <= 310);
    const near = paragraphLinks.find((link) => pairKey(link.source, link.target) === pairKey(entities.harith, entities.navid) && link.evidence.text.includes("thanked"));
    assert.ok(near);
    assert.ok(near.evidence.text.length <= 300 && near.evidence.text.includes("Harith al-Zubaidi thanked Navid."));
    assert.equal(KARBALA.slice(near.evidence.start, near.evidence.end), near.evidence.text, "a window that needs no elision is the text at its offsets");
    assert.match(near.evidence.text, /^\S/u, "cut between words");

    const nodes = store.relations.networkEntities();
    assert.deepEqual(nodes.map((node) => node.id).sort((a, b) => a - b), Object.values(entities).sort((a, b) => a - b));
    assert.equal(nodes.find((node) => node.id === entities.tamimi)?.mentions, 4, "two reports name him twice each");
    store.close();
  });
});

describe("the timeline", () => {
  it("orders relations and documents by date, a month before its days, then by document", () => {
    const { store, documents } = fixture();
    const view = store.relations.timeline();
    assert.equal(view.total, 8);
    assert.deepEqual(view.events.map((event) => [event.date, event.relationType ?? "document"]), [
      ["2014-11", "payment"],
      ["2014-11-03", "document"],
      ["2014-11-03", "payment"],
      ["2014-11-03", "payment"],
      ["2014-12-01", "payment"],
      ["2014-12-04", "meeting"],
      ["2014-12-05", "document"],
      ["2015-01", "reporting"],
    ]);
    const meeting = view.events[5]!;
    assert.equal(meeting.summary, "meeting: Navid, Harith al-Zubaidi, Abu Karrar Tamimi (a photo exhibition) — Karbala");
    assert.deepEqual(meeting.entities.map((entity) => entity.name), ["Navid", "Harith al-Zubaidi", "Abu Karrar Tamimi", "Karbala"]);
    assert.equal(view.events[2]!.summary, "payment: Kaveh → Harith al-Zubaidi, 87.5 EUR (expense)");
    assert.equal(view.events[4]!.summary, "payment: we → Zubaidi via al-Nakhil exchange, 4,000,000 USD (installment)");
    const cable = view.events[6]!;
    assert.deepEqual({ ...cable }, { date: "2014-12-05", kind: "document", relationType: null, relationId: null, documentId: documents.karbala, documentTitle: "Meeting at the photo exhibition", summary: "Meeting at the photo exhibition", entities: [], evidence: null });
    store.close();
  });

  it("filters by kind, by entity and by a date range that overlaps partial dates, and pages", () => {
    const { store, entities } = fixture();
    const timeline = store.relations.timeline.bind(store.relations);
    const kinds = (query: Parameters<typeof timeline>[0]) => timeline(query).events.map((event) => `${event.date} ${event.relationType ?? "document"}`);
    assert.deepEqual(kinds({ kinds: ["document"] }), ["2014-11-03 document", "2014-12-05 document"]);
    assert.equal(timeline({ kinds: ["payment"] }).total, 4, "the undated payment is not on the timeline");
    assert.deepEqual(kinds({ from: "2014-12" }), ["2014-12-01 payment", "2014-12-04 meeting", "2014-12-05 document", "2015-01 reporting"]);
    assert.deepEqual(kinds({ to: "2014-11-03" }), ["2014-11 payment", "2014-11-03 document", "2014-11-03 payment", "2014-11-03 payment"]);
    assert.deepEqual(kinds({ from: "2015-01-15", to: "2015-12-31" }), ["2015-01 reporting"], "January 2015 overlaps the 15th");
    assert.deepEqual(kinds({ entityId: entities.tamimi }), ["2014-11 payment", "2014-11-03 document", "2014-11-03 payment", "2014-12-04 meeting", "2014-12-05 document"]);
    assert.deepEqual(kinds({ entityId: entities.kaveh, kinds: ["meeting"] }), []);
    const page = timeline({ limit: 3, offset: 2 });
    assert.equal(page.total, 8);
    assert.deepEqual(page.events.map((event) => event.date), ["2014-11-03", "2014-11-03", "2014-12-01"]);
    store.close();
  });
});

describe("the money ledger", () => {
  it("lists every payment with its evidence and totals per currency, never across currencies", () => {
    const { store, entities } = fixture();
    const ledger = store.relations.moneyLedger();
    assert.deepEqual(ledger.lines.map((line) => [line.date, line.amount, line.currency, line.kind]), [
      ["2014-11", 2_000_000, "IRR", "other"],
      ["2014-11-03", 87.5, "EUR", "expense"],
      ["2014-11-03", 500_000, "toman", "gift"],
      ["2014-12-01", 4_000_000, "USD", "installment"],
      [null, null, null, "other"],
    ]);
    const first = ledger.lines[1]!;
    assert.deepEqual(first.payer, { name: "Kaveh", entityId: entities.kaveh });
    assert.equal(first.purpose, "gifts");
    assert.equal(EXPENSES.slice(first.evidence.start, first.evidence.end), first.evidence.text);

    const totals = (list: MoneyTotal[]) => list.map((total) => `${total.key}: ${total.amount} ${total.currency} (${total.payments})`).sort();
    assert.deepEqual(totals(ledger.totals.byCurrency), ["EUR: 87.5 EUR (1)", "IRR: 2000000 IRR (1)", "USD: 4000000 USD (1)", "toman: 500000 toman (1)"], "tomans and rials apart; the unstated sum adds nothing");
    assert.deepEqual(totals(ledger.totals.byPayer), ["Kaveh: 500000 toman (1)", "Kaveh: 87.5 EUR (1)", "we: 4000000 USD (1)"]);
    assert.deepEqual(totals(ledger.totals.byPayee), ["Abu Karrar Tamimi: 2000000 IRR (1)", "Abu Karrar Tamimi: 500000 toman (1)", "Harith al-Zubaidi: 87.5 EUR (1)", "Zubaidi: 4000000 USD (1)"]);
    assert.deepEqual(totals(ledger.totals.byKind), ["expense: 87.5 EUR (1)", "gift: 500000 toman (1)", "installment: 4000000 USD (1)", "other: 2000000 IRR (1)"]);

    const kaveh = store.relations.moneyLedger({ entityId: entities.kaveh });
    assert.equal(kaveh.lines.length, 2);
    assert.deepEqual(totals(kaveh.totals.byCurrency), ["EUR: 87.5 EUR (1)", "toman: 500000 toman (1)"]);
    store.close();
  });

  it("adds payments of one party in one currency", () => {
    const { store, documents, entities } = fixture();
    const [expense] = store.relations.listRelations({ documentId: documents.expenses });
    const { id: _id, documentId: _document, documentTitle: _title, ...saved } = expense!;
    store.relations.saveRelations(documents.note, RELATIONS_VERSION, [{ ...saved, amount: 0.1 }, { ...saved, amount: 0.2 }], []);
    store.commit();
    const byPayer = store.relations.moneyLedger({ entityId: entities.kaveh }).totals.byPayer.find((total) => total.currency === "EUR");
    assert.deepEqual(byPayer, { key: "Kaveh", entityId: entities.kaveh, currency: "EUR", amount: 87.8, payments: 3 });
    store.close();
  });
});

describe("the relation schema", () => {
  it("is created in a fresh archive, survives reopening, and is added to an archive from before relations", () => {
    const dir = tempDir();
    const fresh = SqliteStore.open(path.join(dir, "fresh.db"));
    assert.equal(fresh.stats().schemaVersion, SCHEMA_VERSION);
    fresh.close();
    const reopened = SqliteStore.open(path.join(dir, "fresh.db"), { readonly: true });
    assert.equal(reopened.relations.countRelations(), 0);
    reopened.close();

    const old = path.join(dir, "v4.db");
    const raw = new Database(old);
    for (const migration of MIGRATIONS.filter((candidate) => candidate.version <= 4)) raw.exec(migration.sql);
    raw.pragma("user_version = 4");
    raw.close();
    assert.throws(() => SqliteStore.open(old, { readonly: true }), (error) => error instanceof ArchiveError, "a reader cannot upgrade it");
    const upgraded = SqliteStore.open(old);
    assert.equal(upgraded.stats().schemaVersion, SCHEMA_VERSION);
    const { id } = upgraded.saveDocument(extracted("/leak/x.txt", "Kaveh paid.\n"));
    upgraded.commit();
    assert.deepEqual(upgraded.relations.pendingRelationDocuments(RELATIONS_VERSION, 10).map((document) => document.id), [id]);
    upgraded.close();
  });
});
