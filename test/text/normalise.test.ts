import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { normalise } from "../../src/text/normalise.js";

describe("normalise", () => {
  it("unifies Arabic and Persian letter forms", () => {
    assert.equal(normalise("كتاب"), normalise("کتاب"));
    assert.equal(normalise("علي"), "علی");
    assert.equal(normalise("مصطفى"), "مصطفی");
    assert.equal(normalise("أحمد إبراهيم آمل ٱلله"), "احمد ابراهیم امل الله");
  });

  it("folds ta marbuta and heh with yeh to heh, the same way for both", () => {
    assert.equal(normalise("مدرسة"), "مدرسه");
    assert.equal(normalise("خانۀ"), "خانه");
  });

  it("removes harakat, superscript alef and tatweel", () => {
    assert.equal(normalise("مُحَمَّد"), "محمد");
    assert.equal(normalise("رحمٰن"), "رحمن");
    assert.equal(normalise("تـــهران"), "تهران");
  });

  it("joins the parts of a word across a zero-width non-joiner", () => {
    assert.equal(normalise("می\u200Cروم"), "میروم");
    assert.equal(normalise("گزارش\u200Cها"), "گزارشها");
  });

  it("turns Persian and Arabic-Indic digits into ASCII", () => {
    assert.equal(normalise("۱۳۹۳/۰۷/۱۵"), "1393/07/15");
    assert.equal(normalise("٢٠١٤"), "2014");
  });

  it("applies NFKC compatibility forms", () => {
    assert.equal(normalise("ﻻ"), "لا");
    assert.equal(normalise("ﬁle"), "file");
  });

  it("leaves ASCII unchanged", () => {
    assert.equal(normalise("Source 134832 met al-Jabouri."), "Source 134832 met al-Jabouri.");
  });

  it("is idempotent", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), (text) => normalise(normalise(text)) === normalise(text)));
    fc.assert(fc.property(fc.constantFrom(..."كيىأإآٱةۀ۰۹٠٩\u064B\u0640\u200Cabc ".split("")).chain((c) => fc.array(fc.constant(c))), (chars) => {
      const text = chars.join("");
      return normalise(normalise(text)) === normalise(text);
    }));
  });
});
