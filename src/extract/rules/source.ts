/**
 * SOURCE mentions: informants known by a number or a code name, as field
 * reports name them: `Source 134832`, `source no. 134832`, `SOURCE #134832`,
 * `informant 134832`, `منبع ۱۳۴۸۳۲`, `منبع شمارهٔ ۱۳۴۸۳۲`, `منبع به شماره …`,
 * `المصدر رقم ١٣٤٨٣٢`; lists after a plural (`Sources 134617, 136220 and
 * 137441`, `منابع …`); code names where the text says so (`code name
 * "Shahin"`, `codenamed SPARROW`, `با نام رمز «شاهین»`, `الاسم الرمزي …`).
 *
 * A code name given beside a number (`Source 134905 ("Golestan")`,
 * `منبع ۱۳۴۹۰۵ (گلستان)`) is a mention of that same source: its normalised
 * value and `sourceId` are the number's, so that the two group together.
 * A code name given alone normalises to itself (`source:sparrow`).
 *
 * Conservative by design: without `no.`, `#`, `شماره` or `رقم` a number must
 * have four digits or more and not be a year (`source 2009`), and a code name
 * needs the words "code name" (or their Persian and Arabic equivalents) and
 * no operation or project nearby, whose code names are not informants.
 *
 * @example
 * findSourceMentions("met منبع ۱۳۴۹۰۵ (گلستان) and SOURCE #138012")
 * // → "منبع ۱۳۴۹۰۵" (sourceId "134905", normalized "source:134905"),
 * //   "گلستان" (sourceId "134905", normalized "source:134905"),
 * //   "SOURCE #138012" (sourceId "138012", normalized "source:138012")
 */
import type { Mention } from "../../model/entity.js";
import { normalise } from "../../text/normalise.js";
import { anyArabicScriptSpelling } from "./arabic-script.js";
import { DIGIT, toAsciiDigits } from "./digits.js";
import { ruleMention, withoutOverlaps } from "./rule-mention.js";

/** A code name given beside a number, or a number of four digits that is no year: likely but not certain. */
const LIKELY = 0.8;
/** An unquoted Persian or Arabic word after "code name": the word may be the start of something else. */
const LOOSE = 0.7;
/** A later number in a list after `Sources`. */
const LISTED = 0.9;
/** A list after a plural keyword reads at most this many numbers. */
const MAX_LISTED = 20;

const SPACE = "[\\s\\u00A0\\u200C]{0,4}";
const NOT_WORD_BEFORE = "(?<![\\p{L}\\p{M}\\p{N}_])";
const NOT_WORD_AFTER = "(?![\\p{L}\\p{M}\\p{N}_])";
const NUMBER = `(?<number>${DIGIT}{1,10})(?!${DIGIT}|[.,\\u066B\\u066C]${DIGIT})`;

const KEYWORD = [
  "[Ss]ources?|[Ii]nformants?|SOURCES?|INFORMANTS?",
  anyArabicScriptSpelling(["منبع", "منابع", "المصدر", "مصدر", "المصادر", "مصادر", "المخبر", "مخبر"]),
].join("|");
const MARKER = [
  "(?:[Nn]umber|NUMBER|[Nn]os?\\.?|NOS?\\.?|[Nn]r\\.?|[Nn]um\\.?)(?![\\p{L}])",
  `(?:${anyArabicScriptSpelling(["به شماره", "با شماره", "شماره", "برقم", "رقم", "ذو الرقم"])})[یي]?`,
  "#",
].join("|");

const NUMBERED_SOURCE = new RegExp(
  `${NOT_WORD_BEFORE}(?<keyword>${KEYWORD})${NOT_WORD_AFTER}(?:${SPACE}[-:]?${SPACE}(?<marker>${MARKER}))?${SPACE}[-:#]?${SPACE}${NUMBER}`,
  "gu",
);
const PLURAL_KEYWORD = new RegExp(`^(?:sources|informants|${anyArabicScriptSpelling(["منابع", "المصادر", "مصادر"])})$`, "iu");
const NEXT_IN_LIST = new RegExp(`${SPACE}(?:,|\\u060C|;|&|and|و)${SPACE}(?:and${SPACE}|و${SPACE})?${NUMBER}`, "yu");

/** `("Golestan")`, `— "Shahin"`, `(گلستان)`, `(منبع … — شاهین)`: a code name right after a number. */
const CODE_NAME_BESIDE = new RegExp(
  [
    `[\\s\\u00A0]{0,3}(?:\\(|[—–-])?[\\s\\u00A0]{0,3}["“«'‘](?<quoted>[^"”»'’\\n()«“]{1,40}?)["”»'’](?:[\\s\\u00A0]{0,2}\\))?`,
    `[\\s\\u00A0]{0,3}(?:\\(|[—–-])[\\s\\u00A0]{0,3}(?<word>[\\p{Script=Arabic}\\u200C]{2,30})[\\s\\u00A0]{0,2}\\)`,
  ].join("|"),
  "yud",
);

const CODE_NAME = new RegExp(
  [
    `${NOT_WORD_BEFORE}(?:[Cc]ode[-\\s]?[Nn]amed?|[Cc]ode[-\\s]?[Nn]ames|CODE[-\\s]?NAMED?|[Cc]ryptonym|CRYPTONYM|[Cc]odename[ds]?|CODENAME[DS]?)(?:\\s{1,3}(?:of|is|was))?[\\s\\u00A0:]{0,3}`,
    `(?:["“'‘«](?<quoted>[^"”'’»\\n]{1,40}?)["”'’»]|(?<capitals>[A-Z][A-Z0-9-]{2,30})(?![\\p{L}\\p{N}])|(?<capitalised>\\p{Lu}\\p{Ll}{2,30})(?![\\p{L}\\p{N}]))`,
    `|${NOT_WORD_BEFORE}(?:${anyArabicScriptSpelling(["با نام رمز", "با نام مستعار", "نام رمز", "نام مستعار", "اسم رمز", "باسم رمزي", "باسم حركي", "باسم مستعار", "الاسم الرمزي", "الاسم الحركي", "اسمه الرمزي", "اسمه الحركي"])})${NOT_WORD_AFTER}`,
    `[\\s\\u00A0\\u200C:]{0,3}(?:[«"“](?<arabicQuoted>[^»"”\\n]{1,40}?)[»"”]|(?<arabicWord>[\\p{Script=Arabic}\\u200C]{2,30}))`,
  ].join(""),
  "gud",
);
/** Code names of operations, projects and plans are not informants. */
const OPERATION_NEARBY = new RegExp(
  `(?:operation|project|programme|program|plan|mission|${anyArabicScriptSpelling(["عملیات", "عملیه", "طرح", "پروژه", "مشروع", "خطه"])})[^.\\n]{0,30}$`,
  "iu",
);
/** Words after "code name" that are not one: pronouns, particles, and the words for an operation or a project. */
const NOT_A_CODE_NAME = new Set(["عملیات", "عملية", "طرح", "پروژه", "مشروع", "خطة", "Operation", "Project", "The", "This", "That", "His", "Her", "Their", "Its", "Was", "Is", "خود", "او", "وی", "را", "این", "آن", "که", "از", "به", "در", "با", "و", "ایشان", "هو", "له", "في", "من"]);

/** Every informant number and code name in a text, in order. Never throws. */
export function findSourceMentions(text: string): Mention[] {
  return withoutOverlaps([findNumberedSources(text), findCodeNames(text)]);
}

function findNumberedSources(text: string): Mention[] {
  const mentions: Mention[] = [];
  NUMBERED_SOURCE.lastIndex = 0;
  for (let match = NUMBERED_SOURCE.exec(text); match; match = NUMBERED_SOURCE.exec(text)) {
    const number = match.groups?.number ?? "";
    const keyword = match.groups?.keyword ?? "";
    const confidence = numberConfidence(toAsciiDigits(number), match.groups?.marker !== undefined);
    if (confidence === undefined) continue;
    const end = match.index + match[0].length;
    const sourceId = toAsciiDigits(number);
    mentions.push(ruleMention(text, "source", match.index, end, `source:${sourceId}`, { sourceId }, confidence));
    let position = pushCodeNameBeside(text, end, sourceId, mentions);
    const isList = PLURAL_KEYWORD.test(keyword);
    for (let listed = 0; isList && listed < MAX_LISTED; listed++) {
      NEXT_IN_LIST.lastIndex = position;
      const next = NEXT_IN_LIST.exec(text);
      const nextNumber = next?.groups?.number;
      if (!next || !nextNumber || nextNumber.length < 4) break;
      const nextEnd = next.index + next[0].length;
      const nextId = toAsciiDigits(nextNumber);
      mentions.push(ruleMention(text, "source", nextEnd - nextNumber.length, nextEnd, `source:${nextId}`, { sourceId: nextId }, LISTED));
      position = pushCodeNameBeside(text, nextEnd, nextId, mentions);
    }
    NUMBERED_SOURCE.lastIndex = Math.max(NUMBERED_SOURCE.lastIndex, position);
  }
  return mentions;
}

/** How sure a number after a keyword is an informant's; undefined when it is not one. */
function numberConfidence(digits: string, hasMarker: boolean): number | undefined {
  if (hasMarker) return digits.length >= 3 ? 1 : LIKELY;
  if (digits.length >= 5) return 1;
  if (digits.length < 4 || isYear(Number(digits))) return undefined;
  return LIKELY;
}

function isYear(value: number): boolean {
  return (value >= 1300 && value <= 1500) || (value >= 1900 && value <= 2100);
}

/** Adds the code name written right after a source number, if any; returns where reading goes on. */
function pushCodeNameBeside(text: string, position: number, sourceId: string, mentions: Mention[]): number {
  CODE_NAME_BESIDE.lastIndex = position;
  const match = CODE_NAME_BESIDE.exec(text);
  const indices = match?.indices?.groups;
  const span = indices?.quoted ?? indices?.word;
  if (!match || !span) return position;
  const [start, end] = trimmedSpan(text, span[0], span[1]);
  if (!isCodeName(text.slice(start, end))) return position;
  mentions.push(ruleMention(text, "source", start, end, `source:${sourceId}`, { sourceId }, LIKELY));
  return match.index + match[0].length;
}

function findCodeNames(text: string): Mention[] {
  const mentions: Mention[] = [];
  CODE_NAME.lastIndex = 0;
  for (let match = CODE_NAME.exec(text); match; match = CODE_NAME.exec(text)) {
    const groups = match.indices?.groups ?? {};
    const span = groups.quoted ?? groups.capitals ?? groups.capitalised ?? groups.arabicQuoted ?? groups.arabicWord;
    if (!span || OPERATION_NEARBY.test(text.slice(Math.max(0, match.index - 40), match.index))) continue;
    const [start, end] = trimmedSpan(text, span[0], span[1]);
    const name = text.slice(start, end);
    if (!isCodeName(name)) continue;
    const confidence = groups.capitalised ? LIKELY : groups.arabicWord ? LOOSE : 1;
    mentions.push(ruleMention(text, "source", start, end, `source:${codeNameKey(name)}`, { sourceId: name }, confidence));
  }
  return mentions;
}

function trimmedSpan(text: string, start: number, end: number): [number, number] {
  while (start < end && /[\s\u200C]/.test(text[start]!)) start++;
  while (end > start && /[\s\u200C]/.test(text[end - 1]!)) end--;
  return [start, end];
}

/**
 * A code name is a proper name: a letter first (a capital in Latin script),
 * no run of digits, at most three words, and no particle.
 */
function isCodeName(name: string): boolean {
  const first = name.match(/\p{L}/u)?.[0];
  if (!first || /\p{N}{3}/u.test(name) || name.split(/\s+/).length > 3) return false;
  if (/\p{Script=Latin}/u.test(first) && first === first.toLowerCase()) return false;
  return !NOT_A_CODE_NAME.has(name.replace(/\u200C/g, ""));
}

/** The grouping key of a code name: normalised letters, lower case, single spaces. */
function codeNameKey(name: string): string {
  return normalise(name).toLowerCase().replace(/\s+/gu, " ").trim();
}
