/**
 * Groups tokens into sentences for tagging. A sentence ends after `.`, `!`,
 * `?`, `؟` or an ellipsis (with any closing quotes or brackets that follow),
 * at a blank line, and in any case after `maxTokens` tokens, so that a
 * 100,000-token line without punctuation is tagged in bounded chunks.
 *
 * @example
 * const text = "Doe won. Roe lost";
 * splitSentences(text, tokenize(text)).map((s) => s.map((t) => t.text).join(" "))
 * // → ["Doe won .", "Roe lost"]
 */
import type { Token } from "./tokenizer.js";

/** The most tokens tagged as one sentence. */
export const MAX_SENTENCE_TOKENS = 250;

const SENTENCE_END = new Set([".", "!", "?", "\u061F", "\u2026", "..."]);
const CLOSERS = new Set(['"', "'", "\u2019", "\u201D", ")", "]", "}", "\u00BB"]);

/** Splits `tokens` (from `tokenize(text)`) into sentences; never returns an empty sentence. */
export function splitSentences(text: string, tokens: readonly Token[], maxTokens = MAX_SENTENCE_TOKENS): Token[][] {
  const limit = Math.max(1, Math.floor(maxTokens));
  const sentences: Token[][] = [];
  let current: Token[] = [];
  let closing = false;
  for (const token of tokens) {
    const previous = current[current.length - 1];
    const breakBefore =
      current.length >= limit ||
      (previous !== undefined && hasBlankLine(text, previous.end, token.start)) ||
      (closing && !(CLOSERS.has(token.text) && previous?.end === token.start));
    if (breakBefore && current.length > 0) {
      sentences.push(current);
      current = [];
      closing = false;
    }
    current.push(token);
    if (SENTENCE_END.has(token.text)) closing = true;
  }
  if (current.length > 0) sentences.push(current);
  return sentences;
}

function hasBlankLine(text: string, from: number, to: number): boolean {
  let newlines = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a) newlines++;
    else if (code === 0x2029) return true;
    if (newlines >= 2) return true;
  }
  return false;
}
