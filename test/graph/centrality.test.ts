import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import * as betweennessModule from "graphology-metrics/centrality/betweenness.js";
import { betweennessCentrality } from "../../src/graph/centrality.js";
import { buildNetwork } from "../../src/graph/network.js";
import type { NetworkLink } from "../../src/store/relation-store.js";
import { clique, link, networkSource, person, star } from "./fixtures.js";

const graphologyBetweenness = betweennessModule.default as unknown as typeof betweennessModule.default.default;

const people = (count: number, from = 1) => Array.from({ length: count }, (_, i) => person(from + i));

describe("centrality", () => {
  it("puts the centre of a star first by degree, PageRank and betweenness", () => {
    const network = buildNetwork(networkSource(people(6), star([1, 2, 3, 4, 5, 6])));
    const { degree, pagerank, betweenness, betweennessPivots } = network.metrics.centrality;
    assert.equal(degree.get(1), 5);
    assert.equal(degree.get(2), 1);
    for (let leaf = 2; leaf <= 6; leaf++) {
      assert.ok(pagerank.get(1)! > pagerank.get(leaf)!);
      assert.equal(betweenness.get(leaf), 0);
    }
    assert.equal(betweenness.get(1), 1, "every shortest path between two leaves goes through the centre");
    assert.equal(betweennessPivots, null);
  });

  it("gives a PageRank that sums to 1 and follows the weights", () => {
    // 1 is paid by 2 (a stated relation); 3 is only named beside 2.
    const network = buildNetwork(networkSource(people(3), [link(1, 2, "payment"), link(2, 3, "co-occurrence")]));
    const { pagerank } = network.metrics.centrality;
    const total = [...pagerank.values()].reduce((sum, score) => sum + score, 0);
    assert.ok(Math.abs(total - 1) < 1e-9, `sums to ${total}`);
    assert.ok(pagerank.get(1)! > pagerank.get(3)!, "a stated relation weighs more than a shared paragraph");
  });

  it("gives the middle of a chain of three a betweenness of 1 and the ends 0", () => {
    const network = buildNetwork(networkSource(people(3), [link(1, 2), link(2, 3)]));
    assert.deepEqual([...network.metrics.centrality.betweenness], [[1, 0], [2, 1], [3, 0]]);
  });

  it("agrees with graphology's exact betweenness on any graph", () => {
    const graphs = fc
      .integer({ min: 3, max: 14 })
      .chain((order) => fc.tuple(fc.constant(order), fc.uniqueArray(fc.tuple(fc.integer({ min: 1, max: order }), fc.integer({ min: 1, max: order })), { maxLength: 40 })));
    fc.assert(
      fc.property(graphs, ([order, pairs]) => {
        const links: NetworkLink[] = pairs.filter(([a, b]) => a !== b).map(([a, b]) => link(a, b, "co-occurrence", { documentId: a * 100 + b }));
        const network = buildNetwork(networkSource(people(order), links));
        const expected = graphologyBetweenness(network.graph, { getEdgeWeight: null, normalized: true });
        for (const [id, score] of network.metrics.centrality.betweenness) assert.ok(Math.abs(score - expected[String(id)]!) < 1e-9, `entity ${id}: ${score} ≠ ${expected[String(id)]}`);
      }),
      { numRuns: 100 },
    );
  });

  it("estimates betweenness from a seeded sample of sources on a large network, the same on every run", () => {
    // Two stars whose centres are joined: the centres stay on top however the sources are drawn.
    const links = [...star([1, ...Array.from({ length: 40 }, (_, i) => 100 + i)]), ...star([2, ...Array.from({ length: 40 }, (_, i) => 200 + i)]), link(1, 2)];
    const entities = [person(1), person(2), ...people(40, 100), ...people(40, 200)];
    const network = buildNetwork(networkSource(entities, links), { betweennessPivots: 20 });
    const estimate = network.metrics.centrality;
    assert.equal(estimate.betweennessPivots, 20);
    const ranked = [...estimate.betweenness].sort((a, b) => b[1] - a[1]).map(([id]) => id);
    assert.deepEqual(ranked.slice(0, 2).sort(), [1, 2]);
    for (const score of estimate.betweenness.values()) assert.ok(score >= 0 && score <= 1);
    const again = betweennessCentrality(network.adjacency, 20, network.options.seed);
    assert.deepEqual([...again.scores], network.nodes.map((node) => estimate.betweenness.get(node.id)));
  });

  it("scores every node of a clique alike", () => {
    const network = buildNetwork(networkSource(people(5), clique([1, 2, 3, 4, 5])));
    const scores = [...network.metrics.centrality.pagerank.values()];
    for (const score of scores) assert.ok(Math.abs(score - 0.2) < 1e-9);
    for (const score of network.metrics.centrality.betweenness.values()) assert.equal(score, 0);
  });
});
