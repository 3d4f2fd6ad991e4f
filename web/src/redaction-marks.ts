/**
 * Redactions in the reader: accepted ones as dark, hatched spans and
 * suggested ones outlined, each with its reason in a tooltip; and "Redact
 * selection", which redacts the words a reporter selected in the text.
 *
 * A paragraph of the reader is built from the document's text alone (text
 * nodes, and links whose text is the mention's own words), and says where in
 * the text it starts (`data-start`); so counting characters through its text
 * nodes gives back offsets into the document's text, both to mark a
 * redaction and to turn a selection into a span. Marks wrap text nodes only:
 * nothing is parsed.
 *
 * @example
 * const marks = new RedactionMarks(redactions);
 * const paragraph = h("p", { attrs: { "data-start": 120 } }, highlighted(text, range, links));
 * marks.mark(paragraph);
 */
import type { Redaction } from "./api.js";
import { h, replace } from "./dom.js";
import { REASON_NAMES, redactionApi } from "./redaction-api.js";
import { failurePanel } from "./screens/common.js";

/** What the reader marks: accepted and suggested redactions still on their words. */
function shown(redaction: Redaction): boolean {
  return redaction.status !== "rejected" && redaction.detachedAt === undefined;
}

export class RedactionMarks {
  private readonly redactions: Redaction[];

  constructor(redactions: readonly Redaction[]) {
    this.redactions = redactions.filter(shown);
  }

  get count(): number {
    return this.redactions.length;
  }

  /** Marks the redactions that fall in `paragraph` (a reader paragraph with `data-start`). */
  mark(paragraph: HTMLElement): void {
    const start = Number(paragraph.dataset.start);
    const end = start + (paragraph.textContent ?? "").length;
    // Suggestions first: a later mark wraps inside an earlier one, so an accepted redaction over the same words is the inner mark, whose style shows.
    const inside = this.redactions.filter((redaction) => redaction.start < end && redaction.end > start).sort((a, b) => rank(a) - rank(b));
    for (const redaction of inside) wrap(paragraph, Math.max(redaction.start, start) - start, Math.min(redaction.end, end) - start, redaction);
  }

  /** Adds redactions just made, marking them in the paragraphs already on the page. */
  add(redactions: readonly Redaction[], within: HTMLElement): void {
    const fresh = redactions.filter(shown);
    this.redactions.push(...fresh);
    const added = new RedactionMarks(fresh);
    for (const paragraph of within.querySelectorAll<HTMLElement>("p[data-start]")) added.mark(paragraph);
  }
}

function rank(redaction: Redaction): number {
  return redaction.status === "suggested" ? 0 : 1;
}

function describe(redaction: Redaction): string {
  const state = redaction.status === "accepted" ? "Redacted" : "Suggested for redaction";
  return `${state}: ${REASON_NAMES[redaction.reason].toLowerCase()}${redaction.note ? ` — ${redaction.note}` : ""} (#${redaction.id})`;
}

/** Wraps the characters [from, to) of the paragraph's text in marks, one per text node they cross. */
function wrap(paragraph: HTMLElement, from: number, to: number, redaction: Redaction): void {
  const pieces: { node: Text; start: number; end: number }[] = [];
  let offset = 0;
  const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const length = node.data.length;
    if (offset + length > from && offset < to) pieces.push({ node, start: Math.max(from - offset, 0), end: Math.min(to - offset, length) });
    offset += length;
    if (offset >= to) break;
  }
  for (const piece of pieces) {
    let node = piece.node;
    if (piece.start > 0) node = node.splitText(piece.start);
    if (piece.end - piece.start < node.data.length) node.splitText(piece.end - piece.start);
    const mark = h("mark", { class: `redaction redaction-${redaction.status}`, title: describe(redaction) });
    node.replaceWith(mark);
    mark.appendChild(node);
  }
}

/** The offset into the document's text of a point in a reader paragraph; undefined outside one. */
function textOffset(node: Node, offsetInNode: number): number | undefined {
  const element = node instanceof Element ? node : node.parentElement;
  const paragraph = element?.closest<HTMLElement>("p[data-start]");
  if (!paragraph) return undefined;
  const range = document.createRange();
  range.setStart(paragraph, 0);
  range.setEnd(node, offsetInNode);
  return Number(paragraph.dataset.start) + range.toString().length;
}

/** The selected span of the document's text, when the selection lies in the reader's paragraphs inside `within`. */
function selectedSpan(within: HTMLElement): { start: number; end: number; words: string } | undefined {
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return undefined;
  const range = selection.getRangeAt(0);
  if (!within.contains(range.startContainer) || !within.contains(range.endContainer)) return undefined;
  const start = textOffset(range.startContainer, range.startOffset);
  const end = textOffset(range.endContainer, range.endOffset);
  if (start === undefined || end === undefined || end <= start) return undefined;
  return { start, end, words: range.toString() };
}

/**
 * "Redact selection": redacts the words selected in the text inside
 * the reader section the tool stands in, as `trove redact add DOCUMENT START
 * END` does, and marks them.
 * The selection is remembered as it is made, since pressing the button may
 * take it away.
 */
export function redactSelectionTool(documentId: number, marks: RedactionMarks, failure?: Error): HTMLElement {
  const status = h("span", { class: "redaction-status", attrs: { role: "status", "aria-live": "polite" } });
  if (failure) replace(status, `Redactions are not shown: ${failure.message}.`);
  const button = h("button", { class: "secondary", attrs: { type: "button", disabled: true, "aria-describedby": "redact-selection-hint" } }, "Redact selection");
  let span: ReturnType<typeof selectedSpan>;
  /** The reader section the tool stands in: the text it redacts. */
  const within = () => tool.closest<HTMLElement>(".reader-section");
  const onSelection = () => {
    const section = within();
    if (!section) {
      // Gone with the screen it stood on.
      if (wasShown && !tool.isConnected) document.removeEventListener("selectionchange", onSelection);
      return;
    }
    wasShown = true;
    if (document.activeElement === button) return;
    span = selectedSpan(section);
    button.disabled = span === undefined;
  };
  let wasShown = false;
  document.addEventListener("selectionchange", onSelection);
  button.addEventListener("click", async () => {
    if (!span) return;
    const chosen = span;
    button.disabled = true;
    try {
      const result = await redactionApi.addSpan(documentId, chosen.start, chosen.end);
      marks.add(result.redactions, within() ?? tool);
      document.getSelection()?.removeAllRanges();
      span = undefined;
      replace(status, `Redacted “${chosen.words.replace(/\s+/gu, " ").trim()}”. Review every redaction on the `, h("a", { href: "/redactions?status=accepted" }, "redactions screen"), ".");
    } catch (error) {
      replace(status, failurePanel(error));
      button.disabled = false;
    }
  });
  const legend = marks.count > 0 ? h("span", { class: "note" }, "Marked: ", h("mark", { class: "redaction redaction-accepted" }, "redacted"), " ", h("mark", { class: "redaction redaction-suggested" }, "suggested"), ". ") : null;
  const tool = h(
    "div",
    { class: "redaction-tool" },
    legend,
    button,
    h("span", { id: "redact-selection-hint", class: "hint" }, " Select words in the text, then redact them in every export."),
    " ",
    status,
  );
  return tool;
}
