/**
 * PHONE mentions: telephone numbers in any digit script, international
 * (`+964 780 412 7731`, `+98 (0)21 8800 1234`, `00964 770 318 2264`) and
 * national (`07712640388`, `۰۹۱۲ ۳۴۵ ۶۷۸۹`, `021-88001234`, `(617) 556-8548`).
 *
 * Cables are full of numbers that are not phones: dates (`1393/06/23`,
 * `2014-09-14`), years, reference numbers (`09BAGHDAD1234`,
 * `14 TEHRAN 00123`), amounts and informant numbers. So a run of digits is a
 * phone number only when its shape says so — a leading `+`, a `00` with a
 * country code and separators, an Iranian or Iraqi mobile number (09…, 07…,
 * eleven digits), a North American 3-3-4 with punctuation, an Iranian
 * area code and number — or when a cue stands next to it: `Tel`, `phone`,
 * `mobile`, `fax`, `تلفن`, `همراه`, `موبایل`, `شماره تماس`, `هاتف`, `جوال`.
 * Dates inside a run of digits are cut out first, so `1393/06/23 09123456789`
 * still yields the mobile number.
 *
 * `attributes.phone` and the normalised value are the digits, with a leading
 * `+` and the country code for an international number (`00` and a trunk
 * `(0)` dropped); a national number keeps its leading 0.
 *
 * @example
 * findPhoneMentions("mobile: +964 780 412 7731; e-mail …")
 * // → [{ type: "phone", text: "+964 780 412 7731", normalized: "+9647804127731", attributes: { phone: "+9647804127731" }, … }]
 */
import type { Mention } from "../../model/entity.js";
import { findDates } from "../../text/calendars.js";
import { anyArabicScriptSpelling } from "./arabic-script.js";
import { DIGIT, digitsOf, toAsciiDigits } from "./digits.js";
import { ruleMention } from "./rule-mention.js";

/** A number whose shape alone says phone (a mobile number, a 3-3-4), without a cue. */
const SHAPED = 0.9;
/** An area code and number with no cue: the shape fits other numbers too. */
const LOOSE = 0.8;

/**
 * A run of 7–31 digits with at most three separators between any two (two
 * numbers written one after the other make one run). The separators and
 * digits are disjoint, so the pattern cannot backtrack more than the run's
 * length whatever the input.
 */
const CANDIDATE = new RegExp(
  `(?<![\\p{L}\\p{N}_+#])(?:\\+[ \\u00A0]?)?\\(?${DIGIT}(?:[ \\u00A0\\t\\-./()]{0,3}${DIGIT}){6,30}(?![\\p{L}\\p{N}_])`,
  "gu",
);
/** A run of more space-separated groups than this is a table of numbers, not phone numbers written side by side. */
const MAX_GROUPS_SPLIT = 8;
const CUE_WORDS = [
  "tel(?![\\s-]*aviv)", "tele", "telephone", "phone", "ph", "mobile", "mob", "cell", "cellular", "celluar", "fax", "whatsapp", "hotline", "contact number", "call",
].join("|");
const CUE_ARABIC_SCRIPT = anyArabicScriptSpelling([
  "تلفن", "همراه", "موبایل", "شماره تماس", "تماس", "فکس", "دورنگار", "واتساپ", "هاتف", "الهاتف", "جوال", "الجوال", "نقال", "فاكس", "واتساب",
]);
/** A cue in the words before a number, on its line. */
const CUE_BEFORE = new RegExp(`(?<![\\p{L}])(?:${CUE_WORDS}|${CUE_ARABIC_SCRIPT})(?![\\p{L}])`, "iu");
/** A cue right after a number: `732 603 7747 Ph`, `919-845-9934 (direct phone)`. */
const CUE_AFTER = new RegExp(`^[\\s\\u00A0]{0,3}[(\\-–:]?[\\s\\u00A0]{0,2}(?:direct[\\s\\u00A0]+|home[\\s\\u00A0]+|office[\\s\\u00A0]+)?(?:${CUE_WORDS}|${CUE_ARABIC_SCRIPT})(?![\\p{L}])`, "iu");
const CUE_WINDOW_BEFORE = 48;
const CUE_WINDOW_AFTER = 24;

/** `TEL AVIV 00002652 002 OF 005`: the page line of a cable, a sequence number and a page. */
const CABLE_PAGE_AFTER = /^[ \t]+OF[ \t]+\d{3}\b/;

const IRANIAN_OR_IRAQI_MOBILE = /^0(?:9\d{9}|7[3-9]\d{8})$/;
const NORTH_AMERICAN = /^(?:1[-. ])?(?:\(\d{3}\)[ ]?|\d{3}[-./])\d{3}[-.]\d{4}$/;
const AREA_CODE_AND_NUMBER = /^(?:0\d{2}[-/ ]\d{8}|\(0\d{2}\)[ ]?\d{8}|0\d{2}[- ]\d{4}[- ]\d{4})$/;

/** Every telephone number in a text, in order. Never throws. */
export function findPhoneMentions(text: string): Mention[] {
  const mentions: Mention[] = [];
  CANDIDATE.lastIndex = 0;
  for (let match = CANDIDATE.exec(text); match; match = CANDIDATE.exec(text)) {
    for (const [start, end] of partsOutsideDates(match[0], match.index)) mentions.push(...phonesIn(text, start, end));
  }
  return mentions;
}

/**
 * The phone numbers in a part of a run: the whole part, or else the longest
 * runs of its space-separated groups that read as one, from the left
 * (`0912 345 6789 0912 345 6790` is two numbers).
 */
function phonesIn(text: string, start: number, end: number): Mention[] {
  const whole = phoneAt(text, start, end);
  if (whole) return [whole];
  const groups = [...text.slice(start, end).matchAll(/[^ \u00A0\t]+/g)].map((group) => [start + group.index, start + group.index + group[0].length] as const);
  if (groups.length > MAX_GROUPS_SPLIT) return [];
  const found: Mention[] = [];
  for (let first = 0; first < groups.length; first++) {
    for (let last = groups.length - 1; last >= first; last--) {
      const mention = first === 0 && last === groups.length - 1 ? undefined : phoneAt(text, groups[first]![0], groups[last]![1]);
      if (mention) {
        found.push(mention);
        first = last;
        break;
      }
    }
  }
  return found;
}

/** The parts of a run of digits that are not dates, trimmed to start and end on a digit (or a `+` or an opening parenthesis). */
function partsOutsideDates(run: string, offset: number): Array<[number, number]> {
  const dates = findDates(run);
  const parts: Array<[number, number]> = [];
  let from = 0;
  for (const { start = 0, end = 0 } of [...dates, { start: run.length, end: run.length }]) {
    const part = trimToNumber(run, from, start);
    if (part) parts.push([offset + part[0], offset + part[1]]);
    from = end;
  }
  return parts;
}

function trimToNumber(run: string, start: number, end: number): [number, number] | undefined {
  while (start < end && !/[\d\u0660-\u0669\u06F0-\u06F9+(]/.test(run[start]!)) start++;
  while (end > start && !/[\d\u0660-\u0669\u06F0-\u06F9]/.test(run[end - 1]!)) end--;
  if (run[start] === "(" && !run.slice(start, end).includes(")")) start++;
  return end > start ? [start, end] : undefined;
}

function phoneAt(text: string, start: number, end: number): Mention | undefined {
  if (CABLE_PAGE_AFTER.test(text.slice(end, end + 12))) return undefined;
  const written = text.slice(start, end);
  const ascii = toAsciiDigits(written).replace(/\u00A0/g, " ");
  if (!balancedParentheses(ascii)) return undefined;
  const digits = digitsOf(written);
  const cued = hasCue(text, start, end);
  const found = readPhone(ascii, digits, cued);
  return found && ruleMention(text, "phone", start, end, found.phone, { phone: found.phone }, found.confidence);
}

/** How a number reads as a phone number, or undefined when it does not. */
function readPhone(ascii: string, digits: string, cued: boolean): { phone: string; confidence: number } | undefined {
  const separated = /[ \-./()]/.test(ascii);
  if (ascii.startsWith("+")) {
    const national = digitsOf(ascii.replace(/\(0\)/, ""));
    return national.length >= 8 && national.length <= 15 && !national.startsWith("0") ? { phone: `+${national}`, confidence: 1 } : undefined;
  }
  if (digits.startsWith("00") && !digits.startsWith("000") && !hasTrunkZeroAfterCountryCode(ascii)) {
    const international = digitsOf(ascii.replace(/^00/, "").replace(/\(0\)/, ""));
    if (international.length >= 8 && international.length <= 15 && (separated || cued)) return { phone: `+${international}`, confidence: cued ? 1 : SHAPED };
  }
  if (IRANIAN_OR_IRAQI_MOBILE.test(digits)) return { phone: digits, confidence: cued ? 1 : SHAPED };
  if (NORTH_AMERICAN.test(ascii)) return { phone: digits, confidence: cued ? 1 : SHAPED };
  if (AREA_CODE_AND_NUMBER.test(ascii)) return { phone: digits, confidence: cued ? 1 : LOOSE };
  if (cued && digits.length >= 7 && digits.length <= 15 && !looksLikeAmount(ascii)) return { phone: digits, confidence: SHAPED };
  return undefined;
}

/**
 * `0031 0430812`, `0087/01 0151305`: a group starting with 0 right after the
 * country code. Numbers dialled from abroad drop the trunk 0, so this is some
 * other number (a cable's sequence number and date-time) unless written `(0)`.
 */
function hasTrunkZeroAfterCountryCode(ascii: string): boolean {
  const groups = ascii.replace(/^00[ ]?/, "").split(/[ \-./]+/).filter((group) => group !== "");
  return groups.length > 1 && groups[1]!.startsWith("0");
}

/** `1.000.000` or `3.14159`: dotted thousands and decimals are numbers, not phones, even beside a cue. */
function looksLikeAmount(ascii: string): boolean {
  return /^\d{1,3}(?:\.\d{3})+$/.test(ascii) || /^\d+\.\d+$/.test(ascii);
}

function balancedParentheses(ascii: string): boolean {
  let depth = 0;
  for (const character of ascii) {
    if (character === "(") depth++;
    else if (character === ")" && --depth < 0) return false;
  }
  return depth === 0;
}

/** Whether a cue stands in the words before the number on its line, or right after it. */
function hasCue(text: string, start: number, end: number): boolean {
  const window = text.slice(Math.max(0, start - CUE_WINDOW_BEFORE), start);
  if (CUE_BEFORE.test(window.slice(window.lastIndexOf("\n") + 1))) return true;
  const after = text.slice(end, end + CUE_WINDOW_AFTER);
  const lineEnd = after.indexOf("\n");
  return CUE_AFTER.test(lineEnd === -1 ? after : after.slice(0, lineEnd));
}
