/**
 * MONEY mentions: an amount with its currency, in English, Persian or Arabic:
 * `87.5 euros`, `$16 million`, `USD 22 billion`, `500 thousand tomans`,
 * `۸۷٫۵ یورو`, `شانزده میلیون دلار`, `۲۳ میلیارد و ۵۹۵ میلیون ریال`,
 * `خمسة آلاف دولار`, `ten gold coins`, `۱۰ سکه بهار آزادی`. An amount with
 * no currency next to it (`24 هزار راس دام`, "24 thousand head of cattle")
 * is not money.
 *
 * A range gives two mentions, one per bound, each with the currency:
 * `$10,000-15,000` gives `$10,000` and `15,000`; `10-15 million dollars` and
 * `۱۰ تا ۱۵ میلیون تومان` give `10` (read as 10 million, the magnitude
 * written once for both) and `15 million dollars`. A ledger then adds up
 * neither bound twice, and a reporter sees both.
 *
 * @example
 * findMoneyMentions("a $16 million bribe and ۸۷٫۵ یورو")
 * // → [{ text: "$16 million", normalized: "16000000 USD", attributes: { amount: 16000000, currency: "USD" }, … },
 * //    { text: "۸۷٫۵ یورو", normalized: "87.5 EUR", attributes: { amount: 87.5, currency: "EUR" }, … }]
 */
import type { Mention } from "../../model/entity.js";
import { anyArabicScriptSpelling } from "./arabic-script.js";
import { AMOUNT_FIRST_WORDS, readAmount, startsAmount, type Amount } from "./amounts.js";
import { CURRENCY_BEFORE_SOURCE, currencyAfter, currencyBefore, type CurrencyMatch } from "./currencies.js";
import { DIGIT } from "./digits.js";
import { ruleMention } from "./rule-mention.js";
import { spellingsOf, wordAt } from "./words.js";

const AND_LETTER = "و";

/** A bound of a range, or an amount that starts with a bare magnitude word (`هزار دلار`): read, but less surely. */
const LIKELY = 0.9;
/** `۲/۵ میلیون`: a slash read as the decimal point, which may have been swapped (see amounts.ts). */
const SLASH_DECIMAL = 0.7;
/** Larger sums are misreadings (a run of digits before a currency word), not money; Iranian budgets in rials reach 10^16. */
const MAX_AMOUNT = 1e18;

/** English words an amount starts with; `a` and `an` only before a magnitude or a half, as they are everywhere else too. */
const LATIN_FIRST_WORDS = AMOUNT_FIRST_WORDS.filter((key) => /^[a-z]+$/.test(key) && key !== "a" && key !== "an");
const ARTICLE_BEFORE_AMOUNT = "an?(?=[\\s\\u00A0]{1,3}(?:half|hundred|thousand|million|billion|trillion)(?![\\p{L}\\p{M}]))";
const ARABIC_SCRIPT_FIRST_LETTERS = [...new Set([...AMOUNT_FIRST_WORDS, AND_LETTER].filter((key) => !/^[a-z]/.test(key)).map((key) => key[0]!))].map(spellingsOf).join("");

/**
 * Where an amount or a currency before one may begin: a currency, a digit, a
 * word an amount starts with (English ones listed; Persian and Arabic ones by
 * their first letter, then looked up whole), not inside a word or a number
 * (`1393/07/15`, `3.5`).
 */
const CANDIDATE = new RegExp(
  [
    "(?<![\\p{L}\\p{M}\\p{N}_])(?<!\\p{N}[.,\\u066B\\u066C/:\\u060C\\-])",
    `(?:${CURRENCY_BEFORE_SOURCE}|${DIGIT}|(?:${LATIN_FIRST_WORDS.sort((a, b) => b.length - a.length).join("|")}|${ARTICLE_BEFORE_AMOUNT})(?![\\p{L}\\p{M}])|[${ARABIC_SCRIPT_FIRST_LETTERS}])`,
  ].join(""),
  "giu",
);
const IS_DIGIT = new RegExp(`^${DIGIT}$`, "u");
/** The first characters of a currency written before an amount: a symbol, or a capital (`US$`, `USD`, `Rls`). */
const MAY_START_CURRENCY = /^[$€£﷼A-Z]$/;
const GAP_AFTER_SYMBOL = /[\s\u00A0]{0,2}/y;
const RANGE = new RegExp(`[\\s\\u00A0]{0,3}(?:-|–|—|to|${anyArabicScriptSpelling(["تا", "الی", "إلى", "حتى"])})(?![\\p{L}\\p{M}])[\\s\\u00A0]{0,3}`, "iuy");
/** Words that make a bare magnitude vague: چند هزار دلار, "several thousand dollars", not a thousand. */
const QUANTIFIER_BEFORE = new RegExp(
  `(?:several|few|many|hundreds|thousands|tens|millions|of|${anyArabicScriptSpelling(["چند", "چندین", "صدها", "هزاران", "ده ها", "میلیون ها", "عدة", "بضعة", "بضع", "عشرات", "مئات"])})[\\s\\u00A0\\u200C]{1,3}$`,
  "iu",
);
const DIGIT_BEFORE = new RegExp(`${DIGIT}[\\s\\u00A0\\u200C]*$`, "u");
/** `in 2014 dollars` is a price level, not 2,014 dollars. */
const PRICE_LEVEL_BEFORE = /\b(?:in|constant)\s{1,3}$/i;

/** Every sum of money in a text, in order. Never throws. */
export function findMoneyMentions(text: string): Mention[] {
  const mentions: Mention[] = [];
  CANDIDATE.lastIndex = 0;
  for (let found = CANDIDATE.exec(text); found; found = CANDIDATE.exec(text)) {
    CANDIDATE.lastIndex = Math.max(readCandidate(text, found.index, mentions), found.index + 1);
  }
  return mentions;
}

/** Reads money at a candidate: a currency, a digit or a word; returns where the scan goes on. */
function readCandidate(text: string, start: number, mentions: Mention[]): number {
  const first = text[start] ?? "";
  if (IS_DIGIT.test(first)) return readAmountFirst(text, start, mentions);
  if (MAY_START_CURRENCY.test(first)) {
    const read = readCurrencyFirst(text, start, mentions);
    if (read > start + 1) return read;
  }
  const word = wordAt(text, start);
  if (!word) return start + 1;
  if (startsAmount(word.key.split("-")[0]!)) return readAmountFirst(text, start, mentions); // eighty-seven
  // Arabic joins و, "and", to the next word: وخمسة آلاف دولار.
  if (word.key.startsWith(AND_LETTER) && startsAmount(word.key.slice(1))) return readAmountFirst(text, start + 1, mentions);
  return word.end;
}

/** `$16 million`, `USD 22 billion`, `$10,000-15,000`; returns where reading goes on. */
function readCurrencyFirst(text: string, start: number, mentions: Mention[]): number {
  const currency = currencyBefore(text, start);
  if (!currency) return start + 1;
  GAP_AFTER_SYMBOL.lastIndex = currency.end;
  GAP_AFTER_SYMBOL.test(text);
  const amount = readAmount(text, GAP_AFTER_SYMBOL.lastIndex);
  if (!amount?.hasNumber) return start + 1;
  const upper = upperBoundAfter(text, amount.end, currency);
  const borrowsScale = upper !== undefined && !amount.hasScale && upper.amount.hasScale;
  push(text, mentions, start, amount.end, borrowsScale ? amount.value * upper.amount.scale : amount.value, currency.code, borrowsScale ? LIKELY : confidenceOf(amount));
  if (!upper) return amount.end;
  push(text, mentions, upper.start, upper.end, upper.amount.value, currency.code, LIKELY);
  return upper.end;
}

/** `87.5 euros`, `شانزده میلیون دلار`, `10-15 million dollars`; returns where reading goes on. */
function readAmountFirst(text: string, start: number, mentions: Mention[]): number {
  const amount = readAmount(text, start);
  if (!amount) return start + 1;
  const currency = currencyAfter(text, amount.end);
  if (currency) {
    if (!isVague(text, start, amount)) push(text, mentions, start, currency.end, amount.value, currency.code, confidenceOf(amount));
    return currency.end;
  }
  const upper = upperBoundBefore(text, amount.end);
  if (!upper || isVague(text, start, amount)) return amount.end;
  push(text, mentions, start, amount.end, amount.hasScale ? amount.value : amount.value * upper.amount.scale, upper.currency.code, LIKELY);
  push(text, mentions, upper.start, upper.currency.end, upper.amount.value, upper.currency.code, 1);
  return upper.currency.end;
}

interface UpperBound {
  start: number;
  end: number;
  amount: Amount;
}

/** After `$10,000`: `-15,000`, `to $15,000`. */
function upperBoundAfter(text: string, position: number, currency: CurrencyMatch): UpperBound | undefined {
  RANGE.lastIndex = position;
  if (!RANGE.test(text)) return undefined;
  let start = RANGE.lastIndex;
  const repeated = currencyBefore(text, start);
  if (repeated && repeated.code !== currency.code) return undefined;
  if (repeated) {
    GAP_AFTER_SYMBOL.lastIndex = repeated.end;
    GAP_AFTER_SYMBOL.test(text);
  }
  const amountStart = repeated ? GAP_AFTER_SYMBOL.lastIndex : start;
  const amount = readAmount(text, amountStart);
  if (!amount?.hasNumber) return undefined;
  if (!repeated) start = amountStart;
  return { start, end: amount.end, amount };
}

/** After `10`: `-15 million dollars`, `تا ۱۵ میلیون تومان`. */
function upperBoundBefore(text: string, position: number): (UpperBound & { currency: CurrencyMatch }) | undefined {
  RANGE.lastIndex = position;
  if (!RANGE.test(text)) return undefined;
  const start = RANGE.lastIndex;
  const amount = readAmount(text, start);
  const currency = amount?.hasNumber ? currencyAfter(text, amount.end) : undefined;
  return amount && currency ? { start, end: amount.end, amount, currency } : undefined;
}

function confidenceOf(amount: Amount): number {
  return amount.slashDecimal ? SLASH_DECIMAL : amount.bareScale ? LIKELY : 1;
}

/**
 * An amount that is no sum: a bare magnitude after "several" or after digits
 * it could not join (`جذب714 ميليارد`), or a year read as a price level.
 */
function isVague(text: string, start: number, amount: Amount): boolean {
  const before = text.slice(Math.max(0, start - 24), start);
  if (amount.bareScale && (QUANTIFIER_BEFORE.test(before) || DIGIT_BEFORE.test(before))) return true;
  const written = text.slice(start, amount.end);
  return /^\d{4}$/.test(written) && amount.value >= 1900 && amount.value <= 2100 && PRICE_LEVEL_BEFORE.test(before);
}

function push(text: string, mentions: Mention[], start: number, end: number, amount: number, currency: string, confidence: number): void {
  if (!(amount > 0 && amount <= MAX_AMOUNT)) return;
  const value = Number(amount.toPrecision(15));
  if (mentions.length > 0 && mentions[mentions.length - 1]!.end > start) return;
  mentions.push(ruleMention(text, "money", start, end, `${value} ${currency}`, { amount: value, currency }, confidence));
}
