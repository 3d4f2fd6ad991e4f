import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import type { FoundMention } from "../../../src/extract/mentions.js";
import { extractRelations, MAX_SENTENCE_LENGTH } from "../../../src/extract/relations/index.js";
import type { ExtractedRelation } from "../../../src/model/relation.js";
import { mentionsFor } from "./build-mentions.js";

function assertWellFormed(text: string, relations: readonly ExtractedRelation[]): void {
  for (const relation of relations) {
    assert.equal(text.slice(relation.evidence.start, relation.evidence.end), relation.evidence.text);
    assert.ok(relation.confidence >= 0 && relation.confidence <= 1);
    for (const participant of relation.participants) {
      if (participant.start !== null && participant.end !== null) assert.equal(text.slice(participant.start, participant.end), participant.name);
    }
    for (const [role, names] of Object.entries(relation.roles)) assert.equal(new Set(names).size, names?.length ?? 0, role);
  }
}

const WORDS = [
  "Zubaidi", "Tamimi", "met", "with", "paid", "$5,000", "to", "the", "source", "we", "a", "meeting", "was", "held", "Source 134832", "told",
  "not", "shared", "Quds Force", "دیدار", "با", "شد", "پرداخت", "۵۰۰ دلار", "به", "منبع", "→", "←", ".", "؟", "\n", "\n\n", "1.", "¶", "«", "»",
  "\u200C", "\u202E", "\uD800", "\u0000", "e\u0301", "From:", "To:", "Headquarters", "his", "he", "gift", "in", "Karbala", "under cover of",
];

describe("extractRelations on hostile input", () => {
  it("returns nothing for empty text, white space, punctuation, or a text that is one unpunctuated run", () => {
    for (const text of ["", "   \n\n\t", "....؟؟؟!!!", "¶¶¶ 1. 2. ۱- ", "a".repeat(3_000_000)]) assert.deepEqual(extractRelations(text, []), []);
  });

  it("skips a sentence too long to be one, however many cues it holds", () => {
    const clause = "Zubaidi met with Tamimi and paid $5,000 to Halfi ";
    const text = clause.repeat(Math.ceil((MAX_SENTENCE_LENGTH + 1) / clause.length)) + ".";
    const names = ["Zubaidi", "Tamimi", "Halfi"].map((name) => ({ text: name, type: "person" as const }));
    assert.deepEqual(extractRelations(text, mentionsFor(text, names)), []);
    const short = `${clause}.`;
    assert.ok(extractRelations(short, mentionsFor(short, names)).length > 0, "the same clause alone is read");
  });

  it("ignores mentions whose spans are not in the text", () => {
    const text = "Zubaidi met with Tamimi in Karbala.";
    const bogus: FoundMention[] = [
      [-5, 3], [10, 4], [30, 500], [Number.NaN, 2], [2.5, 6], [0, 7],
    ].map(([start, end]) => ({ type: "person", text: "x", name: "Zubaidi", start: start!, end: end!, normalized: "x", attributes: {}, origin: "model", confidence: 1 }));
    const relations = extractRelations(text, [...bogus, ...mentionsFor(text, [{ text: "Tamimi", type: "person" }])]);
    assertWellFormed(text, relations);
    assert.deepEqual(relations.map((relation) => relation.roles.participant), [["Zubaidi", "Tamimi"]]);
  });

  it("never throws and keeps every offset exact, whatever words, scripts and stray code units it is given", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { maxLength: 80 }), fc.boolean(), (words, persian) => {
        const text = words.join(" ");
        const names = ["Zubaidi", "Tamimi", "Quds Force", "Karbala"].map((name, index) => ({ text: name, type: index === 2 ? ("organization" as const) : index === 3 ? ("place" as const) : ("person" as const) }));
        const relations = extractRelations(text, mentionsFor(text, names, { jalali: persian }), { language: persian ? "fa" : "en", documentDate: "2015-01-01" });
        assertWellFormed(text, relations);
      }),
      { numRuns: 300 },
    );
  });
});
