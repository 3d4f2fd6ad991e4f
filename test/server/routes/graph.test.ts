import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { buildNetwork } from "../../../src/graph/network.js";
import { evidencePath } from "../../../src/graph/paths.js";
import { networkView, rankEntities } from "../../../src/graph/view.js";
import type { EvidencePath, GraphRankingView, NetworkView } from "../../../src/server/api-types.js";
import { SqliteStore } from "../../../src/store/sqlite/sqlite-store.js";
import { asJson, servedRelationArchive } from "../fixtures.js";


describe("the network routes", () => {
  const served = servedRelationArchive();
  const { body, errorOf } = served;
  const network = () => buildNetwork(served.trove.archive.reader.relations);

  it("GET /api/graph is the network view of the archive, highest PageRank first", async () => {
    const view = await body<NetworkView>("/api/graph");
    assert.deepEqual(view, asJson(networkView(network(), { limit: 200 })));
    assert.ok(view.nodes.length > 5 && view.edges.length > 5 && view.communities.length > 0);
    const ranks = view.nodes.map((node) => node.pagerank);
    assert.deepEqual(ranks, [...ranks].sort((a, b) => b - a));
    const ids = new Set(view.nodes.map((node) => node.id));
    assert.ok(view.edges.every((edge) => ids.has(edge.source) && ids.has(edge.target)));
  });

  it("filters by entity type, link kind and community, and limits to the top entities", async () => {
    const people = await body<NetworkView>("/api/graph?types=person,organization");
    assert.ok(people.nodes.length > 0 && people.nodes.every((node) => node.type === "person" || node.type === "organization"));
    const meetings = await body<NetworkView>("/api/graph?kinds=meeting");
    assert.ok(meetings.edges.length > 0 && meetings.edges.every((edge) => edge.kinds.includes("meeting")));
    assert.ok(meetings.nodes.some((node) => node.id === served.fixture.entities.tamimi));
    const community = (await body<NetworkView>("/api/graph")).nodes[0]!.community;
    const members = await body<NetworkView>(`/api/graph?community=${community}`);
    assert.ok(members.nodes.length > 0 && members.nodes.every((node) => node.community === community));
    const top = await body<NetworkView>("/api/graph?limit=3");
    assert.equal(top.nodes.length, 3);
    assert.equal(top.omittedNodes, network().graph.order - 3);
  });

  it("GET /api/graph/top ranks entities by the centrality asked for", async () => {
    for (const by of ["pagerank", "degree", "betweenness"] as const) {
      const ranking = await body<GraphRankingView>(`/api/graph/top?by=${by}&limit=5`);
      assert.deepEqual(ranking, asJson({ by, nodes: rankEntities(network(), { by, limit: 5 }) }));
      const scores = ranking.nodes.map((node) => node[by]);
      assert.deepEqual(scores, [...scores].sort((a, b) => b - a), by);
    }
    assert.equal((await body<GraphRankingView>("/api/graph/top")).by, "pagerank");
  });

  it("GET /api/graph/path gives the chain of evidence between two entities, each step from a document", async () => {
    const { tamimi, zubaidi } = served.fixture.entities;
    const path = await body<EvidencePath>(`/api/graph/path?from=${tamimi}&to=${zubaidi}`);
    const store = served.trove.archive.reader;
    const ref = (id: number) => {
      const { type, name } = store.entities.getEntity(id, { mentionLimit: 0 });
      return { id, type, name };
    };
    assert.deepEqual(path, asJson(evidencePath(network(), ref(tamimi), ref(zubaidi))));
    assert.ok(path.hops && path.hops.length > 0);
    assert.equal(path.hops[0]!.from.id, tamimi);
    assert.equal(path.hops.at(-1)!.to.id, zubaidi);
    for (const hop of path.hops) assert.equal(store.getDocument(hop.documentId).text.slice(hop.evidence.start, hop.evidence.end), hop.evidence.text);
    assert.deepEqual((await body<EvidencePath>(`/api/graph/path?from=${tamimi}&to=${tamimi}`)).hops, []);
  });

  it("answers an unknown entity with 404, and a missing or malformed id with 400", async () => {
    assert.equal((await errorOf(`/api/graph/path?from=${served.fixture.entities.tamimi}&to=999999`, 404)).code, "not-found");
    assert.equal((await errorOf("/api/graph/path?from=999999&to=1", 404)).code, "not-found");
    for (const query of ["", "?from=1", "?to=1", "?from=abc&to=1", "?from=1&to=0"]) assert.equal((await errorOf(`/api/graph/path${query}`, 400)).code, "bad-request", query);
  });

  it("refuses bad filters with 400 bad-request", async () => {
    for (const query of ["types=people", "types=person,,place", "kinds=bribe", "community=-1", "community=x", "limit=5001"]) {
      assert.equal((await errorOf(`/api/graph?${query}`, 400)).code, "bad-request", query);
    }
    for (const query of ["by=closeness", "limit=501"]) assert.equal((await errorOf(`/api/graph/top?${query}`, 400)).code, "bad-request", query);
  });

  it("keeps answering from the network it built until the archive changes, then builds afresh", async () => {
    const before = await body<NetworkView>("/api/graph?limit=5000");
    const [kept, gone] = [before.nodes.find((node) => node.id === served.fixture.entities.zubaidi)!, before.nodes.find((node) => node.type === "person" && node.id !== served.fixture.entities.zubaidi)!];
    const writer = SqliteStore.open(served.fixture.archive);
    try {
      writer.entities.mergeEntities(kept.id, [gone.id], "the same man");
      writer.commit();
    } finally {
      writer.close();
    }
    const after = await body<NetworkView>("/api/graph?limit=5000");
    assert.ok(!after.nodes.some((node) => node.id === gone.id), "a merged entity leaves the network");
    assert.equal(after.nodes.length, before.nodes.length - 1);
  });
});
