/**
 * mbox mailboxes. A mailbox may be gigabytes, so it is streamed: a message
 * starts at a `From ` line at the start of the file or after a blank line,
 * and each message is copied to its own temporary file as it is reached.
 * Bytes are copied as they are, since every message names its own charset,
 * except for the mboxrd escape: `>From `, `>>From ` … lose one `>`.
 */
import { randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { open, rm, type FileHandle } from "node:fs/promises";
import path from "node:path";
import type { ChildSource, Reader, ReaderContext } from "../reader.js";

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const QUOTE = 0x3e; // ">"
const FROM_SPACE = Buffer.from("From ", "latin1");
/** A line longer than this is passed on in pieces, so that a file without newlines cannot fill memory. */
const MAX_LINE_BYTES = 1024 * 1024;
/** Message bytes are gathered up to this much before they are written out. */
const WRITE_BATCH_BYTES = 1024 * 1024;

/**
 * Reads an mbox mailbox. Its own text is empty; each message becomes a child
 * `#message-N/message-N.eml`. The number of messages is known only once the
 * children have been read, so it is not in the metadata.
 */
export const readMbox: Reader = async (context) => ({
  text: "",
  mime: "application/mbox",
  children: mboxMessages(context),
});

async function* mboxMessages(context: ReaderContext): AsyncGenerator<ChildSource> {
  const mailbox = new Mailbox(context);
  try {
    for await (const pieces of linesOf(context.filePath)) {
      // Lines are sorted synchronously; awaiting only whole batches and whole messages keeps millions of lines fast.
      for (const piece of pieces) {
        if (mailbox.take(piece)) {
          const finished = await mailbox.startMessage();
          if (finished) yield finished;
        } else if (mailbox.hasPendingWrite()) {
          await mailbox.write();
        }
      }
    }
    const last = await mailbox.end();
    if (last) yield last;
  } finally {
    await mailbox.discard();
  }
}

/** The file's lines, a chunk's worth at a time. */
async function* linesOf(filePath: string): AsyncGenerator<Iterable<LinePiece>> {
  const lines = new LineSplitter();
  for await (const chunk of createReadStream(filePath) as AsyncIterable<Buffer>) yield lines.split(chunk);
  yield lines.end();
}

/** Sorts lines into separators and message content, and keeps the message being copied. */
class Mailbox {
  private message: MessageFile | undefined;
  private count = 0;
  /** The start of the file counts as "after a blank line". */
  private afterBlankLine = true;
  private inSeparatorLine = false;
  /** A blank line belongs to the separator when a `From ` line follows, so it waits for the next line. */
  private heldBlankLine: Buffer | undefined;
  /** Shared by the messages in turn: only one is open at a time, and it is written out before the next starts. */
  private readonly batch = Buffer.allocUnsafe(WRITE_BATCH_BYTES);

  constructor(private readonly context: ReaderContext) {}

  /** Takes the next piece of the file; true when it starts a new message (call `startMessage`). */
  take(piece: LinePiece): boolean {
    let separator = false;
    if (!piece.startsLine) {
      if (!this.inSeparatorLine) this.append(piece.bytes);
    } else if (this.afterBlankLine && startsWith(piece.bytes, 0, FROM_SPACE)) {
      this.heldBlankLine = undefined;
      this.inSeparatorLine = true;
      separator = true;
    } else {
      if (this.heldBlankLine) this.append(this.heldBlankLine);
      this.heldBlankLine = isBlankLine(piece.bytes) ? piece.bytes : undefined;
      if (!this.heldBlankLine) this.append(unescapeFromLine(piece.bytes));
    }
    if (piece.bytes[piece.bytes.length - 1] === NEWLINE) {
      this.afterBlankLine = piece.startsLine && this.heldBlankLine !== undefined;
      this.inSeparatorLine = false;
    }
    return separator;
  }

  /** Completes the message in progress, if any, and opens the next. */
  async startMessage(): Promise<ChildSource | undefined> {
    const finished = await this.end();
    this.message = new MessageFile(this.context, ++this.count, this.batch);
    return finished;
  }

  hasPendingWrite(): boolean {
    return this.message?.hasPendingWrite() ?? false;
  }

  async write(): Promise<void> {
    await this.message?.write();
  }

  /** Completes the last message; a blank line at the very end is the mailbox's closing separator. */
  async end(): Promise<ChildSource | undefined> {
    const finished = await this.message?.finish();
    this.message = undefined;
    return finished;
  }

  /** Removes the message in progress when reading stops early. */
  async discard(): Promise<void> {
    await this.message?.discard();
  }

  private append(bytes: Buffer): void {
    this.message ??= new MessageFile(this.context, ++this.count, this.batch);
    this.message.append(bytes);
  }
}

interface LinePiece {
  bytes: Buffer;
  /** False for the second and later pieces of a line longer than MAX_LINE_BYTES. */
  startsLine: boolean;
}

/** Cuts a byte stream into lines (newline included), carrying partial lines over from one chunk to the next. */
class LineSplitter {
  private carried: Buffer[] = [];
  private carriedBytes = 0;
  private carriedStartsLine = true;

  *split(chunk: Buffer): Generator<LinePiece> {
    let start = 0;
    for (let newline = chunk.indexOf(NEWLINE); newline !== -1; newline = chunk.indexOf(NEWLINE, start)) {
      this.carry(chunk.subarray(start, newline + 1));
      start = newline + 1;
      yield this.take(true);
    }
    if (start < chunk.length) this.carry(chunk.subarray(start));
    if (this.carriedBytes > MAX_LINE_BYTES) yield this.take(false);
  }

  /** What is left after the last newline of the file. */
  *end(): Generator<LinePiece> {
    if (this.carriedBytes > 0) yield this.take(true);
  }

  private carry(bytes: Buffer): void {
    this.carried.push(bytes);
    this.carriedBytes += bytes.length;
  }

  private take(lineEnds: boolean): LinePiece {
    const bytes = this.carried.length === 1 ? this.carried[0]! : Buffer.concat(this.carried, this.carriedBytes);
    const piece = { bytes, startsLine: this.carriedStartsLine };
    this.carried = [];
    this.carriedBytes = 0;
    this.carriedStartsLine = lineEnds;
    return piece;
  }
}

/**
 * One message on its way to a temporary file. Bytes are gathered in the batch
 * buffer and written when it fills; the file is created with the first write.
 */
class MessageFile {
  private readonly tempFile: string;
  private file: FileHandle | undefined;
  private batchBytes = 0;
  /** Bytes that did not fit in the batch; written with it. */
  private overflow: Buffer[] = [];
  private size = 0;
  private state: "open" | "refused" | "discarded" = "open";

  constructor(
    private readonly context: ReaderContext,
    private readonly number: number,
    private readonly batch: Buffer,
  ) {
    this.tempFile = path.join(context.tempDir, `message-${randomUUID()}`);
  }

  append(bytes: Buffer): void {
    if (this.state !== "open") return;
    this.size += bytes.length;
    if (this.size > this.context.limits.maxMemberBytes) {
      this.state = "refused";
      this.context.problem("archive-bomb", `message ${this.number} is larger than maxMemberBytes (${this.context.limits.maxMemberBytes} bytes); skipped`, false);
      return;
    }
    if (this.overflow.length === 0 && this.batchBytes + bytes.length <= this.batch.length) {
      this.batchBytes += bytes.copy(this.batch, this.batchBytes);
    } else {
      this.overflow.push(bytes);
    }
  }

  /** True when the batch is full, or when a refused message's partial file must go. */
  hasPendingWrite(): boolean {
    return this.state === "refused" || this.overflow.length > 0;
  }

  async write(): Promise<void> {
    if (this.state === "refused") return this.discard();
    if (this.state === "discarded") return;
    // Created even when empty, so that an empty message is still a file the driver can read.
    this.file ??= await open(this.tempFile, "wx");
    await this.file.writev([this.batch.subarray(0, this.batchBytes), ...this.overflow]);
    this.batchBytes = 0;
    this.overflow = [];
  }

  /** Closes the file and describes it as a child; undefined when the message was refused. */
  async finish(): Promise<ChildSource | undefined> {
    if (this.state !== "open") {
      await this.discard();
      return undefined;
    }
    await this.write();
    await this.file?.close();
    this.file = undefined;
    const name = `message-${this.number}.eml`;
    return { locatorSuffix: `#message-${this.number}/${name}`, name, tempFile: this.tempFile, size: this.size };
  }

  /** Removes a message that will not be handed on. */
  async discard(): Promise<void> {
    if (this.state === "discarded") return;
    this.state = "discarded";
    this.overflow = [];
    await this.file?.close();
    this.file = undefined;
    await rm(this.tempFile, { force: true });
  }
}

/** mboxrd: a body line `>From ` (or `>>From ` …) was escaped by adding one `>`. */
function unescapeFromLine(line: Buffer): Buffer {
  let quotes = 0;
  while (line[quotes] === QUOTE) quotes++;
  return quotes > 0 && startsWith(line, quotes, FROM_SPACE) ? line.subarray(1) : line;
}

function isBlankLine(line: Buffer): boolean {
  return (line.length === 1 && line[0] === NEWLINE) || (line.length === 2 && line[0] === CARRIAGE_RETURN && line[1] === NEWLINE);
}

function startsWith(bytes: Buffer, offset: number, prefix: Buffer): boolean {
  return bytes.length >= offset + prefix.length && bytes.compare(prefix, 0, prefix.length, offset, offset + prefix.length) === 0;
}
