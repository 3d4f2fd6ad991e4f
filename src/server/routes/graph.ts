/**
 * The network of the archive: `GET /api/graph` is the filtered view a browser
 * draws (`networkView`), `GET /api/graph/top` ranks entities by a centrality
 * (`rankEntities`), and `GET /api/graph/path` is the chain of evidence between
 * two entities (`evidencePath`). All three read one network, built from the
 * store when first asked for and kept until the archive changes.
 */
import { Hono } from "hono";
import { evidencePath } from "../../graph/paths.js";
import { networkView, rankEntities } from "../../graph/view.js";
import type { EntityType } from "../../model/entity.js";
import type { Centrality, EdgeKind, EntityRef } from "../../model/network.js";
import { RELATION_TYPES } from "../../model/relation.js";
import type { EvidencePath, GraphRankingView, NetworkView } from "../api-types.js";
import type { ArchiveAccess } from "../archive-access.js";
import { NetworkCache } from "../network-cache.js";
import { listOf, oneOf, optionalId, requiredText, wholeNumber } from "../params.js";
import { LISTED_ENTITY_TYPES } from "./entities.js";

export const EDGE_KINDS: readonly EdgeKind[] = [...RELATION_TYPES, "co-occurrence"];
export const CENTRALITIES: readonly Centrality[] = ["pagerank", "degree", "betweenness"];
export const DEFAULT_GRAPH_LIMIT = 200;
export const MAX_GRAPH_LIMIT = 5000;
export const DEFAULT_RANKING_LIMIT = 20;
export const MAX_RANKING_LIMIT = 500;
/** Community ids are numbered from 0 by size; no archive comes near this many. */
const MAX_COMMUNITY = 1_000_000;

export function graphRoutes(archive: ArchiveAccess): Hono {
  const cache = new NetworkCache(archive);
  const routes = new Hono();

  routes.get("/api/graph", (c) => {
    const types = listOf<EntityType>(c.req.query("types"), "types", LISTED_ENTITY_TYPES);
    const kinds = listOf(c.req.query("kinds"), "kinds", EDGE_KINDS);
    const community = c.req.query("community");
    const view: NetworkView = networkView(cache.network, {
      ...(types && { types }),
      ...(kinds && { kinds }),
      ...(community !== undefined && community !== "" && { community: wholeNumber(community, "community", 0, MAX_COMMUNITY) }),
      limit: wholeNumber(c.req.query("limit"), "limit", DEFAULT_GRAPH_LIMIT, MAX_GRAPH_LIMIT),
    });
    return c.json(view);
  });

  routes.get("/api/graph/top", (c) => {
    const by = oneOf(c.req.query("by"), "by", CENTRALITIES, "pagerank");
    const view: GraphRankingView = { by, nodes: rankEntities(cache.network, { by, limit: wholeNumber(c.req.query("limit"), "limit", DEFAULT_RANKING_LIMIT, MAX_RANKING_LIMIT) }) };
    return c.json(view);
  });

  routes.get("/api/graph/path", (c) => {
    const from = entityRef(archive, c.req.query("from"), "from");
    const to = entityRef(archive, c.req.query("to"), "to");
    const view: EvidencePath = evidencePath(cache.network, from, to);
    return c.json(view);
  });
  return routes;
}

/** The entity a required id parameter names, following merges: `bad-request` when it is missing or not an id, `not-found` when the archive holds no such entity. */
function entityRef(archive: ArchiveAccess, value: string | undefined, name: string): EntityRef {
  const requested = optionalId(requiredText(value, name, "/api/graph/path?from=12&to=40", 20), name)!;
  const { id, type, name: entityName } = archive.reader.entities.getEntity(requested, { mentionLimit: 0, coOccurrenceLimit: 0 });
  return { id, type, name: entityName };
}
