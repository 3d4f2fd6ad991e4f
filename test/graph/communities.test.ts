import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildNetwork } from "../../src/graph/network.js";
import { clique, link, networkSource, person } from "./fixtures.js";

const names = ["Darius Venn", "Mara Quell", "Tobias Rinehart", "Ilse Marrow", "Omid Farzan", "Celeste Aubry", "Harith Zubaidi", "Karim Saadi", "Laleh Amini"];

/** A clique of five and a clique of four, joined by one meeting between 5 and 6. */
function twoCliques() {
  const entities = names.map((name, i) => person(i + 1, name));
  return networkSource(entities, [...clique([6, 7, 8, 9]), ...clique([1, 2, 3, 4, 5]), link(5, 6)]);
}

describe("communities", () => {
  it("finds the two cliques joined by one edge, the larger numbered 0", () => {
    const { membership, communities, modularity } = buildNetwork(twoCliques()).metrics.communities;
    assert.deepEqual(communities.map((community) => [community.id, community.size]), [[0, 5], [1, 4]]);
    for (const id of [1, 2, 3, 4, 5]) assert.equal(membership.get(id), 0);
    for (const id of [6, 7, 8, 9]) assert.equal(membership.get(id), 1);
    assert.ok(modularity > 0.3);
  });

  it("labels a community with its three highest-PageRank members", () => {
    const network = buildNetwork(twoCliques());
    const [largest] = network.metrics.communities.communities;
    // 5 bridges to the other clique, so it ranks first; the others tie and go by id.
    assert.equal(largest!.label, "Omid Farzan, Darius Venn, Mara Quell");
  });

  it("finds the same communities on every run", () => {
    const runs = Array.from({ length: 5 }, () => buildNetwork(twoCliques()).metrics.communities);
    for (const run of runs.slice(1)) assert.deepEqual(run, runs[0]);
  });

  it("keeps apart entities that share no link", () => {
    const network = buildNetwork(networkSource([person(1), person(2), person(3), person(4)], [link(1, 2), link(3, 4)]));
    const { membership, communities } = network.metrics.communities;
    assert.equal(communities.length, 2);
    assert.equal(membership.get(1), membership.get(2));
    assert.notEqual(membership.get(1), membership.get(3));
    assert.equal(membership.get(1), 0, "equal sizes go by lowest entity id");
  });
});
