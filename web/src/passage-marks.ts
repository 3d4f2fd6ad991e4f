/**
 * A reporter's notes on passages, shown in the reader's text as `<mark>`
 * elements, and the passage a reader has selected, as offsets into the
 * document's text. Each paragraph of the text carries `data-start`, its
 * offset in the document; everything inside it is the document's own text,
 * so counting characters from there gives offsets. Notes are inserted as
 * text and attribute values only: nothing is parsed as HTML.
 */
import type { Annotation } from "./api.js";
import { h } from "./dom.js";

export interface Span {
  start: number;
  end: number;
}

const PARAGRAPHS = "p[data-start]";

/** Marks every passage note in the paragraphs under `root`, replacing marks made before. */
export function markPassages(root: HTMLElement, annotations: readonly Annotation[]): void {
  for (const mark of [...root.querySelectorAll("mark.annotation")]) mark.replaceWith(...mark.childNodes);
  root.normalize();
  const passages = annotations.filter((annotation): annotation is Annotation & Span => annotation.start !== null && annotation.end !== null);
  if (passages.length === 0) return;
  for (const paragraph of root.querySelectorAll<HTMLElement>(PARAGRAPHS)) {
    let offset = Number(paragraph.dataset.start);
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
    for (const node of nodes) {
      const start = offset;
      const end = start + node.data.length;
      offset = end;
      const covering = passages.filter((passage) => passage.start < end && passage.end > start);
      if (covering.length > 0) markNode(node, start, covering);
    }
  }
}

/** Splits a text node at the notes' edges and wraps each covered piece in a mark naming its notes. */
function markNode(node: Text, start: number, notes: ReadonlyArray<Annotation & Span>): void {
  const end = start + node.data.length;
  const cuts = [...new Set([start, end, ...notes.flatMap((note) => [note.start, note.end]).filter((at) => at > start && at < end)])].sort((a, b) => a - b);
  const pieces: Node[] = [];
  for (let index = 0; index < cuts.length - 1; index++) {
    const from = cuts[index]!;
    const to = cuts[index + 1]!;
    const text = node.data.slice(from - start, to - start);
    const here = notes.filter((note) => note.start <= from && note.end >= to);
    pieces.push(here.length === 0 ? document.createTextNode(text) : h("mark", { class: "annotation", title: here.map(describe).join("\n"), attrs: { "data-annotation": here.map((note) => note.id).join(" ") } }, text));
  }
  node.replaceWith(...pieces);
}

function describe(note: Annotation): string {
  const tags = note.tags.length > 0 ? ` [${note.tags.join(", ")}]` : "";
  return `Note: ${note.body || "(no words)"}${tags}`;
}

/** The selected passage, when the selection starts and ends in the text under `root`. */
export function selectedSpan(root: HTMLElement): Span | undefined {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return undefined;
  const range = selection.getRangeAt(0);
  const startParagraph = paragraphOf(range.startContainer);
  const endParagraph = paragraphOf(range.endContainer);
  if (!startParagraph || !endParagraph || !root.contains(startParagraph) || !root.contains(endParagraph)) return undefined;
  const start = offsetIn(startParagraph, range.startContainer, range.startOffset);
  const end = offsetIn(endParagraph, range.endContainer, range.endOffset);
  return end > start ? { start, end } : undefined;
}

function paragraphOf(node: Node): HTMLElement | null {
  return (node instanceof Element ? node : node.parentElement)?.closest<HTMLElement>(PARAGRAPHS) ?? null;
}

function offsetIn(paragraph: HTMLElement, container: Node, offset: number): number {
  const before = document.createRange();
  before.setStart(paragraph, 0);
  before.setEnd(container, offset);
  return Number(paragraph.dataset.start) + before.toString().length;
}
