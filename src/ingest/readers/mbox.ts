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
  const lines = new LineSplitter();
  const mailbox = new Mailbox(context);
  try {
    for await (const chunk of createReadStream(context.filePath) as AsyncIterable<Buffer>) {
      for (const piece of lines.split(chunk)) {
        const finished = await mailbox.take(piece);
        if (finished) yield finished;
      }
    }
    for (const piece of lines.end()) {
      const finished = await mailbox.take(piece);
      if (finished) yield finished;
    }
    const last = await mailbox.end();
    if (last) yield last;
  } finally {
    await mailbox.discard();
  }
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

  constructor(private readonly context: ReaderContext) {}

  /** Takes the next piece of the file; returns the message it completed, if it was a separator. */
  async take(piece: LinePiece): Promise<ChildSource | undefined> {
    let finished: ChildSource | undefined;
    if (!piece.startsLine) {
      if (!this.inSeparatorLine) await this.append(piece.bytes);
    } else if (this.afterBlankLine && startsWith(piece.bytes, 0, FROM_SPACE)) {
      this.heldBlankLine = undefined;
      finished = await this.message?.finish();
      this.message = new MessageFile(this.context, ++this.count);
      this.inSeparatorLine = true;
    } else {
      if (this.heldBlankLine) await this.append(this.heldBlankLine);
      this.heldBlankLine = isBlankLine(piece.bytes) ? piece.bytes : undefined;
      if (!this.heldBlankLine) await this.append(unescapeFromLine(piece.bytes));
    }
    if (piece.bytes[piece.bytes.length - 1] === NEWLINE) {
      this.afterBlankLine = piece.startsLine && this.heldBlankLine !== undefined;
      this.inSeparatorLine = false;
    }
    return finished;
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

  private async append(bytes: Buffer): Promise<void> {
    this.message ??= new MessageFile(this.context, ++this.count);
    await this.message.append(bytes);
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

/** One message on its way to a temporary file; the file is created when the first batch is written. */
class MessageFile {
  private readonly tempFile: string;
  private file: FileHandle | undefined;
  private batch: Buffer[] = [];
  private batchBytes = 0;
  private size = 0;
  private refused = false;

  constructor(private readonly context: ReaderContext, private readonly number: number) {
    this.tempFile = path.join(context.tempDir, `message-${randomUUID()}`);
  }

  async append(bytes: Buffer): Promise<void> {
    if (this.refused) return;
    this.size += bytes.length;
    if (this.size > this.context.limits.maxMemberBytes) {
      this.refused = true;
      this.context.problem("archive-bomb", `message ${this.number} is larger than maxMemberBytes (${this.context.limits.maxMemberBytes} bytes); skipped`, false);
      await this.discard();
      return;
    }
    this.batch.push(bytes);
    this.batchBytes += bytes.length;
    if (this.batchBytes >= WRITE_BATCH_BYTES) await this.writeBatch();
  }

  /** Closes the file and describes it as a child; undefined when the message was refused. */
  async finish(): Promise<ChildSource | undefined> {
    if (this.refused) return undefined;
    await this.writeBatch();
    await this.file?.close();
    this.file = undefined;
    const name = `message-${this.number}.eml`;
    return { locatorSuffix: `#message-${this.number}/${name}`, name, tempFile: this.tempFile, size: this.size };
  }

  /** Removes a message that will not be handed on. */
  async discard(): Promise<void> {
    this.batch = [];
    await this.file?.close();
    this.file = undefined;
    await rm(this.tempFile, { force: true });
  }

  private async writeBatch(): Promise<void> {
    // Created even when empty, so that an empty message is still a file the driver can read.
    this.file ??= await open(this.tempFile, "wx");
    if (this.batchBytes > 0) await this.file.writev(this.batch);
    this.batch = [];
    this.batchBytes = 0;
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
