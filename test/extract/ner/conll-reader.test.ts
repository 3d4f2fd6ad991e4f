import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { groupByDateline, groupByDocStart, groupInBlocks, readConll } from "../../../src/extract/ner/training/conll-reader.js";

const SAMPLE = [
  "-DOCSTART- -X- O O",
  "",
  "QUUX NNP B-NP B-ORG",
  "WINS VBZ B-VP O",
  "",
  "GLOOMHAVEN NNP B-NP B-LOC",
  "1996-12-06 CD I-NP O",
  "",
  "Zorbo NNP B-NP B-PER",
  "Wobblebottom NNP I-NP I-PER",
  "spoke VBD B-VP O",
  "",
  "-DOCSTART- -X- O O",
  "",
  "Oxmoor\tB-LOC",
  "",
].join("\n");

describe("readConll", () => {
  it("reads tokens and the last column as tags, and marks document starts", () => {
    const sentences = readConll(SAMPLE);
    assert.equal(sentences.length, 4);
    assert.deepEqual(sentences[2]?.tokens, ["Zorbo", "Wobblebottom", "spoke"]);
    assert.deepEqual(sentences[2]?.tags, ["B-PER", "I-PER", "O"]);
    assert.deepEqual(sentences.map((sentence) => sentence.startsDocument), [true, false, false, true]);
    assert.deepEqual(sentences[3]?.tags, ["B-LOC"]);
  });

  it("reads CRLF files and ignores lines with one column", () => {
    const sentences = readConll("Zorbo B-PER\r\nstray\r\nspoke O\r\n\r\n");
    assert.deepEqual(sentences.map((sentence) => sentence.tokens), [["Zorbo", "spoke"]]);
  });
});

describe("grouping sentences into documents", () => {
  it("splits at -DOCSTART- lines when there are some", () => {
    assert.deepEqual(groupByDocStart(readConll(SAMPLE))?.map((document) => document.length), [3, 1]);
    assert.equal(groupByDocStart(readConll("a O\n\nb O\n")), undefined);
  });

  it("starts a story at the headline before each dateline", () => {
    const text = ["A O", "", "B O", "", "HEAD O", "", "ROME B-LOC", "1996-12-06 O", "", "Body O", "", "NEXT O", "", "Byline B-PER", "", "PARIS B-LOC", "1996-12-07 O", "", "More O"].join("\n");
    const documents = groupByDateline(readConll(text));
    assert.deepEqual(documents.map((document) => document.map((sentence) => sentence.tokens[0])), [["A", "B"], ["HEAD", "ROME", "Body"], ["NEXT", "Byline", "PARIS", "More"]]);
  });

  it("cuts consecutive sentences into blocks", () => {
    const sentences = readConll(Array.from({ length: 5 }, (_, i) => `w${i} O\n`).join("\n"));
    assert.deepEqual(groupInBlocks(sentences, 2).map((document) => document.length), [2, 2, 1]);
  });
});
