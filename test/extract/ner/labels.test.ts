import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { BilouLabels, iobFromSpans, spansFromIob, type Span } from "../../../src/extract/ner/labels.js";

describe("spansFromIob", () => {
  it("reads IOB2 tags", () => {
    assert.deepEqual(spansFromIob(["B-PER", "I-PER", "O", "B-LOC", "B-LOC"]), [
      { start: 0, end: 2, type: "PER" },
      { start: 3, end: 4, type: "LOC" },
      { start: 4, end: 5, type: "LOC" },
    ]);
  });

  it("reads IOB1 tags, where I- opens an entity after O or another type", () => {
    assert.deepEqual(spansFromIob(["I-ORG", "I-ORG", "I-PER", "O", "I-LOC"]), [
      { start: 0, end: 2, type: "ORG" },
      { start: 2, end: 3, type: "PER" },
      { start: 4, end: 5, type: "LOC" },
    ]);
  });

  it("reads unknown tags as outside", () => {
    assert.deepEqual(spansFromIob(["X", "B-pers", "?"]), [{ start: 1, end: 2, type: "pers" }]);
  });

  it("round-trips through IOB2", () => {
    const spans: Span[] = [{ start: 1, end: 3, type: "org" }, { start: 3, end: 4, type: "org" }];
    assert.deepEqual(spansFromIob(iobFromSpans(spans, 5)), spans);
  });
});

describe("BilouLabels", () => {
  const labels = new BilouLabels(["PER", "LOC"]);

  it("has O and four labels per type", () => {
    assert.deepEqual(labels.names, ["O", "B-PER", "I-PER", "L-PER", "U-PER", "B-LOC", "I-LOC", "L-LOC", "U-LOC"]);
  });

  it("encodes one-token entities as U and longer ones as B…I…L", () => {
    const encoded = labels.encode([{ start: 0, end: 1, type: "LOC" }, { start: 2, end: 5, type: "PER" }], 6);
    assert.deepEqual([...encoded].map((label) => labels.names[label]), ["U-LOC", "O", "B-PER", "I-PER", "L-PER", "O"]);
  });

  it("allows only well-formed sequences", () => {
    const allowed = (from: string, to: string) => labels.allowed[labels.names.indexOf(from) * labels.size + labels.names.indexOf(to)] === 1;
    assert.ok(allowed("B-PER", "I-PER") && allowed("B-PER", "L-PER") && allowed("L-PER", "B-LOC") && allowed("O", "U-PER"));
    assert.ok(!allowed("B-PER", "O") && !allowed("B-PER", "L-LOC") && !allowed("O", "I-PER") && !allowed("U-PER", "L-PER"));
    assert.equal(labels.allowedFirst[labels.names.indexOf("I-PER")], 0);
    assert.equal(labels.allowedLast[labels.names.indexOf("B-PER")], 0);
  });

  it("decodes what it encodes", () => {
    const spanLists = fc.array(fc.record({ length: fc.integer({ min: 1, max: 4 }), gap: fc.integer({ min: 0, max: 2 }), type: fc.constantFrom("PER", "LOC") }), { maxLength: 8 });
    fc.assert(
      fc.property(spanLists, (parts) => {
        const spans: Span[] = [];
        let at = 0;
        for (const part of parts) {
          at += part.gap;
          spans.push({ start: at, end: at + part.length, type: part.type });
          at += part.length;
        }
        assert.deepEqual(labels.decode(labels.encode(spans, at + 1)), spans);
      }),
    );
  });

  it("decodes a malformed run leniently", () => {
    const names = ["I-PER", "L-PER", "O", "B-LOC"];
    assert.deepEqual(labels.decode(names.map((name) => labels.names.indexOf(name))), [
      { start: 0, end: 2, type: "PER" },
      { start: 3, end: 4, type: "LOC" },
    ]);
  });
});
