/** How the annotation commands print a note: where it stands, its words, its tags. */
import type { Annotation } from "../model/annotation.js";

export function renderAnnotation(annotation: Annotation): string {
  const where = annotation.start === null ? "whole document" : `${annotation.start}–${annotation.end}`;
  const lines = [`#${annotation.id}  document ${annotation.documentId}  ${where}  (by ${annotation.author}, ${annotation.updatedAt})`];
  if (annotation.quote) lines.push(`     “${oneLine(annotation.quote)}”${annotation.detachedAt ? "  (these words are no longer in the text; the note now stands on the whole document)" : ""}`);
  if (annotation.body) lines.push(`     ${annotation.body.replace(/\n/g, "\n     ")}`);
  if (annotation.tags.length > 0) lines.push(`     tags: ${annotation.tags.join(", ")}`);
  return lines.join("\n");
}

/** Tags as typed after `--tag`: comma-separated. */
export function tagList(value: string): string[] {
  return value.split(",").map((tag) => tag.trim()).filter((tag) => tag !== "");
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 160 ? `${flat.slice(0, 159)}…` : flat;
}
