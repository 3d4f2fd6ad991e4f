/**
 * `GET /api/timeline`: dated relations and documents in date order, the same
 * JSON as `trove timeline --json`; narrowed to an entity, to kinds of event
 * and to a span of dates, paged.
 */
import { Hono } from "hono";
import { RELATION_TYPES, type RelationType } from "../../model/relation.js";
import type { TimelineView } from "../api-types.js";
import type { ArchiveAccess } from "../archive-access.js";
import { requireEntity } from "../known-ids.js";
import { isoDate, listOf, optionalId, wholeNumber } from "../params.js";

/** Relation types, and `document` for a document by its own date. */
export const TIMELINE_KINDS: readonly (RelationType | "document")[] = [...RELATION_TYPES, "document"];
export const DEFAULT_TIMELINE_LIMIT = 200;
export const MAX_TIMELINE_LIMIT = 1000;

export function timelineRoutes(archive: ArchiveAccess): Hono {
  return new Hono().get("/api/timeline", (c) => {
    const entityId = optionalId(c.req.query("entity"), "entity");
    const kinds = listOf(c.req.query("kinds"), "kinds", TIMELINE_KINDS);
    const from = isoDate(c.req.query("from"), "from");
    const to = isoDate(c.req.query("to"), "to");
    const view: TimelineView = archive.reader.relations.timeline({
      ...(entityId !== undefined && { entityId }),
      ...(kinds && { kinds }),
      ...(from && { from }),
      ...(to && { to }),
      limit: wholeNumber(c.req.query("limit"), "limit", DEFAULT_TIMELINE_LIMIT, MAX_TIMELINE_LIMIT),
      offset: wholeNumber(c.req.query("offset"), "offset", 0, Number.MAX_SAFE_INTEGER),
    });
    if (view.total === 0 && entityId !== undefined) requireEntity(archive, entityId);
    return c.json(view);
  });
}
