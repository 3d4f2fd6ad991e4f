/**
 * Which span of the text a redaction covers. A source is redacted by what
 * identifies it — its number or code name — so that an excerpt still reads
 * "Source ██████"; and of two spans proposed in one place, the outer one is
 * kept, so a review queue never asks twice about the same words.
 */
import { DIGIT } from "../../extract/rules/digits.js";
import type { Mention } from "../../model/entity.js";

const NUMBER = new RegExp(`${DIGIT}+`, "gu");

/**
 * The part of a source mention that identifies the source: the last number in
 * it (`Source 134905` → `134905`, `منبع شمارهٔ ۱۳۴۹۰۵` → `۱۳۴۹۰۵`), or the
 * whole mention when it is a code name.
 *
 * @example
 * identifierSpan({ text: "Source 134905", start: 10, end: 23 }) // → { start: 17, end: 23 }
 */
export function identifierSpan(mention: Pick<Mention, "text" | "start" | "end">): { start: number; end: number } {
  const numbers = [...mention.text.matchAll(NUMBER)];
  const last = numbers.at(-1);
  if (!last) return { start: mention.start, end: mention.end };
  const start = mention.start + last.index;
  return { start, end: start + last[0].length };
}

/**
 * The spans not inside another of the same document, in the order given
 * otherwise: of two identical spans the first stays, so callers list the
 * stronger reason first.
 */
export function withoutNested<T extends { documentId: number; start: number; end: number }>(spans: readonly T[]): T[] {
  const order = spans.map((span, index) => ({ span, index }));
  order.sort((a, b) => a.span.documentId - b.span.documentId || a.span.start - b.span.start || b.span.end - a.span.end || a.index - b.index);
  const kept: Array<{ span: T; index: number }> = [];
  let outer: T | undefined;
  for (const entry of order) {
    const { span } = entry;
    if (outer && outer.documentId === span.documentId && outer.start <= span.start && span.end <= outer.end) continue;
    kept.push(entry);
    if (!outer || outer.documentId !== span.documentId || span.end > outer.end) outer = span;
  }
  return kept.sort((a, b) => a.index - b.index).map((entry) => entry.span);
}
