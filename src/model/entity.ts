/**
 * The entity model: what a document says about who, where and how much.
 *
 * A `Mention` is one span of one document's text that names something. Mentions
 * come from two places: the statistical NER model (people, organisations,
 * places) and rules (sources, money, dates, phone numbers, e-mail addresses).
 * An `Entity` is a cluster of mentions that a reporter can treat as one thing:
 * its aliases in every script, its documents, its first and last dates.
 */

/**
 * The kinds of thing Trove finds. Written in lower case because the value is
 * the same in `--type person`, in JSON and in `entity:` search filters.
 */
export type EntityType =
  | "person"
  | "organization"
  | "place"
  | "source"
  | "money"
  | "date"
  | "phone"
  | "email";

export const ENTITY_TYPES: readonly EntityType[] = [
  "person", "organization", "place", "source", "money", "date", "phone", "email",
];

/** Entity types that name someone or something and are resolved into `Entity` clusters. */
export const NAMED_ENTITY_TYPES: readonly EntityType[] = ["person", "organization", "place", "source"];

/** Where a mention came from: the statistical model or a rule. */
export type MentionOrigin = "model" | "rule";

/**
 * What a mention says beyond its span. Every property is optional; which ones
 * are present depends on the type.
 */
export interface MentionAttributes {
  /** Titles and ranks kept apart from the name: `Maj. Gen.`, `Ayatollah`, `Sheikh`, `سردار`. */
  title?: string;
  /** A role stated beside the name: `minister of transportation`. */
  role?: string;
  /** MONEY: the amount as a number (`$16 million` → 16000000). */
  amount?: number;
  /** MONEY: ISO 4217 code where one exists (`USD`, `EUR`, `IRR`), else a lower-case word (`toman`, `gold-coin`). */
  currency?: string;
  /** DATE: the Gregorian ISO date (`YYYY-MM-DD`, or `YYYY-MM` / `YYYY` when that is all the text says). */
  date?: string;
  /** DATE: the calendar the text was written in (`gregorian`, `solar-hijri`, `lunar-hijri`). */
  calendar?: string;
  /** SOURCE: the informant number or code name alone (`134832`). */
  sourceId?: string;
  /** PHONE: digits only, with a leading `+` when international. */
  phone?: string;
}

/**
 * One span of a document's text that names something.
 * `start` and `end` are character offsets (UTF-16 code units, end exclusive)
 * into the document's text as stored, so `text === documentText.slice(start, end)`.
 */
export interface Mention {
  type: EntityType;
  text: string;
  start: number;
  end: number;
  /**
   * The canonical form used to group mentions: for names the name with titles
   * removed and the text normalised; for money `16000000 USD`; for dates the ISO
   * date; for sources the number; for phones the digits; for e-mails the
   * lower-cased address.
   */
  normalized: string;
  attributes: MentionAttributes;
  origin: MentionOrigin;
  /** 0–1; rules give 1 unless the pattern is loose. */
  confidence: number;
}

/** The JSON `trove extract --json` prints for one file. */
export interface ExtractionResult {
  entities: Array<Pick<Mention, "type" | "text" | "start" | "end" | "normalized" | "attributes">>;
}

/** How two names compare, as `trove names match` reports it. */
export type NameMatchDecision = "match" | "partial" | "no-match";

export interface NameMatch {
  decision: NameMatchDecision;
  /** 0–1; `match` at or above the match threshold, `partial` for a missing part, lower for no match. */
  score: number;
  /** Human-readable steps that led to the score, e.g. `"Soleimani" ≈ "سلیمانی" (transliterated: slymn)`. */
  explanation: string[];
}

/** An entity in the archive: mentions clustered into one person, organisation, place or source. */
export interface Entity {
  id: number;
  type: EntityType;
  /** The commonest spelling, preferring Latin script when one exists. */
  name: string;
  /** Every distinct spelling met, in every script, with how often. */
  aliases: Array<{ name: string; count: number }>;
  mentionCount: number;
  documentCount: number;
  /** ISO dates of the earliest and latest dated document that mentions it. */
  firstDate: string | null;
  lastDate: string | null;
}
