import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { placesView } from "../../../src/extract/geocode.js";
import type { ApiError, PlacesView } from "../../../src/server/api-types.js";
import { asJson, servedRelationArchive } from "../fixtures.js";


describe("GET /api/places", () => {
  const served = servedRelationArchive();
  const { body } = served;

  it("is what trove places --json prints: every place entity, located offline or saying why not", async () => {
    const view = await body<PlacesView>("/api/places");
    assert.deepEqual(view, asJson(placesView(served.trove.archive.reader.entities)));
    assert.equal(view.places.length, served.trove.archive.reader.entities.listEntities({ type: "place", limit: 500 }).length);
    const karbala = view.places.find((place) => place.id === served.fixture.entities.karbala);
    assert.equal(karbala?.status, "located");
    assert.equal(karbala?.location?.country, "IQ");
    for (const place of view.places) {
      assert.equal(place.location === null, place.status !== "located", place.name);
      if (place.status === "ambiguous") assert.ok(place.candidates.length >= 2, place.name);
    }
  });

  it("narrows by status and limits", async () => {
    const located = await body<PlacesView>("/api/places?status=located&limit=2");
    assert.equal(located.places.length, 2);
    assert.ok(located.places.every((place) => place.status === "located"));
    assert.deepEqual(located, asJson(placesView(served.trove.archive.reader.entities, { status: "located", limit: 2 })));
  });

  it("refuses a bad status or limit with 400 bad-request", async () => {
    for (const query of ["status=found", "status=LOCATED", "limit=-1", "limit=x"]) assert.equal((await body<ApiError>(`/api/places?${query}`, 400)).error.code, "bad-request", query);
  });
});
