/**
 * Tells English, Persian and Arabic apart by script and by the commonest
 * function words. Good enough to facet and filter an archive; not a
 * general-purpose language identifier.
 */
import type { LanguageCode } from "../model/document.js";

const SAMPLE_CHARS = 20_000;
const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/g;
const LATIN = /[A-Za-z\u00C0-\u024F]/g;
const PERSIAN_LETTERS = /[\u067E\u0686\u0698\u06AF]/g; // پ چ ژ گ: absent from Arabic
const PERSIAN_WORDS = new Set(["است", "را", "می", "که", "این", "برای", "شد", "بود", "های", "آن", "با", "از", "شده", "ما", "او"]);
const ARABIC_WORDS = new Set(["في", "على", "إلى", "الى", "الذي", "التي", "هذا", "هذه", "عن", "قد", "كان", "ان", "إن", "لا", "ما", "هو"]);

/** The dominant language of a text; `und` when it has too few letters to say. */
export function detectLanguage(text: string): LanguageCode {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  const arabicScript = countMatches(sample, ARABIC_SCRIPT);
  const latin = countMatches(sample, LATIN);
  if (arabicScript + latin < 10) return "und";
  if (latin >= arabicScript) return "en";
  return persianOrArabic(sample);
}

function persianOrArabic(sample: string): LanguageCode {
  let persian = countMatches(sample, PERSIAN_LETTERS);
  let arabic = (sample.match(/\u0629/g) ?? []).length;
  for (const word of sample.split(/[\s\u200C.,;:!?؟،؛()«»"']+/)) {
    if (PERSIAN_WORDS.has(word)) persian += 3;
    else if (ARABIC_WORDS.has(word)) arabic += 3;
    else if (word.startsWith("ال") && word.length > 3) arabic += 1;
  }
  return persian >= arabic ? "fa" : "ar";
}

function countMatches(text: string, pattern: RegExp): number {
  return (text.match(pattern) ?? []).length;
}
