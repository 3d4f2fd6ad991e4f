import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findSourceMentions } from "../../../src/extract/rules/source.js";
import { assertSaneMentions, onlyMention, pairs } from "./mention-invariants.js";

function sources(text: string) {
  const found = findSourceMentions(text);
  assertSaneMentions(text, found, ["source"]);
  return found;
}

describe("informant numbers in English", () => {
  it("reads the forms field reports use, with the number as the id", () => {
    for (const [text, written] of [
      ["The officer met Source 134832 behind the bakery.", "Source 134832"],
      ["as reported by source no. 134832 last week", "source no. 134832"],
      ["source number 134832 was paid", "source number 134832"],
      ["informant 134832 was late", "informant 134832"],
      ["SOURCE #134832 REPORTED", "SOURCE #134832"],
      ["Source: 134832", "Source: 134832"],
    ] as const) {
      const mention = onlyMention(text, sources(text), written);
      assert.equal(mention.attributes.sourceId, "134832");
      assert.equal(mention.normalized, "source:134832");
      assert.equal(mention.confidence, 1);
    }
  });

  it("reads every number of a list after a plural, with their code names", () => {
    const text = 'Sources 134617 ("Palm"), 136220 ("White") and 137441 ("Sea") are active.';
    assert.deepEqual(pairs(sources(text)), [
      ["Sources 134617", "source:134617"],
      ["Palm", "source:134617"],
      ["136220", "source:136220"],
      ["White", "source:136220"],
      ["137441", "source:137441"],
      ["Sea", "source:137441"],
    ]);
  });

  it("ties a code name written beside a number to that number", () => {
    const text = 'A meeting with Source 134905 ("Rosegarden") and Source 138012 — "Falcon".';
    const found = sources(text);
    assert.deepEqual(pairs(found), [
      ["Source 134905", "source:134905"],
      ["Rosegarden", "source:134905"],
      ["Source 138012", "source:138012"],
      ["Falcon", "source:138012"],
    ]);
    assert.equal(found[1]!.attributes.sourceId, "134905");
    assert.ok(found[1]!.confidence < 1);
  });

  it("reads a code name only where the text says it is one", () => {
    const text = 'He is known by the code name "Sparrow"; the courier, codenamed HERON, came too.';
    const found = sources(text);
    assert.deepEqual(pairs(found), [["Sparrow", "source:sparrow"], ["HERON", "source:heron"]]);
    assert.equal(found[0]!.attributes.sourceId, "Sparrow");
  });

  it("does not read years, small numbers, other sources or operations", () => {
    for (const text of [
      "According to open source reporting in 2009, the plant was idle.",
      "a source 2009 report",
      "source 12 said nothing",
      "The source of funds was 134832 dollars short.",
      "Operation Dawn, code-named SUNRISE, began at night.",
      "the code name of the operation was never given",
      "its code name, the reporter wrote, was secret",
    ]) {
      assert.deepEqual(sources(text), [], text);
    }
  });

  it("does not take a quotation after a number for a code name", () => {
    assert.deepEqual(pairs(sources('Source 134905, "we will pay later", he said.')), [["Source 134905", "source:134905"]]);
  });
});

describe("informant numbers in Persian and Arabic", () => {
  it("reads منبع with or without شماره, in Persian, Arabic-Indic or ASCII digits", () => {
    for (const [text, written] of [
      ["دیروز با منبع ۱۳۴۸۳۲ دیدار شد.", "منبع ۱۳۴۸۳۲"],
      ["گزارش منبع شمارهٔ ۱۳۴۸۳۲ رسید.", "منبع شمارهٔ ۱۳۴۸۳۲"],
      ["منبع شماره‌ی 134832 گفت", "منبع شماره‌ی 134832"],
      ["منبع به شماره ١٣٤٨٣٢ آمد", "منبع به شماره ١٣٤٨٣٢"],
      ["منبع ۱۳۴٨٣2 آمد", "منبع ۱۳۴٨٣2"],
      ["قال المصدر رقم ١٣٤٨٣٢ إن الاجتماع تأجل", "المصدر رقم ١٣٤٨٣٢"],
      ["أفاد المصدر 134832 بأن", "المصدر 134832"],
    ] as const) {
      const mention = onlyMention(text, sources(text), written);
      assert.equal(mention.attributes.sourceId, "134832", text);
      assert.equal(mention.normalized, "source:134832");
    }
  });

  it("reads a code name in parentheses or after a dash, and one the text names «نام رمز»", () => {
    const text = "ملاقات با منبع ۱۳۴۹۰۵ (گلستان) و منبع ۱۳۸۰۱۲ — شاهین) و فردی با نام رمز «عقاب».";
    assert.deepEqual(pairs(sources(text)).filter(([written]) => written !== "منبع ۱۳۸۰۱۲"), [
      ["منبع ۱۳۴۹۰۵", "source:134905"],
      ["گلستان", "source:134905"],
      ["شاهین", "source:138012"],
      ["عقاب", "source:عقاب"],
    ]);
    assert.deepEqual(pairs(sources("وعمل باسم رمزي «النسر» لسنوات")), [["النسر", "source:النسر"]]);
  });

  it("reads lists after منابع", () => {
    assert.deepEqual(pairs(sources("منابع ۱۳۴۶۱۷ (نخل)، ۱۳۶۲۲۰ و ۱۳۷۴۴۱ فعال‌اند.")), [
      ["منابع ۱۳۴۶۱۷", "source:134617"],
      ["نخل", "source:134617"],
      ["۱۳۶۲۲۰", "source:136220"],
      ["۱۳۷۴۴۱", "source:137441"],
    ]);
  });

  it("does not read منبع as a word for a source of money or a year", () => {
    assert.deepEqual(sources("تنها منبع مالی نشریات آگهی است."), []);
    assert.deepEqual(sources("منبع ۱۳۹۳ را ببینید"), []);
    assert.deepEqual(sources("با اسم رمز عملیات بازار باز"), []);
  });
});

describe("hostile input", () => {
  it("gives sane output for empty, huge and odd text", () => {
    for (const text of ["", "source", "Source ".repeat(20_000), `Source ${"1".repeat(100_000)}`, "منبع\uD800۱۳۴۸۳۲", "source\u0000134832", '"'.repeat(50_000)]) {
      sources(text);
    }
    assert.deepEqual(sources(`Source ${"1".repeat(100_000)}`), []);
  });
});
