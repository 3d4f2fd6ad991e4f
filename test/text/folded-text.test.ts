import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { findForms, foldForm, foldText, originalSpan } from "../../src/text/folded-text.js";
import { normalise } from "../../src/text/normalise.js";

const ZWNJ = "\u200C";
const FATHA = "\u064E";
const SHADDA = "\u0651";
const DAMMATAN = "\u064C";
const TATWEEL = "\u0640";

/** What was found, as the original text writes it. */
function written(text: string, forms: string[], wholeWords = true): string[] {
  return findForms(text, forms, { wholeWords }).map(({ start, end }) => text.slice(start, end));
}

describe("folding a text for finding names, with offsets back to the original", () => {
  it("maps every folded position back to the segment it came from", () => {
    const text = `مُحَمَّدٌ${ZWNJ}ها  و  كتاب`;
    const folded = foldText(text);
    assert.equal(folded.text, "محمد ها و کتاب");
    assert.equal(folded.starts.length, folded.text.length);
    // The first letter carries its damma: one segment of two code units.
    assert.deepEqual(originalSpan(folded, 0, 1), { start: 0, end: 2 });
    // The last letter of the name carries its dammatan, so the name ends after it, before the non-joiner.
    const name = originalSpan(folded, 0, 4);
    assert.equal(text.slice(name.start, name.end), "مُحَمَّدٌ");
    // A run of white space is one space, stretching over the whole run.
    const gap = folded.text.indexOf(" و ");
    assert.equal(text.slice(...Object.values(originalSpan(folded, gap, gap + 1)) as [number, number]), "  ");
    // ك is folded to ک, one character for one.
    const kaf = originalSpan(folded, folded.text.length - 4, folded.text.length);
    assert.equal(text.slice(kaf.start, kaf.end), "كتاب");
  });

  it("finds a Persian name however its letters, harakat, tatweel and non-joiners are written", () => {
    const text = `با شيخ حارث${ZWNJ}الزُّبَيدي و حار${TATWEEL}ث الزبیدی دیدار شد؛ حارث الزبیدی‌ها رفتند.`;
    assert.deepEqual(written(text, ["حارث الزبیدی"]), [`حارث${ZWNJ}الزُّبَيدي`, `حار${TATWEEL}ث الزبیدی`, "حارث الزبیدی"]);
  });

  it("finds a form in Arabic letters in a Persian text and the reverse", () => {
    assert.deepEqual(written("نامه از كاظم الحلفي رسيد", ["کاظم الحلفی"]), ["كاظم الحلفي"]);
    assert.deepEqual(written("نامه از کاظم الحلفی رسید", ["كاظم الحلفي"]), ["کاظم الحلفی"]);
  });

  it("finds digits in any script", () => {
    assert.deepEqual(written("منبع ۱۳۴۹۰۵ و المصدر ١٣٤٩٠٥ و Source 134905", ["134905"]), ["۱۳۴۹۰۵", "١٣٤٩٠٥", "134905"]);
  });

  it("ignores case and treats hyphens and spaces alike in Latin spellings", () => {
    assert.deepEqual(written("Kak Rebwar Hama-Salih met HAMA SALIH and Hamasalih.", ["Hama Salih"]), ["Hama-Salih", "HAMA SALIH", "Hamasalih"]);
  });

  it("keeps to whole words, and finds an Arabic-script name after an attached article or conjunction", () => {
    assert.deepEqual(written("Ali met Alice and Khalil; Ali's car", ["Ali"]), ["Ali", "Ali"]);
    const text = "الزبيدي ووالزبيدي والزبيدي وزبيدیان";
    assert.deepEqual(written(text, ["زبیدی"]), ["زبيدي", "زبيدي"], "after ال and وال, not inside another word");
    assert.deepEqual(written("Alice", ["Ali"], false), ["Ali"], "without whole words, inside a word too");
  });

  it("finds a name in a non-joined text when its form has spaces", () => {
    assert.deepEqual(written("ابوکرار تمیمی و ابو کرار تمیمی", ["ابو کرار تمیمی"]), ["ابوکرار تمیمی", "ابو کرار تمیمی"]);
  });

  it("ignores forms that fold to nothing", () => {
    assert.deepEqual(findForms("some text", ["", " ", ZWNJ, FATHA], { wholeWords: true }), []);
  });

  it("folds a form as it folds a text", () => {
    assert.equal(foldForm(`  حارث${ZWNJ}ال${SHADDA}زبيدي `), "حارث الزبیدی");
    assert.equal(foldForm("Al-Zubaidi"), "al zubaidi");
  });

  it("finds every written variant of a name at offsets whose text folds back to the name (property)", () => {
    const name = "حارث الزبیدی";
    const variant = fc.record({
      yeh: fc.constantFrom("ی", "ي"),
      gap: fc.constantFrom(" ", ZWNJ, "  ", ` ${ZWNJ}`),
      marks: fc.constantFrom("", FATHA, SHADDA + FATHA, DAMMATAN),
      tatweel: fc.constantFrom("", TATWEEL),
    }).map(({ yeh, gap, marks, tatweel }) => `حا${tatweel}رث${marks}${gap}الزب${yeh}د${yeh}${marks}`);
    const filler = fc.constantFrom("دیدار", "با", "در", "کربلا", "Source 134905", "\n", "،", "met", "ك");
    fc.assert(
      fc.property(fc.array(fc.oneof(variant.map((text) => ({ text, isName: true })), filler.map((text) => ({ text, isName: false }))), { maxLength: 12 }), (pieces) => {
        const text = pieces.map((piece) => piece.text).join(" ");
        const expected: Array<{ start: number; end: number }> = [];
        let offset = 0;
        for (const piece of pieces) {
          if (piece.isName) expected.push({ start: offset, end: offset + piece.text.length });
          offset += piece.text.length + 1;
        }
        const found = findForms(text, [name], { wholeWords: true });
        assert.deepEqual(found.map(({ start, end }) => ({ start, end })), expected, "each variant, from its first letter to its last mark");
        for (const { start, end } of found) assert.equal(normalise(text.slice(start, end)).replace(/\s+/gu, ""), normalise(name).replace(/\s+/gu, ""));
      }),
    );
  });
});
