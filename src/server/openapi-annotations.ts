/**
 * The annotation, tag and saved-search routes described as OpenAPI 3.1 (see
 * openapi.ts, which gathers them into the one document the app serves).
 */
import { ANNOTATION_LIMITS } from "../model/annotation.js";
import { MAX_JSON_BODY_BYTES } from "./json-body.js";
import { DEFAULT_ANNOTATION_LIMIT, MAX_ANNOTATION_LIMIT } from "./routes/annotations.js";
import { SEARCH_SORTS } from "./routes/search.js";
import { ref, json, error, object, integer, string, nullable, jsonRequest, type Schema } from "./openapi-schema.js";

const idParameter = (description: string) => ({ name: "id", in: "path", required: true, description, schema: { type: "integer", minimum: 1 } });
const changes = {
  403: error("Sent from another site (`forbidden-origin`)."),
  413: error(`A body over ${MAX_JSON_BODY_BYTES} bytes (\`too-large\`).`),
  415: error("Not declared `Content-Type: application/json` (`unsupported-media-type`); a DELETE too must say so."),
};
const author = "The author is recorded as the login that runs the server until the workbench has accounts.";
const tags: Schema = { type: "array", maxItems: ANNOTATION_LIMITS.tags, items: { type: "string", maxLength: ANNOTATION_LIMITS.tagChars }, description: "Stored trimmed and in lower case, without repeats; no commas." };
const body: Schema = { type: "string", maxLength: ANNOTATION_LIMITS.bodyChars, description: "The note: plain text, never markup." };

export const ANNOTATION_SCHEMAS = {
  Annotation: object(
    {
      id: integer,
      documentId: integer,
      start: { ...nullable("integer"), description: "UTF-16 offset into the document's text; null for a note on the whole document." },
      end: { ...nullable("integer"), description: "Exclusive; null with start." },
      quote: { type: "string", description: "The passage's words when the note was made; kept when re-ingest lost them." },
      body: string,
      tags: { type: "array", items: string },
      author: string,
      createdAt: string,
      updatedAt: string,
      detachedAt: { type: "string", description: "When re-ingest found the quoted words nowhere in the new text: the note then stands on the whole document." },
    },
    ["id", "documentId", "start", "end", "quote", "body", "tags", "author", "createdAt", "updatedAt"],
  ),
  TagCount: object({ tag: string, annotations: integer, documents: integer }, ["tag", "annotations", "documents"]),
  SavedSearch: object(
    { id: integer, name: string, query: string, sort: { enum: [...SEARCH_SORTS] }, author: string, createdAt: string, lastRunAt: nullable("string"), lastTotal: nullable("integer") },
    ["id", "name", "query", "author", "createdAt", "lastRunAt", "lastTotal"],
  ),
};

const documentParameter = idParameter("A document id, as a search lists it.");
const annotationParameter = idParameter("An annotation id.");

export const ANNOTATION_PATHS = {
  "/api/documents/{id}/annotations": {
    get: {
      operationId: "getDocumentAnnotations",
      summary: "A document's notes, those on the whole document first and then in passage order, and the tags they carry.",
      parameters: [documentParameter],
      responses: {
        200: json("The notes and their tags.", object({ annotations: { type: "array", items: ref("Annotation") }, tags: { type: "array", items: string } }, ["annotations", "tags"])),
        404: error("No such document (`not-found`)."),
      },
    },
    post: {
      operationId: "annotateDocument",
      summary: `Write a note on a passage (start and end, or its exact words as quote) or on the whole document (neither); what \`trove annotate\` does. ${author}`,
      parameters: [documentParameter],
      requestBody: jsonRequest(object({ start: { type: "integer", minimum: 0 }, end: { type: "integer", minimum: 1 }, quote: { type: "string", maxLength: ANNOTATION_LIMITS.bodyChars }, body, tags })),
      responses: {
        201: json("The note; `Location` is its address.", ref("Annotation")),
        400: error("A malformed body or field (`bad-request`), or a passage outside the text or words not in it (`invalid-decision`)."),
        404: error("No such document (`not-found`)."),
        ...changes,
      },
    },
  },
  "/api/annotations": {
    get: {
      operationId: "listAnnotations",
      summary: "Notes across the archive, by document and passage; what `trove annotations --json` prints.",
      parameters: [
        { name: "tag", in: "query", description: "Only notes with this tag (matched in lower case).", schema: string },
        { name: "document", in: "query", description: "Only this document's notes.", schema: { type: "integer", minimum: 1 } },
        { name: "limit", in: "query", description: `Notes to return, 0 to ${MAX_ANNOTATION_LIMIT}; default ${DEFAULT_ANNOTATION_LIMIT}.`, schema: { type: "integer", minimum: 0, maximum: MAX_ANNOTATION_LIMIT } },
        { name: "offset", in: "query", description: "Notes to skip, for paging.", schema: { type: "integer", minimum: 0 } },
      ],
      responses: {
        200: json("A page of notes and how many match in all.", object({ total: integer, annotations: { type: "array", items: ref("Annotation") } }, ["total", "annotations"])),
        400: error("A bad id, limit or offset (`bad-request`)."),
      },
    },
  },
  "/api/annotations/{id}": {
    patch: {
      operationId: "editAnnotation",
      summary: "Change a note's words or tags; what is left out stays as it was. Its passage never changes.",
      parameters: [annotationParameter],
      requestBody: jsonRequest(object({ body, tags })),
      responses: { 200: json("The note as it now is.", ref("Annotation")), 400: error("A malformed body or field (`bad-request`, `invalid-decision`)."), 404: error("No such note (`not-found`)."), ...changes },
    },
    delete: {
      operationId: "deleteAnnotation",
      summary: "Delete a note and its tags.",
      parameters: [annotationParameter],
      responses: { 204: { description: "Deleted." }, 404: error("No such note (`not-found`)."), ...changes },
    },
  },
  "/api/tags": {
    get: {
      operationId: "listTags",
      summary: "Every tag on a note, most used first, with how many notes and documents carry it; what `trove tags --json` prints. Search the documents with `label:TAG`.",
      responses: { 200: json("The tags.", object({ tags: { type: "array", items: ref("TagCount") } }, ["tags"])) },
    },
  },
  "/api/searches": {
    get: {
      operationId: "listSavedSearches",
      summary: "The saved searches, by name, each with when it last ran and what it found; what `trove searches list --json` prints.",
      responses: { 200: json("The saved searches.", object({ searches: { type: "array", items: ref("SavedSearch") } }, ["searches"])) },
    },
    post: {
      operationId: "saveSearch",
      summary: `Save a query under a name, refused unless it parses; what \`trove searches save\` does. ${author}`,
      requestBody: jsonRequest(object({ name: { type: "string", maxLength: ANNOTATION_LIMITS.savedSearchNameChars }, query: { type: "string", maxLength: ANNOTATION_LIMITS.queryChars }, sort: { enum: [...SEARCH_SORTS] } }, ["name", "query"])),
      responses: {
        201: json("The saved search.", ref("SavedSearch")),
        400: error("A malformed query (`query-syntax`, with `position`), a bad field (`bad-request`), or a name already taken (`invalid-decision`)."),
        ...changes,
      },
    },
  },
  "/api/searches/{id}": {
    delete: {
      operationId: "deleteSavedSearch",
      summary: "Forget a saved search.",
      parameters: [idParameter("A saved search's id, as `/api/searches` lists it.")],
      responses: { 204: { description: "Deleted." }, 404: error("No such saved search (`not-found`)."), ...changes },
    },
  },
};
