import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { neo4jFiles } from "../../../src/graph/export/neo4j.js";
import { networkView } from "../../../src/graph/view.js";
import { hostileNetwork } from "./hostile-network.js";
import { readCsv, readCsvRecords } from "./read-csv.js";

const view = networkView(hostileNetwork());
const files = new Map(neo4jFiles(view).map((file) => [file.name, [...file.content].join("")]));
const cypher = files.get("load.cypher")!;
const statements = cypher
  .split(/;\s*\n/)
  .map((statement) => statement.replace(/^\/\/.*\n/gm, "").trim())
  .filter(Boolean);

describe("Neo4j export", () => {
  it("writes the two CSV files and the script that loads them", () => {
    assert.deepEqual([...files.keys()], ["nodes.csv", "edges.csv", "load.cypher"]);
    assert.equal(readCsvRecords(files.get("nodes.csv")!).length, view.nodes.length);
    assert.equal(readCsvRecords(files.get("edges.csv")!).length, view.edges.length);
  });

  it("loads only files it writes, reading only columns they have", () => {
    const loads = statements.filter((statement) => statement.startsWith("LOAD CSV"));
    assert.equal(loads.length, 2);
    for (const statement of loads) {
      const [, file] = /^LOAD CSV WITH HEADERS FROM 'file:\/\/\/([^']+)' AS row\b/.exec(statement)!;
      assert.ok(files.has(file!), `${file} is written`);
      const header = new Set(readCsv(files.get(file!)!)[0]);
      const columns = [...statement.matchAll(/\brow\.(\w+)/g)].map((match) => match[1]!);
      assert.ok(columns.length > 0);
      for (const column of columns) assert.ok(header.has(column), `${file} has ${column}`);
    }
    const nodeColumns = [...loads[0]!.matchAll(/\brow\.(\w+)/g)].map((match) => match[1]);
    assert.deepEqual(new Set(nodeColumns), new Set(readCsv(files.get("nodes.csv")!)[0]), "every node column is loaded");
  });

  it("makes entity ids unique, labels every type present, and links entities by the ids the nodes were loaded with", () => {
    assert.match(statements[0]!, /^CREATE CONSTRAINT \w+ IF NOT EXISTS FOR \(e:Entity\) REQUIRE e\.id IS UNIQUE$/);
    const labelled = statements.flatMap((statement) => {
      const match = /^MATCH \(e:Entity \{type: '(\w+)'\}\) SET e:(\w+)$/.exec(statement);
      return match ? [[match[1], match[2]]] : [];
    });
    assert.deepEqual(labelled, [["organization", "Organization"], ["person", "Person"], ["place", "Place"], ["source", "Source"]]);
    assert.match(statements[1]!, /MERGE \(e:Entity \{id: toInteger\(row\.id\)\}\)/);
    const edges = statements.at(-1)!;
    assert.match(edges, /MATCH \(a:Entity \{id: toInteger\(row\.source\)\}\)/);
    assert.match(edges, /MATCH \(b:Entity \{id: toInteger\(row\.target\)\}\)/);
    assert.match(edges, /MERGE \(a\)-\[r:LINKED\]->\(b\)/);
    assert.match(edges, /r\.kinds = split\(row\.kinds, ';'\)/);
  });

  it("balances the brackets and quotes of every statement", () => {
    for (const statement of statements) {
      for (const [open, close] of [["(", ")"], ["{", "}"], ["[", "]"]] as const) {
        assert.equal(statement.split(open).length, statement.split(close).length, `${open}${close} in ${statement}`);
      }
      assert.equal((statement.match(/'/g) ?? []).length % 2, 0, statement);
    }
  });
});
