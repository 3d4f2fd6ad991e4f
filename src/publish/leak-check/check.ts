/**
 * The leak check: reads a file again part by part (see `extract.ts`) and
 * looks in every part for every forbidden form (see `form-matcher.ts`). It
 * passes only when nothing is found anywhere; a part that cannot be read makes
 * the check fail with an error rather than pass. The report masks each form it
 * found in the context it shows, so that printing it does not leak again.
 *
 * @example
 * const result = await checkFile("excerpt.pdf", forbiddenForms(store));
 * if (!result.passed) for (const leak of result.leaks) console.log(leak.location, leak.context);
 */
import type { Leak, LeakCheck } from "../../model/redaction.js";
import { extractParts, type ExtractedPart, type ExtractOptions } from "./extract.js";
import { FormMatcher, type ForbiddenForm, type FormMatch } from "./form-matcher.js";

/** What a redacted span shows in an export and in a leak report. */
export const REDACTION_MARK = "█████";

/** Characters of context shown on either side of a leak. */
const CONTEXT = 32;

export async function checkFile(file: string, forms: readonly ForbiddenForm[], options: ExtractOptions = {}): Promise<LeakCheck> {
  const parts = await extractParts(file, options);
  return { file, ...findLeaks(parts, new FormMatcher(forms)) };
}

/** The leaks in parts already extracted: every occurrence of a form, once per part. */
export function findLeaks(parts: readonly ExtractedPart[], matcher: FormMatcher): Omit<LeakCheck, "file"> {
  const leaks: Leak[] = [];
  for (const part of parts) {
    const matches = matcher.find(part.text, { misread: part.ocr === true });
    for (const match of matches) {
      if (matches.some((other) => other !== match && other.start <= match.start && other.end >= match.end && other.end - other.start > match.end - match.start)) continue;
      leaks.push({ location: part.location, form: match.form, context: maskedContext(part.text, match, matches), redactionId: match.redactionId });
    }
  }
  return { passed: leaks.length === 0, searched: [...new Set(parts.map((part) => part.location))], leaks };
}

/** The text around a match on one line, with this and every other match in it replaced by the mark. */
function maskedContext(text: string, match: FormMatch, matches: readonly FormMatch[]): string {
  const from = Math.max(0, match.start - CONTEXT);
  const to = Math.min(text.length, match.end + CONTEXT);
  let context = "";
  let at = from;
  for (const other of matches) {
    if (other.end <= at || other.start >= to) continue;
    context += text.slice(at, Math.max(at, other.start));
    if (!context.endsWith(REDACTION_MARK)) context += REDACTION_MARK;
    at = Math.max(at, other.end);
  }
  context += text.slice(at, to);
  return `${from > 0 ? "…" : ""}${context.replace(/\s+/g, " ").trim()}${to < text.length ? "…" : ""}`;
}
