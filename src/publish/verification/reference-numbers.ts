/**
 * Reference numbers read as what they are: a station's running count of what
 * it sent in a year. `14BAGHDAD1523` is the 1,523rd cable from Baghdad in
 * 2014; `ک/۵۰۲/۹۳` is the 502nd report of the office lettered ک in 1393. A
 * genuine series rises with its dates, is not used twice, and carries the
 * year the document is dated in; an archive that is a sample of a station's
 * output shows gaps, which a reporter may ask the source about.
 */
import { toJalaali } from "jalaali-js";
import type { Calendar } from "../../model/cable.js";
import { normalise } from "../../text/normalise.js";
import { referenceKey } from "../../text/reference-key.js";
import type { Finding } from "./finding.js";

/** A document with a reference, as the sequence checks read it. */
export interface ReferencedDocument {
  documentId: number;
  reference: string;
  /** The station or office that sent it, as the document names it. */
  origin?: string;
  /** The document's own date, `YYYY-MM-DD`. */
  date?: string;
  /** The calendar that date is written in. */
  calendar?: Calendar;
  /** The date as written, for the evidence. */
  dateText?: string;
}

/** A reference taken apart. */
export interface SequencedReference {
  /** The series a number counts in: the station (`BAGHDAD`) or the office's letter folded to Latin (`K`). */
  series: string;
  number: number;
  /** The year as written: two digits (`14`, `93`) or four (`1974`). */
  year: string;
  /** `cable`: `14BAGHDAD1523`, a Gregorian year; `report`: `K/502/93`, the year in the document's own calendar. */
  form: "cable" | "report";
}

/** `14BAGHDAD1523`, `1974ATHENS02959_b` (PlusD's file names). */
const CABLE_REFERENCE = /^(?<year>\d{2}|(?:19|20)\d{2})(?<series>[A-Z]+)0*(?<number>\d+)(?:_[A-Z0-9]+)?$/i;
/** `K/502/93`, `ک/۵۰۲/۹۳` (digits folded first), `B-97-94`. */
const REPORT_REFERENCE = /^(?<series>[^\d\s/-]+)\s*[/-]\s*(?<number>\d+)\s*[/-]\s*(?<year>\d{2}|\d{4})$/u;

type Member = ReferencedDocument & { parsed: SequencedReference };

/** Up to this many missing ranges are spelt out in a gap finding. */
const LISTED_GAPS = 10;
/** A finding names at most this many documents around the gaps. */
const GAP_DOCUMENTS = 20;
/** Texts at least this alike are two copies of one document (the near-duplicate threshold). */
const SAME_TEXT_JACCARD = 0.8;

export function parseReference(reference: string): SequencedReference | undefined {
  const folded = normalise(reference).trim();
  const cable = CABLE_REFERENCE.exec(folded.replace(/\s+/g, ""));
  if (cable?.groups) return { series: cable.groups.series!.toUpperCase(), number: Number(cable.groups.number), year: cable.groups.year!, form: "cable" };
  const report = REPORT_REFERENCE.exec(folded);
  if (report?.groups) return { series: referenceKey(report.groups.series!), number: Number(report.groups.number), year: report.groups.year!, form: "report" };
  return undefined;
}

/**
 * Gaps, numbers used twice, numbers out of date order and years that disagree
 * with dates, series by series. `textSimilarity` gives the Jaccard similarity
 * of two documents' texts, so that two copies of one cable are told from two
 * different documents under one number.
 */
export function referenceSequenceFindings(documents: Iterable<ReferencedDocument>, textSimilarity: (first: number, second: number) => number): Finding[] {
  const series = new Map<string, Member[]>();
  const findings: Finding[] = [];
  for (const document of documents) {
    const parsed = parseReference(document.reference);
    if (!parsed) continue;
    const mismatch = yearMismatch(document, parsed);
    if (mismatch) findings.push(mismatch);
    // 1974ATHENS02959 and 74ATHENS3099 count in one series.
    const key = `${parsed.form}|${parsed.series}|${Number(parsed.year) % 100}`;
    const members = series.get(key) ?? [];
    members.push({ ...document, parsed });
    series.set(key, members);
  }
  for (const members of series.values()) {
    members.sort((a, b) => a.parsed.number - b.parsed.number || a.documentId - b.documentId);
    const label = seriesLabel(members);
    findings.push(...duplicates(members, textSimilarity), ...outOfOrder(members, label));
    const gap = gaps(members, label);
    if (gap) findings.push(gap);
  }
  return findings;
}

function seriesLabel(members: Member[]): string {
  const { parsed } = members[0]!;
  const origins = [...new Set(members.map((member) => member.origin).filter((origin) => origin !== undefined))];
  const name = parsed.form === "cable" ? `${parsed.series} ${parsed.year}` : `${parsed.series}/…/${parsed.year}`;
  return origins.length > 0 && origins.length <= 3 ? `${name} (${origins.join(", ")})` : name;
}

function duplicates(members: Member[], textSimilarity: (first: number, second: number) => number): Finding[] {
  const findings: Finding[] = [];
  for (let index = 0; index < members.length; ) {
    let end = index + 1;
    while (end < members.length && members[end]!.parsed.number === members[index]!.parsed.number) end++;
    const group = members.slice(index, end);
    index = end;
    if (group.length < 2) continue;
    const [first, ...others] = group as [Member, ...Member[]];
    const similarities = others.map((other) => textSimilarity(first.documentId, other.documentId));
    const alike = similarities.every((similarity) => similarity >= SAME_TEXT_JACCARD);
    const percent = similarities.map((similarity) => `${Math.round(similarity * 100)}%`).join(", ");
    findings.push({
      kind: "reference-duplicate",
      severity: alike ? "info" : "warning",
      documentIds: group.map((member) => member.documentId),
      message: alike
        ? `${group.length} documents carry ${first.reference} and their texts are alike (${percent} of word sequences shared): copies of one document, kept in different forms. Quote the one closest to the source.`
        : `${group.length} different documents carry ${first.reference} (texts ${percent} alike). One number should mean one document: find out which is genuine.`,
      evidence: group.map((member) => `${member.reference}${member.date ? ` dated ${member.date}` : ""}`).join("; "),
    });
  }
  return findings;
}

/**
 * Numbers whose dates break the series' order. A longest run of numbers
 * whose dates do not go back is taken as the series; only the rest are
 * reported, so that one misdated document does not put every later number
 * out of order.
 */
function outOfOrder(members: Member[], label: string): Finding[] {
  const dated = members.filter((member) => member.date !== undefined);
  const kept = new Set(longestNonDecreasingRun(dated.map((member) => member.date!)));
  const lowerKept: Array<Member | undefined> = [];
  const higherKept: Array<Member | undefined> = [];
  for (let index = 0, last: Member | undefined; index < dated.length; index++) {
    lowerKept[index] = last;
    if (kept.has(index)) last = dated[index];
  }
  for (let index = dated.length - 1, next: Member | undefined; index >= 0; index--) {
    higherKept[index] = next;
    if (kept.has(index)) next = dated[index];
  }
  const findings: Finding[] = [];
  dated.forEach((member, index) => {
    if (kept.has(index)) return;
    const neighbours = [lowerKept[index], higherKept[index]].filter((other): other is Member => other !== undefined);
    findings.push({
      kind: "reference-order",
      severity: "warning",
      documentIds: [member.documentId, ...neighbours.map((other) => other.documentId)],
      message:
        `${member.reference} is dated ${member.date}, out of order in its series ${label}: ` +
        `${neighbours.map((other) => `${other.reference} is dated ${other.date}`).join(" and ")}. Check the date as written against the number.`,
      evidence: `${member.reference}${member.dateText ? `, date as written: ${member.dateText}` : ""}`,
    });
  });
  return findings;
}

/** The indexes of a longest subsequence of `values` that never decreases (patience sorting). */
function longestNonDecreasingRun(values: string[]): number[] {
  const tails: number[] = [];
  const previous: number[] = new Array(values.length).fill(-1);
  values.forEach((value, index) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (values[tails[middle]!]! <= value) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[index] = tails[low - 1]!;
    tails[low] = index;
  });
  const run: number[] = [];
  for (let index = tails.at(-1) ?? -1; index >= 0; index = previous[index]!) run.push(index);
  return run.reverse();
}

function gaps(members: Member[], label: string): Finding | undefined {
  const ranges: Array<{ from: number; to: number; below: Member; above: Member }> = [];
  for (let index = 1; index < members.length; index++) {
    const below = members[index - 1]!;
    const above = members[index]!;
    if (above.parsed.number - below.parsed.number > 1) ranges.push({ from: below.parsed.number + 1, to: above.parsed.number - 1, below, above });
  }
  if (ranges.length === 0) return undefined;
  const held = new Set(members.map((member) => member.parsed.number)).size;
  const missing = ranges.reduce((sum, range) => sum + range.to - range.from + 1, 0);
  const listed = ranges.slice(0, LISTED_GAPS).map((range) => (range.from === range.to ? `${range.from}` : `${range.from}–${range.to}`));
  const more = ranges.length > LISTED_GAPS ? ` and ${ranges.length - LISTED_GAPS} more ranges` : "";
  const ids = [...new Set(ranges.flatMap((range) => [range.below.documentId, range.above.documentId]))].slice(0, GAP_DOCUMENTS);
  const dated = (member: Member) => `${member.reference}${member.date ? ` (${member.date})` : ""}`;
  return {
    kind: "reference-gap",
    severity: "info",
    documentIds: ids,
    message:
      `Series ${label}: the archive holds ${held} numbers from ${members[0]!.parsed.number} to ${members.at(-1)!.parsed.number}; ` +
      `${missing} between them ${missing === 1 ? "is" : "are"} missing (${listed.join(", ")}${more}). Ask whether the source has them, and why these were left out.`,
    evidence: ranges.slice(0, LISTED_GAPS).map((range) => `${dated(range.below)} → ${dated(range.above)}`).join("; "),
  };
}

/** A reference whose year is not the year of the document's own date, in the calendar it is dated in. */
function yearMismatch(document: ReferencedDocument, parsed: SequencedReference): Finding | undefined {
  if (!document.date) return undefined;
  const calendar: Calendar = parsed.form === "cable" ? "gregorian" : (document.calendar ?? "gregorian");
  const year = yearIn(calendar, document.date);
  if (year === undefined) return undefined;
  const written = Number(parsed.year);
  const agrees = parsed.year.length === 4 ? written === year : written === year % 100;
  if (agrees) return undefined;
  return {
    kind: "reference-year",
    severity: "warning",
    documentIds: [document.documentId],
    message: `${document.reference} carries the year ${parsed.year}, but the document is dated ${document.date} (${calendar} year ${year}). Either the date was written or read wrongly, or the number does not belong to this document.`,
    evidence: `${document.reference}${document.dateText ? `; date as written: ${document.dateText}` : ""}`,
  };
}

/** The year of a Gregorian `YYYY-MM-DD` date in a calendar; undefined for lunar Hijri, whose reverse conversion Trove does not have. */
function yearIn(calendar: Calendar, iso: string): number | undefined {
  const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
  if (calendar === "gregorian") return year;
  if (calendar === "jalali") return toJalaali(year, month, day).jy;
  return undefined;
}

/** A citation of another reference by a document of the archive. */
export interface Citation {
  documentId: number;
  reference?: string;
  date?: string;
  /** As the citing document writes it: `09 STATE 96625`. */
  citedText: string;
  /** The canonical id the citation was resolved to: `09STATE96625`. */
  citedKey?: string;
  /** The cited document, when the archive holds it. */
  citedDocumentId?: number;
  citedDate?: string;
}

/**
 * Citations of later documents: a cited document of the archive dated after
 * the citing one, or a cited reference whose year is after the citing
 * document's. A cable cannot refer to what was not yet written.
 */
export function referenceAnachronisms(citations: Iterable<Citation>): Finding[] {
  const findings: Finding[] = [];
  for (const citation of citations) {
    if (!citation.date || citation.citedDocumentId === citation.documentId) continue;
    const citing = citation.reference ?? `document ${citation.documentId}`;
    if (citation.citedDate && citation.citedDate > citation.date) {
      findings.push({
        kind: "reference-anachronism",
        severity: "warning",
        documentIds: [citation.documentId, ...(citation.citedDocumentId === undefined ? [] : [citation.citedDocumentId])],
        message: `${citing} (dated ${citation.date}) cites ${citation.citedText}, which the archive holds dated ${citation.citedDate}, later than the document citing it. One of the two dates is wrong, or the citation was added later.`,
        evidence: `REF: ${citation.citedText}`,
      });
      continue;
    }
    const cited = citation.citedKey ? parseReference(citation.citedKey) : undefined;
    if (!cited || cited.form !== "cable") continue;
    const ownYear = Number(citation.date.slice(0, 4));
    const citedYear = cited.year.length === 4 ? Number(cited.year) : nearestYear(Number(cited.year), ownYear);
    if (citedYear <= ownYear) continue;
    findings.push({
      kind: "reference-anachronism",
      severity: "warning",
      documentIds: [citation.documentId],
      message: `${citing} is dated ${citation.date} but cites ${citation.citedText}, a reference from ${citedYear}. Either its date is wrong or it was written later than it says.`,
      evidence: `REF: ${citation.citedText}`,
    });
  }
  return findings;
}

/** The year ending in `twoDigits` nearest to `around`: 09 near 2000 is 2009, 99 near 2000 is 1999. */
function nearestYear(twoDigits: number, around: number): number {
  const century = Math.floor(around / 100) * 100;
  const candidates = [century - 100 + twoDigits, century + twoDigits, century + 100 + twoDigits];
  return candidates.reduce((best, year) => (Math.abs(year - around) < Math.abs(best - around) ? year : best));
}
