import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import fc from "fast-check";
import { MATCH_SCORE, PARTIAL_SCORE, matchNames, nameKeys, type NameMatchOptions } from "../../src/extract/name-match.js";
import type { NameMatchDecision } from "../../src/model/entity.js";
import { corpusPath } from "../helpers/corpus.js";

function decision(a: string, b: string, options?: NameMatchOptions): NameMatchDecision {
  return matchNames(a, b, options).decision;
}

function assertAllMatch(spellings: string[]): void {
  for (const a of spellings) {
    for (const b of spellings) assert.equal(decision(a, b), "match", `${a} / ${b}`);
  }
}

function shareKey(a: string, b: string): boolean {
  const keys = new Set(nameKeys(a));
  return nameKeys(b).some((key) => keys.has(key));
}

describe("matchNames: one name in several scripts and spellings", () => {
  it("matches the spellings of Qassem Soleimani", () => {
    assertAllMatch(["Qassem Soleimani", "Qasem Suleimani", "Ghasem Soleimani", "قاسم سلیمانی", "قاسم سليماني"]);
  });

  it("matches the spellings of Soleimani and of Jabouri", () => {
    assertAllMatch(["Soleimani", "Suleimani", "Sulaymani", "سلیمانی"]);
    assertAllMatch(["Jabouri", "Jubouri", "الجبوري", "الجبوری", "al-Jabouri", "Al Jubouri"]);
  });

  it("matches Abd joined, apart and in Arabic script", () => {
    assertAllMatch(["Abdul Rahman", "Abdulrahman", "Abd al-Rahman", "Abdurrahman", "Abdel Rahman", "عبدالرحمن", "عبد الرحمن"]);
  });

  it("matches parts written apart in one spelling and joined in another", () => {
    assert.equal(decision("Gholam Reza Soleimani", "Gholamreza SOLEYMANI"), "match");
    assert.equal(decision("Hossein Zadeh", "Hosseinzadeh"), "match");
    assert.equal(decision("Hosseinzadeh", "حسین‌زاده"), "match");
    assert.equal(decision("Habib Allah", "Habibullah"), "match");
  });

  it("matches whatever the word order", () => {
    assert.equal(decision("Soleimani Qassem", "Qassem Soleimani"), "match");
    assert.equal(decision("SOLEIMANI, Qasem", "قاسم سلیمانی"), "match");
  });

  it("sets titles aside", () => {
    assert.equal(decision("Maj. Gen. Qassem Soleimani", "Qassem Soleimani"), "match");
    assert.equal(decision("سردار قاسم سلیمانی", "Gen. Qasem Suleimani"), "match");
    assert.equal(decision("Ayatollah Ali Khamenei", "آیت‌الله علی خامنه‌ای"), "match");
    assert.equal(decision("Hojatoleslam Hassan Rouhani", "حجت‌الاسلام حسن روحانی"), "match");
    assert.equal(decision("Sheikh Jabouri", "الشیخ الجبوري"), "match");
    const explained = matchNames("Maj. Gen. Qassem Soleimani", "قاسم سلیمانی").explanation;
    assert.ok(explained.some((step) => step.startsWith("titles removed") && step.includes("Maj")));
  });

  it("sets bin and ibn aside", () => {
    assert.equal(decision("Usama bin Laden", "اسامة بن لادن"), "match");
    assert.equal(decision("Usama bin Laden", "Usama Laden"), "match");
  });

  it("reads Mhd and Mohd as Muhammad, and still as a common given name", () => {
    assert.equal(decision("Mhd Amer Chwiki", "Mohamad Amer Chwiki"), "match");
    assert.equal(decision("Mohd Karimi", "محمد کریمی"), "match");
    assert.equal(decision("Mhd Ali", "Mohammad Hassan"), "no-match");
  });
});

describe("matchNames: missing parts and different names", () => {
  it("calls a name that lacks parts of the other partial, scored below a match", () => {
    const result = matchNames("Barzani", "Nechirvan Barzani");
    assert.equal(result.decision, "partial");
    assert.ok(result.score >= PARTIAL_SCORE && result.score < MATCH_SCORE);
    assert.ok(result.score < matchNames("Nechirvan Barzani", "Nechirvan Barzani").score);
    assert.ok(result.explanation.some((step) => step.includes("Nechirvan") && step.includes("no counterpart")));
    assert.equal(decision("Barzani", "نیچیروان بارزانی"), "partial");
  });

  it("does not match on a common given name alone", () => {
    assert.equal(decision("Mohammad Ali", "Mohammad Reza"), "no-match");
    assert.equal(decision("Mohammad", "Mohammad Reza"), "no-match");
    assert.equal(decision("Mohammad Ali", "محمد رضا"), "no-match");
  });

  it("does not match one surname under two given names", () => {
    assert.equal(decision("Qassem Soleimani", "Gholamreza Soleimani"), "no-match");
  });

  it("does not match different surnames", () => {
    assert.equal(decision("Soleimani", "Barzani"), "no-match");
    assert.equal(decision("Jabouri", "Barzani"), "no-match");
    assert.equal(decision("Qassem Soleimani", "Qassem Barzani"), "no-match");
    assert.ok(matchNames("Soleimani", "Barzani").score < PARTIAL_SCORE);
  });

  it("tells Latin names apart that only Arabic script would confuse", () => {
    assert.equal(decision("Fulda", "Volda"), "no-match");
    assert.equal(decision("Fulda", "فولدا"), "match");
    assert.equal(decision("Hassan", "Hussein"), "no-match");
    assert.equal(decision("Hussein", "Husayn"), "match");
  });

  it("explains each pairing with the sounds compared", () => {
    const result = matchNames("Qassem Soleimani", "قاسم سلیمانی");
    assert.ok(result.explanation.some((step) => step.includes('"Soleimani" ≈ "سلیمانی"') && step.includes("slymn")));
    assert.ok(result.explanation.at(-1)?.startsWith("decision: match"));
    assert.deepEqual(matchNames("Qassem Soleimani", "قاسم سلیمانی", { explain: false }).explanation, []);
  });

  it("treats generic words of places and organisations as minor parts", () => {
    assert.equal(decision("Baghdad", "بغداد", { type: "place" }), "match");
    assert.equal(decision("Baghdad Province", "Baghdad", { type: "place" }), "partial");
    assert.equal(decision("Bank Melli", "بانک ملی", { type: "organization" }), "match");
    assert.equal(decision("Melli", "Bank Melli", { type: "organization" }), "partial");
  });
});

describe("matchNames: bad input", () => {
  it("calls empty names and names without letters no-match, and does not throw", () => {
    assert.equal(decision("", ""), "no-match");
    assert.equal(decision("", "Soleimani"), "no-match");
    assert.equal(decision("   ", "..."), "no-match");
    assert.equal(matchNames("", "").score, 0);
  });

  it("compares digit-only names by their digits", () => {
    assert.equal(decision("134832", "134832"), "match");
    assert.equal(decision("134832", "۱۳۴۸۳۲"), "match");
    assert.equal(decision("134832", "134833"), "no-match");
  });

  it("copes with mixed scripts inside a word", () => {
    assert.equal(decision("Soleimaniسلیمانی", "Soleimaniسلیمانی"), "match");
    assert.notEqual(decision("Soleimaniسلیمانی", "Barzani"), "match");
  });

  it("bounds the work on a 10,000-character name", () => {
    const huge = "Soleimani ".repeat(1_000);
    const result = matchNames(huge, "Qassem Soleimani");
    assert.ok(["match", "partial", "no-match"].includes(result.decision));
    assert.ok(result.explanation.some((step) => step.includes("cut")));
    assert.ok(nameKeys(huge).length <= 32);
    const unbroken = "س".repeat(10_000);
    assert.equal(decision(unbroken, unbroken), "match");
  });

  it("never throws, gives a score in 0–1 the same both ways round", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.string({ maxLength: 60 }), (a, b) => {
        const forward = matchNames(a, b);
        const backward = matchNames(b, a);
        assert.ok(forward.score >= 0 && forward.score <= 1);
        assert.equal(forward.score, backward.score);
        assert.equal(forward.decision, backward.decision);
        nameKeys(a);
      }),
      { numRuns: 300 },
    );
  });

  it("calls any name with letters a match with itself", () => {
    const letters = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ-'.ابتثجحخدذرزسشصضطظعغفقکگلمنوهیپچژءآأئؤة";
    const name = fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 40 }).map((characters) => characters.join(""));
    fc.assert(
      fc.property(name, (value) => {
        fc.pre(/[\p{L}]/u.test(value.replace(/[ء]/gu, "")));
        assert.equal(matchNames(value, value).decision, "match", value);
      }),
      { numRuns: 300 },
    );
  });

  it("gives arbitrary Unicode, lone surrogates and control characters no trouble", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), fc.string({ unit: "grapheme", maxLength: 40 }), (a, b) => {
        matchNames(a, b);
        nameKeys(a);
        nameKeys(b);
      }),
      { numRuns: 200 },
    );
  });
});

describe("nameKeys", () => {
  it("gives spellings of one name a shared key", () => {
    assert.ok(shareKey("Qassem Soleimani", "قاسم سلیمانی"));
    assert.ok(shareKey("Jabouri", "الجبوري"));
    assert.ok(shareKey("Gholam Reza", "Gholamreza"));
    assert.ok(shareKey("Abdul Rahman", "عبدالرحمن"));
    assert.ok(shareKey("Barzani", "Nechirvan Barzani"));
  });

  it("skips common given names when a name has anything else", () => {
    const given = nameKeys("Mohammad");
    assert.ok(given.length > 0);
    assert.ok(!nameKeys("Mohammad Barzani").some((key) => given.includes(key)));
    assert.ok(!shareKey("Mohammad Barzani", "Mohammad Soleimani"));
  });

  it("gives a name without letters no keys", () => {
    assert.deepEqual(nameKeys(""), []);
    assert.deepEqual(nameKeys("... --"), []);
  });
});

describe("matchNames on real sanctions-list pairs", () => {
  const file = corpusPath("names", "pairs.tsv");
  it("matches most UN and OFAC person names with their Arabic-script originals", { skip: file === undefined }, () => {
    const rows = readFileSync(file as string, "utf8").split("\n").slice(1).map((line) => line.split("\t"));
    const sanctioned = rows.filter((fields) => fields[1] === "PER" && /^(unsc|ofac)_/u.test(fields[6] ?? ""));
    assert.ok(sanctioned.length > 300);
    const accepted = sanctioned.filter((fields) => decision(fields[3] as string, fields[5] as string) !== "no-match");
    const keyed = sanctioned.filter((fields) => shareKey(fields[3] as string, fields[5] as string));
    assert.ok(accepted.length / sanctioned.length >= 0.9, `${accepted.length} of ${sanctioned.length} accepted`);
    assert.ok(keyed.length / sanctioned.length >= 0.9, `${keyed.length} of ${sanctioned.length} share a key`);
  });
});
