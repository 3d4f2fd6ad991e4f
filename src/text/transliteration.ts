/**
 * Names as sounds, so that a name written in Arabic or Persian script and its
 * Latin spellings meet: `سلیمانی`, `Soleimani`, `Suleimani` and `Sulaymani`
 * all come out as the skeleton `slymn`.
 *
 * A token is first turned into a *phonetic form*: one symbol per sound class.
 * Letters that the scripts or the spelling habits do not tell apart share a
 * symbol (`ث س ص` and `s`; `ت ط` and `t`; `kh` and `خ`; `ou` and `و`), and
 * vowels are kept as light symbols (`a`, `i`, `u`, `'` for ʿayn and hamza)
 * because Arabic script writes long vowels but not short ones. The
 * *skeleton* is the form without those light symbols, the part both scripts
 * write. Forms are compared with a weighted edit distance in which a vowel
 * costs little to add or drop and neighbouring sounds (`q`/`gh`/`k`, `v`/`w`,
 * `z`/`ض`) cost little to swap, so that the comparison tolerates exactly the
 * variation transliteration produces and little else.
 *
 * @example
 * transliterate("Soleimani").skeleton   // → "slymn"
 * transliterate("سلیمانی").skeleton     // → "slymn"
 * phoneticSimilarity(transliterate("Jabouri"), transliterate("جبوری")) // → about 0.95
 */
import { normalise } from "./normalise.js";

/** Which writing system a token is in, as far as comparison cares. */
export type TokenScript = "arabic" | "latin" | "other";

/** One name token as sounds. */
export interface PhoneticToken {
  /** Every sound, vowels included as light symbols: `Soleimani` → `sulymani`. */
  form: string;
  /** The form without vowels, ʿayn, hamza and a final weak h: what both scripts write. */
  skeleton: string;
  /**
   * Coarse keys for index look-up: near sounds folded further, vowels,
   * semivowels and h dropped. Usually one; up to four when a sound may stand
   * for two classes, as a Latin v for و (Vahid, وحید) or for ف (Vladimir, فلاديمير).
   */
  keys: string[];
  script: TokenScript;
}

/**
 * The symbols of a phonetic form. Consonants: `b p t d k g q j l m n r s z f v h y w`
 * as in English; `T` th (ث), `D` dh (ذ ض ظ), `S` sh (ش), `C` ch (چ, تش), `Z` zh (ژ),
 * `x` kh (خ), `G` gh (غ). Light symbols: `a i u` vowels, `'` ʿayn or hamza, `H` a
 * word-final h that only marks a vowel (Fatemeh, فاطمه).
 */
const LIGHT_SYMBOLS = new Set(["a", "i", "u", "'", "H"]);

/** Forms longer than this are cut: no name part is longer, and it bounds the edit distance. */
const MAX_FORM_LENGTH = 40;

/** Arabic-script letters (after `normalise`) to symbols. Pashto, Urdu and Kurdish letters included. */
const ARABIC_LETTERS: Record<string, string> = {
  "\u0627": "a", // ا
  "\u0628": "b", // ب
  "\u067E": "p", // پ
  "\u062A": "t", // ت
  "\u062B": "T", // ث
  "\u062C": "j", // ج
  "\u0686": "C", // چ
  "\u062D": "h", // ح
  "\u062E": "x", // خ
  "\u062F": "d", // د
  "\u0630": "D", // ذ
  "\u0631": "r", // ر
  "\u0632": "z", // ز
  "\u0698": "Z", // ژ
  "\u0633": "s", // س
  "\u0634": "S", // ش
  "\u0635": "s", // ص
  "\u0636": "D", // ض
  "\u0637": "t", // ط
  "\u0638": "D", // ظ
  "\u0639": "'", // ع
  "\u063A": "G", // غ
  "\u0641": "f", // ف
  "\u06A4": "v", // ڤ
  "\u0642": "q", // ق
  "\u06A9": "k", // ک
  "\u06AF": "g", // گ
  "\u0644": "l", // ل
  "\u0645": "m", // م
  "\u0646": "n", // ن
  "\u0648": "w", // و
  "\u0647": "h", // ه
  "\u06CC": "y", // ی
  "\u0621": "'", // ء
  "\u0626": "'", // ئ
  "\u0624": "'", // ؤ
  "\u0679": "t", // ٹ
  "\u0688": "d", // ڈ
  "\u0691": "r", // ڑ
  "\u06BA": "n", // ں
  "\u06D2": "y", // ے
  "\u06BE": "h", // ھ
  "\u06C1": "h", // ہ
  "\u06CD": "y", // ۍ
  "\u06D0": "y", // ې
  "\u0681": "z", // ځ
  "\u0685": "s", // څ
  "\u0696": "Z", // ږ
  "\u069A": "S", // ښ
  "\u06AB": "g", // ګ
  "\u0693": "r", // ړ
  "\u0689": "d", // ډ
  "\u067C": "t", // ټ
  "\u06BC": "n", // ڼ
  "\u06C7": "w", // ۇ
  "\u06C6": "w", // ۆ
  "\u0695": "r", // ڕ
  "\u06B5": "l", // ڵ
  "\u06CE": "y", // ێ
  "\u06AA": "k", // ڪ
  "\u06A0": "G", // ڠ
  "\u0762": "k", // ݢ
};

/** Latin letters that carry a sound of their own, not just an accent, mapped before accents are stripped. */
const LATIN_SPECIAL: Record<string, string> = {
  "č": "ch", "ć": "ch", "ç": "ch", "š": "sh", "ś": "sh", "ş": "sh", "ș": "sh", "ž": "zh",
  "ğ": "", "đ": "dj", "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "ı": "i",
  "þ": "th", "ð": "dh", "ț": "t", "ţ": "t",
  // Marks that scholarly and sanctions-list spellings use for ʿayn and hamza.
  "ʿ": "'", "ʾ": "'", "’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'", "ʻ": "'",
};

const LATIN_SPECIAL_PATTERN = /[čćçšśşșžğđßæœøłıþðțţʿʾ’‘`´ʼʻ]/g;
const COMBINING_MARKS = /[\u0300-\u036F]/g;
const LATIN_DIACRITICS = /[\u00C0-\u024F\u1E00-\u1EFF]/;
const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFC]/;
const LATIN_WITH_ACCENTS = /[a-z\u00C0-\u024F\u1E00-\u1EFF]/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

const ZWNJ = "\u200C";

const VOWELS = new Set(["a", "e", "i", "o", "u"]);

/**
 * A name token as sounds, in any script. Input is one token (no spaces);
 * anything after the first {@link MAX_FORM_LENGTH} sounds is ignored.
 *
 * @example
 * transliterate("Qassem")  // → { form: "qasim", skeleton: "qsm", keys: ["KSM"], script: "latin" }
 * transliterate("قاسم")    // → { form: "qasm", skeleton: "qsm", keys: ["KSM"], script: "arabic" }
 */
export function transliterate(token: string): PhoneticToken {
  // A zero-width non-joiner ends a Persian word part (خامنه‌ای, زیبایی‌نژاد):
  // the letter before it is read as final.
  if (token.includes(ZWNJ)) {
    const pieces = token.split(ZWNJ).filter((piece) => piece !== "").map(transliterateJoined);
    return pieces.reduce((joined, piece) => joinPhonetic(joined, piece));
  }
  return transliterateJoined(token);
}

function transliterateJoined(token: string): PhoneticToken {
  const text = normalise(token).toLowerCase();
  const arabic = ARABIC_SCRIPT.test(text);
  const latin = LATIN_WITH_ACCENTS.test(text);
  const symbols: string[] = [];
  const latinText = latin ? foldLatin(text) : text;
  let index = 0;
  while (index < latinText.length && symbols.length < MAX_FORM_LENGTH) {
    const character = latinText[index] as string;
    const arabicSymbol = ARABIC_LETTERS[character];
    if (arabicSymbol !== undefined) {
      index += readArabic(latinText, index, symbols);
    } else if (isLatinLetter(character) || character === "'") {
      index += readLatin(latinText, index, symbols);
    } else {
      if (LETTER_OR_DIGIT.test(character)) push(symbols, character);
      index += 1;
    }
  }
  const form = symbols.join("");
  const script: TokenScript = arabic === latin ? "other" : arabic ? "arabic" : "latin";
  return {
    form,
    skeleton: skeletonOf(form),
    keys: keysOf(form, script),
    script,
  };
}

function foldLatin(text: string): string {
  const special = text.replace(LATIN_SPECIAL_PATTERN, (character) => LATIN_SPECIAL[character] ?? character);
  return LATIN_DIACRITICS.test(special) ? special.normalize("NFD").replace(COMBINING_MARKS, "") : special;
}

/** Pushes a symbol unless it repeats the last one: doubled letters and shadda are one sound (digits are not sounds). */
function push(symbols: string[], symbol: string): void {
  if (symbols[symbols.length - 1] !== symbol || isDigit(symbol)) symbols.push(symbol);
}

function isDigit(character: string): boolean {
  return character >= "0" && character <= "9";
}

/** Whether a form holds a digit: numbers are compared as they are, not as sounds. */
export function hasDigits(form: string): boolean {
  for (const character of form) if (isDigit(character)) return true;
  return false;
}

function isLatinLetter(character: string): boolean {
  return character.length === 1 && character >= "a" && character <= "z";
}

function isArabicLetter(character: string | undefined): boolean {
  return character !== undefined && ARABIC_LETTERS[character] !== undefined;
}

/** Reads one Arabic-script letter (two for تش), returns how many characters it used. */
function readArabic(text: string, index: number, symbols: string[]): number {
  const character = text[index] as string;
  const next = text[index + 1];
  const final = !isArabicLetter(next);
  // Arabic has no letter for ch and writes it تش (Chirac, تشيراك).
  if (character === "\u062A" && next === "\u0634") {
    push(symbols, "C");
    return 2;
  }
  const symbol = ARABIC_LETTERS[character] as string;
  if (final && symbols.length > 0) {
    // A final ی is the long i of a nisba (سلیمانی), a final ه or ة a vowel (فاطمه, زاده).
    if (symbol === "y") return push(symbols, "i"), 1;
    if (symbol === "h") return push(symbols, "H"), 1;
  }
  push(symbols, symbol);
  return 1;
}

/** Reads one Latin letter or digraph, returns how many characters it used. */
function readLatin(text: string, index: number, symbols: string[]): number {
  const character = text[index] as string;
  const next = text[index + 1] ?? "";
  const afterNext = text[index + 2] ?? "";
  const atEnd = !isLatinLetter(next);
  if (character === "'") {
    push(symbols, "'");
    return 1;
  }
  if (VOWELS.has(character)) return readLatinVowel(character, next, afterNext, symbols);
  switch (character) {
    case "s":
      if (next === "c" && afterNext === "h") return push(symbols, "S"), 3;
      if (next === "h") return push(symbols, "S"), 2;
      return push(symbols, "s"), 1;
    case "t":
      if (next === "c" && afterNext === "h") return push(symbols, "C"), 3;
      if (next === "h") return push(symbols, "T"), 2;
      return push(symbols, "t"), 1;
    case "c":
      if (next === "h") return push(symbols, "C"), 2;
      if (next === "k") return push(symbols, "k"), 2;
      if (next === "e" || next === "i" || next === "y") return push(symbols, "s"), 1;
      return push(symbols, "k"), 1;
    case "k":
      if (next === "h") return push(symbols, "x"), 2;
      return push(symbols, "k"), 1;
    case "g":
      if (next === "h") return push(symbols, "G"), 2;
      return push(symbols, "g"), 1;
    case "d":
      if (next === "h") return push(symbols, "D"), 2;
      if (next === "j") return push(symbols, "j"), 2;
      return push(symbols, "d"), 1;
    case "z":
      if (next === "h") return push(symbols, "Z"), 2;
      return push(symbols, "z"), 1;
    case "p":
      if (next === "h") return push(symbols, "f"), 2;
      return push(symbols, "p"), 1;
    case "b":
    case "j":
      // South Asian spellings mark aspiration with an h that Arabic script does not write (Bhutvi, بوتوی).
      return push(symbols, character), next === "h" ? 2 : 1;
    case "x":
      push(symbols, "k");
      push(symbols, "s");
      return 1;
    case "y":
      // A final y after a consonant is a vowel (Sady, Fahmy).
      if (atEnd && symbols.length > 0 && !LIGHT_SYMBOLS.has(symbols[symbols.length - 1] as string)) return push(symbols, "i"), 1;
      return push(symbols, "y"), 1;
    case "h":
      // A final h after a vowel only marks the vowel (Fatemeh, Zadeh, Allah).
      if (atEnd && symbols.length > 0 && LIGHT_SYMBOLS.has(symbols[symbols.length - 1] as string)) {
        symbols.pop();
        return push(symbols, "H"), 1;
      }
      return push(symbols, "h"), 1;
    default:
      return push(symbols, character), 1;
  }
}

/**
 * Vowels: a → `a`, e and i → `i`, o and u → `u`; the diphthongs ei, ey, ai,
 * ay before a consonant are the `y` Persian and Arabic write (Soleimani,
 * سلیمانی), and ou or oo is the `w` of a written long u (Jabouri, جبوری).
 */
function readLatinVowel(character: string, next: string, afterNext: string, symbols: string[]): number {
  const nextIsVowel = VOWELS.has(afterNext) || afterNext === "y";
  if ((character === "e" || character === "a") && (next === "i" || next === "y") && !nextIsVowel) return push(symbols, "y"), 2;
  if (character === "o" && (next === "u" || next === "o")) return push(symbols, "w"), 2;
  if (character === "e" && next === "e") return push(symbols, "i"), 2;
  const symbol = character === "a" ? "a" : character === "e" || character === "i" ? "i" : "u";
  push(symbols, symbol);
  return 1;
}

function skeletonOf(form: string): string {
  let skeleton = "";
  for (const symbol of form) if (!LIGHT_SYMBOLS.has(symbol)) skeleton += symbol;
  return skeleton;
}

/**
 * Coarse classes for index keys. Keys must agree wherever a comparison would
 * forgive the difference, so near sounds share a class (s z sh ch; k q g gh kh
 * j), the sounds spellings most often add or drop (vowels, semivowels, h) are
 * left out, and a sound that two classes may stand for gives a key for each:
 * v (و or ف), dh (ض is z in Persian, d in Arabic), ch (چ or k), a Latin j (ج
 * or the y of Slavic names), a Latin w (و, or ف for the German w).
 */
const KEY_CLASSES: Record<string, readonly string[]> = {
  b: ["B"], p: ["B"], f: ["F"], v: ["F", ""], t: ["T"], T: ["T", "S"], d: ["D"], D: ["S", "D"],
  z: ["S"], s: ["S"], S: ["S"], C: ["S", "K"], Z: ["K", "S"], j: ["K"],
  k: ["K"], q: ["K"], g: ["K"], G: ["K"], x: ["K"], l: ["L"], m: ["M"], n: ["N"], r: ["R"],
};
const LATIN_KEY_CLASSES: Record<string, readonly string[]> = { ...KEY_CLASSES, j: ["K", ""], w: ["", "F"] };
const NO_KEY_CLASS: readonly string[] = [""];
const MAX_KEYS_PER_TOKEN = 4;

function keysOf(form: string, script: TokenScript): string[] {
  const classes = script === "arabic" ? KEY_CLASSES : LATIN_KEY_CLASSES;
  let keys = [""];
  for (const symbol of form) {
    const choices = classes[symbol] ?? (LIGHT_SYMBOLS.has(symbol) || symbol === "y" || symbol === "w" || symbol === "h" ? NO_KEY_CLASS : [symbol]);
    if (choices.length === 1) {
      const choice = choices[0] as string;
      if (choice !== "") keys = keys.map((key) => (key.endsWith(choice) ? key : key + choice));
      continue;
    }
    const next: string[] = [];
    for (const key of keys) {
      for (const choice of choices) {
        const extended = choice === "" || key.endsWith(choice) ? key : key + choice;
        if (!next.includes(extended)) next.push(extended);
      }
    }
    keys = next.slice(0, MAX_KEYS_PER_TOKEN);
  }
  return keys.filter((key) => key !== "");
}

/**
 * Two tokens read as one, for name parts written apart in one spelling and
 * joined in another (`Gholam Reza`, `Gholamreza`).
 *
 * @example
 * joinPhonetic(transliterate("Gholam"), transliterate("Reza")).form === transliterate("Gholamreza").form // → true
 */
export function joinPhonetic(first: PhoneticToken, second: PhoneticToken): PhoneticToken {
  const last = first.form[first.form.length - 1] ?? "";
  const next = second.form[0] ?? "";
  // One sound where the two meet: a doubled letter, or two vowels (خامنه‌ای is Khamenei, not Khamene-ai).
  const overlap = last === next || (LIGHT_SYMBOLS.has(last) && LIGHT_SYMBOLS.has(next));
  const form = overlap ? first.form + second.form.slice(1) : first.form + second.form;
  const script = first.script === second.script ? first.script : "other";
  return { form, skeleton: skeletonOf(form), keys: keysOf(form, script), script };
}

/** What it costs to add or drop a symbol: vowels little, semivowels and h some, consonants 1. */
const INDEL_COST: Record<string, number> = {
  a: 0.2, i: 0.2, u: 0.2, "'": 0.15, H: 0.3, y: 0.45, w: 0.45, h: 0.7,
};

/** What it costs to write one sound for another, across scripts. Unlisted pairs cost 1. */
const NEAR_SOUNDS: Array<[string, string, number]> = [
  ["a", "i", 0.2], ["a", "u", 0.2], ["i", "u", 0.2], ["'", "a", 0.1], ["'", "i", 0.1], ["'", "u", 0.1],
  ["y", "i", 0.1], ["w", "u", 0.1], ["y", "a", 0.35], ["w", "a", 0.35], ["y", "u", 0.35], ["w", "i", 0.35],
  ["H", "a", 0.15], ["H", "i", 0.15], ["H", "u", 0.2], ["H", "h", 0.2], ["H", "'", 0.2], ["h", "'", 0.5],
  ["w", "v", 0.2], ["v", "f", 0.3], ["b", "p", 0.3], ["b", "v", 0.5], ["f", "p", 0.5], ["w", "f", 0.5],
  ["t", "T", 0.3], ["s", "T", 0.3], ["d", "D", 0.3], ["z", "D", 0.3], ["T", "D", 0.4], ["t", "d", 0.6], ["s", "z", 0.6],
  ["j", "Z", 0.3], ["z", "Z", 0.4], ["j", "g", 0.25], ["j", "x", 0.5], ["j", "y", 0.4], ["j", "D", 0.6],
  ["C", "S", 0.3], ["C", "k", 0.4], ["C", "j", 0.4], ["s", "S", 0.5], ["C", "t", 0.6], ["C", "x", 0.4], ["C", "Z", 0.4], ["C", "h", 0.5],
  ["x", "k", 0.3], ["x", "h", 0.3], ["x", "G", 0.4], ["x", "q", 0.4],
  ["k", "q", 0.2], ["q", "G", 0.2], ["q", "g", 0.3], ["G", "g", 0.2], ["k", "g", 0.4], ["k", "G", 0.4],
  ["'", "G", 0.6], ["'", "q", 0.6],
];

/**
 * Latin against Latin: letters Arabic script cannot tell apart but Latin can
 * are different names when both spellings are Latin (Fulda and Volda, Bain and
 * Payne), and so are a plain a and the diphthong of a written ی or و (Hassan,
 * Hussein), which Arabic script would have shown as a letter of its own.
 */
const LATIN_ONLY_COSTS: Array<[string, string, number]> = [
  ["b", "p", 0.8], ["v", "f", 0.8], ["f", "p", 0.9], ["b", "v", 0.8], ["y", "a", 0.6], ["w", "a", 0.6],
];

/** Symbols are ASCII, so a cost table is a 128 × 128 array indexed by character codes. */
const ASCII = 128;

function costTable(overrides: Array<[string, string, number]>): Float64Array {
  const table = new Float64Array(ASCII * ASCII).fill(1);
  for (const [a, b, cost] of [...NEAR_SOUNDS, ...overrides]) {
    table[a.charCodeAt(0) * ASCII + b.charCodeAt(0)] = cost;
    table[b.charCodeAt(0) * ASCII + a.charCodeAt(0)] = cost;
  }
  return table;
}

const CROSS_SCRIPT_COSTS = costTable([]);
const SAME_SCRIPT_COSTS = costTable(LATIN_ONLY_COSTS);

function indelCost(symbol: string): number {
  return INDEL_COST[symbol] ?? 1;
}

/**
 * Against Arabic script, a Latin y or w (written y, w, ei, ou…) is nearly
 * always written ی or و too, so dropping one costs more; and a Latin word's
 * last t, d, s or z is often silent (Delors, دیلور; Perret, بیریه) or the
 * English plural, so dropping it costs less.
 */
const LATIN_AGAINST_ARABIC_INDEL: Record<string, number> = { y: 0.7, w: 0.7 };
const SILENT_FINALS = new Set(["t", "d", "s", "z"]);
const SILENT_FINAL_COST = 0.5;

function indelCosts(token: PhoneticToken, againstOtherScript: boolean): Float64Array {
  const { form } = token;
  const costs = new Float64Array(form.length);
  const latinAgainstArabic = againstOtherScript && token.script === "latin";
  for (let index = 0; index < form.length; index++) {
    const symbol = form[index] as string;
    costs[index] = (latinAgainstArabic ? LATIN_AGAINST_ARABIC_INDEL[symbol] : undefined) ?? indelCost(symbol);
  }
  const last = form.length - 1;
  if (latinAgainstArabic && last > 0 && SILENT_FINALS.has(form[last] as string)) costs[last] = SILENT_FINAL_COST;
  return costs;
}

/**
 * How alike two tokens sound, 0–1: one minus their weighted edit distance over
 * the cost of writing the longer from nothing.
 *
 * @example
 * phoneticSimilarity(transliterate("Soleimani"), transliterate("Sulaymani")) // → 1
 * phoneticSimilarity(transliterate("Soleimani"), transliterate("سلیمانی"))   // → about 0.96
 * phoneticSimilarity(transliterate("Soleimani"), transliterate("Barzani"))   // → about 0.3
 */
export function phoneticSimilarity(a: PhoneticToken, b: PhoneticToken): number {
  if (a.form === b.form) return a.form === "" ? 0 : 1;
  // 134832 and 134833 are different numbers, however alike they look.
  if (hasDigits(a.form) || hasDigits(b.form)) return 0;
  const sameScript = a.script === b.script;
  const costs = sameScript && a.script === "latin" ? SAME_SCRIPT_COSTS : CROSS_SCRIPT_COSTS;
  const crossing = !sameScript && (a.script === "arabic" || b.script === "arabic");
  const dropA = indelCosts(a, crossing);
  const dropB = indelCosts(b, crossing);
  const scale = Math.max(sum(dropA), sum(dropB));
  if (scale === 0) return 0;
  return Math.max(0, 1 - editDistance(a.form, b.form, dropA, dropB, costs) / scale);
}

function sum(values: Float64Array): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

function editDistance(a: string, b: string, dropA: Float64Array, dropB: Float64Array, costs: Float64Array): number {
  const columns = b.length + 1;
  let previous = new Float64Array(columns);
  let current = new Float64Array(columns);
  for (let j = 1; j < columns; j++) previous[j] = (previous[j - 1] as number) + (dropB[j - 1] as number);
  for (let i = 1; i <= a.length; i++) {
    const codeA = a.charCodeAt(i - 1);
    const row = codeA < ASCII ? codeA * ASCII : -1;
    const costA = dropA[i - 1] as number;
    current[0] = (previous[0] as number) + costA;
    for (let j = 1; j < columns; j++) {
      const codeB = b.charCodeAt(j - 1);
      const swap = codeA === codeB ? 0 : row >= 0 && codeB < ASCII ? (costs[row + codeB] as number) : 1;
      current[j] = Math.min((previous[j - 1] as number) + swap, (previous[j] as number) + costA, (current[j - 1] as number) + (dropB[j - 1] as number));
    }
    [previous, current] = [current, previous];
  }
  return previous[columns - 1] as number;
}
