/**
 * Declassified CIA documents from CREST as OCR text (archive.org `_djvu.txt`
 * files, or Trove's own OCR of a scan): DCI memoranda and Intelligence
 * Information Cables. OCR noise is the rule (`TffiMESSAGE`, `25 April i960`,
 * `CIA-RDP80B01676R0031 00300023-2`), so every field is read tolerantly and
 * checked against what else the document says.
 *
 * - reference: the `CIA-RDP…` number of the release stamps, the reading most
 *   stamps agree on once OCR's stray spaces are closed up; else the one in the
 *   file name; else the reading-room number there (`DOC_0000096975`).
 * - date: the memorandum's own date (`14 March 1961`, OCR's `15 May I 96 Z`
 *   repaired to 1962), or a cable's `DIST` date; release dates and the other
 *   dates go to `otherDates`.
 * - to: `MEMORANDUM FOR` (none for `MEMORANDUM FOR THE RECORD`); origin:
 *   `FROM`, else an Intelligence Information Cable's Agency, else the office
 *   under the signature (`Inspector General`), whose name becomes the signer.
 * - subject: `SUBJECT`, with all its numbered parts, reconciled word by word
 *   with the catalogue title that archive.org puts in the file name: the
 *   title mends OCR (`Conaultants`), the text mends a title cut short.
 * - classification: a classification word on a line of its own, within one
 *   OCR error.
 *
 * @example
 * crestParser.parse({ text: "Approved For Release 2003/08/20 : CIA-RDP80B01676R002400040058-1\n\n15 May 1962\n\nMEMORANDUM FOR: Deputy Director of Central Intelligence\n\nSUBJECT : Staff Meeting\n…", name: "memo_djvu.txt", type: "text", metadata: {} })
 * // → { reference: "CIA-RDP80B01676R002400040058-1", date: { text: "15 May 1962", iso: "1962-05-15" }, to: ["Deputy Director of Central Intelligence"], subject: "Staff Meeting", … }
 */
import type { Cable, CableParagraph, CableParser, DateMention, ParseInput } from "../model/cable.js";
import { parseDate } from "../text/calendars.js";
import { blankCable, isoDate, levelOf, readSafely } from "./telegram.js";

const HEAD_CHARS = 3000;
/** `CIA-RDP80B01676R002400040058-1`, `CIA-RDP86-00513R000204310015-5`. */
const RDP_NUMBER = /RDP\d{2}[A-Z-]\d{5}R\d{12}-\d/;
const MONTH_NAMES = ["JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER"];
/** A year as OCR reads it: `1961`, `i960`, `I 96 Z`. */
const OCR_YEAR = String.raw`[0-9IilOoZS|](?:[ \t]?[0-9IilOoZS|]){3}`;
const WRITTEN_DATE = new RegExp(String.raw`(?<![\dA-Za-z])(\d{1,2})[ \t]+(${MONTH_NAMES.join("|")}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?,?[ \t]+(${OCR_YEAR})(?![0-9A-Za-z])`, "gi");
const RELEASE_STAMP = /APPROVED\s+FOR\s+RELEASE\s*:?\s*(?:(\d{4})\/(\d{1,2})\/(\d{1,2})|(\d{1,2})\/(\d{1,2})\/(\d{4}))/gi;
/** A line that could be a classification banner: letters and spaces only. */
const BANNER_LINE = /^[ \t]*[A-Za-z][A-Za-z \t]{3,40}$/;
const CLASSIFICATION_WORDS = ["TOP SECRET", "SECRET", "CONFIDENTIAL", "UNCLASSIFIED", "RESTRICTED"];
const CAVEAT_PHRASES = ["NOFORN", "NO FOREIGN DISSEM", "CONTROLLED DISSEM", "ORCON", "EYES ONLY", "LIMDIS"];
/** Titles of the offices that sign DCI memoranda, alone on the line under the signer's name. */
const OFFICE_TITLE = /^(?:Inspector General|Executive Director(?:-Comptroller)?|Deputy Director[\w ,/()-]*|Director of [A-Z][\w ]+|Director|Legislative Counsel|General Counsel|Comptroller|Executive (?:Officer|Secretary|Assistant)[\w ,/]*|Assistant (?:Director|to the Director)[\w ,/()-]*|Chief, [\w ,/-]+)$/i;
/** Lines that end a memo's SUBJECT: a paragraph, a redaction code, the next label. */
const SUBJECT_STOP = /^\s*(?:\d{1,2}\.|STAT\b|25X\d|MEMORANDUM\b|(?:REFERENCES?|FROM|VIA|SOURCE|DOI|COUNTRY)\s*(?::|$))/i;
const LABEL_ONLY = /^\s*(?:REFERENCES?|REF|VIA|FROM|TO|ATTENTION)\s*:?\s*$/i;
/** A subject part continues over a blank line when it ends mid-phrase (`Meeting --`). */
const CONTINUES = /(?:--|-|,|\b(?:of|and|to|for|from|the|on|in))\s*$/i;
const ENUMERATOR = /^\s*\(?[0-9a-zA-Z]{1,2}\)/;
/** Words OCR rarely turns into other words, but cataloguers mistype: where text and title disagree on one, the text wins. */
const FUNCTION_WORDS = new Set(["OF", "ON", "IN", "TO", "AT", "BY", "FOR", "THE", "AND", "A", "AN", "OR"]);

export const crestParser: CableParser = {
  layout: "crest",

  recognises(input: ParseInput): boolean {
    const head = input.text.slice(0, HEAD_CHARS);
    // State Department telegrams name the CIA too; their E.O. and TAGS lines are not in CIA memoranda.
    if (/TAGS\s*:/.test(head) && /E\.\s?O\.\s*1\d{4}/.test(head)) return false;
    return /CIA-?RDP\d|Approved\s+For\s+Release|Intelligence\s+Information\s+Cable|INTELLIGENCE\s+AGENCY/i.test(head) || RDP_NUMBER.test(input.name);
  },

  parse(input: ParseInput): Cable {
    return readSafely("crest", "the OCR text", input, readCrest);
  },
};

function readCrest(input: ParseInput): Cable {
  const { text } = input;
  const cable = blankCable("crest", text);
  const warnings: string[] = [];

  const reference = stampReference(text) ?? nameReference(input.name);
  if (reference) cable.reference = reference;
  else warnings.push("no CIA-RDP number in the release stamps or the file name");

  const dates = writtenDates(text);
  const releases = releaseDates(text);
  if (dates[0]) cable.date = dates[0];
  else warnings.push("no date legible");
  cable.otherDates = distinctDates([...dates.slice(1), ...releases], cable.date);

  const lines = linesWithOffsets(text);
  const subject = readSubject(lines);
  const reconciled = reconcileSubject(subject?.value, catalogueTitle(input.name));
  if (reconciled) cable.subject = reconciled;
  else warnings.push("no SUBJECT legible");

  const addressee = memorandumFor(text);
  if (addressee) cable.to = [addressee];
  const from = /^[ \t]*FROM[ \t]*:[ \t]*(\S[^\n]*)$/im.exec(text.slice(0, subject?.offset ?? HEAD_CHARS))?.[1]?.trim();
  const signature = findSignature(lines, subject?.endLine ?? 0);
  const agency = /INTELLIGENCE\s+AGENCY|Intelligence\s+Information\s+Cable/i.test(lines.slice(0, 15).map((line) => line.text).join("\n"));
  const origin = from ?? (agency ? "CENTRAL INTELLIGENCE AGENCY" : signature?.office);
  if (origin) cable.origin = origin;
  else warnings.push("no sender: no FROM line and no office under a signature");
  if (signature) {
    cable.signer = signature.name;
    cable.sender = signature.name;
  }

  const classification = classificationOf(lines);
  if (classification) {
    cable.classification = classification;
    // RESTRICTED, the level below CONFIDENTIAL until 1953, has no level of its own in the model.
    const level = levelOf(classification);
    if (level) cable.classificationLevel = level;
  } else warnings.push("no classification marking legible");
  cable.caveats = CAVEAT_PHRASES.filter((phrase) => new RegExp(`\\b${phrase.replace(/ /g, "\\s+")}\\b`, "i").test(text));
  cable.paragraphs = numberedParagraphs(text, subject?.offset ?? 0, signature?.offset ?? text.length);
  cable.warnings = warnings;
  return cable;
}

// ---- reference ----

/** The RDP number most release stamps agree on, OCR's spaces closed up. */
function stampReference(text: string): string | undefined {
  const votes = new Map<string, number>();
  for (const match of text.matchAll(/CIA-?\s?RDP/gi)) {
    const closed = text.slice(match.index, match.index + 48).replace(/\s+/g, "").toUpperCase();
    const number = RDP_NUMBER.exec(closed);
    if (number && number.index <= 4) votes.set(number[0], (votes.get(number[0]) ?? 0) + 1);
  }
  const best = [...votes].sort((a, b) => b[1] - a[1])[0];
  return best ? `CIA-${best[0]}` : undefined;
}

function nameReference(name: string): string | undefined {
  const rdp = RDP_NUMBER.exec(name.toUpperCase());
  if (rdp) return `CIA-${rdp[0]}`;
  return /DOC_\d{6,}/.exec(name)?.[0];
}

/** archive.org names an OCR file `<TITLE> <id>_djvu.txt`; the title is the catalogue's subject, cut at about 100 characters. */
function catalogueTitle(name: string): string | undefined {
  const title = name
    .replace(/_djvu\.txt$|\.[A-Za-z0-9]+$/, "")
    .replace(/\s*(?:CIA-)?RDP\d{2}[A-Z-]\d{5}R\d{12}-\d\s*$/i, "")
    .replace(/\s*DOC_\d+\s*$/, "")
    .trim();
  return title.length > 3 && /[A-Z]{3}/.test(title) && title !== name ? title : undefined;
}

// ---- dates ----

function writtenDates(text: string): DateMention[] {
  const dates: DateMention[] = [];
  for (const match of text.matchAll(WRITTEN_DATE)) {
    const year = Number(match[3]!.replace(/[ \t]/g, "").replace(/[Iil|]/g, "1").replace(/[Oo]/g, "0").replace(/Z/g, "2").replace(/S/g, "5"));
    if (year < 1940 || year > 2030) continue;
    const month = MONTH_NAMES.findIndex((name) => name.startsWith(match[2]!.toUpperCase().slice(0, 3))) + 1;
    const repaired = `${Number(match[1])} ${MONTH_NAMES[month - 1]} ${year}`;
    const iso = parseDate(repaired)?.iso ?? isoDate(year, month, Number(match[1]));
    const mention: DateMention = { text: match[0], calendar: "gregorian", precision: "day", start: match.index, end: match.index + match[0].length };
    if (iso) mention.iso = iso;
    else mention.warning = `${match[0]} is not a date that exists`;
    dates.push(mention);
  }
  return dates;
}

/** One mention per day, leaving out the document's own date: a memo repeats its dates. */
function distinctDates(dates: DateMention[], own: DateMention | undefined): DateMention[] {
  const seen = new Set(own?.iso ? [own.iso] : []);
  return dates.filter((date) => {
    const key = date.iso ?? date.text;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function releaseDates(text: string): DateMention[] {
  const dates: DateMention[] = [];
  for (const match of text.matchAll(RELEASE_STAMP)) {
    const iso = match[1] ? isoDate(Number(match[1]), Number(match[2]), Number(match[3])) : isoDate(Number(match[6]), Number(match[4]), Number(match[5]));
    const written = match[0].replace(/^APPROVED\s+FOR\s+RELEASE\s*:?\s*/i, "");
    if (!iso) continue;
    const start = match.index + match[0].length - written.length;
    dates.push({ text: written, calendar: "gregorian", iso, precision: "day", start, end: start + written.length });
  }
  return dates;
}

// ---- header fields ----

interface Line {
  text: string;
  offset: number;
}

function linesWithOffsets(text: string): Line[] {
  const lines: Line[] = [];
  let offset = 0;
  for (const line of text.split("\n")) {
    lines.push({ text: line.endsWith("\r") ? line.slice(0, -1) : line, offset });
    offset += line.length + 1;
  }
  return lines;
}

function memorandumFor(text: string): string | undefined {
  const match = /MEMORANDUM\s+FOR\b[ \t]*:?[ \t]*([^\n]*)/i.exec(text);
  if (!match) return undefined;
  let value = match[1]!.trim();
  if (!value) value = text.slice(match.index + match[0].length).split(/\n/).map((line) => line.trim()).find((line) => line && !LABEL_ONLY.test(line)) ?? "";
  if (/^THE\s+RECORD$/i.test(value)) return undefined;
  return value.replace(/\s+/g, " ") || undefined;
}

/**
 * The SUBJECT's value: after the label, or below it when labels are stacked
 * (`SUBJECT`, `REFERENCE`, then their values); with its numbered parts
 * across the blank lines OCR puts between lines.
 */
function readSubject(lines: Line[]): { value: string; offset: number; endLine: number } | undefined {
  const labelLine = lines.findIndex((line) => /^\s*SUBJECT\b/i.test(line.text));
  if (labelLine < 0) return undefined;
  const rest = lines[labelLine]!.text.replace(/^\s*SUBJECT\s*:?\s*/i, "").trim();
  let index = labelLine;
  const parts: string[] = [];
  if (rest) parts.push(rest);
  else {
    index = lines.findIndex((line, at) => at > labelLine && line.text.trim() !== "" && !LABEL_ONLY.test(line.text));
    if (index < 0 || SUBJECT_STOP.test(lines[index]!.text)) return undefined;
    parts.push(lines[index]!.text.trim());
  }
  let gap = false;
  for (let at = index + 1; at < lines.length && parts.length < 8; at++) {
    const line = lines[at]!.text.trim();
    if (!line) {
      gap = true;
      continue;
    }
    if (SUBJECT_STOP.test(line) || (line.match(/[A-Za-z]/g) ?? []).length < 3) break;
    if (gap && !CONTINUES.test(parts[parts.length - 1]!) && !ENUMERATOR.test(line)) break;
    parts.push(line);
    index = at;
    gap = false;
  }
  return { value: parts.join(" ").replace(/\s+/g, " ").trim(), offset: lines[labelLine]!.offset, endLine: index };
}

/**
 * Mends an OCR subject with the catalogue title, aligning them word by word:
 * where they differ the title's word is taken (OCR damage), except for short
 * function words (a cataloguer's slip); words the title lacks are kept only
 * past its end, where the title was cut short, and only while they are clean.
 */
export function reconcileSubject(written: string | undefined, title: string | undefined): string | undefined {
  if (!written || !title) return written ?? title;
  const text = written.split(/\s+/).filter(Boolean);
  const catalogue = title.split(/\s+/).filter(Boolean);
  const pairs = alignWords(text, catalogue);
  let titleEnd = pairs.length - 1;
  while (titleEnd >= 0 && pairs[titleEnd]![1] === undefined) titleEnd--;
  const words: string[] = [];
  for (const [at, [i, j]] of pairs.entries()) {
    if (i !== undefined && j !== undefined) words.push(chooseWord(text[i]!, catalogue[j]!));
    else if (j !== undefined) words.push(catalogue[j]!);
    else if (at > titleEnd) {
      if (!isCleanWord(text[i!]!)) break;
      words.push(text[i!]!);
    }
  }
  return words.join(" ");
}

function chooseWord(fromText: string, fromTitle: string): string {
  const a = wordKey(fromText);
  const b = wordKey(fromTitle);
  if (a === b) return fromText;
  if (FUNCTION_WORDS.has(a) && FUNCTION_WORDS.has(b)) return fromText;
  return fromTitle;
}

function isCleanWord(word: string): boolean {
  return /^\(?[a-z0-9]\)$/i.test(word) || /^(?:[A-Z][a-z'’-]*|[a-z'’-]+|[A-Z'’-]+)[.,;:]?$/.test(word);
}

function wordKey(word: string): string {
  return word.toUpperCase().replace(/[^A-Z0-9']/g, "");
}

/** Needleman–Wunsch over words; a substitution costs the words' edit distance relative to their length. */
function alignWords(a: string[], b: string[]): [number | undefined, number | undefined][] {
  const gap = 0.6;
  const cost = (i: number, j: number) => {
    const x = wordKey(a[i]!);
    const y = wordKey(b[j]!);
    return x === y ? 0 : editDistance(x, y) / Math.max(x.length, y.length, 1);
  };
  const score: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j * gap : j === 0 ? i * gap : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      score[i]![j] = Math.min(score[i - 1]![j - 1]! + cost(i - 1, j - 1), score[i - 1]![j]! + gap, score[i]![j - 1]! + gap);
    }
  }
  const pairs: [number | undefined, number | undefined][] = [];
  for (let i = a.length, j = b.length; i > 0 || j > 0; ) {
    if (i > 0 && j > 0 && score[i]![j] === score[i - 1]![j - 1]! + cost(i - 1, j - 1)) pairs.push([--i, --j]);
    else if (i > 0 && score[i]![j] === score[i - 1]![j]! + gap) pairs.push([--i, undefined]);
    else pairs.push([undefined, --j]);
  }
  return pairs.reverse();
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/** The signer's name and, on the line below it, the office: `Lyman B. Kirkpatrick` / `Inspector General`. */
function findSignature(lines: Line[], from: number): { name: string; office: string; offset: number } | undefined {
  for (let at = from + 1; at < lines.length; at++) {
    const office = lines[at]!.text.trim();
    if (!OFFICE_TITLE.test(office)) continue;
    const above = lines.slice(0, at).reverse().find((line) => line.text.trim() !== "");
    const name = above?.text.trim().replace(/^[^A-Za-z]+/, "");
    if (above && name && name.length <= 40 && (name.match(/[A-Za-z]{2,}/g) ?? []).length >= 2 && !/[.!?]$/.test(name)) {
      return { name, office, offset: above.offset };
    }
  }
  return undefined;
}

/** A classification word alone on a line (banners), within one OCR error; the most frequent wins. */
function classificationOf(lines: Line[]): string | undefined {
  const votes = new Map<string, number>();
  for (const { text } of lines) {
    // A banner is a few letters alone on a line; anything else is skipped before any real work.
    if (!BANNER_LINE.test(text) || text.trim().split(/\s+/).length > 4) continue;
    const closed = text.toUpperCase().replace(/\b(?:[A-Z] (?=[A-Z]\b))+[A-Z]\b/g, (spaced) => spaced.replace(/ /g, "")).replace(/[^A-Z ]/g, "").replace(/\s+/g, " ").trim();
    const found = CLASSIFICATION_WORDS.find((word) => {
      const allowed = word.length >= 10 ? 2 : 1;
      return Math.abs(closed.length - word.length) <= allowed && editDistance(closed, word) <= allowed;
    });
    if (found) votes.set(found, (votes.get(found) ?? 0) + 1);
  }
  return [...votes].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** `1.`, `2.` … at line starts, in sequence (OCR reads 2 as `Z`), up to the signature. */
function numberedParagraphs(text: string, from: number, to: number): CableParagraph[] {
  const starts: { index: number; bodyStart: number; number: number }[] = [];
  for (const match of text.slice(from, to).matchAll(/^[ \t]*([0-9Zl]{1,2})\.[ \t]+(?=\S)/gm)) {
    const number = Number(match[1]!.replace(/Z/g, "2").replace(/l/g, "1"));
    if (number === (starts.at(-1)?.number ?? 0) + 1) starts.push({ index: from + match.index, bodyStart: from + match.index + match[0].length, number });
  }
  return starts.map((start, index) => {
    let end = starts[index + 1]?.index ?? to;
    while (end > start.bodyStart && /\s/.test(text[end - 1]!)) end--;
    return { number: String(start.number), text: text.slice(start.bodyStart, end), start: start.bodyStart, end };
  });
}
