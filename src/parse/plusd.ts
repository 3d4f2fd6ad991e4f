/**
 * Cables as web pages, in two kinds:
 * - the WikiLeaks Cable Viewer: `<table class='cable'>` with Reference ID,
 *   Created, Released, Classification and Origin, then the telegram in two
 *   `<pre>` (routing lines, then text);
 * - genuine PlusD pages: a metadata table of `s_key`/`s_val` pairs (Date,
 *   Canonical ID, Original Classification, TAGS, From, To …) and the whole
 *   telegram in the "Raw content" pane.
 *
 * Page fields are read from the HTML source with htmlparser2, by their
 * visible text only: the Cable Viewer's `title` attributes on classification
 * links are shifted against their labels (SECRET is titled "confidential").
 * The telegram itself is read from the extracted text, located there, so
 * that paragraph offsets point into `input.text`.
 *
 * Fields: reference, classification and tags from the page (it is the
 * archive's own record); date, origin, subject, addressees, references and
 * paragraphs from the telegram, falling back to the page. A page field that
 * contradicts the telegram is kept and the contradiction is a warning.
 *
 * @example
 * plusdParser.parse({ text, name: "72TEHRAN1164.html", type: "html", metadata: {}, html })
 * // → { layout: "plusd", reference: "72TEHRAN1164", date: { text: "250930Z FEB 72", iso: "1972-02-25" }, classification: "UNCLASSIFIED", origin: "AMEMBASSY TEHRAN", … }
 */
import { DomUtils, parseDocument } from "htmlparser2";
import type { Cable, CableParser, DateMention, ParseInput } from "../model/cable.js";
import { blankCable, cableYear, levelOf, readFieldDate, readSafely, readTelegram, resolveReferences } from "./telegram.js";

type HtmlNode = ReturnType<typeof parseDocument>["children"][number];
type HtmlElement = ReturnType<typeof DomUtils.findAll>[number];

/** What a page says about its cable, besides the telegram. */
interface PageRecord {
  kind: "cable-viewer" | "plusd";
  /** Field label → visible value: `Reference ID`, `Created`, `Canonical ID`, `Original Classification` … */
  fields: Map<string, string>;
  /** The page's headline for the cable, when it has one. */
  title?: string;
  /** The telegram's text as the page holds it, in parts (the Cable Viewer's two `<pre>`). */
  telegram: string[];
}

/** Values PlusD writes for an empty field. */
const BLANK_VALUE = /^(?:--\s*N\/A or Blank\s*--|n\/a)?$/i;
/** Cable ids as the archives write them: `72TEHRAN1164`, `1974ATHENS02959_b`. */
const WELL_FORMED_ID = /^(?:\d{2}|(?:19|20)\d{2})[A-Z]+\d+(?:_[a-z])?$/;

export const plusdParser: CableParser = {
  layout: "plusd",

  recognises(input: ParseInput): boolean {
    const source = input.html ?? input.text;
    return /<table class=["']cable["']/.test(source)
      || (/id=["']synopsis["']/.test(source) && source.includes("Canonical ID"))
      || (!input.html && (/Reference ID\s+Created\s+Released\s+Classification\s+Origin/.test(source) || /Canonical ID:[\s\S]{0,2000}Original Classification:/.test(source)));
  },

  parse(input: ParseInput): Cable {
    return readSafely("plusd", "the page", input, readPlusd);
  },
};

function readPlusd(input: ParseInput): Cable {
  const warnings: string[] = [];
  const page = input.html ? readPage(input.html) : undefined;
  if (!input.html) warnings.push("no HTML source: the page's fields were not read, only the telegram in its text");
  const span = locateTelegram(input.text, page, warnings);
  const reading = readTelegram(input.text.slice(span.start, span.end), span.start);
  warnings.push(...reading.warnings);
  const field = (...labels: string[]) => labels.map((label) => page?.fields.get(label)).find((value) => value !== undefined && !BLANK_VALUE.test(value));

  const cable = blankCable("plusd", input.text);
  const reference = field("Reference ID", "Canonical ID");
  if (reference) {
    cable.reference = reference;
    if (!WELL_FORMED_ID.test(reference)) warnings.push(`the page's reference id ${reference} is malformed`);
  }

  const pageDate = field("Created", "Date");
  const pageMention = pageDate ? readFieldDate(pageDate) : undefined;
  const date = reading.dateTimeGroup ?? pageMention;
  if (date) cable.date = date;
  if (date?.warning) warnings.push(date.warning);
  if (reading.dateTimeGroup?.iso && pageMention?.iso && reading.dateTimeGroup.iso !== pageMention.iso) {
    warnings.push(`the date-time group ${reading.dateTimeGroup.text} disagrees with the page's date ${pageDate}`);
  }
  cable.otherDates = [...(pageMention && date !== pageMention ? [pageMention] : []), ...pageDates(field("Released")), ...reading.otherDates];

  const classification = field("Classification", "Original Classification") ?? reading.classification?.marking;
  if (classification) {
    cable.classification = classification;
    const level = levelOf(classification);
    if (level) cable.classificationLevel = level;
    if (reading.classification && level && reading.classification.level !== level) {
      warnings.push(`the page's classification ${classification} disagrees with the telegram's ${reading.classification.marking}`);
    }
  }

  const origin = reading.origin ?? field("Origin", "From");
  if (origin) cable.origin = origin;
  const subject = reading.subject ?? page?.title;
  if (subject) cable.subject = subject;
  cable.to = reading.to;
  cable.info = reading.info;
  cable.tags = pageTags(field("TAGS")) ?? reading.tags;
  const restrictions = field("Handling Restrictions");
  cable.caveats = [...new Set([...reading.caveats, ...(restrictions ? restrictions.split(/\s*[,|]\s*/) : [])])];
  cable.references = resolveReferences(reading.references, cableYear(cable.date) ?? reference?.match(/^(?:19|20)?(\d{2})/)?.[1], reading.classification?.office ?? origin);
  cable.paragraphs = reading.paragraphs;
  if (reading.signer) cable.signer = reading.signer;
  cable.warnings = warnings;
  return cable;
}

/** PlusD lists tags as `GR - Greece; Crete | KALOUDIS, NICK | PINS - Political Affairs--Internal Security`. */
function pageTags(value: string | undefined): string[] | undefined {
  if (!value) return undefined;
  const tags = value.split("|").map((tag) => tag.split(/\s+-\s+/)[0]!.replace(/\s+/g, " ").trim()).filter(Boolean);
  return tags.length > 0 ? tags : undefined;
}

function pageDates(value: string | undefined): DateMention[] {
  const mention = value ? readFieldDate(value) : undefined;
  return mention ? [mention] : [];
}

// ---- the page ----

/**
 * A Cable Viewer page is some 185 KB of navigation before its "Viewing cable"
 * heading; building a DOM of it all made parsing a large share of ingest.
 * The cable's table and telegram come after that heading, so the DOM is built
 * from there. Other pages are read whole.
 */
function cableViewerContent(html: string): string {
  const heading = html.indexOf("Viewing cable");
  const start = heading < 0 ? -1 : html.lastIndexOf("<h3", heading);
  return start < 0 ? html : html.slice(start);
}

function readPage(html: string): PageRecord | undefined {
  const document = parseDocument(cableViewerContent(html));
  const nodes = document.children;
  const table = DomUtils.findOne((element) => element.name === "table" && hasClass(element, "cable"), nodes);
  if (table) return readCableViewer(table, nodes);
  const keys = DomUtils.findAll((element) => hasClass(element, "s_key"), nodes);
  if (keys.length > 0) return readPlusdPage(keys, nodes);
  return undefined;
}

function readCableViewer(table: HtmlElement, nodes: HtmlNode[]): PageRecord {
  const rows = DomUtils.getElementsByTagName("tr", table);
  const labels = rows[0] ? DomUtils.getElementsByTagName("th", rows[0]).map(visibleText) : [];
  const values = rows[1] ? DomUtils.getElementsByTagName("td", rows[1]).map(visibleText) : [];
  const fields = new Map(labels.map((label, index) => [label, values[index] ?? ""]));
  const telegram = DomUtils.getElementsByTagName("pre", nodes).map((pre) => DomUtils.textContent(pre));
  const headline = DomUtils.findOne((element) => element.name === "h3" && /^Viewing cable /.test(visibleText(element)), nodes);
  const title = headline && /^Viewing cable [^,]+,\s*(.+)$/.exec(visibleText(headline))?.[1];
  return { kind: "cable-viewer", fields, telegram, ...(title && { title }) };
}

function readPlusdPage(keys: HtmlElement[], nodes: HtmlNode[]): PageRecord {
  const fields = new Map<string, string>();
  for (const key of keys) {
    const value = DomUtils.nextElementSibling(key);
    if (value && hasClass(value, "s_val")) fields.set(visibleText(key).replace(/:$/, "").trim(), visibleText(value));
  }
  const synopsis = DomUtils.findOne((element) => element.name === "table" && element.attribs.id === "synopsis", nodes);
  const headline = synopsis && DomUtils.findOne((element) => element.name === "td" && element.attribs.colspan === "2", synopsis.children);
  const title = headline ? visibleText(headline) : undefined;
  const header = DomUtils.findOne((element) => hasClass(element, "pane-header") && visibleText(element) === "Raw content", nodes);
  const pane = header?.parent;
  const content = pane && DomUtils.findOne((element) => hasClass(element, "text-content"), pane.children);
  const telegram = content ? [DomUtils.textContent(content)] : [];
  return { kind: "plusd", fields, telegram, ...(title && { title }) };
}

function hasClass(element: HtmlElement, name: string): boolean {
  return (element.attribs.class ?? "").split(/\s+/).includes(name);
}

function visibleText(element: HtmlElement): string {
  return DomUtils.textContent(element).replace(/\s+/g, " ").trim();
}

// ---- the telegram inside the extracted text ----

/** The form Trove's HTML reader gives text: runs of spaces closed up, no spaces around newlines. */
function asExtracted(text: string): string {
  return text.replace(/[ \t\u00A0]+/g, " ").replace(/ *\n */g, "\n").replace(/\n{3,}/g, "\n\n").trim();
}

/**
 * Where the page's telegram lies in the extracted text: from its first line,
 * searched after the page's metadata, to its last line. A Cable Viewer text
 * that breaks off (`...`) is cut there: what follows is other cables.
 */
function locateTelegram(text: string, page: PageRecord | undefined, warnings: string[]): { start: number; end: number } {
  const parts = (page?.telegram ?? []).map(asExtracted).filter(Boolean);
  const anchor = page?.kind === "plusd" ? Math.max(0, text.indexOf("Raw content")) : anchorAfterFields(text, page);
  let span: { start: number; end: number } | undefined;
  if (parts.length > 0) {
    const whole = parts.join("\n");
    const firstLine = whole.split("\n")[0]!;
    const lastLine = whole.split("\n").at(-1)!;
    const start = text.indexOf(firstLine, anchor);
    const end = start < 0 ? -1 : text.indexOf(lastLine, Math.max(start, start + whole.length - lastLine.length - 200));
    if (start >= 0 && end >= 0) span = { start, end: end + lastLine.length };
  }
  if (!span) {
    const routing = /^(?:[ZOPR] ){0,2}\d{6} ?Z [A-Z]{3} \d{2}|^FM /m.exec(text.slice(anchor));
    if (page) warnings.push("the page's telegram was not found in the extracted text; read from its first routing line");
    span = { start: anchor + (routing?.index ?? 0), end: text.length };
  }
  const brokenOff = /\n\.{3}\n|\.{3}\n\n/.exec(text.slice(span.start, span.end));
  if (brokenOff) {
    warnings.push("the page's text breaks off (\"...\"); what follows it is not this cable");
    span.end = span.start + brokenOff.index + brokenOff[0].trimEnd().length;
  }
  return span;
}

/** In a Cable Viewer's text the telegram follows the metadata table, whose last value is the origin. */
function anchorAfterFields(text: string, page: PageRecord | undefined): number {
  const origin = page?.fields.get("Origin");
  const table = text.search(/Reference ID\s+Created\s+Released\s+Classification\s+Origin/);
  if (table < 0) return 0;
  const at = origin ? text.indexOf(origin, table) : -1;
  return at >= 0 ? at + origin!.length : table;
}
