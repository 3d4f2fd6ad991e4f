/**
 * Splits any text (English, Persian, Arabic or a mix) into tokens with
 * character offsets, the way the NER gold sets were tokenised: words keep
 * their inner hyphens, apostrophes, zero-width non-joiners and abbreviation
 * periods; every other punctuation mark is a token of its own; a possessive
 * `'s` is split off; a word that switches between Latin and Arabic script is
 * split where the script changes.
 *
 * @example
 * tokenize("Mr. Doe's team, U.S.-based.")
 * // → "Mr." "Doe" "'s" "team" "," "U.S.-based" "."   (each with start and end)
 */

/** One token: `text === source.slice(start, end)`, offsets in UTF-16 code units, end exclusive. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

/**
 * A word is a run of letters, marks and digits joined by a hyphen, an
 * apostrophe, a period (`U.S`), a zero-width (non-)joiner or a middle dot; a
 * comma or decimal sign joins only digits (`1,000.5`, `۱٫۵`). A run of dots or
 * dashes is one token. Whitespace, control and format characters and lone
 * surrogates match nothing and are skipped.
 */
const TOKEN_PATTERN =
  /[\p{L}\p{M}\p{N}]+(?:(?:[-'\u2019.\u200C\u200D\u00B7]|(?<=\p{N})[,\u066B\u066C](?=\p{N}))[\p{L}\p{M}\p{N}]+)*|\.{2,}|-{2,}|[^\p{L}\p{M}\p{N}\s\p{Cc}\p{Cf}\p{Cs}\p{Z}]/gu;

/** Words that take their period with them, as in the gold sets (`Mr.`, `Inc.`, `Gen.`). */
const ABBREVIATIONS = new Set([
  "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "adm", "cmdr", "gov",
  "sen", "rep", "rev", "st", "jr", "sr", "inc", "corp", "co", "ltd", "bros", "no", "vs", "etc", "mt", "ft",
  "pres", "amb", "dept", "univ", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
  "nov", "dec", "approx", "est", "fig", "vol", "op", "cf", "al",
]);

const LATIN_LETTER = /[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]/;
const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
const VISIBLE_JOINERS = new Set(["-", "'", "\u2019", ".", "\u00B7"]);
const JOINERS = new Set([...VISIBLE_JOINERS, "\u200C", "\u200D"]);
const POSSESSIVE = /^(.+?)(['\u2019][sS])$/u;

/** Tokenises `text`. Linear in the length of the text; never throws. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const pattern = new RegExp(TOKEN_PATTERN);
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const start = match.index;
    let word = match[0];
    if (takesPeriod(word) && text.charCodeAt(start + word.length) === 0x2e) {
      word += ".";
      pattern.lastIndex = start + word.length;
    }
    pushWord(tokens, word, start);
  }
  return tokens;
}

function takesPeriod(word: string): boolean {
  if (!/^[\p{L}.]+$/u.test(word)) return false;
  if (word.includes(".")) return true;
  if (word.length === 1) return LATIN_LETTER.test(word);
  return ABBREVIATIONS.has(word.toLowerCase());
}

function pushWord(tokens: Token[], word: string, start: number): void {
  const possessive = word.length > 2 ? POSSESSIVE.exec(word) : null;
  if (possessive) {
    const base = possessive[1] ?? "";
    pushScriptRuns(tokens, base, start);
    tokens.push({ text: word.slice(base.length), start: start + base.length, end: start + word.length });
    return;
  }
  pushScriptRuns(tokens, word, start);
}

/** Splits a word where it changes between Latin and Arabic script; digits and marks side with the letters before them. */
function pushScriptRuns(tokens: Token[], word: string, start: number): void {
  let runStart = 0;
  let runScript = "";
  for (let i = 0; i < word.length; i++) {
    const character = word[i] ?? "";
    const script = LATIN_LETTER.test(character) ? "latin" : ARABIC_LETTER.test(character) ? "arabic" : "";
    if (!script) continue;
    if (runScript && script !== runScript) {
      const joiner = word[i - 1] ?? "";
      const end = JOINERS.has(joiner) ? i - 1 : i;
      tokens.push({ text: word.slice(runStart, end), start: start + runStart, end: start + end });
      if (end < i && VISIBLE_JOINERS.has(joiner)) tokens.push({ text: joiner, start: start + end, end: start + i });
      runStart = i;
    }
    runScript = script;
  }
  tokens.push({ text: word.slice(runStart), start: start + runStart, end: start + word.length });
}
