/**
 * GraphML, for yEd, Cytoscape, NetworkX and igraph: every attribute declared
 * with a `<key>` (name, type and whether it belongs to nodes or edges) before
 * the graph, as the format requires.
 */
import type { NetworkView } from "../../model/network.js";
import { xmlText } from "./xml.js";

const NODE_KEYS = [
  ["name", "string"],
  ["type", "string"],
  ["mentions", "int"],
  ["degree", "int"],
  ["pagerank", "double"],
  ["betweenness", "double"],
  ["community", "int"],
] as const;

const EDGE_KEYS = [
  ["kinds", "string"],
  ["relations", "int"],
  ["cooccurrences", "int"],
  ["weight", "double"],
] as const;

/** The document, in chunks. Node ids are `n` and the entity id; edge `kinds` joins kinds with `;`. */
export function* graphml(view: NetworkView): Generator<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n';
  for (const [name, type] of NODE_KEYS) yield `  <key id="node-${name}" for="node" attr.name="${name}" attr.type="${type}"/>\n`;
  for (const [name, type] of EDGE_KEYS) yield `  <key id="edge-${name}" for="edge" attr.name="${name}" attr.type="${type}"/>\n`;
  yield '  <graph id="trove" edgedefault="undirected">\n';
  for (const node of view.nodes) {
    const values = [node.name, node.type, node.mentions, node.degree, node.pagerank, node.betweenness, node.community];
    yield `    <node id="n${node.id}">\n${data("node", NODE_KEYS, values)}    </node>\n`;
  }
  for (const [index, edge] of view.edges.entries()) {
    const values = [edge.kinds.join(";"), edge.relations, edge.cooccurrences, edge.weight];
    yield `    <edge id="e${index}" source="n${edge.source}" target="n${edge.target}">\n${data("edge", EDGE_KEYS, values)}    </edge>\n`;
  }
  yield "  </graph>\n</graphml>\n";
}

function data(kind: "node" | "edge", keys: ReadonlyArray<readonly [string, string]>, values: ReadonlyArray<string | number>): string {
  return keys.map(([name], index) => `      <data key="${kind}-${name}">${xmlText(String(values[index]))}</data>\n`).join("");
}
