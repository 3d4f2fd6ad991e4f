/**
 * Internal consistency: whether the archive agrees with itself. Genuine
 * documents of one source share a period, number their output in order and
 * are translated paragraph for paragraph; each check here looks for a place
 * where that breaks. The dates inside each text are checked in text-dates.ts
 * as the texts stream past; the checks here read only fields and pairs.
 */
import type { Cable } from "../../model/cable.js";
import { alignParagraphs } from "../../parse/translation.js";
import type { ArchiveReader, DatedDocument } from "./archive-reader.js";
import type { Finding } from "./finding.js";
import { referenceAnachronisms, referenceSequenceFindings } from "./reference-numbers.js";

/** Where the archive's documents are dated. */
export interface DateSpan {
  /** The earliest and latest dates inside the fences. */
  first: string;
  last: string;
  /** Dates before `lowerFence` or after `upperFence` are outliers. */
  lowerFence: string;
  upperFence: string;
  /** Dated documents the span was measured on. */
  dated: number;
}

/** Fewer dated documents than this say too little about where an archive lies to call any of them an outlier. */
const MIN_DATED_FOR_SPAN = 8;
/** The fences are never closer than this to the quartiles, so that an archive of one month does not make the next month an outlier. */
const MIN_FENCE_MARGIN_DAYS = 31;
const DAY_MS = 86_400_000;

/**
 * The span of an archive's dates, with Tukey's fences: 1.5 times the
 * interquartile range beyond the first and third quartiles. Undefined when
 * too few documents are dated.
 *
 * @example
 * archiveSpan(["2014-09-16", …, "2015-08-04", "1986-03-14"])
 * // → { first: "2014-09-16", last: "2015-08-04", lowerFence: "2013-11-…", upperFence: "2016-04-…", dated: 49 }
 */
export function archiveSpan(dates: Iterable<string>): DateSpan | undefined {
  const days = [...dates].map(dayNumber).filter(Number.isFinite).sort((a, b) => a - b);
  if (days.length < MIN_DATED_FOR_SPAN) return undefined;
  const quartile = (fraction: number) => days[Math.floor(fraction * (days.length - 1))]!;
  const [q1, q3] = [quartile(0.25), quartile(0.75)];
  const margin = Math.max(1.5 * (q3 - q1), MIN_FENCE_MARGIN_DAYS);
  const [lower, upper] = [Math.floor(q1 - margin), Math.ceil(q3 + margin)];
  const inside = days.filter((day) => day >= lower && day <= upper);
  return { first: isoOf(inside[0]!), last: isoOf(inside.at(-1)!), lowerFence: isoOf(lower), upperFence: isoOf(upper), dated: days.length };
}

/** The documents dated outside the span's fences. */
export function datesOutsideSpan(documents: Iterable<DatedDocument>, span: DateSpan): Finding[] {
  const findings: Finding[] = [];
  for (const document of documents) {
    if (document.date >= span.lowerFence && document.date <= span.upperFence) continue;
    findings.push({
      kind: "date-outside-span",
      severity: "info",
      documentIds: [document.id],
      message:
        `Dated ${document.date}, far ${document.date < span.lowerFence ? "before" : "after"} the archive's other documents (${span.first} to ${span.last}). ` +
        `Check that the date was read right and how this document came to be in the archive.`,
      evidence: document.title,
    });
  }
  return findings;
}

/** An original and its translation whose numbered paragraphs are not the same. */
export function translationStructure(originalId: number, translationId: number, original: Cable, translation: Cable): Finding | undefined {
  const numbered = (cable: Cable) => cable.paragraphs.filter((paragraph) => paragraph.number !== undefined);
  const inOriginal = numbered(original);
  const inTranslation = numbered(translation);
  if (inOriginal.length === inTranslation.length || (inOriginal.length === 0 && inTranslation.length === 0)) return undefined;
  const unmatched = alignParagraphs(original, translation).filter((aligned) => aligned.method === "unmatched" && aligned.number !== undefined);
  const onlyIn = (side: "original" | "translation") => unmatched.filter((aligned) => aligned[side] !== undefined).map((aligned) => aligned.number!);
  const [originalOnly, translationOnly] = [onlyIn("original"), onlyIn("translation")];
  const differences = [
    originalOnly.length > 0 && `paragraph${originalOnly.length === 1 ? "" : "s"} ${originalOnly.join(", ")} of the original ${originalOnly.length === 1 ? "is" : "are"} not in the translation`,
    translationOnly.length > 0 && `paragraph${translationOnly.length === 1 ? "" : "s"} ${translationOnly.join(", ")} of the translation ${translationOnly.length === 1 ? "is" : "are"} not in the original`,
  ].filter(Boolean);
  return {
    kind: "translation-structure",
    severity: "warning",
    documentIds: [originalId, translationId],
    message:
      `The original has ${inOriginal.length} numbered paragraphs and its translation ${inTranslation.length}` +
      `${differences.length > 0 ? `: ${differences.join("; ")}` : ""}. Ask the translator why before quoting either.`,
    evidence: `original: ${inOriginal.map((paragraph) => paragraph.number).join(" ")} | translation: ${inTranslation.map((paragraph) => paragraph.number).join(" ")}`,
  };
}

/**
 * The consistency checks that read fields rather than texts: the span of
 * dates, reference number series, citations of later documents, and the
 * structure of translations. `textSimilarity` tells copies of one document
 * from different documents under one number.
 */
export function fieldConsistencyFindings(reader: ArchiveReader, span: DateSpan | undefined, textSimilarity: (first: number, second: number) => number): Finding[] {
  const findings: Finding[] = [];
  if (span) findings.push(...datesOutsideSpan(reader.datedDocuments(), span));
  findings.push(...referenceSequenceFindings(reader.referencedDocuments(), textSimilarity));
  findings.push(...referenceAnachronisms(reader.citations()));
  for (const { originalId, translationId } of reader.translationPairs()) {
    const [original, translation] = [reader.cable(originalId), reader.cable(translationId)];
    const finding = original && translation && translationStructure(originalId, translationId, original, translation);
    if (finding) findings.push(finding);
  }
  return findings;
}

function dayNumber(iso: string): number {
  return Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS);
}

function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
