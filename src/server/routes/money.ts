/**
 * `GET /api/money`: every payment the archive records, with its evidence, and
 * totals by currency, payer, payee and kind; the same JSON as
 * `trove money --json`. Amounts in different currencies are never added.
 */
import { Hono } from "hono";
import type { MoneyLedger } from "../api-types.js";
import type { ArchiveAccess } from "../archive-access.js";
import { requireEntity } from "../known-ids.js";
import { optionalId } from "../params.js";

export function moneyRoutes(archive: ArchiveAccess): Hono {
  return new Hono().get("/api/money", (c) => {
    const entityId = optionalId(c.req.query("entity"), "entity");
    const view: MoneyLedger = archive.reader.relations.moneyLedger(entityId === undefined ? {} : { entityId });
    if (view.lines.length === 0 && entityId !== undefined) requireEntity(archive, entityId);
    return c.json(view);
  });
}
