/** Saved searches: `GET|POST /api/searches`, `DELETE /api/searches/{id}`. */
import { Hono } from "hono";
import { ANNOTATION_LIMITS } from "../../model/annotation.js";
import { parseQuery } from "../../search/query-parser.js";
import type { SavedSearchesView } from "../api-types.js";
import type { ArchiveAccess } from "../archive-access.js";
import { withWriter } from "../archive-writer.js";
import { HttpError } from "../http-error.js";
import { jsonBody, onlyFields, optionalChoice, requiredString, requireJsonContentType } from "../json-body.js";
import { SEARCH_SORTS } from "./search.js";

export function savedSearchRoutes(archive: ArchiveAccess): Hono {
  const routes = new Hono();
  routes.use("/api/searches", requireJsonContentType());
  routes.use("/api/searches/:id", requireJsonContentType());

  routes.get("/api/searches", (c) => {
    const view: SavedSearchesView = { searches: archive.reader.annotations.listSavedSearches() };
    return c.json(view);
  });

  routes.post("/api/searches", async (c) => {
    const body = await jsonBody(c.req.raw);
    onlyFields(body, ["name", "query", "sort"]);
    const name = requiredString(body, "name", ANNOTATION_LIMITS.savedSearchNameChars);
    const query = requiredString(body, "query", ANNOTATION_LIMITS.queryChars);
    const sort = optionalChoice(body, "sort", SEARCH_SORTS);
    // A query that cannot run is refused now, with the parser's position, rather than each time it is run.
    parseQuery(query);
    const saved = withWriter(archive, (store) =>
      store.annotations.saveSearch({ name, query, ...(sort !== undefined && { sort }), author: c.get("identity").actor }),
    );
    return c.json(saved, 201);
  });

  routes.delete("/api/searches/:id", (c) => {
    const value = c.req.param("id");
    const id = Number(value);
    if (!/^\d{1,15}$/.test(value) || id <= 0) throw new HttpError(404, "not-found", `'${value.slice(0, 40)}' is not a saved search id`);
    withWriter(archive, (store) => store.annotations.deleteSavedSearch(id));
    return c.body(null, 204);
  });
  return routes;
}
