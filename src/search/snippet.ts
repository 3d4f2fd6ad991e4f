/**
 * Snippets travel as HTML: everything from the document is escaped, and only
 * the `<mark>` elements Trove adds around matches are markup. A document can
 * therefore never inject markup into a page that shows its snippet.
 */

/** Private-use characters SQLite places around matches before the snippet is escaped. */
export const HIGHLIGHT_OPEN = "\uE000";
export const HIGHLIGHT_CLOSE = "\uE001";

import { normalise } from "../text/normalise.js";
import type { QueryNode } from "./query.js";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

/** Escapes a raw snippet and turns its match markers into `<mark>` elements. */
export function toHighlightedHtml(raw: string): string {
  return escapeHtml(raw.replace(/\s+/g, " ").trim())
    .replaceAll(HIGHLIGHT_OPEN, "<mark>")
    .replaceAll(HIGHLIGHT_CLOSE, "</mark>");
}

/** The snippet for a terminal: matches in bold (or in [brackets] when colour is off), entities decoded. */
export function highlightedHtmlToTerminal(html: string, colour: boolean): string {
  const [open, close] = colour ? ["\u001b[1m", "\u001b[22m"] : ["[", "]"];
  return html
    .replaceAll("<mark>", open)
    .replaceAll("</mark>", close)
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" })[name]!);
}

/** A word of the query to highlight, normalised as the index is. */
export interface SearchWord {
  text: string;
  prefix: boolean;
}

/** The words of every term and phrase not under a NOT. */
export function searchWords(node: QueryNode): SearchWord[] {
  if (node.kind === "term") return [{ text: normalise(node.text).toLowerCase(), prefix: node.prefix }];
  if (node.kind === "phrase") return normalise(node.text).toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).map((text) => ({ text, prefix: false }));
  if (node.kind === "and" || node.kind === "or") return node.children.flatMap(searchWords);
  return [];
}

const PLAIN_SNIPPET_CHARS = 200;

/**
 * A snippet cut around the first query word found in `text`, with the same
 * markers FTS5 uses; the start of the text when no word is found.
 */
export function plainSnippet(text: string, words: SearchWord[]): string {
  const lower = text.toLowerCase();
  let first = -1;
  let firstLength = 0;
  for (const word of words) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word.text)}${word.prefix ? "[\\p{L}\\p{N}]*" : "(?![\\p{L}\\p{N}])"}`, "u");
    const found = pattern.exec(lower);
    if (found && (first < 0 || found.index < first)) {
      first = found.index;
      firstLength = found[0].length;
    }
  }
  if (first < 0) return text.slice(0, PLAIN_SNIPPET_CHARS);
  const start = Math.max(0, first - PLAIN_SNIPPET_CHARS / 2);
  const end = Math.min(text.length, first + firstLength + PLAIN_SNIPPET_CHARS / 2);
  return `${start > 0 ? "…" : ""}${text.slice(start, first)}${HIGHLIGHT_OPEN}${text.slice(first, first + firstLength)}${HIGHLIGHT_CLOSE}${text.slice(first + firstLength, end)}${end < text.length ? "…" : ""}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
