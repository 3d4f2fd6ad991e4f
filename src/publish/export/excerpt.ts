/**
 * An excerpt: the passage of a document to publish, with every accepted
 * redaction and every forbidden form found in it replaced by a block, and a
 * title cleaned the same way. Redactions are applied by their offsets; on top
 * of that the whole document is searched for every forbidden form (an alias
 * or spelling of a redacted entity that nobody tagged, the same name in
 * Arabic script, a name broken across a line), and whatever falls inside the
 * passage is removed too. A name cut by the passage's edge loses the part
 * inside.
 *
 * Each removed span becomes one block of fixed width, whatever its length,
 * and spans on one line separated only by spaces, hyphens, apostrophes or
 * commas merge into one, so neither the length of a name nor its number of
 * words shows.
 *
 * The passage is chosen by character offsets (`range`, end exclusive, into
 * the document's text as stored: the offsets redactions use), by paragraphs
 * (1-based; a parsed cable's numbered paragraphs, otherwise blocks of text
 * separated by blank lines or opened by a paragraph number), or by pages. A
 * scanned page is published as its image, which shows the whole page, so a
 * passage must take scanned pages whole.
 *
 * @example
 * const excerpt = buildExcerpt({ document, redactions, forms }, { paragraphs: { first: 2, last: 4 } });
 * excerptText(excerpt) // "…met █████ at the exhibition…"
 */
import { TroveError } from "../../errors.js";
import type { LanguageCode, Page } from "../../model/document.js";
import type { Redaction } from "../../model/redaction.js";
import { splitParagraphs } from "../../parse/paragraphs.js";
import type { DocumentDetail } from "../../store/store.js";
import { REDACTION_MARK } from "../leak-check/check.js";
import { FormMatcher, type ForbiddenForm } from "../leak-check/form-matcher.js";

/** What one document's excerpt is made from. */
export interface ExcerptSource {
  document: DocumentDetail;
  /** The document's accepted redactions. */
  redactions: readonly Redaction[];
  /** Every forbidden form the archive knows of: redacted strings and all forms of redacted entities. */
  forms: readonly ForbiddenForm[];
  /** The document's suggestions no reporter has decided yet: export refuses a passage that holds one, unless told otherwise. */
  undecided?: readonly Redaction[];
}

export interface NumberRange {
  first: number;
  last: number;
}

/** Which passage to publish; at most one of these. None: the whole document. */
export interface PassageSelection {
  /** Character offsets into the document's text, end exclusive. */
  range?: { start: number; end: number };
  /** 1-based paragraphs, inclusive. */
  paragraphs?: NumberRange;
  /** 1-based pages, inclusive. */
  pages?: NumberRange;
}

export type ExcerptSegment = { kind: "text"; text: string } | { kind: "redacted" };

/** Text as read from the document's text (a text layer, a file, an e-mail). */
export interface TextPart {
  kind: "text";
  segments: ExcerptSegment[];
}

/** A page whose text came from OCR: published as its image, with the redacted regions burnt in, and its redacted text. */
export interface ScannedPagePart {
  kind: "scan";
  page: number;
  /** The Tesseract languages the page was read with at ingest. */
  ocrLanguages: string | undefined;
  segments: ExcerptSegment[];
  /** The page's removed spans as offsets into the document's text, so the image can be burnt where the text was. */
  removed: { start: number; end: number }[];
  /** The page's text as stored, from which `removed` is cut. */
  storedText: string;
  storedStart: number;
}

export type ExcerptPart = TextPart | ScannedPagePart;

export interface Excerpt {
  documentId: number;
  /** The document's title with forbidden forms replaced by the mark. */
  title: string;
  language: LanguageCode;
  /** The passage, as offsets into the document's text. */
  start: number;
  end: number;
  parts: ExcerptPart[];
  /** Blocks in the title and the passage together. */
  blocks: number;
}

/** Why an excerpt cannot be made as asked. */
export class ExcerptError extends TroveError {
  constructor(message: string) {
    super("invalid-excerpt", message);
  }
}

/** The title of an excerpt of a document without one: its file name is not published, since a leaked file's name can point to its source. */
export const UNTITLED = "Excerpt";

export function buildExcerpt(source: ExcerptSource, selection: PassageSelection = {}): Excerpt {
  const { document } = source;
  const passage = choosePassage(document, selection);
  const matcher = new FormMatcher(excerptForms(source));
  const anchored = source.redactions.filter((redaction) => !redaction.detachedAt);
  const removed = mergeSpans(
    [...anchored, ...matcher.find(document.text)]
      .map((span) => ({ start: Math.max(span.start, passage.start), end: Math.min(span.end, passage.end) }))
      .filter((span) => span.end > span.start),
    document.text,
  );
  const title = redactedLine(document.title?.trim() || UNTITLED, matcher);
  const parts = partsOf(document, passage, removed);
  const blocks = parts.reduce((count, part) => count + part.segments.filter((segment) => segment.kind === "redacted").length, title.blocks);
  return { documentId: document.id, title: title.text, language: document.language, start: passage.start, end: passage.end, parts, blocks };
}

/**
 * The forms an excerpt of this document must not show: the archive's, and the
 * text of each of the document's own redactions, in case the archive's list
 * leaves one out.
 */
export function excerptForms(source: ExcerptSource): ForbiddenForm[] {
  return [...source.forms, ...source.redactions.map((redaction) => ({ form: redaction.text, redactionId: redaction.id }))];
}

/** The excerpt's passage as plain text, each block written as the mark. */
export function segmentsText(segments: readonly ExcerptSegment[]): string {
  return segments.map((segment) => (segment.kind === "text" ? segment.text : REDACTION_MARK)).join("");
}

/** A single-line text (a title, a file name) with every forbidden form replaced by the mark. */
function redactedLine(text: string, matcher: FormMatcher): { text: string; blocks: number } {
  const spans = mergeSpans(matcher.find(text), text);
  const segments = segmentsOf(text, 0, text.length, spans);
  return { text: segmentsText(segments).replace(/\s+/g, " ").trim(), blocks: spans.length };
}

function choosePassage(document: DocumentDetail, selection: PassageSelection): { start: number; end: number } {
  const chosen = [selection.range, selection.paragraphs, selection.pages].filter((choice) => choice !== undefined);
  if (chosen.length > 1) throw new ExcerptError("choose the passage by one of range, paragraphs or pages, not several");
  const text = document.text;
  let passage = { start: 0, end: text.length };
  if (selection.range) {
    const { start, end } = selection.range;
    if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= text.length)) {
      throw new ExcerptError(`range ${start}-${end} is not within document ${document.id}, whose text has ${text.length} characters`);
    }
    passage = { start, end };
  } else if (selection.paragraphs) {
    const paragraphs = document.cable?.paragraphs.length ? document.cable.paragraphs : splitParagraphs(text);
    const first = paragraphs[selection.paragraphs.first - 1];
    const last = paragraphs[selection.paragraphs.last - 1];
    if (!first || !last || selection.paragraphs.first > selection.paragraphs.last) {
      throw new ExcerptError(`paragraphs ${selection.paragraphs.first}-${selection.paragraphs.last} are not in document ${document.id}, which has ${paragraphs.length}`);
    }
    // A numbered paragraph's span starts after its number; the excerpt keeps the number.
    passage = { start: text.lastIndexOf("\n", first.start - 1) + 1, end: last.end };
  } else if (selection.pages) {
    const pages = document.pages ?? [];
    const first = pages.find((page) => page.number === selection.pages!.first);
    const last = pages.find((page) => page.number === selection.pages!.last);
    if (!first || !last || first.number > last.number) {
      throw new ExcerptError(`pages ${selection.pages.first}-${selection.pages.last} are not in document ${document.id}, which has ${pages.length}`);
    }
    passage = { start: first.start, end: last.end };
  }
  for (const page of document.pages ?? []) {
    const overlaps = page.start < passage.end && page.end > passage.start;
    const whole = passage.start <= page.start && passage.end >= page.end;
    if (page.ocr && overlaps && !whole) {
      throw new ExcerptError(`page ${page.number} of document ${document.id} is a scan, and its image shows the whole page: choose whole pages (--pages) to publish it`);
    }
  }
  return passage;
}

interface Span {
  start: number;
  end: number;
}

/** What may separate the words of one name on a line: spaces, hyphens, apostrophes, commas. */
const WORD_GAP = /^[ \t\u00A0\u200C\p{Pd}'\u2019,\u060C]*$/u;

/** Sorted, overlapping spans merged, and so are spans on one line apart by nothing but a word gap. */
function mergeSpans(spans: readonly Span[], text: string): Span[] {
  const merged: Span[] = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const previous = merged[merged.length - 1];
    if (previous && (span.start <= previous.end || WORD_GAP.test(text.slice(previous.end, span.start)))) {
      previous.end = Math.max(previous.end, span.end);
    } else {
      merged.push({ ...span });
    }
  }
  return merged;
}

function segmentsOf(text: string, start: number, end: number, removed: readonly Span[]): ExcerptSegment[] {
  const segments: ExcerptSegment[] = [];
  let at = start;
  for (const span of removed) {
    if (span.end <= start || span.start >= end) continue;
    if (span.start > at) segments.push({ kind: "text", text: text.slice(at, span.start) });
    segments.push({ kind: "redacted" });
    at = Math.max(at, span.end);
  }
  if (at < end) segments.push({ kind: "text", text: text.slice(at, end) });
  return segments;
}

function partsOf(document: DocumentDetail, passage: Span, removed: readonly Span[]): ExcerptPart[] {
  const scans = (document.pages ?? []).filter((page) => page.ocr && page.start >= passage.start && page.end <= passage.end && page.end > page.start);
  const parts: ExcerptPart[] = [];
  let at = passage.start;
  const addText = (end: number) => {
    const text = document.text.slice(at, end);
    if (text.trim()) parts.push({ kind: "text", segments: segmentsOf(document.text, at, end, removed) });
  };
  for (const page of scans) {
    addText(page.start);
    parts.push(scannedPage(document.text, page, removed));
    at = page.end;
  }
  addText(passage.end);
  return parts;
}

function scannedPage(text: string, page: Page, removed: readonly Span[]): ScannedPagePart {
  return {
    kind: "scan",
    page: page.number,
    ocrLanguages: page.ocrLanguages,
    segments: segmentsOf(text, page.start, page.end, removed),
    removed: removed.filter((span) => span.end > page.start && span.start < page.end),
    storedText: text.slice(page.start, page.end),
    storedStart: page.start,
  };
}
