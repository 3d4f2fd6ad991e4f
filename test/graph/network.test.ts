import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildNetwork } from "../../src/graph/network.js";
import { entity, link, networkSource, person } from "./fixtures.js";

describe("buildNetwork", () => {
  it("aggregates the links between two entities into one edge, stated relations weighing 3 and shared paragraphs 1", () => {
    const links = [
      link(2, 1, "co-occurrence", { documentId: 7 }),
      link(1, 2, "payment", { relationId: 30 }),
      link(1, 2, "co-occurrence", { documentId: 8 }),
      link(2, 1, "meeting", { relationId: 12 }),
      link(2, 3, "co-occurrence"),
    ];
    const network = buildNetwork(networkSource([person(1), person(2), person(3)], links));
    assert.equal(network.nodes.length, 3);
    assert.equal(network.edges.length, 2);
    const edge = network.edge(2, 1)!;
    assert.equal(edge, network.edge(1, 2), "either way round");
    assert.deepEqual([edge.source, edge.target], [1, 2]);
    assert.deepEqual(edge.kinds, ["meeting", "payment", "co-occurrence"], "relations first, in the model's order");
    assert.equal(edge.relations, 2);
    assert.equal(edge.cooccurrences, 2);
    assert.equal(edge.weight, 2 * 3 + 2 * 1);
    assert.deepEqual(edge.links.map((kept) => kept.relationId ?? `paragraph in ${kept.documentId}`), [12, 30, "paragraph in 7", "paragraph in 8"]);
    assert.equal(network.edge(3, 2)!.weight, 1);
    assert.equal(network.edge(1, 3), undefined);
  });

  it("counts a relation once however many pairs of its participants the store links", () => {
    const meeting = [link(1, 2, "meeting", { relationId: 5 }), link(1, 2, "meeting", { relationId: 5 }), link(2, 3, "meeting", { relationId: 5 })];
    const network = buildNetwork(networkSource([person(1), person(2), person(3)], meeting));
    assert.equal(network.edge(1, 2)!.relations, 1);
    assert.equal(network.edge(1, 2)!.weight, 3);
  });

  it("leaves out links of an entity with itself and links to entities it was not given", () => {
    const network = buildNetwork(networkSource([person(1), person(2)], [link(1, 1), link(1, 99), link(1, 2)]));
    assert.equal(network.edges.length, 1);
    assert.deepEqual(network.nodes.map((node) => node.id), [1, 2]);
  });

  it("builds the same graph whatever order the store gives links and entities in", () => {
    const entities = [person(3), entity(1, "organization", "Northgate Trading Company"), person(2), entity(4, "place", "Karbala")];
    const links = [link(1, 2, "payment", { relationId: 1 }), link(3, 2, "meeting", { relationId: 2 }), link(4, 3, "co-occurrence"), link(1, 4, "affiliation", { relationId: 3 })];
    const forwards = buildNetwork(networkSource(entities, links));
    const backwards = buildNetwork(networkSource([...entities].reverse(), [...links].reverse()));
    assert.deepEqual(backwards.nodes, forwards.nodes);
    assert.deepEqual(backwards.edges, forwards.edges);
    assert.deepEqual(backwards.adjacency, forwards.adjacency);
    assert.deepEqual(backwards.graph.export(), forwards.graph.export());
    assert.deepEqual(backwards.metrics.communities.membership, forwards.metrics.communities.membership);
  });

  it("knows the entity behind each node, and none for an entity without links", () => {
    const network = buildNetwork(networkSource([person(1, "Darius Venn"), person(2)], [link(1, 2)]));
    assert.deepEqual(network.entity(1), { id: 1, type: "person", name: "Darius Venn" });
    assert.equal(network.entity(3), undefined);
  });

  it("gives the same network as a graphology graph, keyed by entity ids", () => {
    const network = buildNetwork(networkSource([person(1), person(2), person(3)], [link(3, 1, "payment"), link(2, 3, "co-occurrence")]));
    const { graph } = network;
    assert.deepEqual(graph.nodes(), ["1", "2", "3"]);
    assert.deepEqual(graph.edges(), ["1-3", "2-3"]);
    assert.equal(graph.getEdgeAttributes("3", "1").weight, 3);
    assert.equal(graph.getNodeAttributes("2").name, "Person 2");
  });

  it("builds an empty network from an archive without links", () => {
    const network = buildNetwork(networkSource([], []));
    assert.equal(network.nodes.length, 0);
    assert.equal(network.graph.order, 0);
    assert.deepEqual(network.metrics.communities.communities, []);
    assert.equal(network.metrics.centrality.pagerank.size, 0);
  });
});
