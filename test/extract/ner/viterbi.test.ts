import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { BilouLabels } from "../../../src/extract/ner/labels.js";
import { margins, viterbi, type Lattice } from "../../../src/extract/ner/viterbi.js";

const labels = new BilouLabels(["PER"]);
const index = (name: string) => labels.names.indexOf(name);

/** A lattice over `rows` tokens where `scores[i][name]` is the emission score of a label at token i. */
function lattice(scores: Record<string, number>[], transitions: Record<string, number> = {}): Lattice {
  const size = labels.size;
  const emissions = new Float32Array(scores.length * size);
  scores.forEach((row, i) => {
    for (const [name, score] of Object.entries(row)) emissions[i * size + index(name)] = score;
  });
  const transitionScores = new Float32Array(size * size);
  for (const [pair, score] of Object.entries(transitions)) {
    const [from, to] = pair.split(">");
    transitionScores[index(from ?? "") * size + index(to ?? "")] = score;
  }
  return {
    emissions,
    length: scores.length,
    labelCount: size,
    transitions: transitionScores,
    start: new Float32Array(size),
    end: new Float32Array(size),
    allowed: labels.allowed,
    allowedFirst: labels.allowedFirst,
    allowedLast: labels.allowedLast,
  };
}

const names = (decoded: Uint8Array) => [...decoded].map((label) => labels.names[label]);

describe("viterbi", () => {
  it("takes the best label per token when transitions are neutral", () => {
    const decoded = viterbi(lattice([{ O: 2 }, { "U-PER": 3 }, { O: 1 }]));
    assert.deepEqual(names(decoded.labels), ["O", "U-PER", "O"]);
    assert.equal(decoded.score, 6);
  });

  it("lets transition scores change the best path", () => {
    const scores: Record<string, number>[] = [{ "B-PER": 2, "U-PER": 2.5 }, { "L-PER": 2, O: 2.2 }];
    assert.deepEqual(names(viterbi(lattice(scores)).labels), ["U-PER", "O"]);
    assert.deepEqual(names(viterbi(lattice(scores, { "B-PER>L-PER": 1 })).labels), ["B-PER", "L-PER"]);
  });

  it("never produces a malformed sequence, however the tokens score alone", () => {
    const decoded = viterbi(lattice([{ "I-PER": 10 }, { "B-PER": 10 }, { O: 1 }]));
    const sequence = names(decoded.labels);
    assert.deepEqual(sequence, ["O", "B-PER", "L-PER"]);
    for (let i = 1; i < sequence.length; i++) assert.equal(labels.allowed[index(sequence[i - 1] ?? "") * labels.size + index(sequence[i] ?? "")], 1);
    assert.equal(labels.allowedLast[decoded.labels[decoded.labels.length - 1] ?? 0], 1);
  });

  it("decodes an empty sentence to nothing", () => {
    assert.equal(viterbi(lattice([])).labels.length, 0);
  });

  it("gives larger margins to clearer decisions", () => {
    const input = lattice([{ "U-PER": 5 }, { O: 0.1, "U-PER": 0 }]);
    const decoded = viterbi(input);
    const tokenMargins = margins(input, decoded);
    assert.ok(Math.abs((tokenMargins[0] ?? 0) - 5) < 1e-6);
    assert.ok(Math.abs((tokenMargins[1] ?? 0) - 0.1) < 1e-6);
  });
});
