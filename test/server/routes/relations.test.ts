import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { RelationsView } from "../../../src/server/api-types.js";
import { asJson, servedRelationArchive } from "../fixtures.js";


describe("GET /api/relations", () => {
  const served = servedRelationArchive();
  const { body, errorOf } = served;
  const relations = () => served.trove.archive.reader.relations;

  it("lists the archive's relations with their evidence, and how many there are in all", async () => {
    const view = await body<RelationsView>("/api/relations");
    assert.deepEqual(view, asJson({ relations: relations().listRelations({ limit: 100, offset: 0 }), total: relations().countRelations({}) }));
    const expense = view.relations.find((relation) => relation.id === served.fixture.saved.expense);
    assert.ok(expense, "the saved expense is listed");
    assert.equal(expense.evidence.text, "Total: 87.5 euros (eighty-seven and a half euros).");
    assert.equal(expense.documentId, served.fixture.documents.erbil);
  });

  it("narrows by type, by a participant and by document, and pages with the total unchanged", async () => {
    const payments = await body<RelationsView>("/api/relations?type=payment");
    assert.ok(payments.relations.length >= 2 && payments.relations.every((relation) => relation.type === "payment"));
    const tamimi = await body<RelationsView>(`/api/relations?entity=${served.fixture.entities.tamimi}`);
    assert.ok(tamimi.relations.some((relation) => relation.id === served.fixture.saved.meeting));
    assert.ok(tamimi.relations.every((relation) => relation.participants.some((participant) => participant.entityId === served.fixture.entities.tamimi)));
    const fromErbil = await body<RelationsView>(`/api/relations?document=${served.fixture.documents.erbil}`);
    assert.deepEqual(fromErbil.relations.map((relation) => relation.id), [served.fixture.saved.expense]);
    const both = await body<RelationsView>(`/api/relations?type=meeting&entity=${served.fixture.entities.tamimi}`);
    assert.ok(both.relations.every((relation) => relation.type === "meeting"));

    const page = await body<RelationsView>("/api/relations?limit=1&offset=1");
    assert.equal(page.relations.length, 1);
    assert.equal(page.total, relations().countRelations({}));
    assert.deepEqual(page.relations[0], (await body<RelationsView>("/api/relations")).relations[1]);
  });

  it("answers a filter that matches nothing with an empty page, and an id the archive lacks with 404", async () => {
    assert.deepEqual(await body<RelationsView>(`/api/relations?type=recruitment&document=${served.fixture.documents.erbil}`), { relations: [], total: 0 });
    assert.equal((await errorOf("/api/relations?entity=999999", 404)).code, "not-found");
    assert.equal((await errorOf("/api/relations?document=999999", 404)).code, "not-found");
  });

  it("refuses bad parameters with 400 bad-request", async () => {
    for (const query of ["type=bribe", "type=MEETING", "entity=abc", "entity=0", "document=-1", "limit=501", "limit=x", "offset=1.5"]) {
      assert.equal((await errorOf(`/api/relations?${query}`, 400)).code, "bad-request", query);
    }
  });
});
