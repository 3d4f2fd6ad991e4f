import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { gzipSync } from "node:zlib";
import tar from "tar-stream";
import { InputError, type ProblemCode } from "../../../src/errors.js";
import { resolveLimits, type IngestLimitsOptions } from "../../../src/ingest/limits.js";
import type { ReaderContext, ReadResult } from "../../../src/ingest/reader.js";
import { readTar, readZip } from "../../../src/ingest/readers/archive.js";
import { extractForTest } from "../../helpers/extract.js";
import { tempDir } from "../../helpers/temp-dir.js";
import { buildZip, deflatedZeros, type ZipMember } from "../../helpers/zip-writer.js";

const MiB = 1024 * 1024;

interface RecordedProblem {
  code: ProblemCode;
  message: string;
  indexed: boolean;
}

interface Member {
  locatorSuffix: string;
  name: string;
  size: number;
  content: Buffer;
}

/** A fixture folder with the archive in it and a separate temp folder for the reader. */
function workspace(): { root: string; temp: string } {
  const root = tempDir();
  const temp = path.join(root, "deep", "er", "temp");
  mkdirSync(temp, { recursive: true });
  return { root, temp };
}

function contextFor(filePath: string, temp: string, limits: IngestLimitsOptions = {}) {
  const problems: RecordedProblem[] = [];
  const context: ReaderContext = {
    filePath,
    name: path.basename(filePath),
    locator: filePath,
    size: statSync(filePath).size,
    limits: resolveLimits(limits),
    depth: 0,
    tempDir: temp,
    problem: (code, message, indexed) => problems.push({ code, message, indexed }),
  };
  return { context, problems };
}

/**
 * Plays the driver: takes each child, checks that it is the only file in the
 * temp folder and lies directly in it, reads it, deletes it.
 */
async function drain(result: ReadResult, temp: string): Promise<Member[]> {
  const members: Member[] = [];
  for await (const child of result.children ?? []) {
    assert.equal(path.dirname(child.tempFile), temp);
    assert.deepEqual(readdirSync(temp), [path.basename(child.tempFile)]);
    assert.ok(!path.basename(child.tempFile).includes(child.name), "temp file names are made up, not taken from the member");
    members.push({ locatorSuffix: child.locatorSuffix, name: child.name, size: child.size, content: readFileSync(child.tempFile) });
    rmSync(child.tempFile);
  }
  assert.deepEqual(readdirSync(temp), [], "no partial files are left behind");
  return members;
}

async function readZipFixture(members: ZipMember[], limits: IngestLimitsOptions = {}) {
  const { root, temp } = workspace();
  const file = path.join(root, "fixture.zip");
  writeFileSync(file, buildZip(members));
  const { context, problems } = contextFor(file, temp, limits);
  const result = await readZip(context);
  return { result, problems, members: await drain(result, temp), root, temp };
}

interface TarMember {
  name: string;
  data?: Buffer | string;
  type?: "file" | "directory" | "symlink" | "link" | "character-device" | "fifo";
  linkname?: string;
}

async function buildTar(members: TarMember[]): Promise<Buffer> {
  const pack = tar.pack();
  for (const { name, data, type, linkname } of members) {
    pack.entry({ name, type: type ?? "file", ...(linkname && { linkname }) }, data ?? "");
  }
  pack.finalize();
  const chunks: Buffer[] = [];
  // streamx streams are async-iterable at run time; their types leave it out.
  for await (const chunk of pack as unknown as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

async function readTarBytes(bytes: Buffer, limits: IngestLimitsOptions = {}) {
  const { root, temp } = workspace();
  const file = path.join(root, "fixture.tar");
  writeFileSync(file, bytes);
  const { context, problems } = contextFor(file, temp, limits);
  const result = await readTar(context);
  return { result, problems, members: await drain(result, temp), temp };
}

function codes(problems: RecordedProblem[]): ProblemCode[] {
  return problems.map((problem) => problem.code);
}

function text(member: Member | undefined): string {
  assert.ok(member);
  return member.content.toString("utf8");
}

/** Every file under `root`, relative to it. */
function listFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
}

async function expectDamaged(promise: Promise<unknown>): Promise<void> {
  await assert.rejects(promise, (error: unknown) => error instanceof InputError && error.code === "damaged");
}

describe("zip reader", () => {
  it("yields each file member with its stored path, skipping directories", async () => {
    const { result, problems, members } = await readZipFixture([
      { name: "report.txt", data: Buffer.from("Meeting in Karbala\n") },
      { name: "notes/" },
      { name: "notes/meeting.txt", data: Buffer.from("Second meeting\n"), method: "store" },
      { name: "گزارش/۱.txt", data: Buffer.from("گزارش دیدار") },
      { name: Buffer.from("caf\x82.txt", "latin1"), data: Buffer.from("cp437 name") },
    ]);
    assert.deepEqual(problems, []);
    assert.equal(result.text, "");
    assert.equal(result.mime, "application/zip");
    assert.deepEqual(members.map((member) => [member.locatorSuffix, member.name, member.size]), [
      ["!/report.txt", "report.txt", 19],
      ["!/notes/meeting.txt", "meeting.txt", 15],
      ["!/گزارش/۱.txt", "۱.txt", Buffer.byteLength("گزارش دیدار")],
      ["!/café.txt", "café.txt", 10],
    ]);
    assert.equal(text(members[0]), "Meeting in Karbala\n");
    assert.equal(text(members[2]), "گزارش دیدار");
  });

  it("skips members whose paths are absolute, carry a drive letter or climb out, and writes nothing outside its temp folder", async () => {
    const { problems, members, root } = await readZipFixture([
      { name: "../../evil.txt", data: Buffer.from("escape") },
      { name: "/etc/passwd", data: Buffer.from("root:x:0:0") },
      { name: "C:\\Windows\\evil.ini", data: Buffer.from("drive") },
      { name: Buffer.from("..\\..\\evil-backslash.txt", "latin1"), data: Buffer.from("backslash escape") },
      { name: "docs/../../evil-middle.txt", data: Buffer.from("middle escape") },
      { name: "safe/cable.txt", data: Buffer.from("still read") },
    ]);
    assert.deepEqual(codes(problems), Array(5).fill("unsafe-member-path"));
    assert.ok(problems.every((problem) => !problem.indexed));
    assert.deepEqual(members.map((member) => member.locatorSuffix), ["!/safe/cable.txt"]);
    assert.equal(text(members[0]), "still read");
    assert.deepEqual(listFiles(root), ["fixture.zip"]);
    for (const target of ["evil.txt", "deep/evil.txt", "evil-backslash.txt", "evil-middle.txt", "deep/evil-middle.txt"]) {
      assert.equal(existsSync(path.join(root, target)), false, target);
    }
  });

  it("refuses a member that expands past maxMemberBytes and goes on with the rest", async () => {
    const { problems, members } = await readZipFixture(
      [
        { name: "before.txt", data: Buffer.from("before") },
        { name: "bomb.bin", data: await deflatedZeros(64 * MiB) },
        { name: "after.txt", data: Buffer.from("after") },
      ],
      { maxMemberBytes: 8 * MiB, maxCompressionRatio: 1_000_000 },
    );
    assert.deepEqual(codes(problems), ["archive-bomb"]);
    assert.match(problems[0]!.message, /bomb\.bin/);
    assert.deepEqual(members.map((member) => member.name), ["before.txt", "after.txt"]);
  });

  it("refuses a member with a compression ratio past the limit, but not a small one", async () => {
    const { problems, members } = await readZipFixture([
      { name: "small-zeros.bin", data: Buffer.alloc(100_000) },
      { name: "ratio-bomb.bin", data: await deflatedZeros(4 * MiB) },
      { name: "after.txt", data: Buffer.from("after") },
    ]);
    assert.deepEqual(codes(problems), ["archive-bomb"]);
    assert.match(problems[0]!.message, /ratio-bomb\.bin/);
    assert.deepEqual(members.map((member) => [member.name, member.size]), [["small-zeros.bin", 100_000], ["after.txt", 5]]);
  });

  it("stops a member whose size field lies, deletes what was written of it, and goes on", async () => {
    const { problems, members } = await readZipFixture(
      [
        { name: "liar.bin", data: await deflatedZeros(64 * MiB), declaredSize: 1000 },
        { name: "after.txt", data: Buffer.from("after") },
      ],
      { maxMemberBytes: 8 * MiB },
    );
    assert.deepEqual(codes(problems), ["damaged"]);
    assert.match(problems[0]!.message, /liar\.bin/);
    assert.deepEqual(members.map((member) => member.name), ["after.txt"]);
  });

  it("stops the archive once its members together expand past maxArchiveExpandedBytes", async () => {
    const megabyte = () => randomBytes(MiB);
    const { problems, members } = await readZipFixture(
      [
        { name: "1.bin", data: megabyte() },
        { name: "2.bin", data: megabyte() },
        { name: "3.bin", data: megabyte() },
        { name: "4.txt", data: Buffer.from("never reached") },
      ],
      { maxArchiveExpandedBytes: 2.5 * MiB },
    );
    assert.deepEqual(codes(problems), ["archive-bomb"]);
    assert.deepEqual(members.map((member) => member.name), ["1.bin", "2.bin"]);
  });

  it("stops after maxArchiveMembers members", async () => {
    const { problems, members } = await readZipFixture(
      ["a", "b", "c", "d"].map((name) => ({ name: `${name}.txt`, data: Buffer.from(name) })),
      { maxArchiveMembers: 2 },
    );
    assert.deepEqual(codes(problems), ["archive-bomb"]);
    assert.deepEqual(members.map((member) => member.name), ["a.txt", "b.txt"]);
  });

  it("throws damaged for a truncated zip", async () => {
    const { root, temp } = workspace();
    const whole = buildZip([{ name: "a.txt", data: randomBytes(4000) }, { name: "b.txt", data: randomBytes(4000) }]);
    const file = path.join(root, "cut.zip");
    writeFileSync(file, whole.subarray(0, Math.floor(whole.length * 0.6)));
    await expectDamaged(readZip(contextFor(file, temp).context));
  });

  it("yields what it could read before a damaged central directory, then reports the damage", async () => {
    const { root, temp } = workspace();
    const zip = buildZip(["a", "b", "c"].map((name) => ({ name: `${name}.txt`, data: Buffer.from(name) })));
    const file = path.join(root, "damaged.zip");
    writeFileSync(file, corruptCentralRecord(zip, 2));
    const { context, problems } = contextFor(file, temp);
    const members = await drain(await readZip(context), temp);
    assert.deepEqual(members.map((member) => member.name), ["a.txt", "b.txt"]);
    assert.deepEqual(codes(problems), ["damaged"]);
  });

  it("throws damaged from its members when the first central record is damaged", async () => {
    const { root, temp } = workspace();
    const file = path.join(root, "damaged.zip");
    writeFileSync(file, corruptCentralRecord(buildZip([{ name: "a.txt", data: Buffer.from("a") }]), 0));
    const result = await readZip(contextFor(file, temp).context);
    await expectDamaged(drain(result, temp));
  });

  it("reports a member whose compressed data is corrupt and goes on", async () => {
    const { problems, members } = await readZipFixture([
      { name: "corrupt.txt", data: { deflated: Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), size: 100, crc32: 0 } },
      { name: "fine.txt", data: Buffer.from("fine") },
    ]);
    assert.deepEqual(codes(problems), ["damaged"]);
    assert.deepEqual(members.map((member) => member.name), ["fine.txt"]);
  });

  it("skips symbolic links and counts them", async () => {
    const { result, problems, members } = await readZipFixture([
      { name: "link", data: Buffer.from("/etc/passwd"), kind: "symlink" },
      { name: "real.txt", data: Buffer.from("real") },
    ]);
    assert.deepEqual(problems, []);
    assert.deepEqual(members.map((member) => member.name), ["real.txt"]);
    assert.equal(result.metadata?.skippedEntries, 1);
  });

  it("closes the archive when the consumer stops early", async (t) => {
    if (!existsSync("/proc/self/fd")) {
      t.skip("needs /proc/self/fd to see open files");
      return;
    }
    const { root, temp } = workspace();
    const file = path.join(root, "many.zip");
    writeFileSync(file, buildZip(["a", "b", "c"].map((name) => ({ name: `${name}.txt`, data: Buffer.from(name) }))));
    const result = await readZip(contextFor(file, temp).context);
    for await (const child of result.children ?? []) {
      assert.equal(openDescriptorsOf(file), 1);
      rmSync(child.tempFile);
      break;
    }
    assert.equal(await closedEventually(file), true);
    assert.deepEqual(readdirSync(temp), []);
  });

  it("passes its members through the extraction driver with composed locators", async () => {
    const { root } = workspace();
    const inner = buildZip([{ name: "deep.txt", data: Buffer.from("The source met the officer in a mall.") }]);
    const file = path.join(root, "outer.zip");
    writeFileSync(file, buildZip([{ name: "folder/inner.zip", data: inner }, { name: "top.txt", data: Buffer.from("Top-level memo") }]));
    const { documents, problems } = await extractForTest(file);
    assert.deepEqual(problems, []);
    assert.deepEqual(documents.map((document) => document.locator), [
      file,
      `${file}!/folder/inner.zip`,
      `${file}!/folder/inner.zip!/deep.txt`,
      `${file}!/top.txt`,
    ]);
  });
});

describe("tar reader", () => {
  const members: TarMember[] = [
    { name: "cables/", type: "directory" },
    { name: "cables/one.txt", data: "first cable" },
    { name: "cables/two.txt", data: "second cable" },
  ];

  it("yields the file members of a plain tar", async () => {
    const { result, problems, members: read } = await readTarBytes(await buildTar(members));
    assert.deepEqual(problems, []);
    assert.equal(result.text, "");
    assert.equal(result.mime, "application/x-tar");
    assert.deepEqual(read.map((member) => [member.locatorSuffix, member.name, text(member)]), [
      ["!/cables/one.txt", "one.txt", "first cable"],
      ["!/cables/two.txt", "two.txt", "second cable"],
    ]);
  });

  it("reads a gzip-compressed tar, told by its magic bytes", async () => {
    const { result, problems, members: read } = await readTarBytes(gzipSync(await buildTar(members)));
    assert.deepEqual(problems, []);
    assert.equal(result.mime, "application/gzip");
    assert.deepEqual(read.map((member) => text(member)), ["first cable", "second cable"]);
  });

  it("skips members with unsafe paths and goes on", async () => {
    const { problems, members: read } = await readTarBytes(await buildTar([
      { name: "../escape.txt", data: "escape" },
      { name: "/etc/passwd", data: "root" },
      { name: "fine.txt", data: "fine" },
    ]));
    assert.deepEqual(codes(problems), ["unsafe-member-path", "unsafe-member-path"]);
    assert.deepEqual(read.map((member) => member.name), ["fine.txt"]);
  });

  it("skips links and devices without a child, counting them in the metadata", async () => {
    const { result, problems, members: read } = await readTarBytes(await buildTar([
      { name: "link-to-passwd", type: "symlink", linkname: "/etc/passwd" },
      { name: "hard-link", type: "link", linkname: "fine.txt" },
      { name: "console", type: "character-device" },
      { name: "fine.txt", data: "fine" },
    ]));
    assert.deepEqual(problems, []);
    assert.deepEqual(read.map((member) => member.name), ["fine.txt"]);
    assert.equal(result.metadata?.skippedEntries, 3);
  });

  it("refuses a member past maxMemberBytes and goes on with the next", async () => {
    const { problems, members: read } = await readTarBytes(
      gzipSync(await buildTar([
        { name: "big.bin", data: Buffer.alloc(9 * MiB) },
        { name: "after.txt", data: "after" },
      ])),
      { maxMemberBytes: 8 * MiB, maxCompressionRatio: 1_000_000 },
    );
    assert.deepEqual(codes(problems), ["archive-bomb"]);
    assert.deepEqual(read.map((member) => member.name), ["after.txt"]);
  });

  it("stops a gzip stream that expands past the compression ratio", async () => {
    const { problems, members: read } = await readTarBytes(gzipSync(await buildTar([
      { name: "before.txt", data: "before" },
      { name: "zeros.bin", data: Buffer.alloc(32 * MiB) },
      { name: "after.txt", data: "after" },
    ])));
    assert.deepEqual(codes(problems), ["archive-bomb"]);
    assert.deepEqual(read.map((member) => member.name), ["before.txt"]);
  });

  it("stops after maxArchiveMembers members", async () => {
    const { problems, members: read } = await readTarBytes(
      await buildTar(["alpha.txt", "beta.txt", "gamma.txt"].map((name) => ({ name, data: name }))),
      { maxArchiveMembers: 2 },
    );
    assert.deepEqual(codes(problems), ["archive-bomb"]);
    assert.deepEqual(read.map((member) => member.name), ["alpha.txt", "beta.txt"]);
  });

  it("yields the members before a truncation and reports the damage", async () => {
    const whole = gzipSync(await buildTar([
      { name: "first.txt", data: "first" },
      { name: "random.bin", data: randomBytes(256 * 1024) },
      { name: "last.txt", data: "last" },
    ]));
    const { problems, members: read } = await readTarBytes(whole.subarray(0, Math.floor(whole.length * 0.6)));
    assert.deepEqual(read.map((member) => member.name), ["first.txt"]);
    assert.deepEqual(codes(problems), ["damaged"]);
  });

  it("throws damaged when not even the first member can be read", async () => {
    await expectDamaged(readTarBytes(randomBytes(4096)));
    await expectDamaged(readTarBytes(gzipSync(Buffer.alloc(4096, 7))));
  });
});

/** Overwrites the signature of the `index`th central directory record. */
function corruptCentralRecord(zip: Buffer, index: number): Buffer {
  const signature = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
  let offset = -1;
  for (let seen = 0; seen <= index; seen++) offset = zip.indexOf(signature, offset + 1);
  assert.ok(offset >= 0);
  const copy = Buffer.from(zip);
  copy.write("XXXX", offset, "latin1");
  return copy;
}

/** How many of this process's file descriptors point at `file`. */
function openDescriptorsOf(file: string): number {
  return readdirSync("/proc/self/fd").filter((fd) => {
    try {
      return readlinkSync(path.join("/proc/self/fd", fd)) === file;
    } catch {
      return false; // closed between listing and reading
    }
  }).length;
}

/** Whether `file` is closed once the pending asynchronous closes have gone through. */
async function closedEventually(file: string): Promise<boolean> {
  for (let attempt = 0; attempt < 50; attempt++) {
    if (openDescriptorsOf(file) === 0) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}
