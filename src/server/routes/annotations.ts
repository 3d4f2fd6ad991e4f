/**
 * A reporter's notes: `GET|POST /api/documents/{id}/annotations`,
 * `PATCH|DELETE /api/annotations/{id}`, `GET /api/annotations?tag=` and
 * `GET /api/tags`. Changes carry JSON and are written through a connection
 * opened for each; reads go through the server's read-only one.
 */
import { Hono } from "hono";
import { ANNOTATION_LIMITS } from "../../model/annotation.js";
import type { AnnotationToAdd } from "../../store/annotation-store.js";
import type { AnnotationsView, DocumentAnnotationsView, TagsView } from "../api-types.js";
import type { ArchiveAccess } from "../archive-access.js";
import { withWriter } from "../archive-writer.js";
import { HttpError } from "../http-error.js";
import { jsonBody, onlyFields, optionalString, optionalStrings, optionalWholeNumber, requireJsonContentType } from "../json-body.js";
import { requireDocument } from "../known-ids.js";
import { documentId, optionalId, wholeNumber } from "../params.js";

export const DEFAULT_ANNOTATION_LIMIT = 100;
export const MAX_ANNOTATION_LIMIT = 500;

export function annotationRoutes(archive: ArchiveAccess): Hono {
  const routes = new Hono();
  routes.use("/api/documents/:id/annotations", requireJsonContentType());
  routes.use("/api/annotations/:id", requireJsonContentType());

  routes.get("/api/documents/:id/annotations", (c) => {
    const id = documentId(c.req.param("id"));
    requireDocument(archive, id);
    const store = archive.reader.annotations;
    const view: DocumentAnnotationsView = { annotations: store.listAnnotations({ documentId: id, limit: Number.MAX_SAFE_INTEGER }), tags: store.documentTags(id) };
    return c.json(view);
  });

  routes.post("/api/documents/:id/annotations", async (c) => {
    const id = documentId(c.req.param("id"));
    const body = await jsonBody(c.req.raw);
    onlyFields(body, ["start", "end", "quote", "body", "tags"]);
    const start = optionalWholeNumber(body, "start", 0);
    const end = optionalWholeNumber(body, "end", 0);
    const quote = optionalString(body, "quote", ANNOTATION_LIMITS.bodyChars);
    if ((start === undefined) !== (end === undefined)) throw new HttpError(400, "bad-request", "give both start and end, or neither");
    const annotation: AnnotationToAdd = {
      documentId: id,
      ...(start !== undefined && { start, end: end! }),
      ...(quote !== undefined && { quote }),
      body: optionalString(body, "body", ANNOTATION_LIMITS.bodyChars) ?? "",
      tags: optionalStrings(body, "tags", ANNOTATION_LIMITS.tags, ANNOTATION_LIMITS.tagChars) ?? [],
      author: c.get("identity").actor,
    };
    const saved = withWriter(archive, (store) => store.annotations.addAnnotation(annotation));
    return c.json(saved, 201, { Location: `/api/annotations/${saved.id}` });
  });

  routes.get("/api/annotations", (c) => {
    const tag = optionalString({ tag: c.req.query("tag") }, "tag", ANNOTATION_LIMITS.tagChars);
    const document = optionalId(c.req.query("document"), "document");
    const filter = { ...(tag !== undefined && tag !== "" && { tag }), ...(document !== undefined && { documentId: document }) };
    const store = archive.reader.annotations;
    const view: AnnotationsView = {
      total: store.countAnnotations(filter),
      annotations: store.listAnnotations({
        ...filter,
        limit: wholeNumber(c.req.query("limit"), "limit", DEFAULT_ANNOTATION_LIMIT, MAX_ANNOTATION_LIMIT),
        offset: wholeNumber(c.req.query("offset"), "offset", 0, Number.MAX_SAFE_INTEGER),
      }),
    };
    return c.json(view);
  });

  routes.patch("/api/annotations/:id", async (c) => {
    const id = annotationId(c.req.param("id"));
    const body = await jsonBody(c.req.raw);
    onlyFields(body, ["body", "tags"]);
    const text = optionalString(body, "body", ANNOTATION_LIMITS.bodyChars);
    const tags = optionalStrings(body, "tags", ANNOTATION_LIMITS.tags, ANNOTATION_LIMITS.tagChars);
    const updated = withWriter(archive, (store) => store.annotations.updateAnnotation(id, { ...(text !== undefined && { body: text }), ...(tags !== undefined && { tags }) }));
    return c.json(updated);
  });

  routes.delete("/api/annotations/:id", (c) => {
    const id = annotationId(c.req.param("id"));
    withWriter(archive, (store) => store.annotations.deleteAnnotation(id));
    return c.body(null, 204);
  });

  routes.get("/api/tags", (c) => {
    const view: TagsView = { tags: archive.reader.annotations.tags() };
    return c.json(view);
  });
  return routes;
}

function annotationId(value: string): number {
  const id = Number(value);
  if (!/^\d{1,15}$/.test(value) || !Number.isSafeInteger(id) || id <= 0) throw new HttpError(404, "not-found", `'${value.slice(0, 40)}' is not an annotation id`);
  return id;
}
