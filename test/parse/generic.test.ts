import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import fc from "fast-check";
import type { Cable, ParseInput } from "../../src/model/cable.js";
import { genericParser } from "../../src/parse/generic.js";

function input(text: string, name = "note.txt"): ParseInput {
  return { text, name, type: "text", metadata: {} };
}

function assertTraceable(cable: Cable, text: string): void {
  for (const paragraph of cable.paragraphs) assert.equal(text.slice(paragraph.start, paragraph.end), paragraph.text);
}

describe("genericParser", () => {
  it("recognises every document", () => {
    assert.equal(genericParser.recognises(input("")), true);
    assert.equal(genericParser.recognises({ ...input("%PDF"), type: "binary" }), true);
  });

  it("takes a Subject line (موضوع، الموضوع) for its subject, else the first line with words", () => {
    assert.equal(genericParser.parse(input("----\n12\nNote to the newsroom\nSubject: Payments to the MP\n")).subject, "Payments to the MP");
    assert.equal(genericParser.parse(input("یادداشت\nموضوع: دیدار در کربلا")).subject, "دیدار در کربلا");
    assert.equal(genericParser.parse(input("\n  ----\n2015\n# Zubaidi payments thread\n\nText.")).subject, "Zubaidi payments thread");
    assert.equal(genericParser.parse(input("")).subject, undefined);
  });

  it("cuts a long first line at a word to make a title", () => {
    const subject = genericParser.parse(input(`${"word ".repeat(100)}end`)).subject!;
    assert.ok(subject.length <= 201 && subject.endsWith("…"));
  });

  it("dates the document by its first plausible date and keeps the others", () => {
    const cable = genericParser.parse(input("Planned for 2099-01-01.\nWritten ۱۳۹۳/۰۷/۱۵ in Karbala; sent on 7 October 2014."));
    assert.equal(cable.date?.iso, "2014-10-07");
    assert.equal(cable.date?.calendar, "jalali");
    assert.deepEqual(cable.otherDates.map((date) => date.iso), ["2099-01-01", "2014-10-07"]);
  });

  it("splits paragraphs at blank lines and at numbered lines", () => {
    const text = "First block\nstill first.\n\n1. One.\n2. Two.\n\n\nLast.";
    const cable = genericParser.parse(input(text));
    assert.deepEqual(cable.paragraphs.map((paragraph) => [paragraph.number, paragraph.text]), [[undefined, "First block\nstill first."], ["1", "One."], ["2", "Two."], [undefined, "Last."]]);
    assertTraceable(cable, text);
  });

  it("reads the reporter's research notes: sources, dates and language", () => {
    const text = readFileSync("samples/notes/research-todo.md", "utf8");
    const cable = genericParser.parse(input(text, "research-todo.md"));
    assert.equal(cable.layout, "generic");
    assert.equal(cable.language, "en");
    assert.ok(cable.sources.includes("134250"));
    assert.ok(cable.date?.iso);
    assert.ok(cable.otherDates.length >= 10);
    assert.ok(cable.paragraphs.length >= 5);
    assertTraceable(cable, text);
  });

  it("never throws and keeps its offsets true, whatever the text", () => {
    const pieces = fc.constantFrom("Subject: ", "موضوع：", "# ", "\n", "\n\n", "\r\n", "1. ", "۱- ", "2014-10-07", "۱۳۹۳/۱۲/۳۱", "Source 134832", "منبع ۱۳۴۸۳۲", "ي", "\u200c", " ");
    const texts = fc.oneof(fc.string({ unit: "binary" }), fc.array(pieces, { maxLength: 50 }).map((parts) => parts.join("")));
    fc.assert(
      fc.property(texts, (text) => {
        const cable = genericParser.parse(input(text));
        assert.equal(cable.layout, "generic");
        assertTraceable(cable, text);
      }),
      { numRuns: 500 },
    );
  });
});
