import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildNetwork } from "../../src/graph/network.js";
import { networkView, rankEntities } from "../../src/graph/view.js";
import { clique, entity, link, networkSource, person } from "./fixtures.js";

/** A clique of four people, an organisation paying one of them, a place where two met, and a pair apart. */
function archive() {
  return buildNetwork(
    networkSource(
      [person(1), person(2), person(3), person(4), entity(5, "organization", "Northgate Trading Company"), entity(6, "place", "Karbala"), person(7), person(8)],
      [...clique([1, 2, 3, 4]), link(5, 1, "payment"), link(5, 1, "co-occurrence"), link(6, 2, "co-occurrence"), link(7, 8, "co-occurrence")],
    ),
  );
}

describe("networkView", () => {
  it("shows every entity by PageRank, every edge, and every community", () => {
    const network = archive();
    const view = networkView(network);
    assert.equal(view.nodes.length, 8);
    assert.equal(view.edges.length, 9);
    assert.equal(view.omittedNodes, 0);
    for (let i = 1; i < view.nodes.length; i++) assert.ok(view.nodes[i - 1]!.pagerank >= view.nodes[i]!.pagerank);
    assert.deepEqual(view.communities, network.metrics.communities.communities);
    const payment = view.edges.find((edge) => edge.source === 1 && edge.target === 5);
    assert.deepEqual(payment, { source: 1, target: 5, kinds: ["payment", "co-occurrence"], relations: 1, cooccurrences: 1, weight: 4 });
  });

  it("filters by entity type, keeping only edges between the entities shown", () => {
    const view = networkView(archive(), { types: ["person"] });
    assert.deepEqual(view.nodes.map((node) => node.id).sort(), [1, 2, 3, 4, 7, 8]);
    assert.equal(view.edges.length, 7);
  });

  it("filters by edge kind and by weight, dropping entities left without an edge", () => {
    const payments = networkView(archive(), { kinds: ["payment"] });
    assert.deepEqual(payments.nodes.map((node) => node.id).sort(), [1, 5]);
    assert.equal(payments.edges.length, 1);
    const heavy = networkView(archive(), { minWeight: 2 });
    assert.deepEqual(heavy.nodes.map((node) => node.id).sort(), [1, 2, 3, 4, 5]);
  });

  it("filters by community", () => {
    const network = archive();
    const community = network.metrics.communities.membership.get(7)!;
    const view = networkView(network, { community });
    assert.deepEqual(view.nodes.map((node) => node.id).sort(), [7, 8]);
    assert.deepEqual(view.communities.map((shown) => shown.id), [community]);
  });

  it("keeps the highest-PageRank entities under a limit and counts the rest", () => {
    const network = archive();
    const view = networkView(network, { limit: 3 });
    assert.equal(view.nodes.length, 3);
    assert.equal(view.omittedNodes, 5);
    const kept = new Set(view.nodes.map((node) => node.id));
    assert.ok(kept.has(1), "the best-linked person is kept");
    for (const edge of view.edges) assert.ok(kept.has(edge.source) && kept.has(edge.target));
  });
});

describe("rankEntities", () => {
  it("ranks by each centrality, ties by id, with every score and the community", () => {
    const network = archive();
    const byDegree = rankEntities(network, { by: "degree", limit: 3 });
    assert.deepEqual(byDegree.map((node) => [node.id, node.degree]), [[1, 4], [2, 4], [3, 3]]);
    const node = byDegree[0]!;
    assert.deepEqual(Object.keys(node).sort(), ["betweenness", "community", "degree", "id", "mentions", "name", "pagerank", "type"]);
    assert.equal(rankEntities(network, { by: "betweenness" })[0]!.id, 1);
    assert.deepEqual(rankEntities(network, { by: "pagerank", types: ["organization", "place"] }).map((ranked) => ranked.type).sort(), ["organization", "place"]);
  });
});
