import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { MAX_SENTENCE_TOKENS, splitSentences } from "../../../src/extract/ner/sentences.js";
import { tokenize } from "../../../src/extract/ner/tokenizer.js";

const sentences = (text: string, max?: number): string[] =>
  splitSentences(text, tokenize(text), max).map((sentence) => sentence.map((token) => token.text).join(" "));

describe("splitSentences", () => {
  it("ends a sentence after a full stop, question or exclamation mark, with closing quotes", () => {
    assert.deepEqual(sentences('Doe won. Did Roe lose? "Yes!" he said'), ["Doe won .", "Did Roe lose ?", '" Yes ! "', "he said"]);
  });

  it("ends a sentence at a Persian question mark", () => {
    assert.deepEqual(sentences("او کجاست؟ در تهران."), ["او کجاست ؟", "در تهران ."]);
  });

  it("does not end a sentence after a title's period", () => {
    assert.deepEqual(sentences("Mr. Doe left."), ["Mr. Doe left ."]);
  });

  it("ends a sentence at a blank line but not at a single line break", () => {
    assert.deepEqual(sentences("SUBJECT: A VISIT\n\nTHE MINISTER\nARRIVED"), ["SUBJECT : A VISIT", "THE MINISTER ARRIVED"]);
  });

  it("cuts a run-on line into sentences of at most the limit", () => {
    const text = "word ".repeat(1000);
    const split = splitSentences(text, tokenize(text));
    assert.equal(split.length, Math.ceil(1000 / MAX_SENTENCE_TOKENS));
    assert.ok(split.every((sentence) => sentence.length <= MAX_SENTENCE_TOKENS));
    assert.equal(split.flat().length, 1000);
  });

  it("gives no sentences for no tokens", () => {
    assert.deepEqual(splitSentences("", []), []);
  });
});
