import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import iconv from "iconv-lite";
import type { ProblemCode } from "../../../src/errors.js";
import { resolveLimits } from "../../../src/ingest/limits.js";
import type { ReaderContext, ReadResult } from "../../../src/ingest/reader.js";
import { readEmail } from "../../../src/ingest/readers/email.js";
import { tempDir } from "../../helpers/temp-dir.js";

// Legacy Windows-1256 Persian uses the Arabic yeh (ي), which the code page has, for the Persian one (ی), which it lacks.
const PERSIAN_BODY = "گزارش ديدار با منبع در کربلا.\nهديه‌ها: پسته، ادکلن و زعفران.\n";
const PERSIAN_SUBJECT = "گزارش ديدار";

interface Member {
  locatorSuffix: string;
  name: string;
  size: number;
  content: Buffer;
}

async function readMessage(message: string) {
  const root = tempDir();
  const temp = path.join(root, "temp");
  const file = path.join(root, "message.eml");
  writeFileSync(file, message.replace(/\r?\n/g, "\r\n"), "latin1");
  mkdirSync(temp);
  const problems: { code: ProblemCode; message: string }[] = [];
  const context: ReaderContext = {
    filePath: file,
    name: "message.eml",
    locator: file,
    size: statSync(file).size,
    limits: resolveLimits(),
    depth: 0,
    tempDir: temp,
    problem: (code, text) => problems.push({ code, message: text }),
  };
  const result = await readEmail(context);
  return { result, problems, attachments: await drain(result, temp) };
}

/** Plays the driver: one attachment file at a time, read and then deleted. */
async function drain(result: ReadResult, temp: string): Promise<Member[]> {
  const members: Member[] = [];
  for await (const child of result.children ?? []) {
    assert.deepEqual(readdirSync(temp), [path.basename(child.tempFile)]);
    members.push({ locatorSuffix: child.locatorSuffix, name: child.name, size: child.size, content: readFileSync(child.tempFile) });
    rmSync(child.tempFile);
  }
  return members;
}

/** Quoted-printable as mail clients write it, with soft line breaks. */
function quotedPrintable(bytes: Buffer): string {
  const lines: string[] = [];
  let line = "";
  for (const byte of bytes) {
    if (byte === 0x0a) {
      lines.push(line);
      line = "";
      continue;
    }
    const printable = (byte >= 0x21 && byte <= 0x7e && byte !== 0x3d) || byte === 0x20;
    const piece = printable ? String.fromCharCode(byte) : `=${byte.toString(16).toUpperCase().padStart(2, "0")}`;
    if (line.length + piece.length > 75) {
      lines.push(`${line}=`);
      line = "";
    }
    line += piece;
  }
  lines.push(line);
  return lines.join("\n");
}

/** Base64 in 76-character lines. */
function base64Lines(bytes: Buffer): string {
  return bytes.toString("base64").replace(/.{76}/g, "$&\n");
}

describe("e-mail reader", () => {
  it("decodes a Windows-1256 quoted-printable body and subject, with the headers above it", async () => {
    const body = iconv.encode(PERSIAN_BODY, "windows-1256");
    const subject = `=?windows-1256?B?${iconv.encode(PERSIAN_SUBJECT, "windows-1256").toString("base64")}?=`;
    const { result, problems, attachments } = await readMessage([
      "From: Station Officer <officer@example.org>",
      "To: Desk <desk@example.org>, Archive <archive@example.org>",
      "Cc: Review <review@example.org>",
      "Date: Wed, 3 Jun 2015 01:30:00 +0430",
      `Subject: ${subject}`,
      "Message-ID: <report-134@example.org>",
      "In-Reply-To: <request-7@example.org>",
      "References: <request-1@example.org> <request-7@example.org>",
      "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=windows-1256",
      "Content-Transfer-Encoding: quoted-printable",
      "",
      quotedPrintable(body),
    ].join("\n"));
    assert.deepEqual(problems, []);
    assert.deepEqual(attachments, []);
    assert.equal(result.mime, "message/rfc822");
    assert.equal(result.title, PERSIAN_SUBJECT);
    assert.equal(result.date, "2015-06-02");
    assert.equal(result.text, [
      'From: "Station Officer" <officer@example.org>',
      'To: "Desk" <desk@example.org>, "Archive" <archive@example.org>',
      'Cc: "Review" <review@example.org>',
      "Date: Wed, 3 Jun 2015 01:30:00 +0430",
      `Subject: ${PERSIAN_SUBJECT}`,
      "",
      PERSIAN_BODY,
    ].join("\n"));
    assert.deepEqual(result.metadata, {
      messageId: "<report-134@example.org>",
      from: '"Station Officer" <officer@example.org>',
      to: '"Desk" <desk@example.org>, "Archive" <archive@example.org>',
      cc: '"Review" <review@example.org>',
      date: "2015-06-02T21:00:00.000Z",
      inReplyTo: "<request-7@example.org>",
      references: ["<request-1@example.org>", "<request-7@example.org>"],
      subject: PERSIAN_SUBJECT,
      attachments: 0,
    });
  });

  it("yields attachments one at a time, with display names stripped of folders and control characters", async () => {
    const pdfBytes = randomBytes(3000);
    const unnamed = randomBytes(500);
    const { result, attachments } = await readMessage([
      "From: a@example.org",
      "To: b@example.org",
      "Subject: Expense report",
      "Date: Mon, 1 Jun 2015 10:00:00 +0000",
      "MIME-Version: 1.0",
      'Content-Type: multipart/mixed; boundary="b1"',
      "",
      "--b1",
      "Content-Type: text/plain; charset=utf-8",
      "",
      "Gifts for the commander: 87.5 euros.",
      "--b1",
      'Content-Type: application/pdf; name="report.pdf"',
      // "../../plans/re<BEL>port<RIGHT-TO-LEFT OVERRIDE>.pdf"
      "Content-Disposition: attachment; filename*=UTF-8''..%2F..%2Fplans%2Fre%07port%E2%80%AE.pdf",
      "Content-Transfer-Encoding: base64",
      "",
      base64Lines(pdfBytes),
      "--b1",
      "Content-Type: application/octet-stream",
      "Content-Disposition: attachment",
      "Content-Transfer-Encoding: base64",
      "",
      base64Lines(unnamed),
      "--b1--",
      "",
    ].join("\n"));
    assert.match(result.text, /Subject: Expense report\n\nGifts for the commander: 87\.5 euros\./);
    assert.equal(result.metadata?.attachments, 2);
    assert.deepEqual(attachments.map((attachment) => [attachment.locatorSuffix, attachment.name, attachment.size]), [
      ["#attachment-1/report.pdf", "report.pdf", 3000],
      ["#attachment-2/attachment-2", "attachment-2", 500],
    ]);
    assert.deepEqual(attachments[0]!.content, pdfBytes);
    assert.deepEqual(attachments[1]!.content, unnamed);
  });

  it("keeps a Persian attachment name given in RFC 2231 form", async () => {
    const encodedName = encodeURIComponent("گزارش.txt");
    const { attachments } = await readMessage([
      "From: a@example.org",
      "Subject: names",
      'Content-Type: multipart/mixed; boundary="b2"',
      "",
      "--b2",
      "Content-Type: text/plain",
      "",
      "see attached",
      "--b2",
      "Content-Type: text/plain; charset=utf-8",
      `Content-Disposition: attachment; filename*=UTF-8''${encodedName}`,
      "",
      "attached text",
      "--b2--",
      "",
    ].join("\n"));
    assert.deepEqual(attachments.map((attachment) => attachment.locatorSuffix), ["#attachment-1/گزارش.txt"]);
  });

  it("turns an HTML-only body into its visible text", async () => {
    const { result } = await readMessage([
      "From: a@example.org",
      "Subject: html only",
      "Content-Type: text/html; charset=utf-8",
      "",
      "<html><head><style>p { color: red }</style><script>alert('x')</script></head>",
      "<body><p>Meeting at the <b>photo exhibition</b></p><p>Second paragraph</p></body></html>",
    ].join("\n"));
    const body = result.text.split("\n\n").slice(1).join("\n\n");
    assert.match(body, /Meeting at the photo exhibition/);
    assert.match(body, /Second paragraph/);
    assert.doesNotMatch(body, /alert|color/);
  });

  it("gives no date for an unparseable Date header instead of today's", async () => {
    const { result } = await readMessage([
      "From: a@example.org",
      "Date: sometime in Khordad",
      "Subject: undated",
      "",
      "body",
    ].join("\n"));
    assert.equal(result.date, undefined);
    assert.equal(result.metadata?.date, undefined);
    assert.match(result.text, /^Date: sometime in Khordad$/m);
  });
});
