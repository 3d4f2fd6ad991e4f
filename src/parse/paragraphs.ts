/**
 * Paragraph splitting shared by the parsers. A paragraph is a run of lines
 * ended by a blank line, or by a line that opens a numbered paragraph
 * (`1.` `1-` `۱-` `۱.` `2)`), since reports often number their paragraphs
 * without leaving blank lines between them.
 *
 * Every paragraph's `text` is exactly `text.slice(start, end)`: the original
 * characters, never normalised, so that a reader can highlight it in place.
 * For a numbered paragraph the span starts after the number and its mark.
 *
 * @example
 * splitParagraphs("Header\n\n۱- ساعت ۲۱ دیدار شد.\n۲- هدیه داده شد.\n", 8)
 * // → [{ number: "۱", text: "ساعت ۲۱ دیدار شد.", … }, { number: "۲", text: "هدیه داده شد.", … }]
 */
import type { CableParagraph } from "../model/cable.js";

/**
 * A paragraph number at the start of a line: one to three digits in any
 * script, then `.` `-` `–` `)` or tatweel, then a space, or text that does
 * not start with a digit or separator: `5. 500 dollars` is a paragraph, but
 * `1.5 euros`, `1-2 hours` and `15.07.2014` are not.
 */
const PARAGRAPH_NUMBER = /^[ \t]*([0-9\u06F0-\u06F9\u0660-\u0669]{1,3})[ \t]*[.\-\u2013)\u0640](?:[ \t]+(?=\S)|(?=[^\s0-9\u06F0-\u06F9\u0660-\u0669.,/:\-]))/;

const BLANK_LINE = /^[ \t\r\f\v\u00A0\u200B-\u200F\uFEFF]*$/;

/** Splits `text[from, to)` into paragraphs with offsets into `text`. */
export function splitParagraphs(text: string, from = 0, to = text.length): CableParagraph[] {
  const paragraphs: CableParagraph[] = [];
  let open: { start: number; end: number; number?: string } | undefined;
  const close = () => {
    if (open && open.end > open.start) {
      paragraphs.push({ ...(open.number !== undefined && { number: open.number }), text: text.slice(open.start, open.end), start: open.start, end: open.end });
    }
    open = undefined;
  };

  for (const line of linesOf(text, Math.max(0, from), Math.min(text.length, to))) {
    if (BLANK_LINE.test(line.text)) {
      close();
      continue;
    }
    const contentEnd = line.start + trimmedLength(line.text);
    const numbered = PARAGRAPH_NUMBER.exec(line.text);
    if (numbered) {
      close();
      open = { number: numbered[1]!, start: line.start + numbered[0].length, end: contentEnd };
    } else if (open) {
      open.end = contentEnd;
    } else {
      open = { start: line.start + leadingSpaceLength(line.text), end: contentEnd };
    }
  }
  close();
  return paragraphs;
}

/** Whether a line opens a numbered paragraph; header readers use it to know where the body begins. */
export function isNumberedParagraphLine(line: string): boolean {
  return PARAGRAPH_NUMBER.test(line);
}

/** One line of a text, without its line break, and where it starts. */
export interface Line {
  text: string;
  start: number;
}

/** The lines of `text[from, to)`, with `\r\n` and `\n` breaks alike, lazily so that huge texts cost no copy. */
export function* linesOf(text: string, from = 0, to = text.length): Generator<Line> {
  let start = from;
  while (start < to) {
    const newline = text.indexOf("\n", start);
    const lineEnd = newline === -1 || newline >= to ? to : newline;
    const contentEnd = lineEnd > start && text[lineEnd - 1] === "\r" ? lineEnd - 1 : lineEnd;
    yield { text: text.slice(start, contentEnd), start };
    start = lineEnd + 1;
  }
}

function trimmedLength(line: string): number {
  return line.trimEnd().length;
}

function leadingSpaceLength(line: string): number {
  return line.length - line.trimStart().length;
}
