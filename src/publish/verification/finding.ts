/**
 * What a verification check reports: a finding a reporter can act on, tied
 * to the documents it is about and, where there is one, the text that shows
 * it. The kinds are data, so that the CLI summary, the HTML page and the JSON
 * report list them the same way and in the same order.
 */

/** `warning`: something that may speak against authenticity and needs an answer before publication; `info`: context worth knowing. */
export type Severity = "info" | "warning";

export type FindingKind =
  | "reference-gap"
  | "reference-duplicate"
  | "reference-order"
  | "reference-year"
  | "reference-anachronism"
  | "date-outside-span"
  | "impossible-date"
  | "weekday-mismatch"
  | "calendar-mismatch"
  | "translation-structure"
  | "pdf-creation-after-modification"
  | "pdf-modified-long-after-date"
  | "pdf-unusual-producer"
  | "original-missing";

export interface FindingKindDescription {
  kind: FindingKind;
  /** A heading for the report. */
  title: string;
  /** What the check looks at, for a reader who has not seen it before. */
  description: string;
  /** True when the evidence is a passage of the document's text (shown in the text's own direction), false when it is put together from fields. */
  quotesText: boolean;
}

/** Every kind, in the order the report lists them: internal consistency first, then file metadata. */
export const FINDING_KINDS: readonly FindingKindDescription[] = [
  { kind: "reference-gap", title: "Gaps in reference numbers", description: "Numbers missing from a station's series of references in one year: documents the archive does not hold, which the source may be asked for.", quotesText: false },
  { kind: "reference-duplicate", title: "Reference numbers used twice", description: "Two documents that are not byte-identical carry the same reference number. Similar texts are two copies of one cable; different texts need an explanation.", quotesText: false },
  { kind: "reference-order", title: "Numbers out of date order", description: "A station numbers its documents as it sends them, so a higher number should not bear an earlier date.", quotesText: false },
  { kind: "reference-year", title: "Reference year against date", description: "The year written in a reference number (…/93, 14BAGHDAD…) disagrees with the year of the document's own date, in the calendar the document is dated in.", quotesText: false },
  { kind: "reference-anachronism", title: "References to later documents", description: "A document cites a reference from a later year, or a document of the archive dated after it.", quotesText: false },
  { kind: "date-outside-span", title: "Dates outside the archive's span", description: "A document dated far from where the archive's other documents fall (outside the Tukey fences of their dates).", quotesText: false },
  { kind: "impossible-date", title: "Dates that do not exist", description: "A date that no calendar has, such as 30 Esfand in a year that is not a leap year or 29 February 2015.", quotesText: true },
  { kind: "weekday-mismatch", title: "Weekday against date", description: "A weekday named in the text (Thursday, پنجشنبه, الخميس) that is not the weekday of the date it is attached to.", quotesText: true },
  { kind: "calendar-mismatch", title: "Calendars that disagree", description: "A Jalali or Hijri date written with its Gregorian equivalent, where the two are not the same day.", quotesText: true },
  { kind: "translation-structure", title: "Original and translation differ in structure", description: "The original and its translation do not have the same numbered paragraphs.", quotesText: false },
  { kind: "pdf-creation-after-modification", title: "PDF created after it was modified", description: "The PDF's creation date is later than its modification date, which a program writing a file does not do by itself.", quotesText: false },
  { kind: "pdf-modified-long-after-date", title: "PDF made long after its date", description: "The PDF was last written more than a year after the date it bears: a later rendering or an edited copy, not a contemporary original.", quotesText: false },
  { kind: "pdf-unusual-producer", title: "Unusual PDF producer", description: "A PDF made by a program that few of the archive's other PDFs were made by.", quotesText: false },
  { kind: "original-missing", title: "Originals no longer on disk", description: "The file ingested is no longer at its path, so its metadata could not be read again and its hash cannot be checked against it.", quotesText: false },
];

export interface Finding {
  kind: FindingKind;
  severity: Severity;
  /** The documents the finding is about, by archive id; first the one to open first. */
  documentIds: number[];
  /** What was found and what to do about it, in a sentence or two. */
  message: string;
  /** The text of the document that shows it, as written, when there is one. */
  evidence?: string;
}
