import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { ArchiveAccess } from "../../src/server/archive-access.js";
import { NetworkCache } from "../../src/server/network-cache.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { relationArchive, type RelationArchive } from "./fixtures.js";

describe("the network cache", () => {
  let fixture: RelationArchive;
  let archive: ArchiveAccess;
  before(async () => {
    fixture = await relationArchive();
    archive = ArchiveAccess.open(fixture.archive);
  });
  after(() => archive.close());

  it("hands out the network it built while nothing is committed to the archive", () => {
    const cache = new NetworkCache(archive);
    const first = cache.network;
    assert.ok(first.graph.order > 0);
    assert.equal(cache.network, first);
    assert.equal(cache.network.metrics, first.metrics, "the measures are computed once");
  });

  it("builds afresh once another connection commits, and keeps that one in turn", () => {
    const cache = new NetworkCache(archive);
    const first = cache.network;
    const writer = SqliteStore.open(fixture.archive);
    try {
      writer.entities.mergeEntities(fixture.entities.zubaidi, [fixture.entities.tamimi], "the same man");
      writer.commit();
    } finally {
      writer.close();
    }
    const second = cache.network;
    assert.notEqual(second, first);
    assert.equal(second.entity(fixture.entities.tamimi), undefined, "the merged entity is gone from the new network");
    assert.equal(cache.network, second);
  });
});
