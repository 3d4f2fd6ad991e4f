/**
 * `GET /api/relations`: what the archive says happened between people,
 * organisations and places, each relation with the sentence it was read
 * from; filtered by type, by a participant or by the document, paged.
 */
import { Hono } from "hono";
import { RELATION_TYPES, type RelationType } from "../../model/relation.js";
import type { RelationQuery } from "../../store/relation-store.js";
import type { RelationsView } from "../api-types.js";
import type { ArchiveAccess } from "../archive-access.js";
import { oneOf, optionalId, wholeNumber } from "../params.js";
import { requireDocument, requireEntity } from "../known-ids.js";

export const DEFAULT_RELATION_LIMIT = 100;
export const MAX_RELATION_LIMIT = 500;

export function relationRoutes(archive: ArchiveAccess): Hono {
  return new Hono().get("/api/relations", (c) => {
    const type = oneOf<RelationType | "">(c.req.query("type"), "type", RELATION_TYPES, "");
    const entityId = optionalId(c.req.query("entity"), "entity");
    const documentId = optionalId(c.req.query("document"), "document");
    const filter: RelationQuery = {
      ...(type && { type }),
      ...(entityId !== undefined && { entityId }),
      ...(documentId !== undefined && { documentId }),
    };
    const relations = archive.reader.relations.listRelations({
      ...filter,
      limit: wholeNumber(c.req.query("limit"), "limit", DEFAULT_RELATION_LIMIT, MAX_RELATION_LIMIT),
      offset: wholeNumber(c.req.query("offset"), "offset", 0, Number.MAX_SAFE_INTEGER),
    });
    const view: RelationsView = { relations, total: archive.reader.relations.countRelations(filter) };
    // Nothing found may mean the entity or document asked about does not exist; only then is it worth asking.
    if (view.total === 0) {
      if (entityId !== undefined) requireEntity(archive, entityId);
      if (documentId !== undefined) requireDocument(archive, documentId);
    }
    return c.json(view);
  });
}
