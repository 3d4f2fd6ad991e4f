/**
 * Finding forbidden forms (redacted strings, and the aliases, spellings and
 * normalised forms of redacted entities) in any text: a document's own text,
 * a title, or what was extracted again from an exported file. Export and the
 * leak check use this one matcher, so that anything the check would report,
 * export would have removed.
 *
 * Both sides are compared in a canonical form that is deliberately loose,
 * because an extracted text rarely reads exactly like the original:
 * - the project's normaliser (Arabic and Persian letter forms, digits in any
 *   script, harakat, tatweel, zero-width joiners, bidi controls), after
 *   compatibility decomposition with every combining mark dropped, and
 *   lower case, so `Zubaïdi` is `zubaidi` and `ﻻ` is `لا`;
 * - whitespace, line breaks, hyphens, dashes, underscores and apostrophes
 *   count for nothing, so `Harith al-\nZubaidi`, `Zubai-\ndi`,
 *   `harith_al_zubaidi.pdf` and `al-Sa'idi` against `al-Saidi` all match;
 * - runs of lam and alef are compared as letters regardless of their order,
 *   because PDF text layers often give the lam-alef ligature back as `ال`.
 *
 * A form in Latin letters or digits must stand as a word of its own (no letter
 * or digit right before or after it), so `Ali` is not found in `Alimony`. A
 * form in Arabic script is found anywhere, since Arabic and Persian attach
 * prefixes (`و`, `ب`, `ال`) and suffixes to a name. In OCR output a long form
 * is also found with a letter or two misread (see `find`).
 *
 * This is looser than the finder that places redactions in a document
 * (`redaction/folded-text.ts`) on purpose: a false alarm costs a reporter a
 * look, a miss costs a source.
 *
 * @example
 * findForms("paid to Harith al-\nZubaidi.", [{ form: "Harith al-Zubaidi", redactionId: 7 }])
 * // → [{ start: 8, end: 26, form: "Harith al-Zubaidi", redactionId: 7 }]
 */
import { normalise } from "../../text/normalise.js";
import type { ForbiddenForm } from "../redaction/forms.js";

export type { ForbiddenForm };

/** Where a forbidden form was found: offsets into the searched text, end exclusive. */
export interface FormMatch extends ForbiddenForm {
  start: number;
  end: number;
}

/** Forms shorter than this, once canonical, would match too much to mean anything. */
const SHORTEST_FORM = 2;

const SOFT = /^[\s\u00AD\u2010-\u2015\u2212\-_'`\u2018\u2019\u02BC\u02BE\u02BF]$/u;
const COMBINING_OR_FORMAT = /[\p{M}\p{Cf}]/gu;
const WORD_BEFORE = /[\p{L}\p{N}]\p{M}*$/u;
const WORD_AFTER = /^\p{M}*[\p{L}\p{N}]/u;
const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
const LAM_ALEF_RUN = /[\u0644\u0627]{2,}/g;

/** Text in canonical form, with where each canonical character came from in the original. */
interface Canonical {
  text: string;
  /** For canonical character i: the offset in the original where it starts and where it ends. */
  from: number[];
  to: number[];
}

function canonicalise(source: string): Canonical {
  const characters: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  let offset = 0;
  for (const character of source) {
    const next = offset + character.length;
    for (const folded of foldCharacter(character)) {
      characters.push(folded);
      from.push(offset);
      to.push(next);
    }
    offset = next;
  }
  return { text: characters.join("").replace(LAM_ALEF_RUN, sortedRun), from, to };
}

function foldCharacter(character: string): string {
  if (SOFT.test(character)) return "";
  if (character.charCodeAt(0) < 0x80) return character.toLowerCase();
  const decomposed = character.normalize("NFKD").replace(COMBINING_OR_FORMAT, "");
  return normalise(decomposed).toLowerCase();
}

function sortedRun(run: string): string {
  return [...run].sort().join("");
}

interface PreparedForm extends ForbiddenForm {
  canonical: string;
  standsAlone: boolean;
}

/** Forms made ready to search for many texts; forms that canonicalise to (almost) nothing are dropped. */
export class FormMatcher {
  private readonly forms: PreparedForm[];

  constructor(forms: readonly ForbiddenForm[]) {
    const seen = new Set<string>();
    this.forms = [];
    for (const form of forms) {
      const canonical = canonicalise(form.form).text;
      if (canonical.length < SHORTEST_FORM || seen.has(canonical)) continue;
      seen.add(canonical);
      this.forms.push({ ...form, canonical, standsAlone: !ARABIC_SCRIPT.test(form.form) });
    }
  }

  get size(): number {
    return this.forms.length;
  }

  /**
   * Every occurrence of every form in `text`, in text order; overlapping
   * occurrences of different forms are all listed. With `misread`, the text
   * is taken for OCR output, and a form of {@link MISREAD_SPAN} letters or more
   * is also found with one letter misread, missing or added per that many
   * letters (`الزییدی` for `الزبیدی`, `Zubaidl` for `Zubaidi`): a reader sees
   * the name that Tesseract misread. Forms of digits alone are always exact,
   * since another number is another number.
   */
  find(text: string, options: { misread?: boolean } = {}): FormMatch[] {
    const canonical = canonicalise(text);
    const matches: FormMatch[] = [];
    for (const form of this.forms) {
      const errors = options.misread && !/^[0-9]+$/.test(form.canonical) ? Math.floor(form.canonical.length / MISREAD_SPAN) : 0;
      const found = errors > 0 ? approximateOccurrences(canonical.text, form.canonical, errors) : exactOccurrences(canonical.text, form.canonical);
      for (const occurrence of found) {
        const span = originalSpan(canonical, occurrence.start, occurrence.end);
        if (form.standsAlone && !standsAlone(text, span.start, span.end)) continue;
        matches.push({ form: form.form, redactionId: form.redactionId, ...span });
      }
    }
    return matches.sort((a, b) => a.start - b.start || b.end - a.end);
  }
}

/** OCR may misread one letter in this many of a form. */
const MISREAD_SPAN = 6;

interface Occurrence {
  start: number;
  end: number;
}

function exactOccurrences(text: string, pattern: string): Occurrence[] {
  const found: Occurrence[] = [];
  for (let at = text.indexOf(pattern); at >= 0; at = text.indexOf(pattern, at + 1)) found.push({ start: at, end: at + pattern.length });
  return found;
}

/**
 * Where `pattern` stands in `text` with at most `errors` letters substituted,
 * inserted or deleted (Sellers' dynamic programme, one column at a time, each
 * cell remembering where its alignment starts). Of a run of neighbouring ends
 * that all qualify, the one with the fewest errors is kept, the last of equals,
 * so that a misread last letter is taken as misread rather than left over.
 */
function approximateOccurrences(text: string, pattern: string, errors: number): Occurrence[] {
  const rows = pattern.length + 1;
  let cost = Int32Array.from({ length: rows }, (_, row) => row);
  let start = new Int32Array(rows);
  let nextCost = new Int32Array(rows);
  let nextStart = new Int32Array(rows);
  const found: Occurrence[] = [];
  let best: (Occurrence & { errors: number }) | undefined;
  for (let column = 0; column < text.length; column++) {
    nextCost[0] = 0;
    nextStart[0] = column + 1;
    for (let row = 1; row < rows; row++) {
      const substitute = cost[row - 1]! + (pattern[row - 1] === text[column] ? 0 : 1);
      const skipText = cost[row]! + 1;
      const skipPattern = nextCost[row - 1]! + 1;
      if (substitute <= skipText && substitute <= skipPattern) {
        nextCost[row] = substitute;
        nextStart[row] = row === 1 ? column : start[row - 1]!;
      } else if (skipText <= skipPattern) {
        nextCost[row] = skipText;
        nextStart[row] = start[row]!;
      } else {
        nextCost[row] = skipPattern;
        nextStart[row] = nextStart[row - 1]!;
      }
    }
    [cost, nextCost] = [nextCost, cost];
    [start, nextStart] = [nextStart, start];
    const ending = cost[rows - 1]!;
    if (ending <= errors) {
      if (!best || ending <= best.errors) best = { start: start[rows - 1]!, end: column + 1, errors: ending };
    } else if (best) {
      found.push({ start: best.start, end: best.end });
      best = undefined;
    }
  }
  if (best) found.push({ start: best.start, end: best.end });
  return found;
}

/** Every occurrence of every form in `text`; see {@link FormMatcher} to search many texts for the same forms. */
export function findForms(text: string, forms: readonly ForbiddenForm[]): FormMatch[] {
  return new FormMatcher(forms).find(text);
}

function originalSpan(canonical: Canonical, start: number, end: number): { start: number; end: number } {
  // Sorting lam-alef runs may move characters, so the span is the hull of where they came from.
  let from = Infinity;
  let to = -Infinity;
  for (let index = start; index < end; index++) {
    from = Math.min(from, canonical.from[index]!);
    to = Math.max(to, canonical.to[index]!);
  }
  return { start: from, end: to };
}

function standsAlone(text: string, start: number, end: number): boolean {
  return !WORD_BEFORE.test(text.slice(Math.max(0, start - 16), start)) && !WORD_AFTER.test(text.slice(end, end + 16));
}
