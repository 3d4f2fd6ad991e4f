import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createWriteStream, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { once } from "node:events";
import path from "node:path";
import { before, describe, it } from "node:test";
import iconv from "iconv-lite";
import type { ProblemCode } from "../../src/errors.js";
import { ingest, type IngestReport } from "../../src/pipeline/ingest-job.js";
import { searchArchive } from "../../src/search/sqlite-search.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { buildTextPdf } from "../helpers/pdf-writer.js";
import { tempDir } from "../helpers/temp-dir.js";
import { buildZip, deflatedZeros } from "../helpers/zip-writer.js";

const MiB = 1024 * 1024;

async function writeSingleLineFile(file: string, bytes: number): Promise<void> {
  const stream = createWriteStream(file);
  const chunk = Buffer.from("saffron pistachio cologne ".repeat(40_000));
  for (let written = 0; written < bytes; written += chunk.length) {
    if (!stream.write(chunk.subarray(0, Math.min(chunk.length, bytes - written)))) await once(stream, "drain");
  }
  stream.end();
  await once(stream, "finish");
}

describe("ingest job on hostile input", () => {
  let leak: string;
  let store: SqliteStore;
  let report: IngestReport;
  const problemsAt = (relative: string) => report.problems.filter((problem) => problem.locator.startsWith(path.join(leak, relative)));
  const codesAt = (relative: string): ProblemCode[] => problemsAt(relative).map((problem) => problem.code);

  before(async () => {
    leak = path.join(tempDir(), "leak");
    mkdirSync(path.join(leak, "good"), { recursive: true });
    mkdirSync(path.join(leak, "bad"), { recursive: true });
    writeFileSync(path.join(leak, "good", "report.txt"), "Meeting in Karbala\nSource 134832 met the officer at the photo exhibition.\n");
    writeFileSync(path.join(leak, "good", "copy-of-report.txt"), "Meeting in Karbala\nSource 134832 met the officer at the photo exhibition.\n");
    writeFileSync(path.join(leak, "good", "fa-1256.txt"), iconv.encode("گزارش دیدار با منبع در کربلا و هدیه زعفران", "windows-1256"));
    writeFileSync(path.join(leak, "good", "page.html"), "<html><head><title>Exhibition</title><style>.x{color:red}</style></head><body><p>Photo exhibition in Karbala</p><script>var trackerpixelword = 1;</script></body></html>");
    writeFileSync(path.join(leak, "good", "cable.pdf"), buildTextPdf(["SUBJECT: MINISTER MEETS SOURCE", "Pistachios were delivered."]));
    writeFileSync(path.join(leak, "good", "box.zip"), buildZip([{ name: "inner/note.txt", data: Buffer.from("A note about aftershave gifts.") }]));

    writeFileSync(path.join(leak, "bad", "empty.txt"), "");
    const pdf = buildTextPdf(["first page", "second page"]);
    writeFileSync(path.join(leak, "bad", "truncated.pdf"), pdf.subarray(0, Math.floor(pdf.length * 0.4)));
    writeFileSync(path.join(leak, "bad", "really-html.pdf"), "<!DOCTYPE html><html><body><p>Hidden exhibition page</p></body></html>");
    writeFileSync(path.join(leak, "bad", "junk.txt"), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    writeFileSync(path.join(leak, "bad", "broken-utf8.txt"), Buffer.concat([Buffer.from("تهران "), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(" saffron")]));
    await writeSingleLineFile(path.join(leak, "bad", "huge-single-line.txt"), 200 * MiB);
    writeFileSync(path.join(leak, "bad", "bomb.zip"), buildZip([{ name: "zeros.txt", data: await deflatedZeros(64 * MiB) }, { name: "fine.txt", data: Buffer.from("survivor of the bomb") }]));
    writeFileSync(path.join(leak, "bad", "traversal.zip"), buildZip([{ name: "../../evil.txt", data: Buffer.from("climbing out") }, { name: "/etc/cron.d/evil", data: Buffer.from("absolute") }, { name: "safe.txt", data: Buffer.from("traversal neighbour") }]));
    mkdirSync(path.join(leak, "bad", "loop"));
    symlinkSync("..", path.join(leak, "bad", "loop", "up"));
    symlinkSync(path.join(leak, "nowhere.txt"), path.join(leak, "bad", "dangling.txt"));
    execFileSync("mkfifo", [path.join(leak, "bad", "pipe.fifo")]);

    store = SqliteStore.open(path.join(tempDir(), "archive.db"));
    report = await ingest(store, [leak], { limits: { maxMemberBytes: 16 * MiB } });
  });

  it("ingests every good file, with members of archives as child documents", () => {
    assert.deepEqual(codesAt("good"), []);
    const find = (query: string) => searchArchive(store, query).hits.map((hit) => path.relative(leak, hit.path));
    assert.equal(find("karbala source").length, 1, "two identical reports are found once");
    assert.deepEqual(find("زعفران"), ["good/fa-1256.txt"]);
    assert.deepEqual(find("pistachios"), ["good/cable.pdf"]);
    assert.deepEqual(find("aftershave"), ["good/box.zip!/inner/note.txt"]);
    assert.deepEqual(find("trackerpixelword"), [], "script content is never indexed");
  });

  it("records an exact duplicate once", () => {
    assert.equal(report.documents.duplicates, 1);
    assert.equal(searchArchive(store, "karbala source").total, 1);
  });

  it("gives every bad file a problem naming the file and a reason, and goes on", () => {
    assert.deepEqual(codesAt("bad/empty.txt"), ["empty"]);
    assert.ok(codesAt("bad/truncated.pdf").includes("damaged"));
    assert.deepEqual(codesAt("bad/really-html.pdf"), ["mislabelled"]);
    assert.deepEqual(codesAt("bad/junk.txt"), ["binary-as-text"]);
    assert.deepEqual(codesAt("bad/broken-utf8.txt"), ["invalid-utf8"]);
    assert.deepEqual(codesAt("bad/huge-single-line.txt"), ["truncated"], JSON.stringify(problemsAt("bad/huge-single-line.txt")));
    assert.ok(codesAt("bad/bomb.zip").includes("archive-bomb"));
    assert.deepEqual(codesAt("bad/traversal.zip").filter((code) => code === "unsafe-member-path").length, 2);
    assert.deepEqual(codesAt("bad/loop/up"), ["symlink-loop"]);
    assert.deepEqual(codesAt("bad/dangling.txt"), ["unreadable"]);
    assert.deepEqual(codesAt("bad/pipe.fifo"), ["not-regular-file"]);
    for (const problem of report.problems) assert.ok(problem.message.length > 5, `${problem.code} has a reason`);
  });

  it("still indexes what a bad file holds that is good", () => {
    const find = (query: string) => searchArchive(store, query).hits.map((hit) => path.relative(leak, hit.path));
    assert.deepEqual(find("hidden exhibition"), ["bad/really-html.pdf"]);
    assert.deepEqual(find("survivor"), ["bad/bomb.zip!/fine.txt"]);
    assert.deepEqual(find("neighbour"), ["bad/traversal.zip!/safe.txt"]);
    assert.deepEqual(find("saffron تهران"), ["bad/broken-utf8.txt"]);
    assert.deepEqual(find("pistachio cologne"), ["bad/huge-single-line.txt"]);
  });

  it("counts failed files and records each problem in the archive too", () => {
    // Every bad file but the two whose content still went in whole (broken UTF-8, HTML named .pdf).
    assert.equal(report.files.failed, 9);
    const stored = (store.database.prepare("SELECT count(*) AS n FROM problems").get() as { n: number }).n;
    assert.equal(stored, report.problems.length);
  });

  it("skips unchanged files on a re-run and changes nothing", async () => {
    const before = store.stats();
    const again = await ingest(store, [leak]);
    assert.equal(again.files.ingested, 0);
    assert.equal(again.files.unchanged, report.files.seen);
    const after = store.stats();
    assert.equal(after.documents, before.documents);
    assert.equal(after.indexed, before.indexed);
  });

  it("re-reads a file that changed, replacing its old text", async () => {
    const file = path.join(leak, "good", "report.txt");
    writeFileSync(file, "Meeting moved to Najaf\n");
    const again = await ingest(store, [file]);
    assert.equal(again.files.ingested, 1);
    assert.equal(searchArchive(store, "najaf").total, 1);
    assert.equal(searchArchive(store, "karbala source").total, 1, "the identical copy still holds the old words");
  });
});
