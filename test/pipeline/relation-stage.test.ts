import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { before, describe, it } from "node:test";
import Database from "better-sqlite3";
import { RELATION_EXTRACTOR_VERSION } from "../../src/extract/relations/index.js";
import type { EntityType } from "../../src/model/entity.js";
import { MAX_ENTITIES_PER_PARAGRAPH, paragraphCoOccurrences, type PairedMention } from "../../src/pipeline/co-occurrence.js";
import { ingest, type IngestReport } from "../../src/pipeline/ingest-job.js";
import { runRelationStage, type RelationStageProgress } from "../../src/pipeline/relation-stage.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { tempDir } from "../helpers/temp-dir.js";

const SAMPLE_REPORTS = path.resolve("samples/reports");
const RELATION_TABLES = ["relation_participants", "relations", "co_occurrences", "relation_extractions"];

/** Mentions of the given names, each a distinct entity numbered in the order given. */
function mentionsOf(text: string, names: Array<[EntityType, string, number | null]>): PairedMention[] {
  return names.map(([type, name, entityId]) => {
    const start = text.indexOf(name);
    assert.ok(start >= 0, `${name} is in the text`);
    return { type, start, end: start + name.length, entityId };
  });
}

/** Every relation, participant and co-occurrence row as stored, for comparing two archives. */
function relationRows(file: string): Record<string, unknown[]> {
  const database = new Database(file, { readonly: true });
  try {
    return {
      relations: database.prepare("SELECT * FROM relations ORDER BY id").all(),
      participants: database.prepare("SELECT * FROM relation_participants ORDER BY relation_id, position").all(),
      coOccurrences: database.prepare("SELECT * FROM co_occurrences ORDER BY document_id, start, entity_a, entity_b").all(),
    };
  } finally {
    database.close();
  }
}

function documentNamed(store: SqliteStore, name: string): number {
  const row = store.database.prepare("SELECT id FROM documents WHERE name = ?").get(name) as { id: number } | undefined;
  assert.ok(row, `${name} is in the archive`);
  return row.id;
}

describe("paragraph co-occurrences", () => {
  it("pairs the distinct entities of each paragraph, numbered or set apart by blank lines", () => {
    const text = "Meeting in Karbala\n\n1. Navid met Harith al-Zubaidi in Karbala; Harith al-Zubaidi paid $500.\n2. Navid left alone.\n\nNavid and Kaveh wrote to Headquarters.\n";
    const mentions = mentionsOf(text, [
      ["place", "Karbala", 3],
      ["person", "Navid", 1],
      ["person", "Harith al-Zubaidi", 2],
      ["place", "Karbala;", 3],
      ["money", "$500", 90],
      ["person", "Navid left", 1],
      ["person", "Navid and", 1],
      ["person", "Kaveh", 4],
      ["organization", "Headquarters", null],
    ]);
    const pairs = paragraphCoOccurrences(text, mentions);
    assert.deepEqual(pairs.map((pair) => `${pair.a}-${pair.b}`), ["1-2", "1-3", "2-3", "1-4"], "the heading names one entity, paragraph 2 one; money and unresolved names pair with nothing");
    assert.deepEqual([...new Set(pairs.map((pair) => text.slice(pair.start, pair.end)))], ["Navid met Harith al-Zubaidi in Karbala; Harith al-Zubaidi paid $500.", "Navid and Kaveh wrote to Headquarters."]);
  });

  it("reads each line of a list on its own, and lines of wrapped prose together", () => {
    const text = [
      "INFO Embassy Amman",
      "Embassy Ankara",
      "Embassy Cairo, Embassy Doha",
      "",
      "The undersigned met Harith al-Zubaidi on the road south of the city",
      "and, after a long conversation about the coming months, Abu Karrar",
      "Tamimi joined them for lunch at a restaurant near the old bazaar.",
      "",
    ].join("\n");
    const mentions = mentionsOf(text, [
      ["organization", "Embassy Amman", 1],
      ["organization", "Embassy Ankara", 2],
      ["organization", "Embassy Cairo", 3],
      ["organization", "Embassy Doha", 4],
      ["person", "Harith al-Zubaidi", 5],
      ["person", "Abu Karrar\nTamimi", 6],
    ]);
    assert.deepEqual(paragraphCoOccurrences(text, mentions).map((pair) => `${pair.a}-${pair.b}`), ["3-4", "5-6"], "addressees one per line are not linked; names on different lines of wrapped prose are");
  });

  it("pairs only the first 25 entities of a paragraph that lists more", () => {
    const names = Array.from({ length: 60 }, (_, index) => `Person${String(index).padStart(2, "0")}`);
    const text = `Distribution: ${names.join(", ")}.\n`;
    const pairs = paragraphCoOccurrences(text, mentionsOf(text, names.map((name, index): [EntityType, string, number] => ["person", name, index + 1])));
    assert.equal(pairs.length, (MAX_ENTITIES_PER_PARAGRAPH * (MAX_ENTITIES_PER_PARAGRAPH - 1)) / 2);
    assert.ok(pairs.every((pair) => pair.a < pair.b && pair.b <= MAX_ENTITIES_PER_PARAGRAPH));
  });
});

describe("the relation stage of ingest, on the sample reports", () => {
  let archive: string;
  let first: IngestReport;

  before(async () => {
    archive = path.join(tempDir(), "reports.db");
    const store = SqliteStore.open(archive);
    first = await ingest(store, [SAMPLE_REPORTS], { workers: 0 });
    store.close();
  });

  it("reads every report after its entities, with the payments and the meeting they state", () => {
    assert.equal(first.relations?.documents, first.documents.indexed);
    assert.ok(first.relations!.relations > 0 && first.relations!.coOccurrences > 0);
    const store = SqliteStore.open(archive, { readonly: true });
    try {
      assert.equal(store.relations.countPendingRelationDocuments(RELATION_EXTRACTOR_VERSION), 0);
      assert.equal(store.relations.countRelations(), first.relations!.relations);

      const expenses = store.relations.listRelations({ documentId: documentNamed(store, "report-1393-08-12-erbil-expenses.en.txt"), type: "payment" });
      assert.ok(expenses.some((payment) => payment.amount === 87.5 && payment.currency === "EUR"), JSON.stringify(expenses.map((payment) => [payment.amount, payment.currency])));

      const karbala = store.relations.listRelations({ documentId: documentNamed(store, "report-1393-09-14-karbala.fa.txt") });
      assert.ok(karbala.some((relation) => relation.type === "meeting"), "the meeting at the photo exhibition");
      const instalment = karbala.find((relation) => relation.type === "payment" && relation.amount === 4_000_000);
      assert.equal(instalment?.currency, "USD");
      for (const relation of karbala) {
        for (const participant of relation.participants.filter((candidate) => candidate.entityId !== null)) {
          assert.notEqual(participant.start, null, "only a name with a span resolves to an entity");
        }
      }
    } finally {
      store.close();
    }
  });

  it("reads nothing again on a re-run, and changes nothing", async () => {
    const before = relationRows(archive);
    const store = SqliteStore.open(archive);
    const again = await ingest(store, [SAMPLE_REPORTS], { workers: 0 });
    store.close();
    assert.deepEqual(again.relations, { ...again.relations!, documents: 0, relations: 0, coOccurrences: 0 });
    assert.deepEqual(relationRows(archive), before);
  });

  it("gives an archive ingested before relations existed its relations on the next ingest run", async () => {
    const old = path.join(tempDir(), "v4.db");
    copyFileSync(archive, old);
    const raw = new Database(old);
    for (const table of RELATION_TABLES) raw.exec(`DROP TABLE ${table}`);
    raw.pragma("user_version = 4");
    raw.close();

    const store = SqliteStore.open(old);
    const report = await ingest(store, [SAMPLE_REPORTS], { workers: 0 });
    store.close();
    assert.equal(report.files.unchanged, report.files.seen, "no file is read again");
    assert.equal(report.entities?.documents, 0, "nor any text for entities");
    assert.equal(report.relations?.documents, first.relations!.documents);
    assert.deepEqual(relationRows(old), relationRows(archive), "the same relations as an archive that had them from the start");
  });

  it("follows a merge of two participants' entities in the entity filter", () => {
    const copy = path.join(tempDir(), "merge.db");
    copyFileSync(archive, copy);
    const store = SqliteStore.open(copy);
    try {
      const people = new Map<number, Set<number>>();
      for (const relation of store.relations.listRelations({ limit: 10_000 })) {
        for (const participant of relation.participants) {
          if (participant.entityId === null || participant.entityType !== "person") continue;
          if (!people.has(participant.entityId)) people.set(participant.entityId, new Set());
          people.get(participant.entityId)!.add(relation.id);
        }
      }
      const [[kept, keptRelations], [merged, mergedRelations]] = [...people].sort((a, b) => b[1].size - a[1].size) as [[number, Set<number>], [number, Set<number>]];
      store.entities.mergeEntities(kept, [merged]);
      store.commit();
      const expected = [...new Set([...keptRelations, ...mergedRelations])].sort((a, b) => a - b);
      for (const id of [kept, merged]) assert.deepEqual(store.relations.listRelations({ entityId: id, limit: 10_000 }).map((relation) => relation.id).sort((a, b) => a - b), expected);
    } finally {
      store.close();
    }
  });
});

describe("the relation stage, stopped and resumed", () => {
  it("keeps every batch it committed, and a re-run reads only the rest", async () => {
    const folder = path.join(tempDir(), "notes");
    mkdirSync(folder);
    for (let index = 0; index < 150; index++) writeFileSync(path.join(folder, `note-${index}.txt`), `Note ${index}\n\nNavid met Kaveh in Karbala on day ${index}.\n`);
    const file = path.join(tempDir(), "notes.db");
    const store = SqliteStore.open(file);
    await ingest(store, [folder], { workers: 0, entities: false });

    const controller = new AbortController();
    const seen: RelationStageProgress[] = [];
    const stopped = await runRelationStage(store, {
      signal: controller.signal,
      onProgress(progress) {
        seen.push({ ...progress });
        if (progress.documentsDone > 0) controller.abort();
      },
    });
    assert.ok(stopped.documents > 0 && stopped.documents < 150, `stopped after a batch (${stopped.documents} read)`);
    assert.deepEqual(seen[0], { documentsTotal: 150, documentsDone: 0, relations: 0, coOccurrences: 0 });
    store.close();

    const reopened = SqliteStore.open(file);
    assert.equal(reopened.relations.countPendingRelationDocuments(RELATION_EXTRACTOR_VERSION), 150 - stopped.documents, "what was committed survives");
    const rest = await runRelationStage(reopened);
    assert.equal(rest.documents, 150 - stopped.documents);
    assert.equal(reopened.relations.countPendingRelationDocuments(RELATION_EXTRACTOR_VERSION), 0);
    reopened.close();
  });
});
