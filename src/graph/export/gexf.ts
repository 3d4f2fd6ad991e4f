/**
 * GEXF 1.3, the format Gephi reads natively: entities with their type,
 * mentions, centralities and community as attributes (to size, colour and
 * filter by in Gephi), edges weighted as PageRank and Louvain weighed them.
 */
import type { NetworkView } from "../../model/network.js";
import { xmlText } from "./xml.js";

const NODE_ATTRIBUTES = [
  ["type", "string"],
  ["mentions", "integer"],
  ["degree", "integer"],
  ["pagerank", "double"],
  ["betweenness", "double"],
  ["community", "integer"],
] as const;

const EDGE_ATTRIBUTES = [
  ["kinds", "string"],
  ["relations", "integer"],
  ["cooccurrences", "integer"],
] as const;

/** The document, in chunks. Edge `kinds` is one string, kinds joined by `;`, which Gephi can split into a partition. */
export function* gexf(view: NetworkView): Generator<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n';
  yield "  <meta>\n    <creator>Trove</creator>\n    <description>Entities linked by stated relations (weight 3 each) and shared paragraphs (weight 1 each)</description>\n  </meta>\n";
  yield '  <graph defaultedgetype="undirected" mode="static">\n';
  yield attributeDeclarations("node", NODE_ATTRIBUTES);
  yield attributeDeclarations("edge", EDGE_ATTRIBUTES);
  yield `    <nodes count="${view.nodes.length}">\n`;
  for (const node of view.nodes) {
    const values = [node.type, node.mentions, node.degree, node.pagerank, node.betweenness, node.community];
    yield `      <node id="${node.id}" label="${xmlText(node.name)}">\n${attributeValues(NODE_ATTRIBUTES, values)}      </node>\n`;
  }
  yield `    </nodes>\n    <edges count="${view.edges.length}">\n`;
  for (const [index, edge] of view.edges.entries()) {
    const values = [edge.kinds.join(";"), edge.relations, edge.cooccurrences];
    yield `      <edge id="${index}" source="${edge.source}" target="${edge.target}" weight="${edge.weight}" label="${xmlText(edge.kinds[0] ?? "")}">\n${attributeValues(EDGE_ATTRIBUTES, values)}      </edge>\n`;
  }
  yield "    </edges>\n  </graph>\n</gexf>\n";
}

function attributeDeclarations(kind: "node" | "edge", attributes: ReadonlyArray<readonly [string, string]>): string {
  const lines = attributes.map(([id, type]) => `      <attribute id="${id}" title="${id}" type="${type}"/>\n`).join("");
  return `    <attributes class="${kind}" mode="static">\n${lines}    </attributes>\n`;
}

function attributeValues(attributes: ReadonlyArray<readonly [string, string]>, values: ReadonlyArray<string | number>): string {
  const lines = attributes.map(([id], index) => `          <attvalue for="${id}" value="${xmlText(String(values[index]))}"/>\n`).join("");
  return `        <attvalues>\n${lines}        </attvalues>\n`;
}
