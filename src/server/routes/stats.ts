/** `GET /api/stats`: what the archive holds, the same JSON as `trove stats --json`. */
import { Hono } from "hono";
import type { StatsView } from "../api-types.js";
import type { ArchiveAccess } from "../archive-access.js";

export function statsRoutes(archive: ArchiveAccess): Hono {
  return new Hono().get("/api/stats", (c) => {
    const view: StatsView = archive.reader.stats();
    return c.json(view);
  });
}
