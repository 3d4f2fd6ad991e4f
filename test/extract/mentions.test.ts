import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findMentions } from "../../src/extract/mentions.js";

function assertSane(text: string, mentions: ReturnType<typeof findMentions>): void {
  for (const mention of mentions) {
    assert.ok(mention.start >= 0 && mention.end <= text.length && mention.start < mention.end, `offsets in range: ${mention.start}–${mention.end}`);
    assert.equal(text.slice(mention.start, mention.end), mention.text);
    assert.ok(mention.confidence > 0 && mention.confidence <= 1);
    assert.ok(mention.name.length > 0);
  }
}

describe("findMentions", () => {
  it("combines the model's names with the rules' sources and money, and keeps titles apart", () => {
    const text = "Brig. Gen. Hadi Farzin met Source 134832 in Karbala and paid him $16 million.";
    const mentions = findMentions(text);
    assertSane(text, mentions);
    const source = mentions.find((mention) => mention.type === "source");
    assert.equal(source?.attributes.sourceId, "134832");
    assert.ok(!mentions.some((mention) => mention.type !== "source" && mention.start < source!.end && source!.start < mention.end), "no model span overlaps the rule's");
    assert.equal(mentions.find((mention) => mention.type === "money")?.attributes.amount, 16_000_000);
    const person = mentions.find((mention) => mention.type === "person");
    assert.ok(person, "the model finds the person");
    assert.ok(!/Gen\./.test(person.name), "the title is not part of the name");
    assert.equal(person.attributes.title !== undefined, true);
  });

  it("finds a Persian source and money in tomans", () => {
    const text = "منبع ۱۳۴۸۳۲ گزارش داد که ۵۰۰ هزار تومان به او پرداخت شد.";
    const mentions = findMentions(text, { language: "fa" });
    assertSane(text, mentions);
    assert.equal(mentions.find((mention) => mention.type === "source")?.normalized, "source:134832");
    const money = mentions.find((mention) => mention.type === "money");
    assert.equal(money?.attributes.amount, 500_000);
    assert.equal(money?.attributes.currency, "toman");
  });

  it("gives sane output for text with no sentences", () => {
    for (const text of ["", "   \n\t ", "… — ; : ! ?", "1234 5678 90", "\u0000\u0001\u200c\u200f"]) {
      const mentions = findMentions(text);
      assertSane(text, mentions);
      assert.ok(!mentions.some((mention) => mention.type === "person"), `no person in ${JSON.stringify(text)}`);
    }
  });

  it("reads a 100,000-token line without punctuation", () => {
    const text = Array.from({ length: 100_000 }, (_, index) => (index % 97 === 0 ? "Karbala" : "word")).join(" ");
    const mentions = findMentions(text);
    assertSane(text, mentions);
  });

  it("copes with mixed scripts inside a word, names made of digits and lone surrogates", () => {
    const text = "The envoy Karbalaکربلا met 134832 and 007 near Najafنجف \ud800 in Basra\udc00.";
    const mentions = findMentions(text);
    assertSane(text, mentions);
    assert.ok(!mentions.some((mention) => /^\d+$/.test(mention.name) && (mention.type === "person" || mention.type === "organization")), "digits alone are not a name");
  });

  it("reads only the head of a huge text", () => {
    const text = `${"Source 111111 reported. ".repeat(10)}${"x".repeat(500)}Source 222222 reported.`;
    const mentions = findMentions(text, { maxCharacters: 300 });
    assert.ok(mentions.every((mention) => mention.end <= 300));
    assert.ok(!mentions.some((mention) => mention.attributes.sourceId === "222222"));
  });
});
