/**
 * A document and its cable: `GET /api/documents/{id}` is what `trove show
 * --json` prints; `GET /api/documents/{id}/cable` is its parsed fields alone.
 */
import { Hono } from "hono";
import type { CableView, DocumentView } from "../api-types.js";
import type { ArchiveAccess } from "../archive-access.js";
import { HttpError } from "../http-error.js";
import { documentId } from "../params.js";

export function documentRoutes(archive: ArchiveAccess): Hono {
  return new Hono()
    .get("/api/documents/:id", (c) => {
      const view: DocumentView = archive.reader.getDocument(documentId(c.req.param("id")));
      archive.audit(c, "document-view", String(view.id));
      return c.json(view);
    })
    .get("/api/documents/:id/cable", (c) => {
      const document = archive.reader.getDocument(documentId(c.req.param("id")));
      if (!document.cable) throw new HttpError(404, "no-cable", `document ${document.id} has no text to read as a cable`);
      const view: CableView = { id: document.id, cable: document.cable };
      return c.json(view);
    });
}
