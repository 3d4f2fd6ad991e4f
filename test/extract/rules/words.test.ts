import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { phraseKey, spellingsOf, wordAt, wordKey } from "../../../src/extract/rules/words.js";

describe("words and their keys", () => {
  it("folds Latin case and the letters Persian and Arabic write differently, dropping marks", () => {
    assert.equal(wordKey("DOLLARS"), "dollars");
    assert.equal(wordKey("ميليون"), wordKey("میلیون"));
    assert.equal(wordKey("كويتي"), "کویتی");
    assert.equal(wordKey("أَلْف"), "الف");
    assert.equal(wordKey("سکهٔ"), "سکه");
    assert.equal(wordKey("یک‌صد"), "یکصد");
    assert.equal(phraseKey("دينار  كويتي"), "دینار کویتی");
  });

  it("reads the word at a position with its offsets", () => {
    assert.deepEqual(wordAt("paid ميليون دلار", 5), { text: "ميليون", key: "میلیون", start: 5, end: 11 });
    assert.deepEqual(wordAt("the U.S. dollar", 4), { text: "U.S.", key: "u.s.", start: 4, end: 8 });
    assert.equal(wordAt("eighty-seven euros", 0)?.text, "eighty-seven");
    assert.equal(wordAt("Café noir", 0)?.text, "Café");
    assert.equal(wordAt("۱۳۹۳ تومان", 0), undefined);
    assert.equal(wordAt("", 0), undefined);
    assert.equal(wordAt("abc", 10), undefined);
  });

  it("lists every written form of a folded letter", () => {
    assert.equal([...spellingsOf("ی")].sort().join(""), [..."یيى"].sort().join(""));
    assert.equal(spellingsOf("ب"), "ب");
  });
});
