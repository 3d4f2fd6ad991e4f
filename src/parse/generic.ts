/**
 * Anything no other layout claims: a memo, a note, a press clipping, a log.
 * It reads what can be read from any text: a title-ish subject, the dates in
 * it, its paragraphs, the informant numbers it mentions and its language.
 * It recognises every document and never throws, so it comes last in the
 * registry.
 *
 * @example
 * genericParser.parse({ text: "Note to the newsroom\n\nSent on 2015-06-24. Source 134250 …", name: "note.txt", type: "text", metadata: {} })
 * // → { subject: "Note to the newsroom", date: { iso: "2015-06-24", … }, sources: ["134250"], … }
 */
import type { Cable, CableParser, DateMention, ParseInput } from "../model/cable.js";
import { findDates } from "../text/calendars.js";
import { detectLanguage } from "../text/language.js";
import { findSources } from "./field-report.js";
import { linesOf, splitParagraphs } from "./paragraphs.js";

/** How far down a `Subject:` line or a first meaningful line is looked for. */
const HEAD_LINES = 40;
/** A subject is a title, not a paragraph: a first line longer than this is cut at a word. */
const SUBJECT_CHARS = 200;
/** Dates kept beside the first: enough for a timeline of a long memo, bounded for a hostile one. */
const MAX_OTHER_DATES = 100;
/**
 * Dates are looked for in the head only: a document's own date is near its
 * top, and scanning a multi-megabyte dump for every date would make parsing
 * dominate ingest. (Dates throughout the text belong to entity extraction.)
 */
const DATE_SCAN_CHARS = 65_536;
/** Earliest and latest years taken for a document's own date; a year outside is more likely a number than a date. */
const PLAUSIBLE_YEARS = { first: 1900, last: new Date().getUTCFullYear() + 1 };

const SUBJECT_LINE = /^[ \t]*(?:subject|subj|title|re|موضوع|الموضوع|عنوان)[ \t]*[:：﹕][ \t]*(\S.*)$/i;
/** A line worth calling a title has three letters in a row: not a rule of dashes, a page number or a date alone. */
const MEANINGFUL = /\p{L}{3}/u;

export const genericParser: CableParser = {
  layout: "generic",

  recognises(): boolean {
    return true;
  },

  parse(input: ParseInput): Cable {
    const { text } = input;
    const subject = subjectOf(text);
    const { date, otherDates, warnings } = datesOf(text);
    return {
      layout: "generic",
      ...(date && { date }),
      otherDates,
      to: [],
      info: [],
      caveats: [],
      ...(subject && { subject }),
      tags: [],
      references: [],
      paragraphs: splitParagraphs(text),
      sources: findSources(text),
      language: detectLanguage(text),
      warnings,
    };
  },
};

/** A `Subject:` (موضوع، الموضوع) line near the top, else the first line with words in it, without Markdown heading marks. */
function subjectOf(text: string): string | undefined {
  let firstMeaningful: string | undefined;
  let count = 0;
  for (const line of linesOf(text)) {
    if (++count > HEAD_LINES) break;
    const labelled = SUBJECT_LINE.exec(line.text);
    if (labelled) return shorten(labelled[1]!.trim());
    if (firstMeaningful === undefined && MEANINGFUL.test(line.text)) firstMeaningful = line.text.replace(/^[ \t]*#+[ \t]*/, "").trim();
  }
  return firstMeaningful === undefined ? undefined : shorten(firstMeaningful);
}

function shorten(line: string): string {
  if (line.length <= SUBJECT_CHARS) return line;
  const cut = line.lastIndexOf(" ", SUBJECT_CHARS);
  return `${line.slice(0, cut > SUBJECT_CHARS / 2 ? cut : SUBJECT_CHARS)}…`;
}

/**
 * The document's date is its first plausible one: a readable date in a year
 * a document of the archive can carry, a full day before a month or a year.
 * Every other date found stays in `otherDates`, in order.
 */
function datesOf(text: string): { date?: DateMention; otherDates: DateMention[]; warnings: string[] } {
  const found = findDates(text.length > DATE_SCAN_CHARS ? text.slice(0, DATE_SCAN_CHARS) : text);
  const fullDay = found.findIndex((mention) => isPlausible(mention) && mention.precision === "day");
  const index = fullDay >= 0 ? fullDay : found.findIndex(isPlausible);
  const date = index >= 0 ? found[index] : undefined;
  const rest = found.filter((_, position) => position !== index);
  const warnings = rest.length > MAX_OTHER_DATES ? [`${rest.length} dates found; the first ${MAX_OTHER_DATES} besides the document's date are kept`] : [];
  return { ...(date && { date }), otherDates: rest.slice(0, MAX_OTHER_DATES), warnings };
}

function isPlausible(mention: DateMention): boolean {
  if (!mention.iso) return false;
  const year = Number(mention.iso.slice(0, 4));
  return year >= PLAUSIBLE_YEARS.first && year <= PLAUSIBLE_YEARS.last;
}
