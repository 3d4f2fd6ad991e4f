/**
 * Finding a name wherever a document writes it, and redacting it where it
 * stands. A name is looked for in the text folded as search folds it — the
 * project's normaliser (Arabic and Persian letter forms unified, harakat,
 * tatweel and bidi marks removed, digits in ASCII), lower case, and every run
 * of white space as one space — and what is found there is mapped back to
 * offsets into the original text, so that `ابوکرار` finds `أبو كرار` and
 * `Source ۱۳۴۹۰۵` finds `Source 134905`, and each is redacted as written.
 *
 * Two characters fold differently from the normaliser, on purpose: a
 * zero-width non-joiner and a hyphen are word gaps here. A ZWNJ separates the
 * parts of a compound name (`حمه‌صالح`) and the suffixes of a word (`تمیمی‌ها`)
 * as a space would, and a hyphen does the same in Latin spellings
 * (`Hama-Salih`, `al-Zubaidi`), so a name written with either is found when
 * written with a space, and a name followed by a suffix is still a whole word.
 *
 * The text is cut into segments — a character and the combining marks after
 * it — and each segment folds on its own, so a mark always goes with its
 * letter and a match never ends between a letter and its harakat.
 *
 * @example
 * const text = "دیدار با أبو كرار التميمي در كربلا";
 * findForms(text, ["ابو کرار التمیمی", "تمیمی"], { wholeWords: true }).map(({ start, end }) => text.slice(start, end))
 * // → ["أبو كرار التميمي", "تميمي"] (the second after its article, which stays visible)
 */
import { normalise } from "./normalise.js";

/** A text folded for finding names, with the original span of every folded code unit. */
export interface FoldedText {
  /** The folded text. */
  readonly text: string;
  /** For each folded code unit, where the segment it came from starts in the original text. */
  readonly starts: Int32Array;
  /** For each folded code unit, where the segment it came from ends in the original text. */
  readonly ends: Int32Array;
}

/** A span of the original text where one of the forms looked for stands. */
export interface FoundForm {
  start: number;
  end: number;
  /** The form (as given) that was found there. */
  form: string;
}

export interface FindFormsOptions {
  /**
   * Only where the form is a whole word or words: `Ali` is not found in
   * `Alice`. An Arabic-script form is still found after an attached
   * conjunction, preposition or article (`و`, `ب`, `ل`, `ف`, `ال`), which is
   * then left out of the span.
   */
  wholeWords: boolean;
}

/** Word gaps besides white space: the zero-width space and non-joiner, and hyphens. */
const WORD_GAPS = new Set(["\u200B", "\u200C", "-", "\u2010", "\u2011"]);
const WHITE_SPACE = /\s/u;
const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;
const COMBINING_MARK = /\p{M}/u;
const ARABIC_LETTER = /[\u0620-\u064A\u066E-\u06D3\u06FA-\u06FF]/u;
/** Names with more gaps than this are looked for with every gap kept or every gap closed, not each combination. */
const MAX_GAPS_COMBINED = 3;
/** Attached before an Arabic-script word: and, with, for, then, the — and their combinations. Folded, longest first. */
const PROCLITICS = ["وال", "بال", "فال", "لل", "ال", "و", "ب", "ل", "ف"];

/** Folds a text for finding names, keeping the way back to the original offsets. */
export function foldText(original: string): FoldedText {
  const units: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let lastWasGap = false;
  let position = 0;
  while (position < original.length) {
    const segmentStart = position;
    position += codePointLength(original, position);
    while (position < original.length && COMBINING_MARK.test(original[position]!)) position += codePointLength(original, position);
    const folded = foldSegment(original.slice(segmentStart, position));
    for (let index = 0; index < folded.length; index++) {
      const unit = folded[index]!;
      if (unit === " ") {
        // A run of gaps is one space, which stretches over the whole run.
        if (lastWasGap) {
          ends[ends.length - 1] = position;
          continue;
        }
        lastWasGap = true;
      } else {
        lastWasGap = false;
      }
      units.push(unit);
      starts.push(segmentStart);
      ends.push(position);
    }
  }
  return { text: units.join(""), starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/** A form as it is looked for: folded like the text, without gaps at either end. */
export function foldForm(form: string): string {
  return foldText(form).text.trim();
}

/** The original span of the folded span `[start, end)`. */
export function originalSpan(folded: FoldedText, start: number, end: number): { start: number; end: number } {
  return { start: folded.starts[start]!, end: folded.ends[end - 1]! };
}

/**
 * Every place in a text where one of the forms stands, once folded, in text
 * order. A form made of several words is also found with its words run
 * together (`ابو کرار` finds `ابوکرار`). Forms that fold to nothing are ignored.
 */
export function findForms(text: string | FoldedText, forms: readonly string[], options: FindFormsOptions): FoundForm[] {
  const folded = typeof text === "string" ? foldText(text) : text;
  const found: FoundForm[] = [];
  const seen = new Set<string>();
  for (const form of forms) {
    for (const needle of needlesOf(form)) {
      for (let at = folded.text.indexOf(needle); at !== -1; at = folded.text.indexOf(needle, at + 1)) {
        const start = options.wholeWords ? wordStart(folded.text, at, needle) : at;
        if (start === undefined || (options.wholeWords && isWordCharacter(folded.text[at + needle.length]))) continue;
        const span = originalSpan(folded, at, at + needle.length);
        const key = `${span.start}:${span.end}`;
        if (seen.has(key)) continue;
        seen.add(key);
        found.push({ ...span, form });
      }
    }
  }
  return found.sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * A folded form and its spellings with words run together: each gap kept
 * or closed when there are few (`ابو کرار تمیمی`, `ابوکرار تمیمی`,
 * `ابو کرارتمیمی`, `ابوکرارتمیمی`), else all kept or all closed.
 */
function needlesOf(form: string): string[] {
  const needle = foldForm(form);
  if (needle === "") return [];
  const words = needle.split(" ");
  const gaps = words.length - 1;
  if (gaps > MAX_GAPS_COMBINED) return [needle, words.join("")];
  const needles: string[] = [];
  for (let closed = 0; closed < 2 ** gaps; closed++) {
    needles.push(words.reduce((joined, word, index) => (index === 0 ? word : joined + ((closed >> (index - 1)) & 1 ? "" : " ") + word), ""));
  }
  return needles;
}

/**
 * Where a whole-word match at `at` begins, or undefined when the needle is
 * inside a word: right at `at` after a gap, or after an Arabic proclitic
 * that itself follows a gap.
 */
function wordStart(text: string, at: number, needle: string): number | undefined {
  if (!isWordCharacter(text[at - 1])) return at;
  if (!ARABIC_LETTER.test(needle[0] ?? "")) return undefined;
  for (const proclitic of PROCLITICS) {
    const before = at - proclitic.length;
    if (before >= 0 && text.startsWith(proclitic, before) && !isWordCharacter(text[before - 1])) return at;
  }
  return undefined;
}

function isWordCharacter(character: string | undefined): boolean {
  return character !== undefined && WORD_CHARACTER.test(character);
}

/** One segment folded: a gap as a space, anything else normalised and in lower case. */
function foldSegment(segment: string): string {
  if (WORD_GAPS.has(segment) || WHITE_SPACE.test(segment)) return " ";
  if (segment.length === 1 && segment.charCodeAt(0) < 0x80) return segment.toLowerCase();
  return normalise(segment).toLowerCase().replace(/\s/gu, " ");
}

function codePointLength(text: string, position: number): number {
  const code = text.charCodeAt(position);
  return code >= 0xd800 && code <= 0xdbff && position + 1 < text.length ? 2 : 1;
}
