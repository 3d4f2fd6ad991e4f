/**
 * The cable reader: a document's fields and text, dates in the calendar
 * they were written in and in ours, Persian and Arabic right to left, the
 * original beside its translation paragraph by paragraph, and the pages of
 * a PDF or the picture of a scan beside their text, and the names in the
 * text linked to their profiles. Every word of the document is inserted as
 * text, never as markup.
 */
import { api, ApiFailure, type Cable, type DateMention, type DocumentMentionsView, type DocumentRedactionsView, type DocumentView, type ImagesView, type TranslationView } from "../api.js";
import { append, definitions, h, replace, type Child } from "../dom.js";
import { calendarName, directionOf, formatBytes, formatIsoDate, formatNumber, langAttribute, languageName } from "../format.js";
import { highlighted, linkableMentions, type LinkableMention, type TextRange } from "../highlights.js";
import type { ScreenContext } from "../router.js";
import { failurePanel, failureScreen, heading, isAbort, loading } from "./common.js";
import { entityTypeName } from "./entities.js";
import { searchUrl } from "./search.js";
import { redactionApi } from "../redaction-api.js";
import { RedactionMarks, redactSelectionTool } from "../redaction-marks.js";
import { annotationApi } from "../annotation-api.js";
import { notesPanel } from "./notes-panel.js";

/** Characters of text put on the page at once; the rest waits behind a button, so a huge document cannot freeze the tab. */
const TEXT_BATCH_CHARS = 150_000;
const PAGE_BATCH = 20;

export async function readerScreen(context: ScreenContext): Promise<void> {
  const idText = context.params.id ?? "";
  context.setTitle(`Document ${idText}`);
  loading(context.main, `document ${idText}`);
  let document: DocumentView;
  try {
    if (!/^\d{1,15}$/.test(idText)) throw new ApiFailure(404, { code: "not-found", message: `'${idText.slice(0, 40)}' is not a document id; ids are whole numbers, as a search lists them` });
    document = await api.document(Number(idText), context.signal);
  } catch (error) {
    if (isAbort(error)) throw error;
    context.setTitle("Document not found");
    failureScreen(context.main, "Document not found", error);
    return;
  }
  context.setTitle(document.title || document.name);
  const [images, translation, mentions, redactions, annotations] = await Promise.all([
    document.type === "pdf" || document.type === "image" ? settle(api.images(document.id, context.signal)) : undefined,
    document.translations.length > 0 ? settle(api.translation(document.id, undefined, context.signal)) : undefined,
    settle(api.mentions(document.id, context.signal)),
    settle(redactionApi.ofDocument(document.id, context.signal)),
    settle(annotationApi.ofDocument(document.id, context.signal)),
  ]);
  const notes = notesPanel(document.id, document.text, annotations, context.signal);
  const lang = langAttribute(document.language);
  replace(
    context.main,
    h(
      "article",
      { class: "reader", attrs: { "aria-labelledby": "document-title" } },
      h("header", { class: "reader-head" }, titleHeading(document, lang), h("p", { class: "reader-meta" }, summaryLine(document))),
      aboutSection(document),
      document.cable ? cableSection(document.cable) : null,
      relatedSection(document),
      translation ? translationSection(document, translation) : null,
      notes.section,
      contentSection(document, images, mentions, redactions),
    ),
  );
  notes.attach(context.main.querySelector<HTMLElement>(".reader")!);
}

/** The title in its own direction: a Persian title reads from the right edge. */
function titleHeading(document: DocumentView, lang: string | undefined): HTMLHeadingElement {
  const title = heading(h("span", { id: "document-title", ...(lang && { lang }) }, document.title || document.name));
  title.dir = "auto";
  return title;
}

type Settled<T> = T | Error;

async function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  try {
    return await promise;
  } catch (error) {
    if (isAbort(error)) throw error;
    return error instanceof Error ? error : new Error(String(error));
  }
}

function summaryLine(document: DocumentView): string {
  return [document.type, languageName(document.language), document.date ? formatIsoDate(document.date) : undefined, formatBytes(document.size)].filter(Boolean).join(" · ");
}

function section(id: string, title: string, ...children: Child[]): HTMLElement {
  return h("section", { class: "reader-section", attrs: { "aria-labelledby": id } }, h("h2", { id }, title), ...children);
}

function aboutSection(document: DocumentView): HTMLElement {
  const ocrPages = document.pages?.filter((page) => page.ocr).length ?? 0;
  return section(
    "about",
    "About this document",
    definitions(
      [
        ["Document", `#${document.id}`],
        ["Type", `${document.type} (${document.mime})`],
        ["Language", languageName(document.language)],
        ["Date", document.date ? h("time", { attrs: { datetime: document.date } }, formatIsoDate(document.date)) : undefined],
        ["Size", `${formatBytes(document.size)} (${formatNumber(document.size)} bytes)`],
        ["Pages", document.pages ? `${document.pages.length}${ocrPages ? `, ${ocrPages} read by OCR` : ""}` : undefined],
        ["Encoding", document.encoding],
        ["Path", h("span", { class: "path", dir: "ltr" }, document.path)],
        ["SHA-256", h("code", { class: "hash" }, document.sha256)],
        ["Ingested", document.ingestedAt],
      ],
      { class: "fields" },
    ),
  );
}

function cableSection(cable: Cable): HTMLElement {
  const list = (values: string[]) => (values.length ? values.join("; ") : undefined);
  const tags = cable.tags.map((tag) => h("a", { href: searchUrl(`tag:${tag}`), class: "tag" }, tag));
  return section(
    "cable",
    "Cable",
    definitions(
      [
        ["Layout", cable.layout],
        ["Reference", cable.reference ? h("span", { dir: "auto" }, cable.reference) : undefined],
        ["Date", cable.date ? dateMention(cable.date) : undefined],
        ["Other dates", cable.otherDates.length ? h("ul", { class: "plain" }, ...cable.otherDates.map((date) => h("li", {}, ...dateMention(date)))) : undefined],
        ["From", [cable.origin, cable.sender].filter(Boolean).join(" — ") || undefined],
        ["To", list(cable.to)],
        ["Info", list(cable.info)],
        ["Classification", cable.classification ? `${cable.classification}${cable.classificationLevel && cable.classificationLevel !== cable.classification ? ` (${cable.classificationLevel})` : ""}` : undefined],
        ["Caveats", list(cable.caveats)],
        ["Subject", cable.subject ? h("span", { dir: "auto" }, cable.subject) : undefined],
        ["Tags", tags.length ? tags.flatMap((tag, index) => (index ? [" ", tag] : [tag])) : undefined],
        ["References", cable.references.length ? h("ul", { class: "plain" }, ...cable.references.map((reference) => h("li", {}, reference.label ? `${reference.label}. ` : "", reference.canonical ? h("a", { href: searchUrl(`ref:${reference.canonical}`) }, reference.text) : reference.text))) : undefined],
        ["Sources", list(cable.sources)],
        ["Signed", cable.signer],
        ["Translated by", cable.translation?.translator],
        ["Checked by", cable.translation?.reviewer],
        ["Paragraphs", cable.paragraphs.length ? String(cable.paragraphs.length) : undefined],
        ["Warnings", cable.warnings.length ? h("ul", { class: "plain warnings" }, ...cable.warnings.map((warning) => h("li", {}, warning))) : undefined],
      ].map(([term, value]) => [term as string, value as Child | Child[]]),
      { class: "fields cable-fields" },
    ),
  );
}

/** `۱۳۹۳/۰۹/۱۴ (Solar Hijri) = 5 December 2014`, or why the Gregorian date cannot be told. */
function dateMention(date: DateMention): Child[] {
  const written = h("span", { class: "as-written", dir: "auto" }, date.text);
  const calendar = date.calendar === "gregorian" ? null : h("span", { class: "calendar" }, ` (${calendarName(date.calendar)})`);
  if (date.iso) {
    const gregorian = h("time", { attrs: { datetime: date.iso } }, formatIsoDate(date.iso));
    if (date.calendar !== "gregorian") return [written, calendar, " = ", gregorian, " (Gregorian)"];
    // A Gregorian date already written the way it reads here needs saying once.
    return date.text.trim() === formatIsoDate(date.iso) ? [gregorian] : [written, " = ", gregorian];
  }
  const reason = date.candidates?.length ? `one of ${date.candidates.map(formatIsoDate).join(", ")}` : (date.warning ?? "not a date that can be converted");
  return [written, calendar, " = ", h("span", { class: "warning" }, reason)];
}

function relatedSection(document: DocumentView): HTMLElement | null {
  const rows: [string, Child | Child[]][] = [
    ["Translations", document.translations.length ? h("ul", { class: "plain" }, ...document.translations.map((link) => h("li", {}, `${link.role === "translation" ? "Translation" : "Original"}: `, h("a", { href: `/documents/${link.id}`, dir: "auto" }, link.title), ` (${languageName(link.language)}, paired by ${link.method})`))) : undefined],
    ["Inside", document.parentId !== undefined ? h("a", { href: `/documents/${document.parentId}` }, `document #${document.parentId}`) : undefined],
    ["Duplicate of", document.duplicateOf !== undefined ? h("a", { href: `/documents/${document.duplicateOf}` }, `document #${document.duplicateOf}`) : undefined],
    ["Cites", document.references.length ? h("ul", { class: "plain" }, ...document.references.map((link) => h("li", {}, h("a", { href: `/documents/${link.id}`, dir: "auto" }, link.title), ` (REF ${link.reference})`))) : undefined],
    ["Cited by", document.citedBy.length ? h("ul", { class: "plain" }, ...document.citedBy.map((link) => h("li", {}, h("a", { href: `/documents/${link.id}`, dir: "auto" }, link.title)))) : undefined],
    ["Members", document.children.length ? h("ul", { class: "plain" }, ...document.children.map((child) => h("li", {}, h("a", { href: `/documents/${child.id}`, dir: "auto" }, child.name), ` · ${child.type} · ${formatBytes(child.size)}${child.duplicateOf ? ` · duplicate of #${child.duplicateOf}` : ""}`))) : undefined],
    ["Problems", document.problems.length ? h("ul", { class: "plain warnings" }, ...document.problems.map((problem) => h("li", {}, h("code", {}, problem.code), ` ${problem.message}`))) : undefined],
  ];
  if (rows.every(([, value]) => value === undefined)) return null;
  return section("related", "Related", definitions(rows, { class: "fields" }));
}

function translationSection(document: DocumentView, result: Settled<TranslationView>): HTMLElement {
  if (result instanceof Error) return section("side-by-side", "Original and translation", failurePanel(result));
  const { original, translation } = result.documents;
  const originalLang = langAttribute(original.language);
  const translationLang = langAttribute(translation.language);
  const column = (side: typeof original, role: string) =>
    h("th", { attrs: { scope: "col" } }, `${role} (${languageName(side.language)}) `, side.id === document.id ? "— this document" : h("a", { href: `/documents/${side.id}` }, `#${side.id}`));
  const cell = (text: string | undefined, lang: string | undefined, language: string) =>
    text === undefined ? h("td", { class: "missing" }, "no counterpart") : h("td", { dir: directionOf(language), ...(lang && { lang }) }, text);
  const credit = [result.translator ? `translated by ${result.translator}` : undefined, result.reviewer ? `checked by ${result.reviewer}` : undefined, `paired by ${result.method}`].filter(Boolean).join(" · ");
  return section(
    "side-by-side",
    "Original and translation",
    h("p", { class: "credit" }, credit),
    h(
      "table",
      { class: "aligned" },
      h("caption", { class: "visually-hidden" }, "The original beside its translation, paragraph by paragraph"),
      h("thead", {}, h("tr", {}, h("th", { attrs: { scope: "col" } }, "¶"), column(original, "Original"), column(translation, "Translation"))),
      h(
        "tbody",
        {},
        ...result.paragraphs.map((pair) =>
          h("tr", { class: pair.method === "unmatched" ? "unmatched" : undefined }, h("th", { attrs: { scope: "row" }, dir: "auto" }, pair.number ?? "—"), cell(pair.original?.text, originalLang, original.language), cell(pair.translation?.text, translationLang, translation.language)),
        ),
      ),
    ),
  );
}

function contentSection(document: DocumentView, images: Settled<ImagesView> | undefined, mentions: Settled<DocumentMentionsView>, redactions: Settled<DocumentRedactionsView>): HTMLElement {
  const links = mentions instanceof Error ? [] : linkableMentions(document.text, mentions.mentions);
  const marks = new RedactionMarks(redactions instanceof Error ? [] : redactions.redactions);
  const textOf = (range: TextRange = { start: 0, end: document.text.length }) => textBlock(document.text, range, document.language, links, marks);
  const legend = h("div", { class: "reader-tools" }, mentionLegend(links, mentions), redactSelectionTool(document.id, marks, redactions instanceof Error ? redactions : undefined));
  if (images instanceof Error) return section("content", "Text", failurePanel(images), legend, textOf());
  if (images?.image) {
    return section(
      "content",
      "The original and its text",
      legend,
      h("div", { class: "page" }, h("figure", { class: "page-image" }, h("img", { attrs: { src: images.image, alt: `The original image, ${document.name}`, decoding: "async" } })), textOf()),
    );
  }
  if (images && images.pages.length > 0 && document.pages) {
    const container = h("div", { class: "pages" });
    const pages = document.pages;
    const urls = new Map(images.pages.map((page) => [page.number, page.url]));
    let next = 0;
    const more = h("button", { class: "more", attrs: { type: "button" }, on: { click: () => showPages() } });
    const showPages = () => {
      for (const page of pages.slice(next, next + PAGE_BATCH)) {
        const url = urls.get(page.number);
        append(
          container,
          h(
            "section",
            { class: "page", attrs: { "aria-label": `Page ${page.number}` } },
            h("figure", { class: "page-image" }, url ? h("img", { attrs: { src: url, alt: `Page ${page.number} of the original`, loading: "lazy", decoding: "async" } }) : null, h("figcaption", {}, `Page ${page.number}${page.ocr ? " · text read by OCR" : ""}`)),
            textOf({ start: page.start, end: page.end }),
          ),
        );
      }
      next += PAGE_BATCH;
      more.textContent = `Show more pages (${pages.length - next} left)`;
      more.hidden = next >= pages.length;
    };
    showPages();
    return section("content", "Pages and their text", legend, container, more);
  }
  return section("content", "Text", images?.unavailable ? h("p", { class: "note" }, `No page images: ${images.unavailable}.`) : null, legend, textOf());
}

/** What the links in the text are, with a sample of each style; or why there are none. */
function mentionLegend(links: readonly LinkableMention[], mentions: Settled<DocumentMentionsView>): HTMLElement | null {
  if (mentions instanceof Error) return h("p", { class: "note" }, `Names are not linked to their profiles: ${mentions.message}.`);
  const types = [...new Set(links.map((mention) => mention.type))];
  if (types.length === 0) return null;
  return h("p", { class: "mention-legend note" }, "Names link to their profiles: ", ...types.flatMap((type, index) => [index ? ", " : null, h("span", { class: `mention type-${type}` }, entityTypeName(type).toLowerCase())]), ".");
}

/** `text[range]` as paragraphs, in its own direction, names linked, put on the page in batches. */
function textBlock(text: string, range: TextRange, language: string, links: readonly LinkableMention[], marks: RedactionMarks): HTMLElement {
  const lang = langAttribute(language);
  const block = h("div", { class: "text", dir: directionOf(language), ...(lang && { lang }) });
  if (text.slice(range.start, range.end).trim() === "") {
    append(block, h("p", { class: "note", lang: "en", dir: "ltr" }, "No text was extracted from this document."));
    return block;
  }
  const paragraphs = paragraphRanges(text, range);
  let next = 0;
  const more = h("button", { class: "more", lang: "en", dir: "ltr", attrs: { type: "button" }, on: { click: () => show() } });
  const show = () => {
    let budget = TEXT_BATCH_CHARS;
    while (next < paragraphs.length && budget > 0) {
      const paragraph = paragraphs[next++]!;
      budget -= paragraph.end - paragraph.start;
      const shown = h("p", { dir: "auto", attrs: { "data-start": paragraph.start } }, highlighted(text, paragraph, links));
      marks.mark(shown);
      block.insertBefore(shown, more);
    }
    const left = paragraphs.slice(next).reduce((sum, paragraph) => sum + paragraph.end - paragraph.start, 0);
    more.textContent = `Show the rest (${formatNumber(left)} characters)`;
    more.hidden = next >= paragraphs.length;
  };
  append(block, more);
  show();
  return block;
}

/** The paragraphs of `text[range]` (split at blank lines) as offsets into `text`, so that mentions can be placed in them. */
function paragraphRanges(text: string, range: TextRange): TextRange[] {
  const paragraphs: TextRange[] = [];
  let start = range.start;
  for (const separator of text.slice(range.start, range.end).matchAll(/\n[ \t]*\n+/g)) {
    paragraphs.push(...slices({ start, end: range.start + separator.index }, TEXT_BATCH_CHARS));
    start = range.start + separator.index + separator[0].length;
  }
  paragraphs.push(...slices({ start, end: range.end }, TEXT_BATCH_CHARS));
  return paragraphs;
}

/** A paragraph longer than one batch, in batch-sized pieces. */
function slices(paragraph: TextRange, size: number): TextRange[] {
  const pieces: TextRange[] = [];
  for (let start = paragraph.start; start < paragraph.end || pieces.length === 0; start += size) pieces.push({ start, end: Math.min(paragraph.end, start + size) });
  return pieces;
}
