/**
 * A cable read properly: the fields a reporter needs from a diplomatic
 * telegram, an intelligence memo or a field report, each traceable to the text
 * it was read from. Every date keeps the text and calendar it was written in.
 */
import type { LanguageCode } from "./document.js";

/** The calendars dates are written in: ours, the Iranian solar one, and the lunar Islamic one. */
export type Calendar = "gregorian" | "jalali" | "hijri";

/** A date as written in a document. */
export interface DateMention {
  /** The text exactly as written, e.g. `۱۳۹۳/۰۷/۱۵` or `161902Z FEB 07`. */
  text: string;
  calendar: Calendar;
  /**
   * The Gregorian date, `YYYY-MM-DD` (or `YYYY-MM`, `YYYY` at lower precision).
   * Absent when the date is ambiguous or impossible: see `candidates` and `warning`.
   */
  iso?: string;
  precision: "day" | "month" | "year";
  /** Every reading when the text allows more than one (03/04/2014: 3 April or 4 March). */
  candidates?: string[];
  /** Why a date could not be read, e.g. `1393/12/31 does not exist: 1393 is not a leap year`. */
  warning?: string;
  /** Character offsets into the document's text, end exclusive, when known. */
  start?: number;
  end?: number;
}

/** The layouts Trove recognises; `generic` is anything else. */
export type CableLayout = "cablegate" | "plusd" | "crest" | "field-report" | "email" | "generic";

export const CABLE_LAYOUTS: readonly CableLayout[] = ["cablegate", "plusd", "crest", "field-report", "email", "generic"];

/** A reference to another cable (`REF: A. BAGHDAD 98`). */
export interface CableReference {
  /** The letter of the reference when lettered: `A`, `B` … */
  label?: string;
  /** As written: `BAGHDAD 98`, `09 STATE 96625`. */
  text: string;
  /** The canonical id when it can be formed, e.g. `14BAGHDAD98`; used to link cables in the archive. */
  canonical?: string;
}

/** A numbered paragraph with its classification marking. */
export interface CableParagraph {
  /** As numbered: `1`, `2`, `۳`, `A` … absent when not numbered. */
  number?: string;
  /** A portion marking such as `C`, `S`, `U`, `SBU`, `S/NF`. */
  marking?: string;
  text: string;
  /** Character offsets into the document's text, end exclusive. */
  start: number;
  end: number;
}

/** Who translated a document and who checked the translation, when it says so. */
export interface TranslationCredit {
  translator?: string;
  reviewer?: string;
}

export interface Cable {
  layout: CableLayout;
  /** Reference or number: `14BAGHDAD1523`, `CIA-RDP80B01676R003100290016-2`, `ک/۵۰۲/۹۳`. */
  reference?: string;
  /** The cable's own date: the one its `date:` filter and timeline use. */
  date?: DateMention;
  /** Every other date of the header (release dates, declassification dates …). */
  otherDates: DateMention[];
  /** The station, embassy or office that sent it (`AMEMBASSY BAGHDAD`, `Karbala station`). */
  origin?: string;
  /** The person or office that signed or sent it, where given apart from the origin. */
  sender?: string;
  /** Action addressees. */
  to: string[];
  /** Information addressees. */
  info: string[];
  /** As marked: `CONFIDENTIAL`, `SECRET//NOFORN`, `سری` (kept as written; `classificationLevel` is the normalised level). */
  classification?: string;
  /** `UNCLASSIFIED`, `CONFIDENTIAL`, `SECRET`, `TOP SECRET`, or undefined when not marked. */
  classificationLevel?: "UNCLASSIFIED" | "CONFIDENTIAL" | "SECRET" | "TOP SECRET";
  /** Handling caveats: `NOFORN`, `EXDIS`, `SIPDIS`, `not to be shared with the Fajr Headquarters` … */
  caveats: string[];
  subject?: string;
  tags: string[];
  references: CableReference[];
  paragraphs: CableParagraph[];
  signer?: string;
  /** Informant numbers and code names mentioned in the header or body: `134832`. */
  sources: string[];
  translation?: TranslationCredit;
  language: LanguageCode;
  /** What could not be read, for a partial cable: `header cut off before SUBJECT`, `date 1393/12/31 does not exist` … */
  warnings: string[];
}

/** What a parser sees of a document. */
export interface ParseInput {
  /** The extracted text (not normalised). */
  text: string;
  /** The file name, for layouts named by file (`14BAGHDAD123.txt`). */
  name: string;
  /** The detected document type: `text`, `html`, `email`, `pdf` … */
  type: string;
  /** The reader's metadata (e-mail headers, PDF info …). */
  metadata: Record<string, unknown>;
  /** The HTML source, for HTML documents, whose metadata tables the visible text loses. */
  html?: string;
}

/** One parser per layout, in a registry; the first that recognises a document parses it. */
export interface CableParser {
  layout: CableLayout;
  /** Cheap test on the head of the document. */
  recognises(input: ParseInput): boolean;
  /** Never throws on bad input: a partial cable with `warnings` instead. */
  parse(input: ParseInput): Cable;
}
