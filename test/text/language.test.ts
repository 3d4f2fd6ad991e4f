import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { detectLanguage } from "../../src/text/language.js";

describe("detectLanguage", () => {
  it("tells English, Persian and Arabic apart", () => {
    assert.equal(detectLanguage("The officer met the source in an alley behind the mall."), "en");
    assert.equal(detectLanguage("افسر با منبع در کوچه‌ای پشت پاساژ دیدار کرد و گزارش را به تهران فرستاد."), "fa");
    assert.equal(detectLanguage("التقى الضابط بالمصدر في زقاق خلف المركز التجاري وأرسل التقرير إلى طهران."), "ar");
  });

  it("reads Persian typed with Arabic yeh and kaf as Persian", () => {
    assert.equal(detectLanguage("افسر با منبع در كوچه‌اي پشت پاساژ ديدار كرد و گزارش را به تهران فرستاد."), "fa");
  });

  it("says und when there are too few letters", () => {
    assert.equal(detectLanguage("12 34 ..."), "und");
    assert.equal(detectLanguage(""), "und");
  });
});
