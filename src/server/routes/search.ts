/** `GET /api/search`: the query language over the archive, the same JSON as `trove search --json`. */
import { Hono } from "hono";
import { searchArchive } from "../../search/sqlite-search.js";
import type { ArchiveAccess } from "../archive-access.js";
import { HttpError } from "../http-error.js";
import { oneOf, wholeNumber } from "../params.js";

/** Hits one page may hold; paging (`offset`) has no cap on depth. */
export const MAX_SEARCH_LIMIT = 500;
export const SEARCH_SORTS = ["relevance", "date", "date-asc"] as const;
/** Queries longer than this are refused before parsing: no real query comes near it. */
const MAX_QUERY_CHARS = 4096;

export function searchRoutes(archive: ArchiveAccess): Hono {
  return new Hono().get("/api/search", (c) => {
    const query = c.req.query("q");
    if (query === undefined) throw new HttpError(400, "bad-request", "the query parameter q is missing: /api/search?q=karbala");
    if (query.length > MAX_QUERY_CHARS) throw new HttpError(400, "bad-request", `the query is longer than ${MAX_QUERY_CHARS} characters`);
    const result = searchArchive(archive.reader, query, {
      limit: wholeNumber(c.req.query("limit"), "limit", 20, MAX_SEARCH_LIMIT),
      offset: wholeNumber(c.req.query("offset"), "offset", 0, Number.MAX_SAFE_INTEGER),
      sort: oneOf(c.req.query("sort"), "sort", SEARCH_SORTS, "relevance"),
    });
    archive.audit(c, "search", query, { total: result.total });
    return c.json(result);
  });
}
