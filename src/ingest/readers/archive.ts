/**
 * Zip and tar (plain or gzip-compressed) archives. The members are the
 * content: each is copied, one at a time, to a temporary file whose name the
 * reader makes up, never one taken from the archive. Archives are hostile
 * input, so each member is checked before and while it expands: unsafe paths,
 * bombs (by size, by compression ratio, by total expansion, by member count)
 * and damage become problems, and the rest of the archive goes on where it
 * can.
 */
import { randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { open, rm, type FileHandle } from "node:fs/promises";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip, type Gunzip } from "node:zlib";
import tar, { type Header as TarHeader } from "tar-stream";
import yauzl, { type Entry as ZipEntry, type ZipFile } from "yauzl";
import { InputError } from "../../errors.js";
import type { IngestLimits } from "../limits.js";
import type { ChildSource, Reader, ReaderContext } from "../reader.js";

/** Below this size a high compression ratio is harmless: a page of zeros compresses a thousandfold. */
const RATIO_FLOOR_BYTES = 1024 * 1024;
const UNIX_HOST = 3;
const FILE_TYPE_MASK = 0o170000;
const SYMLINK_TYPE = 0o120000;
const TAR_CONTENT_TYPES = new Set(["file", "contiguous-file"]);

/**
 * A tar member as tar-stream yields it. Its streams are async-iterable at run
 * time, but their declared types (streamx's) leave that out.
 */
interface TarEntry extends AsyncIterable<Buffer> {
  header: TarHeader;
}

/**
 * Filled in while the children are read, so final only once they are
 * exhausted: links and devices have no content of their own and are skipped.
 */
interface ArchiveMetadata {
  skippedEntries: number;
  [key: string]: unknown;
}

/**
 * Reads a zip archive. The text is empty; the members become children with
 * the locator suffix `!/<member path as stored>`.
 *
 * @throws InputError `damaged` when the file is not a readable zip at all.
 */
export const readZip: Reader = async (context) => {
  // Opened here only to fail early on a file that is no zip; the children
  // open it again so that an unread iterator leaves no file handle behind.
  const zipfile = await openZipFile(context.filePath);
  const metadata: ArchiveMetadata = { entries: zipfile.entryCount, skippedEntries: 0 };
  zipfile.close();
  return { text: "", mime: "application/zip", metadata, children: zipMembers(context, metadata) };
};

/**
 * Reads a tar archive, gzip-compressed or not (told by the magic bytes
 * 1f 8b). The text is empty; the members become children with the locator
 * suffix `!/<member path as stored>`. Damage met before the first member
 * makes the children iterator throw InputError `damaged`.
 */
export const readTar: Reader = async (context) => {
  const gzipped = await startsWithGzipMagic(context.filePath);
  const metadata: ArchiveMetadata = { compression: gzipped ? "gzip" : "none", skippedEntries: 0 };
  return {
    text: "",
    mime: gzipped ? "application/gzip" : "application/x-tar",
    metadata,
    children: tarMembers(context, gzipped, metadata),
  };
};

async function* zipMembers(context: ReaderContext, metadata: ArchiveMetadata): AsyncGenerator<ChildSource> {
  const { limits } = context;
  const zipfile = await openZipFile(context.filePath);
  const budget = new ArchiveBudget(limits);
  let yielded = 0;
  try {
    for (;;) {
      let entry: ZipEntry | undefined;
      try {
        entry = await nextZipEntry(zipfile);
      } catch (error) {
        reportDamage(context, yielded, error);
        return;
      }
      if (entry === undefined) return;
      const tooMany = budget.admitMember();
      if (tooMany) {
        context.problem("archive-bomb", tooMany, yielded > 0);
        return;
      }
      const memberPath = zipEntryPath(entry);
      if (memberPath.endsWith("/")) continue;
      const unsafe = unsafePathReason(memberPath);
      if (unsafe) {
        context.problem("unsafe-member-path", `member "${memberPath}" ${unsafe}; skipped`, false);
        continue;
      }
      if (isZipSymlink(entry)) {
        metadata.skippedEntries++;
        continue;
      }
      if (!entry.canDecodeFileData()) {
        const why = entry.isEncrypted() ? "is encrypted" : `uses unsupported compression method ${entry.compressionMethod}`;
        context.problem("unreadable", `member "${memberPath}" ${why}; skipped`, false);
        continue;
      }
      const compressedSize = entry.compressedSize;
      const declared = memberBreach(limits, entry.uncompressedSize, compressedSize)
        ?? budget.wouldOverflow(entry.uncompressedSize);
      if (declared) {
        context.problem("archive-bomb", `member "${memberPath}" declares ${entry.uncompressedSize} bytes: ${declared.message}`, false);
        if (declared.scope === "archive") return;
        continue;
      }
      const tempFile = newTempFile(context);
      let copied: CopyOutcome;
      try {
        const stream = await zipfile.openReadStreamPromise(entry);
        copied = await copyMember(stream, tempFile, (size) => memberBreach(limits, size, compressedSize), budget, false);
      } catch (error) {
        context.problem("damaged", `member "${memberPath}" could not be read: ${describe(error)}`, false);
        continue;
      }
      if (copied.breach) {
        context.problem("archive-bomb", `member "${memberPath}" ${copied.breach.message}`, false);
        if (copied.breach.scope === "archive") return;
        continue;
      }
      yielded++;
      yield { locatorSuffix: `!/${memberPath}`, name: path.posix.basename(memberPath), tempFile, size: copied.size };
    }
  } finally {
    zipfile.close();
  }
}

async function* tarMembers(context: ReaderContext, gzipped: boolean, metadata: ArchiveMetadata): AsyncGenerator<ChildSource> {
  const { limits } = context;
  const source = createReadStream(context.filePath);
  const extract = tar.extract();
  const gunzip = gzipped ? createGunzip() : undefined;
  const stages = gunzip ? [gunzip, inflationGuard(gunzip, limits)] : [];
  // A failure anywhere in the chain destroys `extract` with that error, and
  // the entry iterator below rethrows it; the pipeline's own promise adds nothing.
  pipeline([source, ...stages, extract]).catch(() => undefined);
  const entries = (extract as unknown as AsyncIterable<TarEntry>)[Symbol.asyncIterator]();
  const budget = new ArchiveBudget(limits);
  let yielded = 0;
  try {
    for (;;) {
      let child: ChildSource | undefined;
      try {
        const step = await entries.next();
        if (step.done) return;
        child = await tarMember(context, step.value, budget, metadata);
      } catch (error) {
        if (error instanceof ArchiveLimitError) context.problem("archive-bomb", error.message, yielded > 0);
        else reportDamage(context, yielded, error);
        return;
      }
      if (child) {
        yielded++;
        yield child;
      }
    }
  } finally {
    source.destroy();
    extract.destroy();
  }
}

/**
 * Copies one tar member to a temporary file, or reads past it when it is
 * skipped: a tar stream reaches the next member only by reading through this one.
 *
 * @throws ArchiveLimitError when the archive as a whole must stop.
 */
async function tarMember(
  context: ReaderContext,
  entry: TarEntry,
  budget: ArchiveBudget,
  metadata: ArchiveMetadata,
): Promise<ChildSource | undefined> {
  const { header } = entry;
  const tooMany = budget.admitMember();
  if (tooMany) throw new ArchiveLimitError(tooMany);
  if (header.type === "directory") return drain(entry);
  if (!TAR_CONTENT_TYPES.has(header.type)) {
    metadata.skippedEntries++;
    return drain(entry);
  }
  const unsafe = unsafePathReason(header.name);
  if (unsafe) {
    context.problem("unsafe-member-path", `member "${header.name}" ${unsafe}; skipped`, false);
    return drain(entry);
  }
  const declaredSize = header.size ?? 0;
  const declared = memberBreach(context.limits, declaredSize) ?? budget.wouldOverflow(declaredSize);
  if (declared) {
    const message = `member "${header.name}" holds ${declaredSize} bytes: ${declared.message}`;
    if (declared.scope === "archive") throw new ArchiveLimitError(message);
    context.problem("archive-bomb", message, false);
    return drain(entry);
  }
  const tempFile = newTempFile(context);
  const copied = await copyMember(entry, tempFile, (size) => memberBreach(context.limits, size), budget, true);
  if (copied.breach) {
    const message = `member "${header.name}" ${copied.breach.message}`;
    if (copied.breach.scope === "archive") throw new ArchiveLimitError(message);
    context.problem("archive-bomb", message, false);
    return undefined;
  }
  return { locatorSuffix: `!/${header.name}`, name: path.posix.basename(header.name), tempFile, size: copied.size };
}

async function drain(chunks: AsyncIterable<Buffer>): Promise<undefined> {
  for await (const _chunk of chunks) {
    // Discarded: only the reading matters.
  }
  return undefined;
}

/** A limit crossed by a member: `member` skips that member, `archive` stops the archive. */
interface LimitBreach {
  scope: "member" | "archive";
  message: string;
}

/** Raised inside the tar reader when the archive must stop; reported as `archive-bomb`. */
class ArchiveLimitError extends Error {}

function memberBreach(limits: IngestLimits, expanded: number, compressedSize?: number): LimitBreach | undefined {
  if (expanded > limits.maxMemberBytes) {
    return { scope: "member", message: `expands past maxMemberBytes (${limits.maxMemberBytes} bytes); skipped` };
  }
  if (compressedSize !== undefined && expanded > RATIO_FLOOR_BYTES && expanded > limits.maxCompressionRatio * compressedSize) {
    return {
      scope: "member",
      message: `expands to more than ${limits.maxCompressionRatio} times its ${compressedSize} compressed bytes (maxCompressionRatio); skipped`,
    };
  }
  return undefined;
}

/** The archive-wide counts: members seen and bytes written out. */
class ArchiveBudget {
  private members = 0;
  private expanded = 0;

  constructor(private readonly limits: IngestLimits) {}

  /** Counts one more member; says why the archive must stop when there are too many. */
  admitMember(): string | undefined {
    this.members++;
    if (this.members <= this.limits.maxArchiveMembers) return undefined;
    return `the archive has more than ${this.limits.maxArchiveMembers} members (maxArchiveMembers); the rest were not read`;
  }

  wouldOverflow(bytes: number): LimitBreach | undefined {
    return this.expanded + bytes > this.limits.maxArchiveExpandedBytes ? this.overflow() : undefined;
  }

  /** Records bytes written out; says why the archive must stop when they pass the total. */
  expand(bytes: number): LimitBreach | undefined {
    this.expanded += bytes;
    return this.expanded > this.limits.maxArchiveExpandedBytes ? this.overflow() : undefined;
  }

  private overflow(): LimitBreach {
    return {
      scope: "archive",
      message: `takes the archive past maxArchiveExpandedBytes (${this.limits.maxArchiveExpandedBytes} bytes) after ${this.expanded} bytes; the rest were not read`,
    };
  }
}

interface CopyOutcome {
  size: number;
  breach?: LimitBreach;
}

/**
 * Copies a member's bytes to `tempFile`, checking the limits chunk by chunk,
 * and deletes the partial file when a limit is crossed or the stream fails.
 * With `drainRefused`, a member refused for its own size is read on to its end.
 */
async function copyMember(
  chunks: AsyncIterable<Buffer>,
  tempFile: string,
  memberLimit: (size: number) => LimitBreach | undefined,
  budget: ArchiveBudget,
  drainRefused: boolean,
): Promise<CopyOutcome> {
  // The stream is consumed at once, before any other await: yauzl's streams
  // can fail as soon as they exist, and an error with no listener would crash
  // the process. So the file is created on the first chunk.
  let file: FileHandle | undefined;
  let size = 0;
  let breach: LimitBreach | undefined;
  try {
    for await (const chunk of chunks) {
      if (breach) continue;
      size += chunk.length;
      breach = memberLimit(size) ?? budget.expand(chunk.length);
      if (breach) {
        if (breach.scope === "archive" || !drainRefused) break;
        continue;
      }
      file ??= await createTempFile(tempFile);
      await file.write(chunk);
    }
    file ??= breach ? undefined : await createTempFile(tempFile);
  } catch (error) {
    await file?.close();
    await rm(tempFile, { force: true });
    throw error;
  }
  await file?.close();
  if (!breach) return { size };
  await rm(tempFile, { force: true });
  return { size, breach };
}

/** "wx": never follows or reuses whatever might already sit at the path. */
function createTempFile(tempFile: string): Promise<FileHandle> {
  return open(tempFile, "wx");
}

/**
 * Stops a gzip stream whose output outgrows its input by more than the
 * allowed ratio; tar members carry no compressed size of their own.
 */
function inflationGuard(gunzip: Gunzip, limits: IngestLimits): Transform {
  let inflated = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      inflated += chunk.length;
      const compressed = gunzip.bytesWritten;
      if (inflated > RATIO_FLOOR_BYTES && inflated > limits.maxCompressionRatio * compressed) {
        callback(new ArchiveLimitError(
          `the archive expands to more than ${limits.maxCompressionRatio} times its compressed size ` +
          `(${inflated} bytes from ${compressed}; maxCompressionRatio); the rest were not read`,
        ));
      } else {
        callback(null, chunk);
      }
    },
  });
}

/**
 * Why a member path could land outside the folder it is extracted into, as
 * a sentence fragment; undefined when it is safe.
 */
function unsafePathReason(memberPath: string): string | undefined {
  const slashed = memberPath.replace(/\\/g, "/");
  if (slashed.startsWith("/")) return "has an absolute path";
  if (/^[a-zA-Z]:/.test(slashed)) return "has a drive letter";
  if (slashed.split("/").includes("..")) return "climbs out of the archive with ..";
  return undefined;
}

/** Damage before any member came out means nothing could be read; after that, what came out stands. */
function reportDamage(context: ReaderContext, yielded: number, error: unknown): void {
  if (yielded === 0) throw new InputError("damaged", `damaged archive: ${describe(error)}`, false, { cause: error });
  context.problem("damaged", `damaged after ${yielded} members; the rest were not read: ${describe(error)}`, true);
}

/**
 * Opens a zip for reading entries one at a time, with names left undecoded
 * (see `zipEntryPath`).
 *
 * @throws InputError `damaged` when the file is not a readable zip.
 */
export async function openZipFile(filePath: string): Promise<ZipFile> {
  try {
    // decodeStrings is off because yauzl would abort the whole archive on one
    // unsafe name; names are decoded and checked here, member by member.
    return await yauzl.openPromise(filePath, {
      lazyEntries: true,
      autoClose: true,
      decodeStrings: false,
      validateEntrySizes: true,
    });
  } catch (error) {
    throw new InputError("damaged", `not a readable zip archive: ${describe(error)}`, false, { cause: error });
  }
}

/** The next entry of a zip opened with `openZipFile`; undefined after the last. */
export function nextZipEntry(zipfile: ZipFile): Promise<ZipEntry | undefined> {
  return new Promise((resolve, reject) => {
    const settle = (entry: ZipEntry | undefined, error?: unknown): void => {
      zipfile.off("entry", onEntry).off("end", onEnd).off("error", onError);
      if (error === undefined) resolve(entry);
      else reject(error);
    };
    const onEntry = (entry: ZipEntry): void => settle(entry);
    const onEnd = (): void => settle(undefined);
    const onError = (error: unknown): void => settle(undefined, error);
    zipfile.on("entry", onEntry).on("end", onEnd).on("error", onError);
    zipfile.readEntry();
  });
}

/** The entry's name decoded as yauzl would: UTF-8 by flag bit 11 or the Info-ZIP Unicode path field, else CP437. */
export function zipEntryPath(entry: ZipEntry): string {
  return yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);
}

function isZipSymlink(entry: ZipEntry): boolean {
  return entry.versionMadeBy >> 8 === UNIX_HOST && ((entry.externalFileAttributes >>> 16) & FILE_TYPE_MASK) === SYMLINK_TYPE;
}

async function startsWithGzipMagic(filePath: string): Promise<boolean> {
  const file = await open(filePath, "r");
  try {
    const { bytesRead, buffer } = await file.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await file.close();
  }
}

function newTempFile(context: ReaderContext): string {
  return path.join(context.tempDir, `member-${randomUUID()}`);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
