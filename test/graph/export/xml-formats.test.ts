import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { gexf } from "../../../src/graph/export/gexf.js";
import { graphml } from "../../../src/graph/export/graphml.js";
import { networkView } from "../../../src/graph/view.js";
import { NAMES, hostileNetwork } from "./hostile-network.js";
import { descendants, parseStrictXml } from "./strict-xml.js";

const view = networkView(hostileNetwork());
const written = (chunks: Iterable<string>) => [...chunks].join("");

describe("the strict XML reading the export tests rely on", () => {
  it("refuses what a strict parser refuses", () => {
    const declaration = '<?xml version="1.0" encoding="UTF-8"?>';
    for (const broken of ["<a><b></a>", "<a><b/>", "<a>Smith & Sons</a>", "<a/><b/>", "<a>\u0007</a>"]) {
      assert.throws(() => parseStrictXml(declaration + broken), Error, broken);
    }
    assert.equal(parseStrictXml(`${declaration}<a x="&quot;&#10;"><b/>&amp;</a>`).attributes.x, '"\n');
  });
});

describe("GEXF export", () => {
  const root = parseStrictXml(written(gexf(view)));

  it("is GEXF 1.3 with an undirected graph and every entity and edge", () => {
    assert.equal(root.name, "gexf");
    assert.equal(root.attributes.version, "1.3");
    assert.equal(root.attributes.xmlns, "http://gexf.net/1.3");
    const [graph] = descendants(root, "graph");
    assert.equal(graph!.attributes.defaultedgetype, "undirected");
    assert.equal(descendants(root, "node").length, view.nodes.length);
    assert.equal(descendants(root, "edge").length, view.edges.length);
  });

  it("declares the attributes it gives nodes and edges, with their values", () => {
    const declared = (kind: string) => descendants(root, "attributes").find((element) => element.attributes.class === kind)!.children.map((attribute) => attribute.attributes.id);
    assert.deepEqual(declared("node"), ["type", "mentions", "degree", "pagerank", "betweenness", "community"]);
    assert.deepEqual(declared("edge"), ["kinds", "relations", "cooccurrences"]);
    for (const node of descendants(root, "node")) {
      const values = Object.fromEntries(descendants(node, "attvalue").map((value) => [value.attributes.for, value.attributes.value]));
      const expected = view.nodes.find((shown) => String(shown.id) === node.attributes.id)!;
      assert.deepEqual(values, { type: expected.type, mentions: String(expected.mentions), degree: String(expected.degree), pagerank: String(expected.pagerank), betweenness: String(expected.betweenness), community: String(expected.community) });
    }
    const meeting = descendants(root, "edge").find((edge) => edge.attributes.source === "2" && edge.attributes.target === "4")!;
    assert.equal(meeting.attributes.weight, "4");
    assert.equal(descendants(meeting, "attvalue").find((value) => value.attributes.for === "kinds")!.attributes.value, "meeting;co-occurrence");
  });

  it("keeps names as written, line breaks included, dropping only characters XML forbids", () => {
    const labels = new Map(descendants(root, "node").map((node) => [node.attributes.id, node.attributes.label]));
    assert.equal(labels.get("1"), NAMES.markup);
    assert.equal(labels.get("2"), NAMES.comma);
    assert.equal(labels.get("3"), NAMES.newline);
    assert.equal(labels.get("4"), NAMES.persian);
    assert.equal(labels.get("7"), "BellName");
  });
});

describe("GraphML export", () => {
  const root = parseStrictXml(written(graphml(view)));

  it("declares a key for every piece of data before the graph", () => {
    assert.equal(root.name, "graphml");
    assert.equal(root.attributes.xmlns, "http://graphml.graphdrawing.org/xmlns");
    const keys = new Map(descendants(root, "key").map((key) => [key.attributes.id, key.attributes]));
    const firstGraph = root.children.findIndex((child) => child.name === "graph");
    assert.ok(root.children.slice(0, firstGraph).every((child) => child.name === "key"));
    for (const data of descendants(root, "data")) assert.ok(keys.has(data.attributes.key!), `undeclared key ${data.attributes.key}`);
    for (const [id, key] of keys) {
      assert.ok(["node", "edge"].includes(key.for!), id);
      assert.ok(["string", "int", "double"].includes(key["attr.type"]!), id);
    }
  });

  it("holds every entity and edge with its data", () => {
    const [graph] = descendants(root, "graph");
    assert.equal(graph!.attributes.edgedefault, "undirected");
    const nodes = descendants(root, "node");
    assert.equal(nodes.length, view.nodes.length);
    assert.equal(descendants(root, "edge").length, view.edges.length);
    const data = (element: (typeof nodes)[number]) => Object.fromEntries(element.children.map((child) => [child.attributes.key, child.text]));
    const persian = nodes.find((node) => node.attributes.id === "n4")!;
    assert.equal(data(persian)["node-name"], NAMES.persian);
    assert.equal(data(nodes.find((node) => node.attributes.id === "n1")!)["node-name"], NAMES.markup);
    const ids = new Set(nodes.map((node) => node.attributes.id));
    for (const edge of descendants(root, "edge")) {
      assert.ok(ids.has(edge.attributes.source!) && ids.has(edge.attributes.target!));
      assert.ok(Number(data(edge)["edge-weight"]) >= 1);
    }
  });
});
