/**
 * E-mail messages as cables: Message-ID as the reference, the Date header as
 * the date, From as origin and sender, To and Cc as addressees, the Subject,
 * and the body's paragraphs. The fields come from the e-mail reader's
 * metadata (decoded, RFC 2047 words and all); the text is the reader's: the
 * main headers, a blank line, then the body.
 *
 * @example
 * emailMessageParser.parse({ text: "From: a@x\nDate: Thu, 09 Jul 2015 10:42:17 +0200\n\nHello", name: "m.eml", type: "email",
 *   metadata: { messageId: "<1@x>", from: "a@x", subject: "Hi" } })
 * // → { reference: "<1@x>", date: { text: "Thu, 09 Jul 2015 10:42:17 +0200", iso: "2015-07-09", … }, sender: "a@x", … }
 */
import type { Cable, CableParser, CableReference, DateMention, ParseInput } from "../model/cable.js";
import { parseDate } from "../text/calendars.js";
import { detectLanguage } from "../text/language.js";
import { findSources } from "./field-report.js";
import { linesOf, splitParagraphs } from "./paragraphs.js";

/** A header line as the reader writes them: `Name: value`. */
const HEADER_LINE = /^([A-Za-z][A-Za-z0-9-]*):[ \t]*(.*)$/;

export const emailMessageParser: CableParser = {
  layout: "email",

  recognises(input: ParseInput): boolean {
    return input.type === "email";
  },

  parse(input: ParseInput): Cable {
    const { text, metadata } = input;
    const headers = readHeaderBlock(text);
    const warnings: string[] = [];
    const from = stringValue(metadata.from) ?? headers.values.get("from");
    const subject = stringValue(metadata.subject) ?? headers.values.get("subject");
    const messageId = stringValue(metadata.messageId);
    const date = messageDate(headers, stringValue(metadata.date), warnings);
    const paragraphs = splitParagraphs(text, headers.end).filter((paragraph) => !isQuotedReply(paragraph.text));

    return {
      layout: "email",
      ...(messageId && { reference: messageId }),
      ...(date && { date }),
      otherDates: [],
      ...(from && { origin: from, sender: from }),
      to: splitAddresses(stringValue(metadata.to) ?? headers.values.get("to") ?? ""),
      info: splitAddresses(stringValue(metadata.cc) ?? headers.values.get("cc") ?? ""),
      caveats: [],
      ...(subject && { subject }),
      tags: [],
      references: threadReferences(metadata),
      paragraphs,
      sources: findSources(text.slice(headers.end)),
      language: detectLanguage(text.slice(headers.end)),
      warnings,
    };
  },
};

interface HeaderBlock {
  /** Header values by lower-case name, as written. */
  values: Map<string, string>;
  /** Where the Date header's value starts in the text, for the date's offsets. */
  dateStart?: number;
  /** Where the body starts: after the blank line that ends the headers, or 0 when the text has none. */
  end: number;
}

function readHeaderBlock(text: string): HeaderBlock {
  const values = new Map<string, string>();
  let dateStart: number | undefined;
  for (const line of linesOf(text)) {
    if (line.text.trim() === "") return { values, ...(dateStart !== undefined && { dateStart }), end: line.start + line.text.length + 1 };
    const header = HEADER_LINE.exec(line.text);
    if (!header) return { values: new Map(), end: 0 };
    const name = header[1]!.toLowerCase();
    if (name === "date") dateStart = line.start + header[0].length - header[2]!.length;
    values.set(name, header[2]!.trim());
  }
  // Headers and no body.
  return { values, ...(dateStart !== undefined && { dateStart }), end: text.length };
}

/**
 * The Date header as written, read in the sender's own time zone (the day
 * the sender saw); the reader's UTC time stands in when the header cannot be
 * read.
 */
function messageDate(headers: HeaderBlock, utc: string | undefined, warnings: string[]): DateMention | undefined {
  const written = headers.values.get("date");
  if (written) {
    const mention = parseDate(written, { calendar: "gregorian" });
    if (mention?.iso) return located(mention, headers.dateStart);
  }
  const utcDay = utc && /^\d{4}-\d{2}-\d{2}/.exec(utc)?.[0];
  if (utcDay) return { text: utc, calendar: "gregorian", iso: utcDay, precision: "day" };
  if (written) warnings.push(`date "${written}" could not be read`);
  else warnings.push("no Date header");
  return undefined;
}

/** The mention with offsets into the document's text, where the calendar gave offsets into the header's value. */
function located(mention: DateMention, valueStart: number | undefined): DateMention {
  if (valueStart === undefined || mention.start === undefined || mention.end === undefined) return mention;
  return { ...mention, start: valueStart + mention.start, end: valueStart + mention.end };
}

/** A block of quoted reply (`> …` on every line) repeats an earlier message; it is not a paragraph of this one. */
function isQuotedReply(paragraph: string): boolean {
  return paragraph.split("\n").every((line) => /^[ \t]*>/.test(line));
}

/** `"Okoro, Ines" <i@x>, b@y` → the two addresses, commas inside quotes and angle brackets kept. */
function splitAddresses(list: string): string[] {
  const addresses: string[] = [];
  let current = "";
  let quoted = false;
  let angle = false;
  for (const character of list) {
    if (character === '"') quoted = !quoted;
    else if (character === "<" && !quoted) angle = true;
    else if (character === ">" && !quoted) angle = false;
    if (character === "," && !quoted && !angle) {
      addresses.push(current);
      current = "";
    } else {
      current += character;
    }
  }
  addresses.push(current);
  return addresses.map((address) => address.trim()).filter(Boolean);
}

/** In-Reply-To and References: the messages this one answers, by Message-ID, so that threads link up in the archive as cables do by REF. */
function threadReferences(metadata: Record<string, unknown>): CableReference[] {
  const ids = [...stringList(metadata.references), ...stringList(metadata.inReplyTo)];
  return [...new Set(ids)].map((id) => ({ text: id, canonical: id }));
}

function stringValue(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}

function stringList(value: unknown): string[] {
  if (typeof value === "string") return value.split(/\s+/).filter(Boolean);
  if (Array.isArray(value)) return value.flatMap(stringList);
  return [];
}
