import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import Database from "better-sqlite3";
import { EXTRACTOR_VERSION, runEntityStage, type EntityStageProgress } from "../../src/pipeline/entity-stage.js";
import { ingest } from "../../src/pipeline/ingest-job.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { tempDir } from "../helpers/temp-dir.js";

function leak(): string {
  const folder = path.join(tempDir(), "leak");
  mkdirSync(folder);
  writeFileSync(path.join(folder, "one.txt"), "Source 134832 reported a payment of 87.5 euros in Najaf.\n");
  writeFileSync(path.join(folder, "two.txt"), "منبع ۱۳۴۸۳۲ گزارش داد.\n");
  writeFileSync(path.join(folder, "same.txt"), "Source 134832 reported a payment of 87.5 euros in Najaf.\n");
  return folder;
}

const PEOPLE = ["Darius Venn", "Mara Quell", "Tobias Rinehart", "Ilse Marrow", "Omid Farzan", "Celeste Aubry"];
const PLACES = ["Port Alder", "Karbala", "Vellmouth", "Najaf", "Greyhaven"];
const COMPANIES = ["Northgate Trading Company", "Alder Shipping Ltd", "the Greyhaven Port Authority"];

/** `count` fictional field reports, no two alike, in English and Persian, more than one batch of them. */
function reports(count: number): string {
  const folder = path.join(tempDir(), "reports");
  mkdirSync(folder);
  for (let i = 0; i < count; i++) {
    const person = PEOPLE[i % PEOPLE.length]!;
    const other = PEOPLE[(i + 2) % PEOPLE.length]!;
    const place = PLACES[i % PLACES.length]!;
    const company = COMPANIES[i % COMPANIES.length]!;
    const text =
      i % 4 === 3
        ? `گزارش ${i}\nمنبع ۴۴۱${i % 10} در کربلا با سرهنگ داریوش ون دیدار کرد. مبلغ ${100 + i} دلار پرداخت شد. تاریخ ۱۵/۰۷/۹۳.\n`
        : `Field report ${i}\nOn ${1 + (i % 28)} March 2009 Col. ${person} of ${company} met Source 5512${i % 7} in ${place}.\n` +
          `He paid ${1000 + i * 17} euros to ${other}, the deputy minister of transport. Call +44 20 7946 0${String(i % 1000).padStart(3, "0")} or write to desk${i}@northgate.example.\n`;
    writeFileSync(path.join(folder, `report-${String(i).padStart(3, "0")}.txt`), text);
  }
  return folder;
}

/**
 * `copies` archives holding the same reports under the same ids, with no
 * mentions found yet. (Files are ingested a few at a time and may be
 * numbered in a different order by each ingest, so one archive is copied.)
 */
async function archives(input: string, copies: number): Promise<SqliteStore[]> {
  const original = SqliteStore.open(path.join(tempDir(), "archive.db"));
  await ingest(original, [input], { workers: 0, entities: false });
  original.close();
  return Array.from({ length: copies }, () => {
    const copy = path.join(tempDir(), "archive.db");
    copyFileSync(original.location, copy);
    return SqliteStore.open(copy);
  });
}

/** Every mention and entity row as stored, ids included, for comparing two archives. */
function contents(store: SqliteStore): { mentions: unknown[]; entities: unknown[] } {
  const database = new Database(store.location, { readonly: true });
  try {
    return {
      mentions: database.prepare("SELECT id, document_id, entity_id, type, start, end, text, name, normalized, attributes, origin, confidence FROM mentions ORDER BY id").all(),
      entities: database.prepare("SELECT id, type, name FROM entities ORDER BY id").all(),
    };
  } finally {
    database.close();
  }
}

describe("the entity stage of ingest", () => {
  it("finds mentions in new documents and resolves them, reading each document once", async () => {
    const input = leak();
    const store = SqliteStore.open(path.join(tempDir(), "archive.db"));
    const first = await ingest(store, [input], { workers: 0 });
    assert.equal(first.entities?.documents, 2, "the exact duplicate is not read");
    const sources = store.entities.listEntities({ type: "source" });
    assert.equal(sources.length, 1);
    assert.equal(sources[0]!.documentCount, 2);

    const again = await ingest(store, [input], { workers: 0 });
    assert.equal(again.entities?.documents, 0, "unchanged documents are not read again");
    assert.equal(store.entities.listEntities({ type: "source" })[0]!.id, sources[0]!.id, "ids are stable across runs");
    store.close();
  });

  it("catches up on documents ingested without it", async () => {
    const store = SqliteStore.open(path.join(tempDir(), "archive.db"));
    const skipped = await ingest(store, [leak()], { workers: 0, entities: false });
    assert.equal(skipped.entities, undefined);
    assert.equal(store.entities.countPendingExtractions(EXTRACTOR_VERSION), 2);
    const report = await runEntityStage(store);
    assert.equal(report.documents, 2);
    assert.ok(report.mentions >= 3, "a source and money in the English document, a source in the Persian one");
    assert.equal(store.entities.countPendingExtractions(EXTRACTOR_VERSION), 0);
    store.close();
  });

  it("stores exactly the same mentions and entities on worker threads as on the calling thread", async () => {
    const [inThread, threaded] = (await archives(reports(150), 2)) as [SqliteStore, SqliteStore];
    const expected = await runEntityStage(inThread, { workers: 0 });
    const seen: EntityStageProgress[] = [];
    const report = await runEntityStage(threaded, { workers: 2, onProgress: (progress) => seen.push({ ...progress }) });

    assert.equal(report.documents, 150);
    assert.equal(report.mentions, expected.mentions);
    assert.deepEqual(report.resolution, expected.resolution);
    assert.ok(expected.mentions > 150 * 3, "the reports are full of mentions");
    assert.deepEqual(contents(threaded), contents(inThread));
    assert.deepEqual(seen.at(0), { documentsTotal: 150, documentsDone: 0, mentions: 0 });
    assert.deepEqual(seen.at(-1), { documentsTotal: 150, documentsDone: 150, mentions: expected.mentions });
    assert.ok(seen.length >= 3, "progress after every committed batch");

    const again = await runEntityStage(threaded, { workers: 2 });
    assert.equal(again.documents, 0, "a re-run reads nothing");
    assert.deepEqual(contents(threaded), contents(inThread), "and changes nothing");
    inThread.close();
    threaded.close();
  });

  it("stops cleanly when aborted, keeping what it saved, and a re-run reads only the rest", async () => {
    const [store, whole] = (await archives(reports(200), 2)) as [SqliteStore, SqliteStore];
    const controller = new AbortController();
    const stopped = await runEntityStage(store, {
      workers: 2,
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.documentsDone > 0) controller.abort();
      },
    });
    assert.ok(stopped.documents >= 100 && stopped.documents < 200, `stopped after the first batch, not at the end (${stopped.documents} read)`);
    assert.equal(store.entities.countPendingExtractions(EXTRACTOR_VERSION), 200 - stopped.documents);
    store.close();

    const reopened = SqliteStore.open(store.location);
    const rest = await runEntityStage(reopened, { workers: 2 });
    assert.equal(rest.documents, 200 - stopped.documents, "what was saved is not read again");
    assert.equal(reopened.entities.countPendingExtractions(EXTRACTOR_VERSION), 0);

    await runEntityStage(whole, { workers: 0 });
    const withoutEntities = (rows: { mentions: unknown[] }) => rows.mentions.map((row) => ({ ...(row as object), entity_id: undefined }));
    assert.deepEqual(withoutEntities(contents(reopened)), withoutEntities(contents(whole)), "the same mentions as a run never stopped");
    reopened.close();
    whole.close();
  });
});
