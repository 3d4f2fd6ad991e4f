import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { TimelineView } from "../../../src/server/api-types.js";
import { asJson, servedRelationArchive } from "../fixtures.js";


describe("GET /api/timeline", () => {
  const served = servedRelationArchive();
  const { body, errorOf } = served;

  it("is the store's timeline: relations and documents by date, oldest first", async () => {
    const view = await body<TimelineView>("/api/timeline");
    assert.deepEqual(view, asJson(served.trove.archive.reader.relations.timeline({ limit: 200, offset: 0 })));
    const dates = view.events.map((event) => event.date);
    assert.deepEqual(dates, [...dates].sort());
    assert.ok(view.events.some((event) => event.kind === "document"));
    const meeting = view.events.find((event) => event.relationId === served.fixture.saved.meeting);
    assert.equal(meeting?.date, "2014-10-05");
    assert.equal(meeting?.evidence?.text, "a meeting was held at the Dar al-Salam Hotel in Karbala");
  });

  it("narrows by entity, kinds and dates, and pages", async () => {
    const tamimi = await body<TimelineView>(`/api/timeline?entity=${served.fixture.entities.tamimi}`);
    assert.ok(tamimi.events.some((event) => event.relationId === served.fixture.saved.meeting));
    const relations = tamimi.events.filter((event) => event.kind === "relation");
    assert.ok(relations.every((event) => event.entities.some((entity) => entity.id === served.fixture.entities.tamimi)));
    assert.ok(!tamimi.events.some((event) => event.relationId === served.fixture.saved.expense));
    const payments = await body<TimelineView>("/api/timeline?kinds=payment");
    assert.ok(payments.events.every((event) => event.relationType === "payment"));
    for (const saved of [served.fixture.saved.expense, served.fixture.saved.instalment]) assert.ok(payments.events.some((event) => event.relationId === saved), `payment ${saved}`);
    const documents = await body<TimelineView>("/api/timeline?kinds=document,meeting");
    assert.ok(documents.events.every((event) => event.kind === "document" || event.relationType === "meeting"));
    const november = await body<TimelineView>("/api/timeline?from=2014-11&to=2014-11-30");
    assert.ok(november.events.length > 0 && november.events.every((event) => event.date >= "2014-11" && event.date <= "2014-11-30"));
    assert.ok(november.events.some((event) => event.relationId === served.fixture.saved.expense));
    const all = await body<TimelineView>("/api/timeline");
    const page = await body<TimelineView>("/api/timeline?limit=2&offset=1");
    assert.deepEqual(page, { events: all.events.slice(1, 3), total: all.total });
  });

  it("answers an unknown entity with 404 and bad parameters with 400", async () => {
    assert.equal((await errorOf("/api/timeline?entity=999999", 404)).code, "not-found");
    for (const query of ["entity=x", "kinds=party", "kinds=meeting,", "from=2014-13", "to=14-10-05", "from=yesterday", "limit=1001", "offset=-1"]) {
      assert.equal((await errorOf(`/api/timeline?${query}`, 400)).code, "bad-request", query);
    }
  });
});
