/**
 * Snippets travel as HTML: everything from the document is escaped, and only
 * the `<mark>` elements Trove adds around matches are markup. A document can
 * therefore never inject markup into a page that shows its snippet.
 */

/** Private-use characters SQLite places around matches before the snippet is escaped. */
export const HIGHLIGHT_OPEN = "\uE000";
export const HIGHLIGHT_CLOSE = "\uE001";

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
