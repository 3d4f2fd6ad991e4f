import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { tokenize, type Token } from "../../../src/extract/ner/tokenizer.js";

const texts = (text: string): string[] => tokenize(text).map((token) => token.text);

function assertOffsets(text: string, tokens: readonly Token[]): void {
  let previousEnd = 0;
  for (const token of tokens) {
    assert.ok(token.start >= previousEnd && token.end > token.start && token.end <= text.length, JSON.stringify(token));
    assert.equal(text.slice(token.start, token.end), token.text);
    previousEnd = token.end;
  }
}

describe("tokenize", () => {
  it("gives each token its offsets in the text", () => {
    const text = "  Roe met Doe\tin\nAl-Ain.";
    const tokens = tokenize(text);
    assert.deepEqual(texts(text), ["Roe", "met", "Doe", "in", "Al-Ain", "."]);
    assertOffsets(text, tokens);
    assert.deepEqual(tokens[0], { text: "Roe", start: 2, end: 5 });
  });

  it("splits punctuation off words but keeps inner hyphens, apostrophes and decimal points", () => {
    assert.deepEqual(texts('"O\'Neill," he said (2-1), 1,000.5 cars.'), ['"', "O'Neill", ",", '"', "he", "said", "(", "2-1", ")", ",", "1,000.5", "cars", "."]);
  });

  it("keeps abbreviation periods and initials with their word", () => {
    assert.deepEqual(texts("Mr. J. Doe of Acme Inc. left the U.S. today."), ["Mr.", "J.", "Doe", "of", "Acme", "Inc.", "left", "the", "U.S.", "today", "."]);
  });

  it("splits a possessive 's off the name", () => {
    assert.deepEqual(texts("Doe's goal"), ["Doe", "'s", "goal"]);
  });

  it("keeps a Persian word written with a zero-width non-joiner whole", () => {
    const text = "کتاب\u200Cهای می\u200Cروم";
    const tokens = tokenize(text);
    assert.deepEqual(texts(text), ["کتاب\u200Cهای", "می\u200Cروم"]);
    assertOffsets(text, tokens);
  });

  it("makes Persian and Arabic punctuation tokens of their own", () => {
    assert.deepEqual(texts("تهران، قم؛ چرا؟ «بله»"), ["تهران", "،", "قم", "؛", "چرا", "؟", "«", "بله", "»"]);
  });

  it("keeps Persian digits and decimal signs inside numbers", () => {
    assert.deepEqual(texts("۱۳۹۳/۰۷/۱۵ و ۱٫۵"), ["۱۳۹۳", "/", "۰۷", "/", "۱۵", "و", "۱٫۵"]);
  });

  it("splits a word where it changes between Latin and Arabic script", () => {
    const text = "Tehranتهران abc-قم";
    const tokens = tokenize(text);
    assert.deepEqual(texts(text), ["Tehran", "تهران", "abc", "-", "قم"]);
    assertOffsets(text, tokens);
  });

  it("skips whitespace, control and format characters and lone surrogates", () => {
    assert.deepEqual(tokenize(" \t\n\u0000\u0007\u200B\u202E\uFEFF "), []);
    const text = "a\uD800b \uDC00 c";
    assert.deepEqual(texts(text), ["a", "b", "c"]);
    assertOffsets(text, tokenize(text));
  });

  it("gives nothing for empty text", () => {
    assert.deepEqual(tokenize(""), []);
  });

  it("keeps offsets exact on any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme-composite", maxLength: 200 }), (text) => {
        assertOffsets(text, tokenize(text));
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => {
        assertOffsets(text, tokenize(text));
      }),
    );
  });
});
