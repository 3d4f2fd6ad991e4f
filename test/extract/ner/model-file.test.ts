import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { gunzipSync, gzipSync } from "node:zlib";
import { decodeModel, encodeModel, ModelFileError } from "../../../src/extract/ner/model-file.js";
import { trainTagger } from "../../../src/extract/ner/training/trainer.js";
import { fixtureDocuments } from "./training-fixture.js";

const contents = trainTagger(fixtureDocuments(8), { language: "en", types: ["PER", "LOC"], epochs: 2, trainedOn: "made-up sentences" }).contents;

describe("model files", () => {
  it("read back what was written, weights to within the quantisation step", () => {
    const decoded = decodeModel(encodeModel(contents));
    assert.deepEqual(decoded.header, contents.header);
    assert.deepEqual([...decoded.weights.keys], [...contents.weights.keys]);
    assert.deepEqual([...decoded.weights.rowStart], [...contents.weights.rowStart]);
    assert.deepEqual([...decoded.weights.labels], [...contents.weights.labels]);
    const largest = Math.max(...contents.weights.values.map(Math.abs));
    decoded.weights.values.forEach((value, j) => assert.ok(Math.abs(value - (contents.weights.values[j] ?? 0)) <= largest / 32767));
    assert.deepEqual([...decoded.weights.transitions], [...contents.weights.transitions]);
    assert.deepEqual([...decoded.casing.hashes], [...contents.casing.hashes]);
    assert.deepEqual([...decoded.casing.classes], [...contents.casing.classes]);
    assert.deepEqual([...decoded.entityRates.hashes], [...contents.entityRates.hashes]);
    assert.deepEqual([...decoded.entityRates.classes], [...contents.entityRates.classes]);
  });

  it("refuses data that is not a model file", () => {
    const isModelError = (error: unknown) => error instanceof ModelFileError;
    assert.throws(() => decodeModel(Buffer.from("not gzip")), isModelError);
    assert.throws(() => decodeModel(gzipSync(Buffer.from("NOTAMODEL"))), isModelError);
    const whole = encodeModel(contents);
    const raw = gzipSync(gunzipSync(whole).subarray(0, 200));
    assert.throws(() => decodeModel(raw), isModelError);
  });
});
