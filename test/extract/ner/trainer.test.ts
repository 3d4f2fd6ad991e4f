import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { decodeModel, encodeModel } from "../../../src/extract/ner/model-file.js";
import { NerModel } from "../../../src/extract/ner/ner-model.js";
import { trainTagger } from "../../../src/extract/ner/training/trainer.js";
import { fixtureDocuments } from "./training-fixture.js";

const options = { language: "en" as const, types: ["PER", "LOC"], epochs: 4, trainedOn: "made-up sentences", folds: 3 };

describe("trainTagger", () => {
  it("learns to tag names in new combinations", () => {
    const { contents } = trainTagger(fixtureDocuments(30), options);
    const model = new NerModel(decodeModel(encodeModel(contents)));
    const [tagged] = model.tagDocument([["Vesna", "Oddsock", "toured", "Oxmoor", "."]]);
    assert.deepEqual(
      tagged?.spans.map(({ start, end, type }) => ({ start, end, type })),
      [{ start: 0, end: 2, type: "PER" }, { start: 3, end: 4, type: "LOC" }],
    );
  });

  it("gives the same model for the same data and seed", () => {
    const first = encodeModel(trainTagger(fixtureDocuments(12), { ...options, seed: 7 }).contents);
    const second = encodeModel(trainTagger(fixtureDocuments(12), { ...options, seed: 7 }).contents);
    assert.ok(first.equals(second));
  });

  it("keeps the epoch with the best held-out score and stops after the patience runs out", () => {
    const scores = [0.5, 0.7, 0.6, 0.6, 0.9];
    const result = trainTagger(fixtureDocuments(6), { ...options, epochs: 5, patience: 2, evaluate: () => scores.shift() ?? 0 });
    assert.equal(result.bestEpoch, 2);
    assert.deepEqual(result.reports.map((report) => report.epoch), [1, 2, 3, 4]);
  });
});
