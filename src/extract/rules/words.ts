/**
 * Reading one word at a time, for rules that look words up in tables instead
 * of trying a long alternation of spellings at every position: a table
 * lookup costs the same for ten spellings or a thousand.
 *
 * A word's key folds what scribes and keyboards vary: Latin letters to lower
 * case; in Arabic script the letters Persian and Arabic spell differently
 * (ی ي ى, ک ك, ا أ إ آ ٱ, ه ة ۀ), and harakat, tatweel and non-joiners, which
 * are dropped.
 *
 * @example
 * wordAt("paid ميليون دلار", 5) // → { text: "ميليون", key: "میلیون", start: 5, end: 11 }
 * wordKey("U.S. Dollars")       // → "u.s. dollars"
 */

export interface Word {
  text: string;
  key: string;
  start: number;
  end: number;
}

/** Latin words, with inner hyphens and apostrophes (`eighty-seven`, `Bahar-e`) or as dotted initials (`U.S.`); the ASCII forms first, as they are most words. */
const ASCII_WORD = /(?:[A-Za-z]\.){2,}|[A-Za-z]+(?:[-'’][A-Za-z]+)*(?![\p{L}\p{M}])/uy;
const LATIN_WORD = /(?:\p{Script=Latin}\.){2,}|\p{Script=Latin}+(?:[-'’]\p{Script=Latin}+)*/uy;
/** Arabic-script words, with their marks, tatweel and non-joiners; digits and punctuation end them. */
const ARABIC_SCRIPT_WORD = /(?:[\u0621-\u064A\u066E-\u06D3\u06D5\u06EE\u06EF\u06FA-\u06FC\u06FF]|[\u064B-\u065F\u0670\u06D6-\u06ED\u200C\u0640])+/y;
/** Letters folded to one form, and marks dropped (mapped to ""). */
const FOLDED = new Map<string, string>([
  ["\u064A", "\u06CC"], ["\u0649", "\u06CC"], ["\u0643", "\u06A9"],
  ["\u0623", "\u0627"], ["\u0625", "\u0627"], ["\u0622", "\u0627"], ["\u0671", "\u0627"],
  ["\u0629", "\u0647"], ["\u06C0", "\u0647"],
  ...[..."\u0640\u200C\u0670"].map((mark) => [mark, ""] as [string, string]),
  ...Array.from({ length: 0x65f - 0x64b + 1 }, (_, index) => [String.fromCharCode(0x64b + index), ""] as [string, string]),
]);

/** The word starting at `position`, or undefined when no word starts there. */
export function wordAt(text: string, position: number): Word | undefined {
  const code = text.charCodeAt(position);
  const pattern = code < 0x80 ? ASCII_WORD : code >= 0x600 && code < 0x700 ? ARABIC_SCRIPT_WORD : LATIN_WORD;
  pattern.lastIndex = position;
  const match = pattern.exec(text) ?? (pattern === ASCII_WORD ? latinWordAt(text, position) : null);
  if (!match || match[0].length === 0) return undefined;
  return { text: match[0], key: wordKey(match[0]), start: position, end: position + match[0].length };
}

/** An ASCII start that runs on into other Latin letters: `Café`. */
function latinWordAt(text: string, position: number): RegExpExecArray | null {
  LATIN_WORD.lastIndex = position;
  return LATIN_WORD.exec(text);
}

/** The lookup key of a word or of words separated by single spaces. */
export function wordKey(word: string): string {
  if (word.charCodeAt(0) < 0x600) return word.toLowerCase();
  let key = "";
  for (const character of word) key += FOLDED.get(character) ?? character;
  return key;
}
/** Every letter a text may have where a key has this one: `ی` → `یيى`. */
export function spellingsOf(letter: string): string {
  return letter + [...FOLDED].filter(([, folded]) => folded === letter).map(([written]) => written).join("");
}

/** The lookup key of a spelling written with spaces between words, each word folded: `"سکه بهار آزادی"`. */
export function phraseKey(spelling: string): string {
  return spelling.split(/\s+/).filter((word) => word !== "").map(wordKey).join(" ");
}
