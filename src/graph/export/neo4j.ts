/**
 * Files for Neo4j: `nodes.csv` and `edges.csv` (the same as the CSV export)
 * and `load.cypher`, which loads them with `LOAD CSV` into `:Entity` nodes,
 * labelled by type as well (`:Person`, `:Organization` …), joined by `:LINKED`
 * relationships that carry the edge's kinds as a list.
 *
 * Copy the three files into Neo4j's import directory and run
 * `cypher-shell -f load.cypher`. The script can be run again: it merges on
 * entity ids rather than creating duplicates.
 */
import type { NetworkView } from "../../model/network.js";
import { EDGE_COLUMNS, KIND_SEPARATOR, NODE_COLUMNS, edgesCsv, nodesCsv } from "./csv.js";
import type { ExportedFile } from "./write.js";

export function neo4jFiles(view: NetworkView): ExportedFile[] {
  return [
    { name: "nodes.csv", content: nodesCsv(view) },
    { name: "edges.csv", content: edgesCsv(view) },
    { name: "load.cypher", content: [loadCypher(view)] },
  ];
}

const NODE_PROPERTIES: Record<(typeof NODE_COLUMNS)[number], string> = {
  id: "toInteger(row.id)",
  type: "row.type",
  name: "row.name",
  mentions: "toInteger(row.mentions)",
  degree: "toInteger(row.degree)",
  pagerank: "toFloat(row.pagerank)",
  betweenness: "toFloat(row.betweenness)",
  community: "toInteger(row.community)",
};

const EDGE_PROPERTIES: Record<Exclude<(typeof EDGE_COLUMNS)[number], "source" | "target">, string> = {
  kinds: `split(row.kinds, '${KIND_SEPARATOR}')`,
  relations: "toInteger(row.relations)",
  cooccurrences: "toInteger(row.cooccurrences)",
  weight: "toInteger(row.weight)",
};

/** The entity types present, as labels: `organization` → `Organization`. */
function labels(view: NetworkView): Array<[string, string]> {
  const types = [...new Set(view.nodes.map((node) => node.type))].sort();
  return types.map((type) => [type, type.charAt(0).toUpperCase() + type.slice(1)]);
}

export function loadCypher(view: NetworkView): string {
  const nodeSets = Object.entries(NODE_PROPERTIES)
    .filter(([name]) => name !== "id")
    .map(([name, value]) => `e.${name} = ${value}`)
    .join(",\n    ");
  const edgeSets = Object.entries(EDGE_PROPERTIES)
    .map(([name, value]) => `r.${name} = ${value}`)
    .join(",\n    ");
  const statements = [
    "// Trove network. Copy nodes.csv, edges.csv and this file into Neo4j's import directory, then: cypher-shell -f load.cypher",
    "CREATE CONSTRAINT trove_entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;",
    `LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row\nMERGE (e:Entity {id: ${NODE_PROPERTIES.id}})\nSET ${nodeSets};`,
    ...labels(view).map(([type, label]) => `MATCH (e:Entity {type: '${type}'}) SET e:${label};`),
    `LOAD CSV WITH HEADERS FROM 'file:///edges.csv' AS row\nMATCH (a:Entity {id: toInteger(row.source)})\nMATCH (b:Entity {id: toInteger(row.target)})\nMERGE (a)-[r:LINKED]->(b)\nSET ${edgeSets};`,
  ];
  return `${statements.join("\n\n")}\n`;
}
