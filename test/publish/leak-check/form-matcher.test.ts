import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { findForms, FormMatcher } from "../../../src/publish/leak-check/form-matcher.js";

const ZUBAIDI = [
  { form: "Harith al-Zubaidi", redactionId: 1 },
  { form: "حارث نوری الزبیدی", redactionId: 1 },
];

function found(text: string, forms = ZUBAIDI): string[] {
  return findForms(text, forms).map((match) => text.slice(match.start, match.end));
}

describe("findForms", () => {
  it("finds a name broken across a line, at its hyphen or between its words", () => {
    assert.deepEqual(found("paid to Harith al-\nZubaidi in cash"), ["Harith al-\nZubaidi"]);
    assert.deepEqual(found("paid to Harith\nal-Zubaidi in cash"), ["Harith\nal-Zubaidi"]);
    assert.deepEqual(found("paid to Harith al-Zubai-\n  di in cash"), ["Harith al-Zubai-\n  di"]);
  });

  it("finds a Persian name written with Arabic letters, harakat, tatweel or Arabic-Indic digits", () => {
    assert.deepEqual(found("وقد التقى حارث نوري الزبيدي أمس"), ["حارث نوري الزبيدي"]);
    assert.deepEqual(found("حارِث نـوري الزبيدي"), ["حارِث نـوري الزبيدي"]);
    assert.deepEqual(found("مصدر ١٣٤٢٥٠ گفت", [{ form: "134250", redactionId: 2 }]), ["١٣٤٢٥٠"]);
  });

  it("finds a form whatever its case, accents or separators, in a file name too", () => {
    assert.deepEqual(found("HARITH AL-ZUBAIDI"), ["HARITH AL-ZUBAIDI"]);
    assert.deepEqual(found("Hárith al‐Zubaïdi"), ["Hárith al‐Zubaïdi"]);
    assert.deepEqual(found("harith_al_zubaidi.pdf"), ["harith_al_zubaidi"]);
  });

  it("finds a lam-alef a PDF text layer gave back in the wrong order", () => {
    assert.deepEqual(found("دیدار با صالح مهدی", [{ form: "صلاح مهدی", redactionId: 3 }]), ["صالح مهدی"]);
  });

  it("wants a Latin form to stand as a word, and finds an Arabic-script form under a prefix", () => {
    assert.deepEqual(found("Alimony paid to Ali", [{ form: "Ali", redactionId: 4 }]), ["Ali"]);
    assert.deepEqual(found("Source 1342501", [{ form: "134250", redactionId: 2 }]), []);
    assert.deepEqual(found("و الزبیدی و والزبیدی", [{ form: "الزبیدی", redactionId: 1 }]), ["الزبیدی", "الزبیدی"]);
  });

  it("ignores forms that fold to almost nothing", () => {
    assert.equal(new FormMatcher([{ form: " - ", redactionId: 1 }, { form: "a", redactionId: 1 }]).size, 0);
  });

  it("maps every match back to the original text, whatever is around it", () => {
    const pieces = fc.array(fc.constantFrom("met ", "the ", "\n", "سلام ", "، ", "MP ", "1393 "), { maxLength: 8 }).map((words) => words.join(""));
    const breaks = fc.constantFrom(" ", "\n", "-\n", " \n ", "\u00A0");
    fc.assert(
      fc.property(pieces, pieces, breaks, (before, after, gap) => {
        const name = `Harith${gap}al-Zubaidi`;
        const text = `${before} ${name} ${after}`;
        const matches = findForms(text, ZUBAIDI);
        return matches.some((match) => text.slice(match.start, match.end) === name);
      }),
    );
  });
});

describe("findForms in OCR output", () => {
  const matcher = new FormMatcher([...ZUBAIDI, { form: "Zubaidi", redactionId: 1 }, { form: "134250", redactionId: 2 }]);
  const misread = (text: string) => matcher.find(text, { misread: true }).map((match) => text.slice(match.start, match.end));

  it("allows a misread letter in a long enough form", () => {
    assert.deepEqual(misread("دیدار با حارث نوری الزییدی"), ["حارث نوری الزییدی"]);
    assert.deepEqual(misread("To: Sheikh Harith Nouri al-Zubaidl, through"), ["Zubaidl"]);
  });

  it("keeps numbers exact and text that is not OCR output exact", () => {
    assert.deepEqual(misread("Source 134260"), []);
    assert.deepEqual(matcher.find("al-Zubaidl").length, 0);
  });
});
