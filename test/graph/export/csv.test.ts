import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { csvFiles, csvRow, edgesCsv, nodesCsv } from "../../../src/graph/export/csv.js";
import { networkView } from "../../../src/graph/view.js";
import { NAMES, hostileNetwork } from "./hostile-network.js";
import { readCsv, readCsvRecords } from "./read-csv.js";

const view = networkView(hostileNetwork());
const written = (chunks: Iterable<string>) => [...chunks].join("");

describe("CSV export", () => {
  it("writes nodes.csv and edges.csv", () => {
    assert.deepEqual(csvFiles(view).map((file) => file.name), ["nodes.csv", "edges.csv"]);
  });

  it("gives back every name as written: commas, quotes, line breaks, Persian; a formula as text", () => {
    const nodes = readCsvRecords(written(nodesCsv(view)));
    assert.equal(nodes.length, view.nodes.length);
    const names = new Map(nodes.map((node) => [Number(node.id), node.name]));
    assert.equal(names.get(1), NAMES.markup);
    assert.equal(names.get(2), NAMES.comma);
    assert.equal(names.get(3), NAMES.newline);
    assert.equal(names.get(4), NAMES.persian);
    assert.equal(names.get(8), `'${NAMES.formula}`, "a spreadsheet shows it, never runs it");
    const first = nodes.find((node) => Number(node.id) === view.nodes[0]!.id)!;
    assert.deepEqual(first, Object.fromEntries(Object.entries(view.nodes[0]!).map(([key, value]) => [key, String(value)])));
  });

  it("writes one row per edge with its kinds joined by semicolons", () => {
    const edges = readCsvRecords(written(edgesCsv(view)));
    assert.equal(edges.length, view.edges.length);
    assert.deepEqual(edges.find((edge) => edge.source === "2" && edge.target === "4"), { source: "2", target: "4", kinds: "meeting;co-occurrence", relations: "1", cooccurrences: "1", weight: "4" });
  });

  it("round-trips any text through a row", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "grapheme-composite", maxLength: 20 }), { minLength: 1, maxLength: 5 }), (fields) => {
        assert.deepEqual(readCsv(csvRow(fields)), [fields]);
      }),
      { numRuns: 300 },
    );
    assert.deepEqual(readCsv(csvRow(['say "hi"', "a,b", "x\r\ny", "سلام"])), [['say "hi"', "a,b", "x\r\ny", "سلام"]]);
  });
});
