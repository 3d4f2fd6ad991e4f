/**
 * Amounts as field reports and news write them, before a currency: numerals
 * in any digit script with their separators (`2,500`, `۱۲٬۵۰۰`, `87.5`,
 * `۸۷٫۵`, `1.000.000`, and `۲/۵` for 2.5 before a Persian magnitude word),
 * number words in English, Persian and Arabic (`sixteen`, `شانزده`, `خمسة`),
 * magnitude words (`million`, `هزار`, `مليون`, `ملايين`, `bn`, `5m`), halves
 * (`eighty-seven and a half`, `هشتاد و هفت و نیم`, `half a million`) and
 * compounds joined by "and" / و (`23 میلیارد و 595 میلیون`,
 * `یک میلیون و ۶۰۰ هزار`, `9 هزار و 288 میلیارد`).
 *
 * The reader is a small state machine over tokens that keeps the longest
 * prefix that reads as one amount, so `5 and 6 dollars` reads `5` and stops,
 * and the caller goes on to `6 dollars`. It reads at most a few dozen tokens
 * from a position, so it is linear in the text however the text is made.
 *
 * @example
 * readAmount("paid ۲۳ میلیارد و ۵۹۵ میلیون ریال", 5)
 * // → { value: 23595000000, end: 28, hasNumber: true, bareScale: false }
 */
import { anyArabicScriptSpelling } from "./arabic-script.js";
import { DIGIT, toAsciiDigits } from "./digits.js";
import { phraseKey, wordAt } from "./words.js";

/** What was read from a position: the amount and where its text ends. */
export interface Amount {
  value: number;
  end: number;
  /** Whether a numeral or number word was read, not only a magnitude word (`هزار دلار`). */
  hasNumber: boolean;
  /** Whether the amount begins with a bare magnitude word, which quantifiers like چند ("several") can precede. */
  bareScale: boolean;
  /** Whether a magnitude word (`million`, `هزار`) was read. */
  hasScale: boolean;
  /** The largest magnitude read (1 when none), so that a range's lower bound can borrow it: `10-15 million`. */
  scale: number;
  /**
   * Whether a `/` was read as the decimal point (`۲/۵ میلیون`). Persian writes
   * it so, but text that went through a right-to-left rendering may hold the
   * digits swapped (`5/2` for 2.5), so such an amount is less sure.
   */
  slashDecimal: boolean;
}

type WordKind = "number" | "scale" | "half" | "a" | "and";

/** What a word means in an amount. */
interface AmountWord {
  kind: WordKind;
  value: number;
  /** Arabic plural magnitudes (آلاف, ملايين) follow a number from 3 to 10 and never stand alone. */
  plural?: boolean;
  /** English `hundred`, and Arabic مئة after a unit (ثلاث مئة): multiplies instead of adding. */
  hundred?: boolean;
  /** Arabic duals (ألفين, مليونين): two of the magnitude. */
  dual?: boolean;
  /** Persian and Arabic magnitudes mean one of them alone (`هزار دلار`, a thousand dollars); English ones need a number. */
  standsAlone?: boolean;
}

const ENGLISH_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
const ENGLISH_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const ENGLISH_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

const LATIN_WORDS = new Map<string, AmountWord>([
  ...ENGLISH_UNITS.map((word, index) => [word, { kind: "number", value: index + 1 }] as const),
  ...ENGLISH_TEENS.map((word, index) => [word, { kind: "number", value: index + 10 }] as const),
  ...ENGLISH_TENS.flatMap((tens, index) => [
    [tens, { kind: "number", value: (index + 2) * 10 }] as const,
    ...ENGLISH_UNITS.map((unit, unitIndex) => [`${tens} ${unit}`, { kind: "number", value: (index + 2) * 10 + unitIndex + 1 }] as const),
  ]),
  ["fourty", { kind: "number", value: 40 }],
  ["hundred", { kind: "scale", value: 100, hundred: true }],
  ["thousand", { kind: "scale", value: 1e3 }],
  ["million", { kind: "scale", value: 1e6 }],
  ["mn", { kind: "scale", value: 1e6 }],
  ["mln", { kind: "scale", value: 1e6 }],
  ["billion", { kind: "scale", value: 1e9 }],
  ["bn", { kind: "scale", value: 1e9 }],
  ["bln", { kind: "scale", value: 1e9 }],
  ["trillion", { kind: "scale", value: 1e12 }],
  ["half", { kind: "half", value: 0.5 }],
  ["a", { kind: "a", value: 1 }],
  ["an", { kind: "a", value: 1 }],
  ["and", { kind: "and", value: 0 }],
]);
/** Attached right after a numeral: `$5m`, `500k`, `€2bn`. */
const ABBREVIATIONS = new Map<string, number>([["k", 1e3], ["m", 1e6], ["mm", 1e6], ["mn", 1e6], ["b", 1e9], ["bn", 1e9], ["tn", 1e12]]);
/** Written a space after a numeral, only in capitals (`$300 M`): a lower-case `m` there is a metre. */
const SPACED_ABBREVIATIONS = new Map<string, number>([["K", 1e3], ["M", 1e6], ["MM", 1e6], ["B", 1e9]]);

const ARABIC_UNITS: Array<[string[], number]> = [
  [["واحد", "احد"], 1], [["اثنان", "اثنين"], 2], [["ثلاث", "ثلاثة"], 3], [["أربع", "أربعة"], 4], [["خمس", "خمسة"], 5],
  [["ست", "ستة"], 6], [["سبع", "سبعة"], 7], [["ثمان", "ثماني", "ثمانية"], 8], [["تسع", "تسعة"], 9],
];
const ARABIC_TENS: Array<[string[], number]> = [
  [["عشر", "عشرة"], 10], [["عشرون", "عشرين"], 20], [["ثلاثون", "ثلاثين"], 30], [["أربعون", "أربعين"], 40], [["خمسون", "خمسين"], 50],
  [["ستون", "ستين"], 60], [["سبعون", "سبعين"], 70], [["ثمانون", "ثمانين"], 80], [["تسعون", "تسعين"], 90],
];
const ARABIC_HUNDREDS: Array<[string[], number]> = [
  [["مئتان", "مائتان", "مئتين", "مائتين", "مئتا", "مائتا", "مئتي", "مائتي"], 200],
  ...["ثلاث", "أربع", "خمس", "ست", "سبع", "ثمان", "تسع"].map(
    (unit, index) => [[`${unit}مئة`, `${unit}مائة`, `${unit} مئة`, `${unit} مائة`], (index + 3) * 100] as [string[], number],
  ),
];
const ARABIC_TEENS: Array<[string[], number]> = [
  [["أحد عشر", "إحدى عشرة"], 11], [["اثنا عشر", "اثني عشر", "اثنتا عشرة"], 12],
  ...ARABIC_UNITS.slice(2).map(([spellings, value]) => [spellings.flatMap((unit) => [`${unit} عشر`, `${unit} عشرة`]), value + 10] as [string[], number]),
];

const PERSIAN_NUMBERS: Array<[string[], number]> = [
  [["یک"], 1], [["دو"], 2], [["سه"], 3], [["چهار"], 4], [["پنج"], 5], [["شش", "شیش"], 6], [["هفت"], 7], [["هشت"], 8], [["نه"], 9],
  [["ده"], 10], [["یازده"], 11], [["دوازده"], 12], [["سیزده"], 13], [["چهارده"], 14], [["پانزده", "پونزده"], 15], [["شانزده"], 16],
  [["هفده", "هیفده"], 17], [["هجده", "هیجده", "هژده"], 18], [["نوزده"], 19], [["بیست"], 20], [["سی"], 30], [["چهل"], 40],
  [["پنجاه"], 50], [["شصت"], 60], [["هفتاد"], 70], [["هشتاد"], 80], [["نود"], 90], [["یکصد"], 100], [["دویست"], 200],
  [["سیصد"], 300], [["چهارصد"], 400], [["پانصد", "پونصد"], 500], [["ششصد"], 600], [["هفتصد"], 700], [["هشتصد"], 800], [["نهصد"], 900],
];

const ARABIC_SCRIPT_WORDS: Array<[string[], AmountWord]> = [
  ...[...PERSIAN_NUMBERS, ...ARABIC_UNITS, ...ARABIC_TENS, ...ARABIC_TEENS, ...ARABIC_HUNDREDS].map(
    ([spellings, value]) => [spellings, { kind: "number", value }] as [string[], AmountWord],
  ),
  [["صد", "مئة", "مائة", "مئه", "مائه"], { kind: "number", value: 100, hundred: true }],
  [["هزار", "ألف", "الف"], { kind: "scale", value: 1e3, standsAlone: true }],
  [["میلیون", "ملیون", "مليون"], { kind: "scale", value: 1e6, standsAlone: true }],
  [["میلیارد", "ملیارد", "مليار", "بیلیون", "بليون"], { kind: "scale", value: 1e9, standsAlone: true }],
  [["تریلیون", "ترليون"], { kind: "scale", value: 1e12, standsAlone: true }],
  [["آلاف"], { kind: "scale", value: 1e3, plural: true }],
  [["ملايين"], { kind: "scale", value: 1e6, plural: true }],
  [["مليارات"], { kind: "scale", value: 1e9, plural: true }],
  [["ألفين", "ألفان", "ألفا", "ألفي"], { kind: "scale", value: 1e3, dual: true }],
  [["مليونين", "مليونان", "مليونا", "مليوني"], { kind: "scale", value: 1e6, dual: true }],
  [["مليارين", "ملياران", "مليارا", "ملياري"], { kind: "scale", value: 1e9, dual: true }],
  [["نیم", "نصف"], { kind: "half", value: 0.5 }],
];
/** Every word and two-word spelling, by key: `twenty seven`, `شانزده`, `ثلاث مئه`. */
const WORDS_BY_KEY = new Map<string, AmountWord>([
  ...LATIN_WORDS,
  ...ARABIC_SCRIPT_WORDS.flatMap(([spellings, word]) => spellings.map((spelling) => [phraseKey(spelling), word] as const)),
]);
/** First words of two-word spellings, after which the next word is looked at too. */
const FIRSTS_OF_TWO = new Set([...WORDS_BY_KEY.keys()].filter((key) => key.includes(" ")).map((key) => key.split(" ")[0]!));
const CONJUNCTION: AmountWord = { kind: "and", value: 0 };
const AND_LETTER = "و";

/**
 * Keys of the words an amount can start with: numbers, halves, `a`, the
 * Persian and Arabic magnitude words, which stand alone (`هزار دلار`), and
 * Arabic duals (`مليونين`). English magnitudes need a number first.
 */
const FIRST_WORDS: ReadonlySet<string> = new Set(
  [...WORDS_BY_KEY.entries()]
    .filter(([, word]) => word.kind === "number" || word.kind === "half" || word.kind === "a" || word.standsAlone === true || word.dual === true)
    .map(([key]) => key.split(" ")[0]!),
);

/** Whether a word (its key, see words.ts) can start an amount. */
export function startsAmount(key: string): boolean {
  return FIRST_WORDS.has(key);
}

/** The keys of the words an amount can start with, for a scan to look for. */
export const AMOUNT_FIRST_WORDS: readonly string[] = [...FIRST_WORDS];

/** Persian and Arabic magnitude words, before which `۲/۵` is read as 2.5. */
const ARABIC_SCRIPT_SCALE_SOURCE = anyArabicScriptSpelling(ARABIC_SCRIPT_WORDS.filter(([, word]) => word.kind === "scale").flatMap(([spellings]) => spellings));

const NUMERAL = new RegExp(
  `(?:${[
    `(?<grouped>${DIGIT}{1,3}(?:[,\\u066C\\u060C]${DIGIT}{3})+(?:[.\\u066B]${DIGIT}{1,6})?)`,
    `(?<dotted>${DIGIT}{1,3}(?:\\.${DIGIT}{3}){2,})`,
    `(?<slashed>${DIGIT}{1,3}/${DIGIT}{1,3}(?=[\\s\\u200C]{0,3}(?:${ARABIC_SCRIPT_SCALE_SOURCE})))`,
    `(?<plain>${DIGIT}{1,15}(?:[.\\u066B]${DIGIT}{1,6})?)`,
  ].join("|")})(?!${DIGIT}|[.,\\u066B\\u066C\\u060C/]${DIGIT})`,
  "uy",
);
const STARTS_WITH_DIGIT = new RegExp(DIGIT, "uy");
/** Between tokens: white space, or a hyphen before a word (`16-million-dollar`). */
const BETWEEN = /(?:[\s\u00A0\u200C\u200E\u200F]{1,4}|-(?=\p{L}))/uy;
/** Between the two words of a two-word spelling. */
const WORD_GAP = /[\s\u00A0\u200C]{1,3}/uy;

/** A token read, and what it means. */
interface Token {
  word: AmountWord;
  numeral: boolean;
  end: number;
  slashDecimal?: boolean;
}

/** At most this many tokens make one amount: `یک میلیون و ششصد و پنجاه و هفت هزار و …` is long enough. */
const MAX_TOKENS = 40;

/**
 * The longest amount that starts at `start`, or undefined when none does.
 * `start` must be where a word or number begins.
 */
export function readAmount(text: string, start: number): Amount | undefined {
  const machine = new AmountMachine();
  let position = start;
  let best: Omit<Amount, "end" | "slashDecimal"> | undefined;
  let bestEnd = start;
  let previous: Token | undefined;
  let slashDecimal = false;
  for (let count = 0; count < MAX_TOKENS; count++) {
    const token = nextToken(text, position, previous);
    if (!token || !machine.accept(token)) break;
    slashDecimal ||= token.slashDecimal === true;
    position = token.end;
    previous = token;
    if (machine.isComplete()) {
      best = machine.result();
      bestEnd = position;
    }
  }
  return best && { ...best, end: bestEnd, slashDecimal };
}

function nextToken(text: string, position: number, previous: Token | undefined): Token | undefined {
  if (!previous) return tokenAt(text, position);
  BETWEEN.lastIndex = position;
  if (BETWEEN.test(text)) return (previous.numeral && spacedAbbreviation(text, BETWEEN.lastIndex)) || tokenAt(text, BETWEEN.lastIndex);
  // Written together: `5m`, `۱۳هزار`, `هزارو ۴۰۰`, `مليون وخمسمائة`.
  if (previous.numeral) return attachedScale(text, position);
  return previous.word.kind === "and" || text[position] === AND_LETTER ? tokenAt(text, position) : undefined;
}

/** `$300 M`, `$2 MM`: cables put a capital letter for the magnitude a space after the number. */
function spacedAbbreviation(text: string, position: number): Token | undefined {
  const word = wordAt(text, position);
  const value = word && SPACED_ABBREVIATIONS.get(word.text);
  return word && value ? { word: { kind: "scale", value }, numeral: false, end: word.end } : undefined;
}

/** A magnitude written right after a numeral: `5m`, `500k`, `€2bn`, `۱۳هزار`. */
function attachedScale(text: string, position: number): Token | undefined {
  const word = wordAt(text, position);
  if (!word) return undefined;
  const abbreviation = ABBREVIATIONS.get(word.key);
  if (abbreviation) return { word: { kind: "scale", value: abbreviation }, numeral: false, end: word.end };
  const token = tokenAt(text, position);
  return token?.word.kind === "scale" ? token : undefined;
}

function tokenAt(text: string, position: number): Token | undefined {
  STARTS_WITH_DIGIT.lastIndex = position;
  if (STARTS_WITH_DIGIT.test(text)) return numeralAt(text, position);
  const word = wordAt(text, position);
  if (!word) return undefined;
  const key = word.key.replace(/-/g, " ");
  if (FIRSTS_OF_TWO.has(key)) {
    WORD_GAP.lastIndex = word.end;
    const second = WORD_GAP.test(text) ? wordAt(text, WORD_GAP.lastIndex) : undefined;
    const pair = second && WORDS_BY_KEY.get(`${key} ${second.key}`);
    if (second && pair) return { word: pair, numeral: false, end: second.end };
  }
  const found = WORDS_BY_KEY.get(key);
  if (found) return { word: found, numeral: false, end: word.end };
  // `16-million-dollar`: the first part of a hyphenated word, then the rest.
  const hyphen = word.text.indexOf("-");
  const part = hyphen > 0 ? WORDS_BY_KEY.get(key.slice(0, hyphen)) : undefined;
  if (part) return { word: part, numeral: false, end: position + hyphen };
  // Persian writes و against the word before (هزارو), Arabic against the word after (وخمسة).
  const beforeAnd = key.endsWith(AND_LETTER) ? WORDS_BY_KEY.get(key.slice(0, -1)) : undefined;
  if (beforeAnd) return { word: beforeAnd, numeral: false, end: text.lastIndexOf(AND_LETTER, word.end - 1) };
  return key.startsWith(AND_LETTER) ? { word: CONJUNCTION, numeral: false, end: position + 1 } : undefined;
}

function numeralAt(text: string, position: number): Token | undefined {
  NUMERAL.lastIndex = position;
  const match = NUMERAL.exec(text);
  if (!match?.groups) return undefined;
  const value = numeralValue(match.groups);
  if (!Number.isFinite(value)) return undefined;
  return { word: { kind: "number", value }, numeral: true, end: position + match[0].length, slashDecimal: match.groups.slashed !== undefined };
}

function numeralValue(forms: { grouped?: string; dotted?: string; slashed?: string; plain?: string }): number {
  if (forms.grouped !== undefined) return Number(toAsciiDigits(forms.grouped).replace(/[,\u066C\u060C]/g, "").replace("\u066B", "."));
  if (forms.dotted !== undefined) return Number(toAsciiDigits(forms.dotted).replace(/\./g, ""));
  if (forms.slashed !== undefined) return Number(toAsciiDigits(forms.slashed).replace("/", "."));
  return Number(toAsciiDigits(forms.plain ?? "").replace("\u066B", "."));
}

type State = "start" | "number" | "hundred" | "scale" | "and" | "a" | "halfStart" | "numberWithHalf" | "closed";

/** States after which "and" may follow. */
const JOINABLE_STATES: ReadonlySet<State> = new Set(["number", "hundred", "scale"]);
/** States in which what was read is a whole amount. */
const COMPLETE_STATES: ReadonlySet<State> = new Set(["number", "hundred", "scale", "numberWithHalf", "closed"]);
/** States whose group a magnitude multiplies. */
const MULTIPLIED_STATES: ReadonlySet<State> = new Set(["number", "hundred", "numberWithHalf", "halfStart", "a"]);

/**
 * Adds up an amount token by token, the way numbers are spoken: a group
 * (`five hundred and twenty`) is multiplied by the magnitude after it, and
 * groups add up in falling magnitudes (`23 میلیارد و 595 میلیون`), or
 * multiply when a larger magnitude follows (`9 هزار و 288 میلیارد`).
 */
class AmountMachine {
  private state: State = "start";
  private beforeAnd: State = "start";
  private total = 0;
  private group = 0;
  private lastScale = Infinity;
  private largestScale = 1;
  private sawNumber = false;
  private sawScale = false;
  private startsBare = false;
  private groupIsNumeral = false;

  /** Takes a token; false when it cannot continue the amount, which then ends before it. */
  accept(token: Token): boolean {
    const { word } = token;
    switch (word.kind) {
      case "number":
        return this.number(word, token.numeral);
      case "scale":
        return this.scale(word);
      case "half":
        return this.half();
      case "a":
        // `half a million`, `one and a half`, `a million and a half`: the article adds nothing there.
        if (this.state === "halfStart" || this.state === "and") return true;
        if (this.state !== "start") return false;
        this.group = 1;
        this.state = "a";
        return true;
      case "and":
        if (!JOINABLE_STATES.has(this.state)) return false;
        this.beforeAnd = this.state;
        this.state = "and";
        return true;
    }
  }

  isComplete(): boolean {
    return COMPLETE_STATES.has(this.state);
  }

  result(): Omit<Amount, "end" | "slashDecimal"> {
    return { value: this.total + this.group, hasNumber: this.sawNumber, bareScale: this.startsBare, hasScale: this.sawScale, scale: this.largestScale };
  }

  private number(word: AmountWord, numeral: boolean): boolean {
    const after = this.state === "and" ? this.beforeAnd : this.state;
    const joined = this.state === "and";
    if (this.state === "start") return this.startGroup(word.value, numeral);
    // After a magnitude a new group starts: `و 288` after `9 هزار`, or spelled on (`two million three hundred thousand`).
    if (after === "scale" && this.group === 0) return (joined || !numeral) && word.value < this.lastScale && this.startGroup(word.value, numeral);
    if (after === "number" && !joined && word.hundred && !this.groupIsNumeral && this.group < 10) {
      this.group *= 100;
      this.state = "hundred";
      return true;
    }
    const spelledCompound = after === "number" && joined && !numeral && !this.groupIsNumeral && fitsCompound(this.group, word.value);
    const afterHundred = after === "hundred" && this.group % 100 === 0 && word.value < 100;
    if (!spelledCompound && !afterHundred) return false;
    this.group += word.value;
    this.state = "number";
    return true;
  }

  private startGroup(value: number, numeral: boolean): boolean {
    this.group = value;
    this.groupIsNumeral = numeral;
    this.sawNumber = true;
    this.state = "number";
    return true;
  }

  private scale(word: AmountWord): boolean {
    if (word.hundred) {
      if (this.state === "a" || (this.state === "number" && this.group >= 1 && this.group < 100 && Number.isInteger(this.group))) {
        this.group = (this.state === "a" ? 1 : this.group) * 100;
        this.state = "hundred";
        this.sawNumber = true;
        return true;
      }
      return false;
    }
    // `2 هزار میلیارد`, "two thousand billion": a larger magnitude right after a smaller one multiplies the whole.
    if (this.state === "scale" && word.value > this.lastScale && !word.dual && !word.plural) {
      this.total *= word.value;
      this.lastScale = word.value;
      this.largestScale = Math.max(this.largestScale, word.value);
      return true;
    }
    let multiplier: number;
    if (word.dual) {
      if (this.state !== "start" && !(this.state === "and" && this.beforeAnd === "scale")) return false;
      multiplier = 2;
      this.sawNumber = true;
    } else if (word.plural) {
      if (this.state !== "number" || this.group < 3 || this.group > 10) return false;
      multiplier = this.group;
    } else if (this.state === "start") {
      if (!word.standsAlone) return false;
      this.startsBare = true;
      multiplier = 1;
    } else if (MULTIPLIED_STATES.has(this.state)) {
      multiplier = this.group;
      this.sawNumber = true;
    } else {
      return false;
    }
    const value = word.value;
    if (this.total === 0 || value < this.lastScale) this.total += multiplier * value;
    else if (this.total < value) this.total = (this.total + multiplier) * value;
    else return false;
    this.group = 0;
    this.lastScale = value;
    this.largestScale = Math.max(this.largestScale, value);
    this.sawScale = true;
    this.state = "scale";
    return true;
  }

  private half(): boolean {
    if (this.state === "start" || (this.state === "a" && this.group === 1 && this.total === 0 && !this.sawNumber)) {
      this.group = 0.5;
      this.sawNumber = true;
      this.state = "halfStart";
      return true;
    }
    const joinedToNumber = this.state === "and" && this.beforeAnd === "number";
    if (joinedToNumber && Number.isInteger(this.group)) {
      this.group += 0.5;
      this.state = "numberWithHalf";
      return true;
    }
    if (this.state === "and" && this.beforeAnd === "scale" && Number.isFinite(this.lastScale)) {
      this.total += this.lastScale / 2;
      this.state = "closed";
      return true;
    }
    return false;
  }
}

/**
 * Whether a spelled number can join the group before it with "and": tens and
 * units in either order (هشتاد و هفت, خمسة وعشرون), hundreds and the rest
 * (صد و بیست).
 */
function fitsCompound(group: number, value: number): boolean {
  const rest = group % 100;
  if (rest === 0) return group > 0 && value < 100;
  if (rest >= 20 && rest % 10 === 0) return value < 10;
  return rest < 10 && value >= 20 && value < 100 && value % 10 === 0;
}
