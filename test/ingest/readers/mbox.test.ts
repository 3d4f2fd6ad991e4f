import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import fc from "fast-check";
import type { ProblemCode } from "../../../src/errors.js";
import { resolveLimits, type IngestLimitsOptions } from "../../../src/ingest/limits.js";
import type { ReaderContext } from "../../../src/ingest/reader.js";
import { readEmail } from "../../../src/ingest/readers/email.js";
import { readMbox } from "../../../src/ingest/readers/mbox.js";
import { corpusPath } from "../../helpers/corpus.js";
import { extractForTest } from "../../helpers/extract.js";
import { tempDir } from "../../helpers/temp-dir.js";

interface Message {
  locatorSuffix: string;
  name: string;
  size: number;
  content: Buffer;
}

function contextFor(file: string, temp: string, limits: IngestLimitsOptions = {}) {
  const problems: { code: ProblemCode; message: string }[] = [];
  const context: ReaderContext = {
    filePath: file,
    name: path.basename(file),
    locator: file,
    size: statSync(file).size,
    limits: resolveLimits(limits),
    depth: 0,
    tempDir: temp,
    problem: (code, message) => problems.push({ code, message }),
  };
  return { context, problems };
}

function mailboxFile(bytes: Buffer | string): { file: string; temp: string } {
  const root = tempDir();
  const temp = path.join(root, "temp");
  mkdirSync(temp);
  const file = path.join(root, "mailbox.mbox");
  writeFileSync(file, bytes);
  return { file, temp };
}

/** Reads a mailbox the way the driver does: one message file at a time, deleted after use. */
async function readMailbox(bytes: Buffer | string, limits: IngestLimitsOptions = {}) {
  const { file, temp } = mailboxFile(bytes);
  const { context, problems } = contextFor(file, temp, limits);
  const result = await readMbox(context);
  const messages: Message[] = [];
  for await (const child of result.children ?? []) {
    assert.deepEqual(readdirSync(temp), [path.basename(child.tempFile)]);
    messages.push({ locatorSuffix: child.locatorSuffix, name: child.name, size: child.size, content: readFileSync(child.tempFile) });
    rmSync(child.tempFile);
  }
  assert.deepEqual(readdirSync(temp), []);
  return { result, problems, messages, temp };
}

function bodies(messages: Message[]): string[] {
  return messages.map((message) => message.content.toString("latin1"));
}

/** The mboxrd writer's rule, for the round-trip property: every `>*From ` line gains one `>`. */
function writeMboxrd(messages: string[]): string {
  return messages
    .map((message) => `From sender@example.org Mon Jun  1 10:00:00 2015\n${message.replace(/^(>*From )/gm, ">$1")}\n`)
    .join("");
}

const THREE_MESSAGES = [
  "From officer@example.org Mon Jun  1 10:00:00 2015",
  "From: officer@example.org",
  "Subject: first",
  "",
  "First report.",
  ">From the archive, unescaped on reading.",
  ">>From a quote, one level less.",
  "",
  "From desk@example.org Tue Jun  2 10:00:00 2015",
  "From: desk@example.org",
  "Subject: second",
  "",
  "Second report, forwarded:",
  "From here the text is not a separator: no blank line before it.",
  "",
  "From archive@example.org Wed Jun  3 10:00:00 2015",
  "From: archive@example.org",
  "Subject: third",
  "",
  "Third report.",
  "",
].join("\n");

describe("mbox reader", () => {
  it("splits on From lines after blank lines and unescapes mboxrd quoting", async () => {
    const { result, problems, messages } = await readMailbox(THREE_MESSAGES);
    assert.deepEqual(problems, []);
    assert.equal(result.text, "");
    assert.equal(result.mime, "application/mbox");
    assert.deepEqual(messages.map((message) => [message.locatorSuffix, message.name]), [
      ["#message-1/message-1.eml", "message-1.eml"],
      ["#message-2/message-2.eml", "message-2.eml"],
      ["#message-3/message-3.eml", "message-3.eml"],
    ]);
    assert.deepEqual(bodies(messages), [
      "From: officer@example.org\nSubject: first\n\nFirst report.\nFrom the archive, unescaped on reading.\n>From a quote, one level less.\n",
      "From: desk@example.org\nSubject: second\n\nSecond report, forwarded:\nFrom here the text is not a separator: no blank line before it.\n",
      "From: archive@example.org\nSubject: third\n\nThird report.\n",
    ]);
    assert.deepEqual(messages.map((message) => message.size), messages.map((message) => message.content.length));
  });

  it("hands on messages that the e-mail reader can read", async () => {
    const { file, temp } = mailboxFile(THREE_MESSAGES);
    const { context } = contextFor(file, temp);
    const subjects: (string | undefined)[] = [];
    for await (const child of (await readMbox(context)).children ?? []) {
      const email = await readEmail({ ...context, filePath: child.tempFile, name: child.name, size: child.size });
      subjects.push(email.title);
      rmSync(child.tempFile);
    }
    assert.deepEqual(subjects, ["first", "second", "third"]);
  });

  it("splits a mailbox with CRLF line endings", async () => {
    const { messages } = await readMailbox(THREE_MESSAGES.replace(/\n/g, "\r\n"));
    assert.equal(messages.length, 3);
    assert.equal(bodies(messages)[2], "From: archive@example.org\r\nSubject: third\r\n\r\nThird report.\r\n");
  });

  it("keeps non-UTF-8 bytes as they are", async () => {
    const windows1256 = Buffer.from([0x90, 0xd2, 0xc7, 0xd1, 0xd4, 0x0a]);
    const mailbox = Buffer.concat([Buffer.from("From x@example.org Mon Jun  1 10:00:00 2015\nSubject: bytes\n\n"), windows1256]);
    const { messages } = await readMailbox(mailbox);
    assert.deepEqual(messages[0]!.content, Buffer.concat([Buffer.from("Subject: bytes\n\n"), windows1256]));
  });

  it("copies a line longer than a chunk whole", async () => {
    const longLine = "x".repeat(3 * 1024 * 1024 + 17);
    const { messages } = await readMailbox(`From a@example.org\nSubject: long\n\n${longLine}\n\nFrom b@example.org\nSubject: short\n\nshort\n`);
    assert.deepEqual(bodies(messages), [`Subject: long\n\n${longLine}\n`, "Subject: short\n\nshort\n"]);
  });

  it("refuses a message larger than maxMemberBytes and goes on", async () => {
    const { problems, messages } = await readMailbox(
      `From a@example.org\nSubject: big\n\n${"y".repeat(5000)}\n\nFrom b@example.org\nSubject: small\n\nsmall\n`,
      { maxMemberBytes: 1000 },
    );
    assert.deepEqual(problems.map((problem) => problem.code), ["archive-bomb"]);
    assert.deepEqual(messages.map((message) => message.name), ["message-2.eml"]);
  });

  it("leaves no file behind when the consumer stops early", async () => {
    const { file, temp } = mailboxFile(`From a@example.org\n\n${"z\n".repeat(800_000)}\nFrom b@example.org\n\n${"w\n".repeat(800_000)}`);
    const { context } = contextFor(file, temp);
    for await (const child of (await readMbox(context)).children ?? []) {
      rmSync(child.tempFile);
      break;
    }
    assert.deepEqual(readdirSync(temp), []);
  });

  it("gives back exactly the messages an mboxrd writer put in", async () => {
    const line = fc.oneof(
      fc.constantFrom("", "\r", "From ", "From x", ">From y", ">>From z", "From", " From "),
      fc.string({ maxLength: 12 }).filter((text) => !text.includes("\n")),
    );
    const message = fc.array(line, { maxLength: 8 }).map((lines) => lines.map((text) => `${text}\n`).join(""));
    await fc.assert(
      fc.asyncProperty(fc.array(message, { minLength: 1, maxLength: 5 }), async (messages) => {
        const { messages: read } = await readMailbox(Buffer.from(writeMboxrd(messages), "latin1"));
        assert.deepEqual(bodies(read), messages);
      }),
      { numRuns: 60 },
    );
  });

  it("passes messages through the extraction driver as e-mails", async () => {
    const { file } = mailboxFile(THREE_MESSAGES);
    const { documents, problems } = await extractForTest(file);
    assert.deepEqual(problems, []);
    assert.deepEqual(documents.map((document) => [document.type, document.title]), [
      ["mbox", "mailbox.mbox"],
      ["email", "first"],
      ["email", "second"],
      ["email", "third"],
    ]);
  });

  it("splits the Enron mailboxes of the shared corpus into their messages", async (t) => {
    const folder = corpusPath("email", "jpvance123_Amdocs_ML_Email_Analytics", "enron");
    if (folder === undefined || !existsSync(folder)) {
      t.skip("the Enron mailboxes are not in ../shared/corpus");
      return;
    }
    const expected: Record<string, number> = {
      "enron.lay-k.elizabeth": 35,
      "enron.lay-k.family": 8,
      "enron.lay-k.enron": 5,
      "enron.lay-k.sent_items": 13,
      "enron.skilling-j.mark": 55,
      "enron.skilling-j.inbox.genie": 10,
      "enron.beck-s.dpr": 22,
      "enron.beck-s.australia": 14,
    };
    for (const [name, count] of Object.entries(expected)) {
      const temp = tempDir();
      const { context } = contextFor(path.join(folder, name), temp);
      let messages = 0;
      for await (const child of (await readMbox(context)).children ?? []) {
        assert.match(readFileSync(child.tempFile, "latin1"), /^Message-ID: /);
        rmSync(child.tempFile);
        messages++;
      }
      assert.equal(messages, count, name);
    }
  });
});
