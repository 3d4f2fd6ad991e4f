/**
 * One RFC 822 message (.eml). The text is what a reader of the message sees
 * first: the main headers, a blank line, then the body. Attachments become
 * children, each written to a temporary file only when the driver asks for it.
 */
import { randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { simpleParser, type AddressObject, type Attachment, type ParsedMail } from "mailparser";
import { InputError } from "../../errors.js";
import type { ChildSource, Reader, ReaderContext } from "../reader.js";
import { htmlToText } from "./html.js";

/** Control characters, and the bidi controls that can make `evil.exe` display as something else. */
const UNSAFE_NAME_CHARACTERS = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Reads one e-mail message. Title is the Subject; `date` is the Date header's
 * UTC day. Attachments become children `#attachment-N/<filename>`.
 *
 * @example
 * // text of a message with a plain body:
 * // From: "Officer" <officer@example.org>
 * // To: desk@example.org
 * // Date: Tue, 2 Jun 2015 10:00:00 +0430
 * // Subject: Meeting
 * //
 * // The body …
 */
export const readEmail: Reader = async (context) => {
  const mail = await parseMessage(context);
  const dateHeader = rawHeader(mail, "date");
  const date = dateHeader === undefined ? undefined : validDate(new Date(dateHeader));
  const headerBlock = [
    ["From", mail.from?.text],
    ["To", addressText(mail.to)],
    ["Cc", addressText(mail.cc)],
    ["Date", dateHeader],
    ["Subject", mail.subject],
  ]
    .filter(([, value]) => value)
    .map(([label, value]) => `${label}: ${value}`)
    .join("\n");
  const body = bodyText(mail);
  const subject = mail.subject?.trim();
  return {
    text: headerBlock ? `${headerBlock}\n\n${body}` : body,
    mime: "message/rfc822",
    ...(subject && { title: subject }),
    ...(date && { date: date.toISOString().slice(0, 10) }),
    metadata: withoutUndefined({
      messageId: mail.messageId,
      from: mail.from?.text,
      to: addressText(mail.to),
      cc: addressText(mail.cc),
      date: date?.toISOString(),
      inReplyTo: mail.inReplyTo,
      references: typeof mail.references === "string" ? [mail.references] : mail.references,
      subject: mail.subject,
      attachments: mail.attachments.length,
    }),
    ...(mail.attachments.length > 0 && { children: attachmentFiles(context, mail.attachments) }),
  };
};

async function parseMessage(context: ReaderContext): Promise<ParsedMail> {
  try {
    return await simpleParser(createReadStream(context.filePath), {
      // HTML is turned to text below, by the same code as HTML files, and
      // inline images need not be copied into it as data URIs.
      skipHtmlToText: true,
      keepCidLinks: true,
      skipTextToHtml: true,
    });
  } catch (error) {
    throw new InputError("damaged", `not a readable e-mail message: ${error instanceof Error ? error.message : String(error)}`, false, { cause: error });
  }
}

function bodyText(mail: ParsedMail): string {
  if (mail.text?.trim()) return mail.text;
  return mail.html ? htmlToText(mail.html).text : "";
}

async function* attachmentFiles(context: ReaderContext, attachments: Attachment[]): AsyncGenerator<ChildSource> {
  for (const [index, attachment] of attachments.entries()) {
    const number = index + 1;
    const name = displayName(attachment.filename, number);
    const tempFile = path.join(context.tempDir, `attachment-${randomUUID()}`);
    await writeFile(tempFile, attachment.content, { flag: "wx" });
    yield { locatorSuffix: `#attachment-${number}/${name}`, name, tempFile, size: attachment.content.length };
  }
}

/** The attachment's file name without any folder part or control characters; `attachment-N` when nothing is left. */
function displayName(filename: string | undefined, number: number): string {
  const lastSegment = (filename ?? "").split(/[/\\]/).pop() ?? "";
  const cleaned = lastSegment.replace(UNSAFE_NAME_CHARACTERS, "").trim();
  return cleaned && cleaned !== "." && cleaned !== ".." ? cleaned : `attachment-${number}`;
}

/** The header as written, unfolded; mailparser replaces an unparseable Date with the current time. */
function rawHeader(mail: ParsedMail, key: string): string | undefined {
  const line = mail.headerLines.find((header) => header.key === key)?.line;
  if (line === undefined) return undefined;
  return line.slice(line.indexOf(":") + 1).replace(/\s+/g, " ").trim();
}

function validDate(date: Date): Date | undefined {
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function addressText(addresses: AddressObject | AddressObject[] | undefined): string | undefined {
  if (addresses === undefined) return undefined;
  return (Array.isArray(addresses) ? addresses : [addresses]).map((address) => address.text).join(", ");
}

function withoutUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}
