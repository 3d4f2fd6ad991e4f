/**
 * US State Department telegrams as plain text: the Cablegate `.txt` files,
 * PDFs of cables with a text layer, and the bodies of JSON-lines dumps
 * (flattened to one line, case changed; their reader hands the record's other
 * fields over as metadata).
 *
 * The reference is formed by the first rule that applies:
 * 1. the file name, when it is a cable id (`09PARIS1007.txt`);
 * 2. the classification line's post and serial with the cable's year
 *    (`CONFIDENTIAL SECTION 01 OF 08 NEW DELHI 005135` in 2006 → `06NEWDELHI5135`);
 * 3. the routing line's serial with the sending post and year
 *    (`DE RUEHBO #1165` from `AMEMBASSY BOGOTA` in 2007 → `07BOGOTA1165`).
 * When two of them disagree, the first is kept and the disagreement is a warning.
 *
 * The date is the date-time group (`R 161902Z FEB 07` → 2007-02-16), else one
 * in the record's routing header, else the record's date field, else the year
 * of the reference alone.
 *
 * @example
 * cablegateParser.parse({ text: "R 161902Z FEB 07\nFM AMEMBASSY BOGOTA\nTO SECSTATE WASHDC 2786\nUNCLAS BOGOTA 001165\n…", name: "07BOGOTA1165.txt", type: "text", metadata: {} })
 * // → { reference: "07BOGOTA1165", date: { text: "161902Z FEB 07", iso: "2007-02-16", … }, origin: "AMEMBASSY BOGOTA", to: ["SECSTATE WASHDC"], … }
 */
import type { Cable, CableParser, DateMention, ParseInput } from "../model/cable.js";
import {
  cableId,
  blankCable,
  readSafely,
  cableYear,
  fullYear,
  readFieldDate,
  readFlatRouting,
  readTelegram,
  resolveReferences,
  type FlatRouting,
  type TelegramReading,
} from "./telegram.js";

/** How much of a document `recognises` looks at. */
const HEAD_CHARS = 4000;
/** A file name that is a cable id: two-digit year, the post's letters, the serial. */
const CABLE_ID_NAME = /^(\d{2})([A-Z]+?)(\d+)$/;
/** Reader metadata fields that carry a cable's date, most precise first. */
const DATE_FIELDS = ["date_time", "date", "created", "Date"];

export const cablegateParser: CableParser = {
  layout: "cablegate",

  recognises(input: ParseInput): boolean {
    const head = input.text.slice(0, HEAD_CHARS);
    if (/\bVZCZC/.test(head)) return true;
    if (/^[ \t]*FM[ \t]+\S/m.test(head) && /^[ \t]*TO[ \t]+\S/m.test(head)) return true;
    // Bodies without routing lines: the `E.O.` line with `TAGS`, in any case (`E.o. 12958: decl: … Tags:`).
    return /E\.?\s?[O0]\.?\s*1[0-3]\d{3}/i.test(head) && /TAGS/i.test(head) && /SUBJ(?:ECT)?\s*:/i.test(head);
  },

  parse(input: ParseInput): Cable {
    return readSafely("cablegate", "the telegram", input, readCablegate);
  },
};

function readCablegate(input: ParseInput): Cable {
  const reading = readTelegram(input.text);
  const routing = flatRoutingOf(input.metadata);
  const cable = blankCable("cablegate", input.text);
  const warnings = [...reading.warnings];

  const date = reading.dateTimeGroup ?? withoutOffsets(routing?.dateTimeGroup) ?? metadataDate(input.metadata);
  if (date) cable.date = date;
  if (date?.warning) warnings.push(date.warning);
  if (!reading.dateTimeGroup) warnings.push(date ? `no date-time group; the date is from ${routing?.dateTimeGroup ? "the record's routing header" : "the reader's metadata"}` : "no date-time group and no date");

  const origin = reading.origin ?? routing?.origin ?? stringField(input.metadata, "origin");
  if (origin) cable.origin = origin;
  cable.to = reading.to.length > 0 ? reading.to : routing?.to ?? [];
  cable.info = reading.info.length > 0 ? reading.info : routing?.info ?? [];

  const reference = referenceOf(input.name, reading, origin, cable.date, warnings);
  if (reference) cable.reference = reference;
  if (!cable.date && reference) {
    // A header cut off before its date-time group still says the year in the cable's id.
    cable.date = { text: reference.slice(0, 2), calendar: "gregorian", iso: String(fullYear(reference.slice(0, 2))), precision: "year" };
    warnings.push(`only the year is known, from the reference ${reference}`);
  }

  fillFromReading(cable, reading, input.metadata);
  const year = cableYear(cable.date) ?? reference?.slice(0, 2);
  cable.references = resolveReferences(reading.references, year, reading.classification?.office ?? origin);
  cable.warnings = warnings;
  return cable;
}

/** The fields every telegram reading fills the same way. */
function fillFromReading(cable: Cable, reading: TelegramReading, metadata: Record<string, unknown>): void {
  const marking = reading.classification?.marking ?? stringField(metadata, "classification");
  if (marking) cable.classification = marking;
  const level = reading.classification?.level;
  if (level) cable.classificationLevel = level;
  cable.caveats = reading.caveats;
  if (reading.subject) cable.subject = reading.subject;
  cable.tags = reading.tags;
  cable.paragraphs = reading.paragraphs;
  if (reading.signer) cable.signer = reading.signer;
  cable.otherDates = reading.otherDates;
}

function referenceOf(name: string, reading: TelegramReading, origin: string | undefined, date: DateMention | undefined, warnings: string[]): string | undefined {
  const year = reading.classification?.year ?? yearOfGroup(reading.dateTimeGroup) ?? cableYear(date);
  const byName = CABLE_ID_NAME.exec(name.replace(/\.[A-Za-z0-9]+$/, "").toUpperCase())?.[0];
  const line = reading.classification;
  const byLine = line && year ? cableId(year, line.office, line.serial) : undefined;
  const byRouting = reading.routing && origin && year ? cableId(year, origin, reading.routing.serial) : undefined;
  const candidates = [byName, byLine, byRouting].filter((candidate): candidate is string => Boolean(candidate));
  const chosen = candidates[0];
  const disagreeing = candidates.find((candidate) => candidate !== chosen);
  if (chosen && disagreeing) warnings.push(`the reference ${chosen} disagrees with ${disagreeing} read from the ${disagreeing === byRouting ? "routing line" : "classification line"}`);
  if (!chosen) warnings.push("no reference: no cable id in the file name, classification line or routing line");
  return chosen;
}

/** The two-digit year as the date-time group writes it (the year a cable id starts with). */
function yearOfGroup(group: DateMention | undefined): string | undefined {
  const written = group && /(\d{2}|\d{4})$/.exec(group.text)?.[1];
  return written ? written.slice(-2) : undefined;
}

/** A record's routing header (`header` in a JSON-lines dump), flattened or not. */
function flatRoutingOf(metadata: Record<string, unknown>): FlatRouting | undefined {
  const header = stringField(metadata, "header");
  if (!header) return undefined;
  return readFlatRouting(header);
}

/** A date read from the reader's metadata has no place in the document's text. */
function withoutOffsets(date: DateMention | undefined): DateMention | undefined {
  if (!date) return undefined;
  const { start: _start, end: _end, ...rest } = date;
  return rest;
}

function metadataDate(metadata: Record<string, unknown>): DateMention | undefined {
  for (const field of DATE_FIELDS) {
    const value = stringField(metadata, field);
    const date = value ? readFieldDate(value) : undefined;
    if (date) return date;
  }
  return undefined;
}

function stringField(metadata: Record<string, unknown>, field: string): string | undefined {
  const value = metadata[field];
  return typeof value === "string" && value.trim() ? value.trim() : undefined;
}
