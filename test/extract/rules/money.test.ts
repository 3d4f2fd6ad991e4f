import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { findMoneyMentions } from "../../../src/extract/rules/money.js";
import { assertSaneMentions, onlyMention, pairs } from "./mention-invariants.js";

function money(text: string) {
  const found = findMoneyMentions(text);
  assertSaneMentions(text, found, ["money"]);
  return found;
}

/** The one sum in a text: its text, amount and currency. */
function only(text: string, written: string, amount: number, currency: string): void {
  const mention = onlyMention(text, money(text), written);
  assert.deepEqual(mention.attributes, { amount, currency }, text);
  assert.equal(mention.normalized, `${amount} ${currency}`);
}

describe("sums in English", () => {
  it("reads symbols and codes before the amount and words after it", () => {
    only("an expense report of 87.5 euros for gifts", "87.5 euros", 87.5, "EUR");
    only("a $16 million bribe to a member of parliament", "$16 million", 16_000_000, "USD");
    only("Gas for USD 22 billion, according to the press", "USD 22 billion", 22e9, "USD");
    only("a budget of € 2.5bn", "€ 2.5bn", 2.5e9, "EUR");
    only("the first payment of 2,500 dollars was made", "2,500 dollars", 2500, "USD");
    only("he asked for 500 thousand tomans", "500 thousand tomans", 500_000, "toman");
    only("paid in 50 Kuwaiti dinars", "50 Kuwaiti dinars", 50, "KWD");
    only("a fee of 1,000 dinars", "1,000 dinars", 1000, "IQD");
    only("worth £300", "£300", 300, "GBP");
    only("about US$ 5m in cash", "US$ 5m", 5e6, "USD");
    only("pledged about $300 M in assistance", "$300 M", 300e6, "USD");
    only("a 16-million-dollar deal", "16-million-dollar", 16e6, "USD");
  });

  it("reads amounts in words", () => {
    only("a total of sixteen million dollars was paid", "sixteen million dollars", 16e6, "USD");
    only("Total: eighty-seven and a half euros.", "eighty-seven and a half euros", 87.5, "EUR");
    only("nearly half a million dollars", "half a million dollars", 500_000, "USD");
    only("USD one billion from the sale", "USD one billion", 1e9, "USD");
  });

  it("reads gold coins only when counted", () => {
    only("he was given ten gold coins", "ten gold coins", 10, "gold-coin");
    only("a gift of 12 Bahar Azadi coins", "12 Bahar Azadi coins", 12, "gold-coin");
    assert.deepEqual(money("a bag of gold coins"), []);
  });

  it("gives each bound of a range its own mention", () => {
    assert.deepEqual(pairs(money("$10,000-15,000 a month")), [["$10,000", "10000 USD"], ["15,000", "15000 USD"]]);
    assert.deepEqual(pairs(money("between $10,000 to $15,000")), [["$10,000", "10000 USD"], ["$15,000", "15000 USD"]]);
    assert.deepEqual(pairs(money("10-15 million dollars")), [["10", "10000000 USD"], ["15 million dollars", "15000000 USD"]]);
    assert.deepEqual(pairs(money("approximately USD 2-4 billion")), [["USD 2", "2000000000 USD"], ["4 billion", "4000000000 USD"]]);
  });

  it("does not read numbers without a currency, or vague and odd sums", () => {
    for (const text of [
      "146 thousand soldiers serve in Iraq",
      "in 2014 dollars the price fell",
      "millions of dollars went missing",
      "thousands of dollars",
      "EUR and USD are currencies",
      "5 M people",
      "a single dinar",
      "ref 1393/07/15 and 2014-10-07",
    ]) {
      assert.deepEqual(money(text), [], text);
    }
  });

  it("reads the second of two numbers joined by and, not their sum", () => {
    assert.deepEqual(pairs(money("5 and 6 dollars")), [["6 dollars", "6 USD"]]);
  });
});

describe("sums in Persian", () => {
  it("reads numerals in every digit script, with Persian separators", () => {
    only("جمع کل: ۸۷٫۵ یورو.", "۸۷٫۵ یورو", 87.5, "EUR");
    only("ماهانه ۲۵۰۰ دلار پرداخت شد", "۲۵۰۰ دلار", 2500, "USD");
    only("مبلغ ١٢٬٥٠٠ تومان", "١٢٬٥٠٠ تومان", 12_500, "toman");
    only("۵۰۰ هزار تومان", "۵۰۰ هزار تومان", 500_000, "toman");
    only("وام ۲.۵ میلیون ریالی", "۲.۵ میلیون ریالی", 2_500_000, "IRR");
  });

  it("reads number words and compounds", () => {
    only("برای حمایت شانزده میلیون دلار درخواست کرد", "شانزده میلیون دلار", 16e6, "USD");
    only("در چهار قسط چهار میلیون دلاری", "چهار میلیون دلاری", 4e6, "USD");
    only("(هشتاد و هفت و نیم یورو)", "هشتاد و هفت و نیم یورو", 87.5, "EUR");
    only("مبلغ 23 میلیارد و 595 میلیون ریال برای قنوات", "23 میلیارد و 595 میلیون ریال", 23_595_000_000, "IRR");
    only("حدودا يك ميليون و 600 هزار دلار ارزش داشت", "يك ميليون و 600 هزار دلار", 1_600_000, "USD");
    only("ارزش ۱۵۰ هزار میلیارد تومان", "۱۵۰ هزار میلیارد تومان", 150e12, "toman");
    only("تحویل ۱۰۰ سکه بهار آزادی", "۱۰۰ سکه بهار آزادی", 100, "gold-coin");
    only("۲۰۰۰ دینار کویتی", "۲۰۰۰ دینار کویتی", 2000, "KWD");
  });

  it("reads a bare magnitude as one of it, less surely, and not after a quantifier or digits", () => {
    const thousand = onlyMention("هزار دلار", money("هزار دلار"), "هزار دلار");
    assert.equal(thousand.attributes.amount, 1000);
    assert.ok(thousand.confidence < 1);
    for (const text of ["چند هزار دلار", "صدها ميليون دلار", "جذب714 ميليارد ريال", "میلیون‌ها دلار"]) assert.deepEqual(money(text), [], text);
  });

  it("reads a slash as the decimal point before a magnitude word, less surely", () => {
    const mention = onlyMention("سرمایه‌گذاری ۲/۵ میلیارد دلاری", money("سرمایه‌گذاری ۲/۵ میلیارد دلاری"), "۲/۵ میلیارد دلاری");
    assert.equal(mention.attributes.amount, 2.5e9);
    assert.ok(mention.confidence < 1);
  });

  it("reads ranges with تا", () => {
    assert.deepEqual(pairs(money("بین ۱۰ تا ۱۵ میلیون تومان")), [["۱۰", "10000000 toman"], ["۱۵ میلیون تومان", "15000000 toman"]]);
  });

  it("does not read counts of other things", () => {
    for (const text of ["۲۴ هزار و ۵۰۳ راس دام", "۳ تا ۵ هزار تن", "در سال ۱۳۹۳ ده هزار نفر", "سکه طلا گران شد"]) assert.deepEqual(money(text), [], text);
  });
});

describe("sums in Arabic", () => {
  it("reads Arabic number words, plurals and duals of magnitudes, and currencies with their country", () => {
    only("دفع خمسة آلاف دولار", "خمسة آلاف دولار", 5000, "USD");
    only("نحو عشرة ملايين دولار", "عشرة ملايين دولار", 10e6, "USD");
    only("مبلغ مليونين دولار", "مليونين دولار", 2e6, "USD");
    only("بقيمة ٥٠٠ ألف دينار عراقي", "٥٠٠ ألف دينار عراقي", 500_000, "IQD");
    only("تبرع بـ 300 ريال سعودي", "300 ريال سعودي", 300, "SAR");
    only("و 20 ليرة ذهبية", "20 ليرة ذهبية", 20, "gold-coin");
  });

  it("does not read a plural magnitude alone", () => {
    assert.deepEqual(money("ملايين الدولارات"), []);
  });
});

describe("hostile input", () => {
  it("gives sane output on empty, huge and odd text", () => {
    for (const text of [
      "",
      "$",
      "$".repeat(100_000),
      "1".repeat(100_000),
      `${"9".repeat(400)} dollars`,
      "1,".repeat(50_000),
      "هزار و ".repeat(20_000) + "دلار",
      "one and ".repeat(20_000) + "dollars",
      `${"word 5 dollars ".repeat(70_000)}`,
      "\uD800$5\uDFFF million\uD800 dollars",
      "۵۰۰هزار‌تومان",
      "5\u0000dollars",
    ]) {
      money(text);
    }
    assert.deepEqual(money(`${"9".repeat(400)} dollars`), []);
  });

  it("keeps its invariants on any text made of digits, separators, currencies and number words", () => {
    const pieces = ["1", "۲", "٣", "0", ",", ".", "٫", "٬", "/", "-", " ", "$", "€", "dollars", "تومان", "million", "میلیون", "هزار", "و", "and", "a", "half", "نیم", "to", "تا", "\u200C", "\uD800"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        money(parts.join(""));
      }),
      { numRuns: 2000 },
    );
  });
});
