/**
 * `GET /api/places`: every place the documents name, located offline against
 * the gazetteer (`located`, `ambiguous` with its candidates, or `unknown`),
 * most mentioned first; the same JSON as `trove places --json`.
 */
import { Hono } from "hono";
import { PLACE_STATUSES, placesView, type PlaceStatus } from "../../extract/geocode.js";
import type { PlacesView } from "../api-types.js";
import type { ArchiveAccess } from "../archive-access.js";
import { oneOf, wholeNumber } from "../params.js";

export function placeRoutes(archive: ArchiveAccess): Hono {
  return new Hono().get("/api/places", (c) => {
    const status = oneOf<PlaceStatus | "">(c.req.query("status"), "status", PLACE_STATUSES, "");
    const limit = c.req.query("limit");
    const view: PlacesView = placesView(archive.reader.entities, {
      ...(status && { status }),
      ...(limit !== undefined && limit !== "" && { limit: wholeNumber(limit, "limit", 0, Number.MAX_SAFE_INTEGER) }),
    });
    return c.json(view);
  });
}
