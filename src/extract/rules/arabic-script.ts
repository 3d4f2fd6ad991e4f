/**
 * Words in Arabic script as scribes and keyboards actually write them. Persian
 * and Arabic spell some letters differently (ی ي ى, ک ك, ا أ إ آ ٱ, ه ة ۀ), a
 * Persian text typed on an Arabic keyboard mixes both, and harakat, tatweel
 * and zero-width non-joiners come and go. The rules match the raw text, so
 * each word is turned into a pattern that accepts every such spelling.
 *
 * @example
 * new RegExp(arabicScriptPattern("آیت الله"), "u").test("آيت‌اللّه") // → true
 */

/** Letters written differently in Persian and Arabic; each stands for its whole group. */
const LETTER_GROUPS = ["یيى", "کك", "اأإآٱ", "هةۀ"];
const LETTER_VARIANTS = new Map(LETTER_GROUPS.flatMap((group) => [...group].map((letter) => [letter, `[${group}]`] as const)));
/** Harakat, superscript alef, tatweel and the zero-width non-joiner: allowed after any letter. */
const IGNORED_MARKS = "[\\u064B-\\u065F\\u0670\\u0640\\u200C]*";
/** A space in a spelling: a space, a non-joiner, or nothing (آیت الله = آیت‌الله = آیتالله). */
const WORD_GAP = "[\\s\\u200C]*";

/**
 * A regular expression source (for the `u` flag) matching a spelling with
 * every letter variant, mark and word gap allowed. It asserts no boundaries.
 */
export function arabicScriptPattern(spelling: string): string {
  return [...spelling]
    .map((character) => (character === " " ? WORD_GAP : escapeCharacter(LETTER_VARIANTS.get(character) ?? character) + IGNORED_MARKS))
    .join("");
}

/** One alternation of several spellings, longest first so that the longest spelling wins. */
export function anyArabicScriptSpelling(spellings: readonly string[]): string {
  return [...spellings].sort((a, b) => b.length - a.length).map(arabicScriptPattern).join("|");
}

function escapeCharacter(pattern: string): string {
  return pattern.length === 1 ? pattern.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") : pattern;
}
