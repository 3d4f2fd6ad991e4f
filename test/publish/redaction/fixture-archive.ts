import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { ingest } from "../../../src/pipeline/ingest-job.js";
import { SqliteStore } from "../../../src/store/sqlite/sqlite-store.js";
import { tempDir } from "../../helpers/temp-dir.js";

/** Sample reports with informants, phones, an e-mail address and a plate, each with its English translation. */
export const SAMPLE_REPORTS = [
  "fa/report-1393-06-25-baghdad.fa.txt",
  "en/report-1393-06-25-baghdad.en.txt",
  "fa/report-1393-07-15-karbala.fa.txt",
  "en/report-1393-07-15-karbala.en.txt",
  "fa/report-1393-09-14-karbala.fa.txt",
  "en/report-1393-09-14-karbala.en.txt",
];
/** A report written for these tests, in Persian and English: an address, a plate, a phone and an e-mail in both. */
export const SAFE_HOUSE = ["safe-house.fa.txt", "safe-house.en.txt"];

/**
 * An archive ingested for real from the sample reports and the safe-house
 * fixture, built once and copied for each caller so that tests may change it.
 */
let built: string | undefined;

export async function fixtureArchive(): Promise<string> {
  if (!built) {
    const leak = path.join(tempDir(), "leak");
    mkdirSync(leak);
    for (const report of SAMPLE_REPORTS) copyFileSync(path.resolve("samples/reports", report), path.join(leak, path.basename(report)));
    for (const file of SAFE_HOUSE) copyFileSync(path.resolve("test/publish/redaction/fixtures", file), path.join(leak, file));
    built = path.join(tempDir(), "archive.db");
    const store = SqliteStore.open(built);
    await ingest(store, [leak], { workers: 0 });
    store.close();
  }
  const copy = path.join(tempDir(), "archive.db");
  copyFileSync(built, copy);
  return copy;
}

/** The id of the document with this file name. */
export function documentNamed(store: SqliteStore, name: string): number {
  const row = store.database.prepare("SELECT id FROM documents WHERE name = ?").get(name) as { id: number } | undefined;
  if (!row) throw new Error(`no document ${name} in the fixture archive`);
  return row.id;
}
