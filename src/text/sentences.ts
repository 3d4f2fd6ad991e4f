/**
 * Splits English, Persian and Arabic text into sentences, as offsets into the
 * text as given, for reading relations one sentence at a time.
 *
 * Cables are hard-wrapped, so a single line break does not end a sentence;
 * what does:
 * - `.`, `!`, `?`, `؟`, `۔` or an ellipsis followed by white space (closing
 *   quotes and brackets stay with the sentence), except after an abbreviation
 *   (`Maj. Gen.`, `Mr.`, `No. 3`, `U.S.`, `e.g.`, an initial `J.`) or before a
 *   lower-case word (`approx. five`);
 * - a blank line;
 * - a paragraph mark: `¶2.` anywhere (flattened cables keep it mid-line), and
 *   at the start of a line `1.`, `2)`, `۱-`, `٣.`, `(a)`, or a bullet; the mark
 *   itself belongs to no sentence;
 * - a header line, `Subject: …`, `From: …`, `موضوع: …`, which is a sentence of
 *   its own (a long subject line goes on over the lines a cable wrapped it onto).
 *
 * Never throws; text with no punctuation gives one sentence per paragraph.
 *
 * @example
 * splitSentences("1. Maj. Gen. Doe met the U.S. envoy. He left.\n¶2. Talks")
 * // → [{ start: 3, end: 36 }, { start: 37, end: 45 }, { start: 49, end: 54 }]
 * // "Maj. Gen. Doe met the U.S. envoy." "He left." "Talks"
 */

/** One sentence: `text.slice(start, end)`, without surrounding white space or paragraph mark. */
export interface SentenceSpan {
  start: number;
  end: number;
}

/** Words that a `.` follows without ending the sentence (compared in lower case, without the dot). */
const ABBREVIATIONS: ReadonlySet<string> = new Set([
  "mr", "mrs", "ms", "dr", "prof", "gen", "maj", "col", "lt", "capt", "cpt", "brig", "sgt", "adm", "cmdr", "cdr", "sen", "rep", "gov", "amb",
  "st", "jr", "sr", "no", "nos", "nr", "vol", "vs", "v", "e.g", "i.e", "cf", "approx", "ca", "est", "dept", "govt", "pres", "mt", "ft", "fig",
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "ltd", "co", "corp", "hon", "rev", "fr", "messrs",
  "min", "dep", "asst", "sec", "gen'l", "eng", "bldg", "blvd", "ave", "rd", "sheikh", "h.e", "u.s", "u.k", "u.n", "u.s.a", "a.m", "p.m", "ph.d", "op", "art", "para", "paras",
]);

/** Words that plainly begin a new sentence after an abbreviation that can also end one (`… to the U.S. The minister …`). */
const SENTENCE_STARTERS: ReadonlySet<string> = new Set([
  "The", "He", "She", "It", "They", "We", "I", "This", "That", "These", "Those", "In", "On", "At", "After", "Before", "But", "However", "His", "Her",
  "Their", "Our", "A", "An", "When", "According", "Comment", "Note", "THE", "HE", "SHE", "IT", "THEY", "WE",
]);

/** Sentence punctuation with the closing quotes and brackets after it. */
const TERMINAL_RUN = /[.!?\u061F\u06D4\u2026][.!?\u061F\u06D4\u2026"'\u2019\u201D)\]}\u00BB]*/g;
/** A paragraph mark at the start of a line: `1.`, `12)`, `۱-`, `٣.`, `(a)`, `(2)`, a bullet. */
const LINE_MARK = /^[ \t]*(?:\u00B6[ \t]*\d{0,3}[.)]?|(?:\d{1,3}|[\u06F0-\u06F9]{1,3}|[\u0660-\u0669]{1,3})[ \t]*[.)\-\u2013][ \t]+(?!\d)|\([a-z0-9]{1,3}\)[ \t]+|[-\u2022\u25AA*o][ \t]+)/u;
const PILCROW_MARK = /\u00B6[ \t]*\d{0,3}[.)]?/gu;
/** `Subject: …`, `E.O. 12958: …`, `موضوع: …`: a label of a few words, a colon, a value; and a cable's `FM …`, `TO …`, `INFO …`. */
const HEADER_LINE = /^[ \t]*(?:[\p{L}][\p{L}\p{N} .\/&'\u200C-]{0,30}[:\uFF1A][ \t]*\S|(?:FM|TO|INFO)[ \t]+[A-Z0-9\/]{2,}[A-Z0-9 \/.,&-]*\s*$)/u;
/** A subject line, which a cable wraps like its text. */
const SUBJECT_LABEL = /^[ \t]*(?:SUBJECT|Subject|SUBJ|Subj)[ \t]*:/u;
/** A line at least this long may have been wrapped; a shorter one ends its paragraph. */
const WRAP_WIDTH = 55;
const WHITE = /\s/u;
const LOWER_LATIN = /\p{Ll}/u;

/** Every sentence of `text`, in order. */
export function splitSentences(text: string): SentenceSpan[] {
  const sentences: SentenceSpan[] = [];
  for (const block of blocks(text)) splitBlock(text, block.start, block.end, sentences);
  return sentences;
}

/** Runs of text between hard breaks: blank lines, paragraph marks, header lines. */
function blocks(text: string): SentenceSpan[] {
  const found: SentenceSpan[] = [];
  let blockStart = 0;
  let lineStart = 0;
  const close = (end: number): void => {
    pushPieces(text, blockStart, end, found);
  };
  while (lineStart <= text.length) {
    const newline = text.indexOf("\n", lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    if (line.trim() === "") {
      close(lineStart);
      blockStart = lineEnd + 1;
    } else {
      const mark = LINE_MARK.exec(line);
      if (mark) {
        close(lineStart);
        blockStart = lineStart + mark[0].length;
      } else if (HEADER_LINE.test(line) && line.length <= 200) {
        close(lineStart);
        const headerEnd = SUBJECT_LABEL.test(line) ? wrappedEnd(text, line, lineEnd) : lineEnd;
        pushPieces(text, lineStart, headerEnd, found);
        blockStart = headerEnd + 1;
        if (headerEnd !== lineEnd) {
          lineStart = headerEnd + 1;
          continue;
        }
      }
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  close(text.length);
  return found;
}

/**
 * Where a subject line ends: a cable wraps a long subject onto the next lines
 * (`SUBJECT: … EXCHANGE HOUSES; AL-NAKHIL` / `MOVES CASH NORTH`), which go on
 * in the same case up to a blank line, a paragraph mark or another header.
 */
function wrappedEnd(text: string, line: string, lineEnd: number): number {
  if (line.trimEnd().length < WRAP_WIDTH) return lineEnd;
  const capitals = !LOWER_LATIN.test(line);
  let end = lineEnd;
  while (end < text.length) {
    const nextEnd = text.indexOf("\n", end + 1) === -1 ? text.length : text.indexOf("\n", end + 1);
    const next = text.slice(end + 1, nextEnd);
    if (next.trim() === "" || LINE_MARK.test(next) || HEADER_LINE.test(next) || (capitals && LOWER_LATIN.test(next))) break;
    end = nextEnd;
    if (next.trimEnd().length < WRAP_WIDTH) break;
  }
  return end;
}

/** A block cut at every `¶` inside it (flattened cables run paragraphs together). */
function pushPieces(text: string, start: number, end: number, into: SentenceSpan[]): void {
  if (end <= start) return;
  const piece = text.slice(start, end);
  if (!piece.includes("\u00B6")) {
    into.push({ start, end });
    return;
  }
  let from = 0;
  PILCROW_MARK.lastIndex = 0;
  for (let match = PILCROW_MARK.exec(piece); match; match = PILCROW_MARK.exec(piece)) {
    into.push({ start: start + from, end: start + match.index });
    from = match.index + match[0].length;
  }
  into.push({ start: start + from, end });
}

function splitBlock(text: string, start: number, end: number, into: SentenceSpan[]): void {
  const block = text.slice(start, end);
  let sentenceStart = start;
  TERMINAL_RUN.lastIndex = 0;
  for (let match = TERMINAL_RUN.exec(block); match; match = TERMINAL_RUN.exec(block)) {
    const dot = start + match.index;
    const after = dot + match[0].length;
    if (after < end && !isWhite(text.charCodeAt(after))) continue;
    if (match[0] === "." && !endsSentence(text, sentenceStart, dot, after, end)) continue;
    pushTrimmed(text, sentenceStart, after, into);
    sentenceStart = after;
  }
  pushTrimmed(text, sentenceStart, end, into);
}

/** Whether the single `.` at `dot` ends a sentence, judging by the word before it and the word after. */
function endsSentence(text: string, sentenceStart: number, dot: number, after: number, end: number): boolean {
  let wordStart = dot;
  while (wordStart > sentenceStart && !isWhite(text.charCodeAt(wordStart - 1)) && text[wordStart - 1] !== "(") wordStart--;
  const word = text.slice(wordStart, dot);
  let next = after;
  while (next < end && isWhite(text.charCodeAt(next))) next++;
  let nextEnd = next;
  while (nextEnd < end && !isWhite(text.charCodeAt(nextEnd))) nextEnd++;
  const nextWord = text.slice(next, nextEnd).replace(/[^\p{L}\p{N}]+$/u, "");
  if (nextWord !== "" && LOWER_LATIN.test(nextWord[0]!)) return false;
  const key = word.toLowerCase().replace(/^[^\p{L}]+/u, "");
  if (key === "no" || key === "nos") return !/\d/u.test(nextWord) && SENTENCE_STARTERS.has(nextWord);
  if (ABBREVIATIONS.has(key) || /^\p{Lu}$/u.test(key.toUpperCase()) && word.length === 1 && /\p{Lu}/u.test(word)) {
    return key.includes(".") || key.length === 1 ? SENTENCE_STARTERS.has(nextWord) : false;
  }
  if (/^\p{L}(?:\.\p{L})+$/u.test(word)) return SENTENCE_STARTERS.has(nextWord);
  return true;
}

function pushTrimmed(text: string, start: number, end: number, into: SentenceSpan[]): void {
  while (start < end && isWhite(text.charCodeAt(start))) start++;
  while (end > start && isWhite(text.charCodeAt(end - 1))) end--;
  if (end > start) into.push({ start, end });
}

function isWhite(code: number): boolean {
  if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) return true;
  return code > 0x7f && WHITE.test(String.fromCharCode(code));
}
