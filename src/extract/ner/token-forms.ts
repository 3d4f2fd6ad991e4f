/**
 * The forms of a token that features look at: the word as written, a
 * folded form for lexical features, its shape (`Doe` → `Xxx`, `1996-12-06`
 * → `dddd-dd-dd`), its capitalisation and, for Persian, the stem without
 * common suffixes and the parts either side of a zero-width non-joiner.
 *
 * @example
 * formsOf("en", "Al-Ain").shape      // → "Xx-Xxx"
 * formsOf("fa", "کتاب‌های").stem      // → "کتاب"
 */
import { normalise } from "../../text/normalise.js";

/** The languages Trove has NER models for. */
export type NerLanguage = "en" | "fa";

/** How a Latin-script token is capitalised. */
export enum Capitalisation {
  None = 0,
  Initial = 1,
  All = 2,
  Mixed = 3,
}

export interface TokenForms {
  /** The word as written (Persian: normalised). */
  form: string;
  /** Lower-cased, digits folded to 0 (Persian: normalised the same way); the key of lexicons and document evidence. */
  lower: string;
  shape: string;
  /** The shape with repeats collapsed: `Xxxx` → `Xx`. */
  shortShape: string;
  capitalisation: Capitalisation;
  /** Whether the token has a letter in it. */
  hasLetter: boolean;
  /** Persian: the lower form without a common suffix; English: the lower form. */
  stem: string;
  /** Persian words written with a zero-width non-joiner: the first and the last part, normalised. */
  firstPart: string;
  lastPart: string;
}

const SHAPE_LIMIT = 12;
const DIGIT = /\p{Nd}/u;
const DIGITS = /\p{Nd}/gu;
const LETTER = /\p{L}/u;
const PERSIAN_SUFFIXES = ["هایی", "های", "ها", "ترین", "تر", "یان", "ان", "ات", "ای", "یی", "ی", "اش", "شان"];

/** The forms of one token for a language's features. */
export function formsOf(language: NerLanguage, word: string): TokenForms {
  const form = language === "fa" ? normalise(word) : word;
  const lower = foldDigits(form.toLowerCase());
  const shape = shapeOf(form);
  const parts = language === "fa" && word.includes("\u200C") ? word.split("\u200C").filter((part) => part) : [];
  return {
    form,
    lower,
    shape,
    shortShape: collapse(shape),
    capitalisation: capitalisationOf(form),
    hasLetter: LETTER.test(form),
    stem: language === "fa" ? persianStem(lower) : lower,
    firstPart: parts.length > 1 ? foldDigits(normalise(parts[0] ?? "")) : "",
    lastPart: parts.length > 1 ? foldDigits(normalise(parts[parts.length - 1] ?? "")) : "",
  };
}

function foldDigits(text: string): string {
  return DIGIT.test(text) ? text.replace(DIGITS, "0") : text;
}

function isArabicDigit(code: number): boolean {
  return (code >= 0x0660 && code <= 0x0669) || (code >= 0x06f0 && code <= 0x06f9);
}

function shapeOf(word: string): string {
  let shape = "";
  const limit = Math.min(word.length, SHAPE_LIMIT);
  for (let i = 0; i < limit; i++) {
    const character = word[i] ?? "";
    const code = character.charCodeAt(0);
    if (code >= 0x41 && code <= 0x5a) shape += "X";
    else if (code >= 0x61 && code <= 0x7a) shape += "x";
    else if (code >= 0x30 && code <= 0x39) shape += "d";
    else if (code < 0x80) shape += character;
    else if (code >= 0x0600 && code <= 0x06ff) shape += isArabicDigit(code) ? "d" : "a";
    else if (/\p{Lu}/u.test(character)) shape += "X";
    else if (/\p{L}/u.test(character)) shape += "x";
    else if (/\p{N}/u.test(character)) shape += "d";
    else shape += character;
  }
  return word.length > SHAPE_LIMIT ? `${shape}~` : shape;
}

function collapse(shape: string): string {
  let short = "";
  for (const character of shape) if (short[short.length - 1] !== character) short += character;
  return short;
}

function capitalisationOf(word: string): Capitalisation {
  const first = word[0] ?? "";
  if (first.toUpperCase() === first.toLowerCase()) return Capitalisation.None;
  const upperFirst = first !== first.toLowerCase();
  if (!upperFirst) return word === word.toLowerCase() ? Capitalisation.None : Capitalisation.Mixed;
  const rest = word.slice(1);
  if (rest === rest.toUpperCase() && rest !== rest.toLowerCase()) return Capitalisation.All;
  return rest === rest.toLowerCase() ? Capitalisation.Initial : Capitalisation.Mixed;
}

function persianStem(lower: string): string {
  for (const suffix of PERSIAN_SUFFIXES) {
    if (lower.length - suffix.length >= 2 && lower.endsWith(suffix)) return lower.slice(0, -suffix.length);
  }
  return lower;
}

/** A headline or an all-capitals cable line: at least two words and most of them in capitals. */
export function isCapitalsSentence(forms: readonly TokenForms[]): boolean {
  let words = 0;
  let capitals = 0;
  for (const form of forms) {
    if (!form.hasLetter || !/[A-Za-z]/.test(form.form)) continue;
    words++;
    if (form.capitalisation === Capitalisation.All || (form.form.length === 1 && form.capitalisation === Capitalisation.Initial)) capitals++;
  }
  return words >= 2 && capitals >= 0.8 * words;
}
