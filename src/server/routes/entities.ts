/**
 * The people, organisations, places and sources of the archive:
 * `GET /api/entities` is `trove entities --json`, `GET /api/entities/{id}`
 * is `trove entity ID --json`, `GET /api/entities/lookup?name=` finds the
 * ids a name stands for, as `trove entity NAME` does before it opens one,
 * and `GET /api/documents/{id}/mentions` is what the reader highlights.
 */
import { Hono } from "hono";
import { NotFoundError } from "../../errors.js";
import { ENTITY_TYPES, type EntityType } from "../../model/entity.js";
import { findEntitiesByName } from "../../search/entity-lookup.js";
import type { DocumentMentionsView, EntitiesView, EntityLookupView, EntityView } from "../api-types.js";
import type { ArchiveAccess } from "../archive-access.js";
import { HttpError } from "../http-error.js";
import { documentId, entityId, requiredText, wholeNumber } from "../params.js";

/** The types `trove entities --type` accepts: money and dates are amounts and days, not entities with profiles. */
export const LISTED_ENTITY_TYPES: readonly EntityType[] = ENTITY_TYPES.filter((type) => type !== "money" && type !== "date");
export const DEFAULT_ENTITY_LIMIT = 50;
export const MAX_ENTITY_LIMIT = 500;
export const DEFAULT_PROFILE_MENTIONS = 20;
export const MAX_PROFILE_MENTIONS = 500;
/** Names longer than this are refused before matching: no real name comes near it. */
export const MAX_NAME_CHARS = 400;

export function entityRoutes(archive: ArchiveAccess): Hono {
  const routes = new Hono();
  routes.get("/api/entities", (c) => {
    const type = listedType(c.req.query("type"));
    const view: EntitiesView = {
      entities: archive.reader.entities.listEntities({
        ...(type && { type }),
        limit: wholeNumber(c.req.query("limit"), "limit", DEFAULT_ENTITY_LIMIT, MAX_ENTITY_LIMIT),
        offset: wholeNumber(c.req.query("offset"), "offset", 0, Number.MAX_SAFE_INTEGER),
      }),
    };
    return c.json(view);
  });

  // Registered before `/api/entities/:id`, which would otherwise take "lookup" for an id.
  routes.get("/api/entities/lookup", (c) => {
    const name = requiredText(c.req.query("name"), "name", "/api/entities/lookup?name=Abu%20Karrar", MAX_NAME_CHARS);
    const view: EntityLookupView = { ids: findEntitiesByName(archive.reader.entities, name, { tolerant: false }) };
    if (view.ids.length === 0) throw new NotFoundError(`no entity called ${JSON.stringify(name)} in this archive; try a search for name~${name}`);
    return c.json(view);
  });

  routes.get("/api/entities/:id", (c) => {
    const view: EntityView = archive.reader.entities.getEntity(entityId(c.req.param("id")), {
      mentionLimit: wholeNumber(c.req.query("mentions"), "mentions", DEFAULT_PROFILE_MENTIONS, MAX_PROFILE_MENTIONS),
      showSourceLinks: false,
    });
    return c.json(view);
  });

  routes.get("/api/documents/:id/mentions", (c) => {
    const id = documentId(c.req.param("id"));
    const view: DocumentMentionsView = { mentions: archive.reader.entities.documentMentions(id) };
    // The store answers an unknown document with no mentions; only then is it worth asking whether the document exists.
    if (view.mentions.length === 0) archive.reader.getDocument(id);
    return c.json(view);
  });
  return routes;
}

function listedType(value: string | undefined): EntityType | undefined {
  if (value === undefined || value === "") return undefined;
  if (!(LISTED_ENTITY_TYPES as readonly string[]).includes(value)) throw new HttpError(400, "bad-request", `type must be one of ${LISTED_ENTITY_TYPES.join(", ")}`);
  return value as EntityType;
}
