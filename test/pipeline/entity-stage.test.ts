import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { EXTRACTOR_VERSION, runEntityStage } from "../../src/pipeline/entity-stage.js";
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
    const report = runEntityStage(store);
    assert.equal(report.documents, 2);
    assert.ok(report.mentions >= 3, "a source and money in the English document, a source in the Persian one");
    assert.equal(store.entities.countPendingExtractions(EXTRACTOR_VERSION), 0);
    store.close();
  });
});
