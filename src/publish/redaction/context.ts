/**
 * A redaction in its context, as a reporter reviews it: a few words on each
 * side of the span, on one line.
 *
 * @example
 * spanInContext("He left with Karbala plate 45821. A local journalist saw him.", 27, 32, 3)
 * // → { before: "…with Karbala plate ", span: "45821", after: ". A local journalist…" }
 */

export interface SpanInContext {
  /** The words before the span, with `…` in front when the text goes on. */
  before: string;
  span: string;
  /** The words after the span, with `…` after when the text goes on. */
  after: string;
}

/** Words shown on each side by default. */
export const CONTEXT_WORDS = 6;
/** However long its words, context is cut to this many characters on each side. */
const MAX_SIDE = 80;

export function spanInContext(text: string, start: number, end: number, words = CONTEXT_WORDS): SpanInContext {
  // The piece touching the span may be part of a word, so one more piece than words is kept.
  const pieces = words + 1;
  const beforeWindow = text.slice(Math.max(0, start - 2 * MAX_SIDE), start);
  const beforePieces = oneLine(beforeWindow).split(" ");
  let before = beforePieces.slice(-pieces).join(" ");
  let moreBefore = start > beforeWindow.length || beforePieces.slice(0, -pieces).some((piece) => piece !== "");
  if (before.length > MAX_SIDE) [before, moreBefore] = [before.slice(-MAX_SIDE), true];

  const afterWindow = text.slice(end, end + 2 * MAX_SIDE);
  const afterPieces = oneLine(afterWindow).split(" ");
  let after = afterPieces.slice(0, pieces).join(" ");
  let moreAfter = end + afterWindow.length < text.length || afterPieces.slice(pieces).some((piece) => piece !== "");
  if (after.length > MAX_SIDE) [after, moreAfter] = [after.slice(0, MAX_SIDE), true];

  return { before: `${moreBefore ? "…" : ""}${before}`, span: oneLine(text.slice(start, end)), after: `${after}${moreAfter ? "…" : ""}` };
}

function oneLine(text: string): string {
  return text.replace(/\s+/gu, " ");
}
