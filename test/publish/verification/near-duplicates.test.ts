import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { MinHashIndex, jaccardOf, shingleSet, wordsOf } from "../../../src/publish/verification/near-duplicates.js";

/** A text of `count` distinct words drawn from a seeded vocabulary. */
function textOf(seed: number, count: number): string {
  const words: string[] = [];
  let state = seed;
  for (let index = 0; index < count; index++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    words.push(`w${state % 5000}`);
  }
  return words.join(" ");
}

function indexOf(texts: Map<number, string>, options = {}) {
  const index = new MinHashIndex(options);
  for (const [id, text] of texts) index.add(id, text);
  return index.nearDuplicates((id) => texts.get(id));
}

const REPORT = wordsOf(
  "Notes from the meeting with the partner desk about the Karbala reports. We agreed that every report must be checked against the shipping records of the port of Basra before anything is published. " +
    "The translator will compare the numbered paragraphs of each original with its English version, and the desk will ask the source for the missing report numbers.",
).join(" ");

describe("shingles and Jaccard similarity", () => {
  it("makes word shingles of the lower-cased words, in any script", () => {
    assert.deepEqual([...shingleSet("The Minister MET the source", 4)], ["the minister met the", "minister met the source"]);
    assert.deepEqual([...shingleSet("دیدار با منبع در کربلا", 4)], ["دیدار با منبع در", "با منبع در کربلا"]);
    assert.deepEqual([...shingleSet("two words", 4)], ["two words"]);
  });

  it("property: Jaccard is symmetric, 1 for a set with itself and 0 for disjoint sets", () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 30 }), fc.array(fc.string(), { maxLength: 30 }), (first, second) => {
        const [a, b] = [new Set(first), new Set(second)];
        const similarity = jaccardOf(a, b);
        return similarity === jaccardOf(b, a) && similarity >= 0 && similarity <= 1 && jaccardOf(a, a) === 1;
      }),
    );
    assert.equal(jaccardOf(new Set(["a"]), new Set(["b"])), 0);
  });
});

describe("MinHash near-duplicates", () => {
  it("finds a copy with one word changed, and verifies it on the texts", () => {
    const texts = new Map([
      [1, REPORT],
      [2, REPORT.replace("shipping", "cargo")],
      [3, textOf(7, 80)],
    ]);
    const report = indexOf(texts);
    assert.equal(report.documents, 3);
    assert.equal(report.pairs.length, 1);
    const [pair] = report.pairs;
    assert.deepEqual(pair!.documentIds, [1, 2]);
    assert.equal(pair!.jaccard, Math.round(jaccardOf(shingleSet(texts.get(1)!), shingleSet(texts.get(2)!)) * 1000) / 1000);
    assert.ok(pair!.jaccard >= 0.8 && pair!.estimatedJaccard >= 0.8);
    assert.deepEqual(report.method, { algorithm: "minhash-lsh", shingleWords: 4, hashes: 120, bands: 20, rowsPerBand: 6, seed: 1393, threshold: 0.8 });
  });

  it("pairs no unrelated texts, and leaves out texts too short to compare", () => {
    const texts = new Map(Array.from({ length: 60 }, (_, index) => [index + 1, textOf(index + 1, 120)] as [number, string]));
    texts.set(100, "Page 1");
    texts.set(101, "Page 1");
    const report = indexOf(texts);
    assert.equal(report.documents, 60);
    assert.deepEqual(report.pairs, []);
  });

  it("gives the same report on every run, and the same pairs with another seed", () => {
    const texts = new Map(Array.from({ length: 30 }, (_, index) => [index + 1, textOf(index % 10, 60 + (index % 3))] as [number, string]));
    const first = indexOf(texts);
    assert.deepEqual(indexOf(texts), first);
    assert.ok(first.pairs.length > 0);
    const ids = (report: typeof first) => report.pairs.map((pair) => pair.documentIds.join("-")).sort();
    assert.deepEqual(ids(indexOf(texts, { seed: 7 })), ids(first));
  });

  it("keeps a flood of identical texts linear: each is paired with the first", () => {
    const texts = new Map(Array.from({ length: 200 }, (_, index) => [index + 1, `${REPORT} ${index}`] as [number, string]));
    const report = indexOf(texts);
    assert.ok(report.pairs.every((pair) => pair.jaccard >= 0.8));
    assert.ok(report.pairs.length >= 199 && report.pairs.length < 200 * 20, `${report.pairs.length} pairs`);
  });

  it("property: the signatures estimate the texts' similarity closely", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 60 }), (seed, replaced) => {
        const words = textOf(seed, 150).split(" ");
        const edited = words.map((word, index) => (index % 150 < replaced && index % 2 === 0 ? `x${index}` : word));
        const texts = new Map([
          [1, words.join(" ")],
          [2, edited.join(" ")],
        ]);
        const exact = jaccardOf(shingleSet(texts.get(1)!), shingleSet(texts.get(2)!));
        // One row per band makes every pair that shares a single hash value a candidate, so that each estimate is seen.
        const report = indexOf(texts, { threshold: 0, bands: 120 });
        const pair = report.pairs[0];
        // 120 hashes: the estimate's standard deviation is at most 0.046; four of them is a generous bound.
        return pair === undefined ? exact < 0.05 : Math.abs(pair.estimatedJaccard - exact) <= 0.19;
      }),
      { numRuns: 60, seed: 1393 },
    );
  });

  it("refuses a number of hashes that the bands do not divide", () => {
    assert.throws(() => new MinHashIndex({ hashes: 100, bands: 30 }), RangeError);
  });
});
