import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { readAmount } from "../../../src/extract/rules/amounts.js";

const PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹";
const ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩";
const inDigits = (text: string, digits: string) => text.replace(/\d/g, (digit) => digits[Number(digit)]!);

/** The value read from the start of a text, checked to take the whole text. */
function valueOf(text: string): number | undefined {
  const amount = readAmount(text, 0);
  if (amount) assert.equal(amount.end, text.length, `the whole of ${JSON.stringify(text)} is read`);
  return amount?.value;
}

const ENGLISH_UNITS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const ENGLISH_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const PERSIAN_UNITS = ["", "یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه", "ده", "یازده", "دوازده", "سیزده", "چهارده", "پانزده", "شانزده", "هفده", "هجده", "نوزده"];
const PERSIAN_TENS = ["", "", "بیست", "سی", "چهل", "پنجاه", "شصت", "هفتاد", "هشتاد", "نود"];
const PERSIAN_HUNDREDS = ["", "صد", "دویست", "سیصد", "چهارصد", "پانصد", "ششصد", "هفتصد", "هشتصد", "نهصد"];

/** 1–999 in English words, as a writer would: `four hundred and twenty-seven`. */
function englishWords(value: number): string {
  const hundreds = Math.floor(value / 100);
  const rest = value % 100;
  const restWords = rest < 20 ? ENGLISH_UNITS[rest]! : [ENGLISH_TENS[Math.floor(rest / 10)], ENGLISH_UNITS[rest % 10]].filter(Boolean).join("-");
  if (hundreds === 0) return restWords;
  return rest === 0 ? `${ENGLISH_UNITS[hundreds]} hundred` : `${ENGLISH_UNITS[hundreds]} hundred and ${restWords}`;
}

/** 1–999 in Persian words joined by و: `چهارصد و بیست و هفت`. */
function persianWords(value: number): string {
  const rest = value % 100;
  const parts = [PERSIAN_HUNDREDS[Math.floor(value / 100)]!];
  if (rest < 20) parts.push(PERSIAN_UNITS[rest]!);
  else parts.push(PERSIAN_TENS[Math.floor(rest / 10)]!, PERSIAN_UNITS[rest % 10]!);
  return parts.filter(Boolean).join(" و ");
}

describe("numerals", () => {
  it("reads any whole number with or without thousands separators, in every digit script", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999_999 }), fc.constantFrom(",", "٬", ""), fc.constantFrom("0123456789", PERSIAN_DIGITS, ARABIC_DIGITS), (value, separator, digits) => {
        const written = inDigits(value.toLocaleString("en-US").replace(/,/g, separator), digits);
        assert.equal(valueOf(written), value);
      }),
    );
  });

  it("reads decimals with a point or the Persian decimal separator", () => {
    assert.equal(valueOf("87.5"), 87.5);
    assert.equal(valueOf("۸۷٫۵"), 87.5);
    assert.equal(valueOf("2,500.75"), 2500.75);
    assert.equal(valueOf("1.000.000"), 1_000_000);
  });

  it("reads a slash as the decimal point only before a Persian or Arabic magnitude word", () => {
    const amount = readAmount("۲/۵ میلیون", 0);
    assert.equal(amount?.value, 2_500_000);
    assert.equal(amount?.slashDecimal, true);
    assert.equal(readAmount("1393/07/15", 0), undefined);
    assert.equal(readAmount("2/5 dollars", 0), undefined);
  });

  it("does not read a number that runs on into another", () => {
    for (const text of ["1,00", "12.5.7", "3,5"]) assert.equal(readAmount(text, 0)?.end === text.length, false, text);
    assert.equal(readAmount("1".repeat(100_000), 0), undefined);
  });
});

describe("number words", () => {
  it("reads every English number from one to 999, alone and before a magnitude", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), fc.constantFrom(["", 1], [" thousand", 1e3], [" million", 1e6], [" billion", 1e9]), (value, [word, scale]) => {
        assert.equal(valueOf(`${englishWords(value)}${word}`), value * scale);
      }),
    );
  });

  it("reads every Persian number from یک to نهصد و نود و نه, alone and before a magnitude", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), fc.constantFrom(["", 1], [" هزار", 1e3], [" میلیون", 1e6], [" میلیارد", 1e9]), (value, [word, scale]) => {
        assert.equal(valueOf(`${persianWords(value)}${word}`), value * scale);
      }),
    );
  });

  it("reads Arabic numbers, duals and plurals of magnitudes", () => {
    assert.equal(valueOf("خمسة آلاف"), 5000);
    assert.equal(valueOf("عشرة ملايين"), 10_000_000);
    assert.equal(valueOf("مليونين"), 2_000_000);
    assert.equal(valueOf("خمسة وعشرون ألف"), 25_000);
    assert.equal(valueOf("ثلاث مئة"), 300);
    assert.equal(valueOf("ثلاثة عشر"), 13);
    assert.equal(readAmount("ملايين", 0), undefined, "a plural magnitude alone is no amount");
  });

  it("reads halves", () => {
    assert.equal(valueOf("eighty-seven and a half"), 87.5);
    assert.equal(valueOf("هشتاد و هفت و نیم"), 87.5);
    assert.equal(valueOf("half a million"), 500_000);
    assert.equal(valueOf("one and a half million"), 1_500_000);
    assert.equal(valueOf("a million and a half"), 1_500_000);
    assert.equal(valueOf("دو میلیون و نیم"), 2_500_000);
  });
});

describe("compounds", () => {
  it("adds groups in falling magnitudes and multiplies by a larger one after", () => {
    assert.equal(valueOf("23 میلیارد و 595 میلیون"), 23_595_000_000);
    assert.equal(valueOf("یک میلیون و ۶۰۰ هزار"), 1_600_000);
    assert.equal(valueOf("9 هزار و 288 میلیارد"), 9_288_000_000_000);
    assert.equal(valueOf("2 هزار میلیارد"), 2_000_000_000_000);
    assert.equal(valueOf("two million three hundred thousand"), 2_300_000);
    assert.equal(valueOf("هزار و پانصد"), 1500);
    assert.equal(valueOf("۱۳هزارو ۴۰۰"), 13_400);
    assert.equal(valueOf("مليون وخمسمائة ألف"), 1_500_000);
  });

  it("reads magnitude abbreviations after numerals", () => {
    assert.equal(valueOf("5m"), 5e6);
    assert.equal(valueOf("2.5bn"), 2.5e9);
    assert.equal(valueOf("500k"), 500_000);
    assert.equal(valueOf("300 M"), 300e6);
    assert.equal(valueOf("16 mln"), 16e6);
    assert.equal(readAmount("5 km", 0)?.end, 1);
    assert.equal(readAmount("5km", 0)?.end, 1);
  });

  it("stops before what does not continue an amount", () => {
    assert.deepEqual(readAmount("5 and 6", 0), { value: 5, end: 1, hasNumber: true, bareScale: false, hasScale: false, scale: 1, slashDecimal: false });
    assert.equal(readAmount("3 و 4 میلیون", 0)?.end, 1);
    assert.equal(readAmount("5 million 2014", 0)?.end, 9);
    assert.equal(readAmount("2 million 3 million", 0)?.end, 9);
    assert.equal(readAmount("a man", 0), undefined);
    assert.equal(readAmount("million", 0), undefined, "an English magnitude needs a number");
    assert.equal(readAmount("هزار", 0)?.bareScale, true);
  });

  it("reads a bounded number of words however long the run", () => {
    const run = Array.from({ length: 500 }, () => "یک").join(" و ");
    assert.equal(readAmount(run, 0)?.value, 1);
    const long = "هزار و ".repeat(10_000);
    assert.ok((readAmount(long, 0)?.end ?? 0) < 200);
  });
});
