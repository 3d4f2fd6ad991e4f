import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { describe, it } from "node:test";
import fc from "fast-check";
import type { Mention } from "../../../src/model/entity.js";
import { loadNerModel, nerModelPath, recogniseEntities } from "../../../src/extract/ner/recognise.js";

/** Every mention's offsets are in range and give back its text; confidences are in 0–1. */
function assertSane(text: string, mentions: readonly Mention[]): void {
  for (const mention of mentions) {
    assert.ok(mention.start >= 0 && mention.end > mention.start && mention.end <= text.length, JSON.stringify(mention));
    assert.equal(text.slice(mention.start, mention.end), mention.text);
    assert.ok(mention.confidence >= 0 && mention.confidence <= 1);
    assert.equal(mention.origin, "model");
    assert.ok(["person", "organization", "place"].includes(mention.type));
  }
}

const found = (text: string) => recogniseEntities(text).map((mention) => [mention.type, mention.text]);

describe("the shipped NER models", () => {
  it("are in models/ and load", () => {
    for (const language of ["en", "fa"] as const) {
      assert.ok(existsSync(nerModelPath(language)));
      const model = loadNerModel(language);
      assert.equal(model.language, language);
      assert.ok(model.featureCount > 10_000);
      assert.equal(loadNerModel(language), model);
    }
  });

  it("find people, organisations and places in English", () => {
    const text = "Jane Doe, a spokeswoman for the United Nations, met John Roe in Baghdad on Monday.";
    const mentions = recogniseEntities(text);
    assertSane(text, mentions);
    assert.deepEqual(found(text), [
      ["person", "Jane Doe"],
      ["organization", "United Nations"],
      ["person", "John Roe"],
      ["place", "Baghdad"],
    ]);
  });

  it("find people and places in Persian, with offsets into the original text", () => {
    const text = "به گزارش خبرنگار ما، علی فلانی روز دوشنبه در تهران با وزیر امور خارجه دیدار کرد.";
    const mentions = recogniseEntities(text);
    assertSane(text, mentions);
    const pairs = found(text);
    assert.ok(pairs.some(([type, name]) => type === "person" && name === "علی فلانی"), JSON.stringify(pairs));
    assert.ok(pairs.some(([type, name]) => type === "place" && name === "تهران"), JSON.stringify(pairs));
  });

  it("send each sentence to the model of its script", () => {
    const text = "Jane Doe arrived in Paris. علی فلانی در تهران ماند.";
    const mentions = recogniseEntities(text);
    assertSane(text, mentions);
    assert.ok(mentions.some((mention) => mention.text === "Paris"));
    assert.ok(mentions.some((mention) => mention.text === "تهران"));
  });

  it("normalise the mention for grouping", () => {
    const text = "سخنگوی وزارت امور خارجه گفت که علي فلاني به كربلا رفت.";
    for (const mention of recogniseEntities(text)) {
      assert.ok(!/[يك]/.test(mention.normalized), mention.normalized);
      assert.ok(!/\s{2,}/.test(mention.normalized));
    }
  });
});

describe("recogniseEntities on bad input", () => {
  it("gives nothing for empty text", () => {
    assert.deepEqual(recogniseEntities(""), []);
  });

  it("gives nothing for text without sentences: punctuation or numbers only", () => {
    assert.deepEqual(recogniseEntities("... !!! ?? -- ;;"), []);
    assert.deepEqual(recogniseEntities("12 34.5 ۱۳۹۳ 2014-05-06"), []);
  });

  it("gives nothing for whitespace and control characters", () => {
    assert.deepEqual(recogniseEntities(" \t\r\n\u0000\u0001\u001f\u007f\u200B\u200E\u202E\uFEFF\u2028 "), []);
  });

  it("survives lone surrogates and keeps offsets exact", () => {
    const text = "Jane \uD800Doe met \uDC00John Roe in Baghdad\uD83D.";
    assertSane(text, recogniseEntities(text));
  });

  it("handles a word that mixes scripts", () => {
    const text = "The delegation from Tehranتهران met Doeدو in Najafنجف.";
    assertSane(text, recogniseEntities(text));
  });

  it("handles names made of digits", () => {
    const text = "Agent 007 met 42 and Unit 8200 in 1984.";
    assertSane(text, recogniseEntities(text));
  });

  it("finishes on a single line of 100,000 tokens with offsets in range", () => {
    const words = ["alpha", "Beta", "Gamma", "delta", "Baghdad", "of", "the", "تهران", "7", "Doe"];
    const text = Array.from({ length: 100_000 }, (_, i) => words[(i * 7) % words.length]).join(" ");
    const mentions = recogniseEntities(text);
    assertSane(text, mentions);
    assert.ok(mentions.length > 0);
  });

  it("never throws and keeps offsets exact on any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 120 }), (text) => {
        assertSane(text, recogniseEntities(text));
      }),
      { numRuns: 200 },
    );
  });
});
