/**
 * An excerpt as plain UTF-8 text: the redacted title, a blank line, and the
 * passage with each block written as the mark. A scanned page contributes its
 * redacted OCR text under a line that says so; its image cannot go into text.
 */
import { segmentsText, type Excerpt } from "./excerpt.js";

export function renderText(excerpt: Excerpt): string {
  const parts = excerpt.parts.map((part) => {
    const text = segmentsText(part.segments).replace(/\r\n?/g, "\n").trim();
    return part.kind === "scan" ? `[Page ${part.page}, scanned: text read by OCR]\n${text}` : text;
  });
  return `${[excerpt.title, ...parts].join("\n\n")}\n`;
}
