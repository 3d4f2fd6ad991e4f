/**
 * The API described as OpenAPI 3.1, as data. A test holds it to the app:
 * every route the app answers is described here and every operation
 * described here is answered, so the description cannot fall behind.
 */
import { CABLE_LAYOUTS } from "../model/cable.js";
import { DOCUMENT_TYPES } from "../model/document.js";
import { ENTITY_TYPES } from "../model/entity.js";
import { DEFAULT_ENTITY_LIMIT, DEFAULT_PROFILE_MENTIONS, LISTED_ENTITY_TYPES, MAX_ENTITY_LIMIT, MAX_PROFILE_MENTIONS } from "./routes/entities.js";
import { MAX_SEARCH_LIMIT, SEARCH_SORTS } from "./routes/search.js";

type Schema = Record<string, unknown>;

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const json = (description: string, schema: Schema) => ({ description, content: { "application/json": { schema } } });
const error = (description: string) => json(description, ref("Error"));
const string: Schema = { type: "string" };
const integer: Schema = { type: "integer" };
const strings: Schema = { type: "array", items: string };
const object = (properties: Record<string, Schema>, required: string[] = []): Schema => ({ type: "object", properties, required });
const idParameter = { name: "id", in: "path", required: true, description: "A document id, as a search lists it.", schema: { type: "integer", minimum: 1 } };
const uploadIdParameter = { name: "id", in: "path", required: true, description: "An upload id, as `POST /api/uploads` answers it.", schema: string };
const entityIdParameter = { name: "id", in: "path", required: true, description: "An entity id, as `/api/entities` lists it; a merged id opens the entity it was merged into.", schema: { type: "integer", minimum: 1 } };
const countBy: Schema = { type: "array", items: object({ value: string, count: integer }, ["value", "count"]) };

const dateMention = object(
  {
    text: { type: "string", description: "As written, e.g. `۱۳۹۳/۰۷/۱۵`." },
    calendar: { enum: ["gregorian", "jalali", "hijri"] },
    iso: { type: "string", description: "The Gregorian date: YYYY-MM-DD, YYYY-MM or YYYY." },
    precision: { enum: ["day", "month", "year"] },
    candidates: strings,
    warning: string,
  },
  ["text", "calendar", "precision"],
);

const paragraph = object({ number: string, marking: string, text: string, start: integer, end: integer }, ["text", "start", "end"]);

const cable = object(
  {
    layout: { enum: [...CABLE_LAYOUTS] },
    reference: string,
    date: ref("DateMention"),
    otherDates: { type: "array", items: ref("DateMention") },
    origin: string,
    sender: string,
    to: strings,
    info: strings,
    classification: string,
    classificationLevel: { enum: ["UNCLASSIFIED", "CONFIDENTIAL", "SECRET", "TOP SECRET"] },
    caveats: strings,
    subject: string,
    tags: strings,
    references: { type: "array", items: object({ label: string, text: string, canonical: string }, ["text"]) },
    paragraphs: { type: "array", items: ref("CableParagraph") },
    signer: string,
    sources: strings,
    translation: object({ translator: string, reviewer: string }),
    language: { enum: ["en", "fa", "ar", "und"] },
    warnings: strings,
  },
  ["layout", "otherDates", "to", "info", "caveats", "tags", "references", "paragraphs", "sources", "language", "warnings"],
);

const problem = object({ locator: string, code: string, message: string, indexed: { type: "boolean" } }, ["locator", "code", "message", "indexed"]);
const link = object({ reference: string, id: integer, title: string }, ["id", "title"]);

const documentDetail = object(
  {
    id: integer,
    locator: string,
    path: string,
    name: string,
    sha256: string,
    size: integer,
    type: { enum: [...DOCUMENT_TYPES] },
    mime: string,
    encoding: string,
    title: string,
    text: { type: "string", description: "The extracted text, as read." },
    language: { enum: ["en", "fa", "ar", "und"] },
    date: string,
    pages: { type: "array", items: object({ number: integer, start: integer, end: integer, ocr: { type: "boolean" }, ocrLanguages: string }, ["number", "start", "end", "ocr"]) },
    metadata: { type: "object" },
    cable: ref("Cable"),
    parentId: integer,
    duplicateOf: integer,
    ingestedAt: string,
    translations: { type: "array", items: object({ id: integer, role: { enum: ["original", "translation"] }, language: string, title: string, method: string, translator: string, reviewer: string }, ["id", "role", "language", "title", "method"]) },
    children: { type: "array", items: object({ id: integer, name: string, title: string, type: string, size: integer, duplicateOf: integer }, ["id", "name", "title", "type", "size"]) },
    problems: { type: "array", items: ref("Problem") },
    references: { type: "array", items: link },
    citedBy: { type: "array", items: link },
  },
  ["id", "path", "name", "sha256", "size", "type", "mime", "title", "text", "language", "metadata", "ingestedAt", "translations", "children", "problems", "references", "citedBy"],
);

const entityType: Schema = { enum: [...ENTITY_TYPES] };
const entityFacet: Schema = { type: "array", items: object({ id: integer, type: entityType, value: string, count: integer }, ["id", "type", "value", "count"]) };

const facets = object(
  { type: countBy, language: countBy, year: countBy, classification: countBy, origin: countBy, entity: entityFacet },
  ["type", "language", "year", "classification", "origin", "entity"],
);

const entityProperties: Record<string, Schema> = {
  id: integer,
  type: entityType,
  name: { type: "string", description: "The commonest spelling, preferring Latin script when one exists." },
  aliases: { type: "array", description: "Every spelling met, in every script, with how often.", items: object({ name: string, count: integer }, ["name", "count"]) },
  mentionCount: integer,
  documentCount: integer,
  firstDate: { type: ["string", "null"], description: "ISO date of the earliest dated document that mentions it." },
  lastDate: { type: ["string", "null"] },
};
const entityRequired = ["id", "type", "name", "aliases", "mentionCount", "documentCount", "firstDate", "lastDate"];
const mentionAttributes = object({ title: string, role: string, amount: { type: "number" }, currency: string, date: string, calendar: string, sourceId: string, phone: string });

const entityProfile = object(
  {
    ...entityProperties,
    titles: { type: "array", items: object({ title: string, count: integer }, ["title", "count"]) },
    roles: { type: "array", items: object({ role: string, count: integer }, ["role", "count"]) },
    mentions: {
      type: "array",
      items: object(
        {
          documentId: integer,
          documentTitle: string,
          documentDate: { type: ["string", "null"] },
          text: string,
          start: integer,
          end: integer,
          passage: { type: "string", description: "Plain text around the mention; the mention is at [highlightStart, highlightEnd)." },
          highlightStart: integer,
          highlightEnd: integer,
          attributes: mentionAttributes,
        },
        ["documentId", "documentTitle", "documentDate", "text", "start", "end", "passage", "highlightStart", "highlightEnd", "attributes"],
      ),
    },
    coOccurring: { type: "array", description: "Entities mentioned in the same documents; `documents` counts those.", items: object({ id: integer, type: entityType, name: string, documents: integer }, ["id", "type", "name", "documents"]) },
    linkedIdentities: { type: "array", description: "Always empty here: the people a source was marked as are shown only by `trove entity --show-source-links`.", items: { type: "object" } },
    mergedFrom: { type: "integer", description: "The id asked for, when it was merged into this entity." },
  },
  [...entityRequired, "titles", "roles", "mentions", "coOccurring", "linkedIdentities"],
);

const documentMention = object(
  {
    id: integer,
    documentId: integer,
    entityId: { type: ["integer", "null"], description: "The entity it belongs to, after merges; null for money, dates and names not yet resolved." },
    type: entityType,
    text: string,
    start: { type: "integer", description: "UTF-16 offset into the document's text." },
    end: { type: "integer", description: "UTF-16 offset, exclusive: text === document.text.slice(start, end)." },
    name: { type: "string", description: "The name without titles." },
    normalized: string,
    attributes: mentionAttributes,
    origin: { enum: ["model", "rule"] },
    confidence: { type: "number" },
  },
  ["id", "documentId", "entityId", "type", "text", "start", "end", "name", "normalized", "attributes", "origin", "confidence"],
);

const nameMatch = object(
  { decision: { enum: ["match", "partial", "no-match"] }, score: { type: "number", minimum: 0, maximum: 1 }, explanation: strings },
  ["decision", "score", "explanation"],
);

const searchResult = object(
  {
    total: integer,
    hits: {
      type: "array",
      items: object(
        {
          id: integer,
          title: string,
          path: string,
          score: { type: "number" },
          snippet: { type: "string", description: "HTML: the document's text escaped, each match in `<mark>…</mark>`." },
          type: string,
          language: string,
          date: { type: ["string", "null"] },
        },
        ["id", "title", "path", "score", "snippet", "type", "language", "date"],
      ),
    },
    facets,
  },
  ["total", "hits", "facets"],
);

const stats = object(
  {
    documents: integer,
    indexed: integer,
    duplicates: integer,
    originalBytes: integer,
    textCharacters: integer,
    pages: integer,
    ocrPages: integer,
    problems: integer,
    byType: countBy,
    byLanguage: countBy,
    byYear: countBy,
    runs: integer,
    lastIngestAt: { type: ["string", "null"] },
    archiveBytes: integer,
    schemaVersion: integer,
  },
  ["documents", "indexed", "duplicates", "byType", "byLanguage", "byYear"],
);

const side = object({ id: integer, title: string, language: string }, ["id", "title", "language"]);
const translationView = object(
  {
    original: integer,
    translation: integer,
    paragraphs: {
      type: "array",
      items: object({ number: string, original: ref("CableParagraph"), translation: ref("CableParagraph"), method: { enum: ["number", "position", "unmatched"] } }, ["method"]),
    },
    documents: object({ original: side, translation: side }, ["original", "translation"]),
    method: { type: "string", description: "How the pair was found: manifest, file-name or reference." },
    translator: string,
    reviewer: string,
  },
  ["original", "translation", "paragraphs", "documents", "method"],
);

const imagesView = object(
  {
    pages: { type: "array", items: object({ number: integer, ocr: { type: "boolean" }, url: string }, ["number", "ocr", "url"]) },
    image: string,
    unavailable: string,
  },
  ["pages"],
);

const stage = { enum: ["upload", "read", "detect", "unpack", "extract"] };
const uploadView = object(
  {
    id: string,
    state: { enum: ["queued", "ingesting", "done", "failed"] },
    createdAt: string,
    startedAt: string,
    finishedAt: string,
    folder: string,
    files: { type: "array", items: object({ name: string, storedAs: string, size: integer }, ["name", "storedAs", "size"]) },
    progress: object(
      {
        filesTotal: integer,
        filesDone: integer,
        bytesTotal: integer,
        bytesDone: integer,
        documents: integer,
        problems: integer,
        elapsedMs: integer,
        filesPerSecond: { type: "number" },
        bytesPerSecond: { type: "number" },
        etaSeconds: { type: ["integer", "null"] },
      },
      ["filesTotal", "filesDone", "bytesTotal", "bytesDone", "documents", "problems", "elapsedMs", "filesPerSecond", "bytesPerSecond", "etaSeconds"],
    ),
    problems: { type: "array", items: { allOf: [ref("Problem"), object({ stage })] } },
    problemsByStage: { type: "object", additionalProperties: integer },
    documents: { type: "array", items: object({ id: integer, name: string, type: string, duplicateOf: integer }, ["id", "name", "type"]) },
    report: { type: "object" },
    error: ref("ErrorDetail"),
  },
  ["id", "state", "createdAt", "folder", "files", "progress", "problems", "problemsByStage", "documents"],
);

/** The OpenAPI 3.1 document served at `/api/openapi.json`. */
export const OPENAPI_DOCUMENT = {
  openapi: "3.1.0",
  info: {
    title: "Trove",
    version: "0.1.0",
    description:
      "The JSON API of a Trove archive: search, documents and their cables, translations, page images, entities and name matching, statistics and uploads. " +
      "Every failure answers `{ \"error\": { \"code\", \"message\" } }` with a stable code; a malformed query adds the 0-based `position` of the fault.",
  },
  servers: [{ url: "/" }],
  paths: {
    "/api/openapi.json": {
      get: { operationId: "openapi", summary: "This description.", responses: { 200: json("The OpenAPI 3.1 document.", { type: "object" }) } },
    },
    "/api/search": {
      get: {
        operationId: "search",
        summary: "Search the archive with the query language; the same JSON as `trove search --json`.",
        parameters: [
          { name: "q", in: "query", required: true, description: "The query: words, \"phrases\", OR, NOT, prefix*, and fields such as type:pdf lang:fa date:2014-10..2015-03.", schema: string },
          { name: "limit", in: "query", description: `Hits to return, 0 to ${MAX_SEARCH_LIMIT}; default 20.`, schema: { type: "integer", minimum: 0, maximum: MAX_SEARCH_LIMIT } },
          { name: "offset", in: "query", description: "Hits to skip; paging has no cap on depth.", schema: { type: "integer", minimum: 0 } },
          { name: "sort", in: "query", description: "relevance (default), date (newest first) or date-asc.", schema: { enum: [...SEARCH_SORTS] } },
        ],
        responses: { 200: json("Total, the page of hits, and facets over every match.", ref("SearchResult")), 400: error("A malformed query (`query-syntax`, with `position`) or a bad parameter (`bad-request`).") },
      },
    },
    "/api/documents/{id}": {
      get: {
        operationId: "getDocument",
        summary: "One document: metadata, text, cable, translations, members; what `trove show --json` prints.",
        parameters: [idParameter],
        responses: { 200: json("The document.", ref("DocumentDetail")), 404: error("No such document (`not-found`).") },
      },
    },
    "/api/documents/{id}/cable": {
      get: {
        operationId: "getCable",
        summary: "The fields read from a document's layout: reference, dates in their own calendar and in ours, origin, addressees, classification, paragraphs.",
        parameters: [idParameter],
        responses: { 200: json("The cable.", ref("CableView")), 404: error("No such document (`not-found`), or no text to read as a cable (`no-cable`).") },
      },
    },
    "/api/documents/{id}/translation": {
      get: {
        operationId: "getTranslation",
        summary: "An original beside its translation, paragraph by paragraph, from either half of the pair; what `trove translations align --json` prints and more.",
        parameters: [idParameter, { name: "with", in: "query", description: "The other half, when the document has several translations.", schema: { type: "integer", minimum: 1 } }],
        responses: { 200: json("The aligned pair.", ref("TranslationView")), 404: error("No such document (`not-found`) or no pair (`no-translation`).") },
      },
    },
    "/api/documents/{id}/images": {
      get: {
        operationId: "getImages",
        summary: "The page images of a PDF or the picture of an image document, or why there are none.",
        parameters: [idParameter],
        responses: { 200: json("Image addresses.", ref("ImagesView")), 404: error("No such document (`not-found`).") },
      },
    },
    "/api/documents/{id}/pages/{page}/image": {
      get: {
        operationId: "getPageImage",
        summary: "One page of a PDF original as PNG, rendered on demand with pdftoppm once the file on disk matches the archive's SHA-256.",
        parameters: [idParameter, { name: "page", in: "path", required: true, description: "1-based page number.", schema: { type: "integer", minimum: 1 } }],
        responses: {
          200: { description: "The page.", content: { "image/png": { schema: { type: "string", format: "binary" } } } },
          404: error("No such document or page, not a PDF (`no-page-image`), or no original on disk (`no-original`)."),
          409: error("The file on disk is no longer the original (`original-changed`)."),
          502: error("pdftoppm failed (`tool-failed`)."),
        },
      },
    },
    "/api/documents/{id}/original": {
      get: {
        operationId: "getOriginal",
        summary: "The original file: shown inline for pictures a browser displays, otherwise as a download; always sandboxed.",
        parameters: [idParameter],
        responses: {
          200: { description: "The original bytes.", content: { "application/octet-stream": { schema: { type: "string", format: "binary" } }, "image/*": { schema: { type: "string", format: "binary" } } } },
          404: error("No such document, or its original is not a file on disk (`no-original`)."),
          409: error("The file on disk is no longer the original (`original-changed`)."),
        },
      },
    },
    "/api/documents/{id}/mentions": {
      get: {
        operationId: "getDocumentMentions",
        summary: "Every mention of a person, organisation, place, source, sum, date, phone or e-mail address in a document, in text order, with its entity.",
        parameters: [idParameter],
        responses: { 200: json("The mentions.", object({ mentions: { type: "array", items: ref("DocumentMention") } }, ["mentions"])), 404: error("No such document (`not-found`).") },
      },
    },
    "/api/entities": {
      get: {
        operationId: "listEntities",
        summary: "The people, organisations, places and sources in the archive, most mentioned first; the same JSON as `trove entities --json`.",
        parameters: [
          { name: "type", in: "query", description: "Only this type.", schema: { enum: [...LISTED_ENTITY_TYPES] } },
          { name: "limit", in: "query", description: `Entities to return, 0 to ${MAX_ENTITY_LIMIT}; default ${DEFAULT_ENTITY_LIMIT}.`, schema: { type: "integer", minimum: 0, maximum: MAX_ENTITY_LIMIT } },
          { name: "offset", in: "query", description: "Entities to skip, for paging.", schema: { type: "integer", minimum: 0 } },
        ],
        responses: { 200: json("A page of entities.", object({ entities: { type: "array", items: ref("Entity") } }, ["entities"])), 400: error("A bad type, limit or offset (`bad-request`).") },
      },
    },
    "/api/entities/lookup": {
      get: {
        operationId: "lookupEntity",
        summary: "The entities a name stands for, best first: an alias in any script, else a match across scripts and spellings; as `trove entity NAME` finds them.",
        parameters: [{ name: "name", in: "query", required: true, description: "A name in any script and spelling.", schema: string }],
        responses: {
          200: json("Entity ids, best first.", object({ ids: { type: "array", items: integer } }, ["ids"])),
          400: error("No name (`bad-request`)."),
          404: error("No entity by that name (`not-found`)."),
        },
      },
    },
    "/api/entities/{id}": {
      get: {
        operationId: "getEntity",
        summary: "One entity's profile: aliases in every script, titles and roles, mentions with their passages, who else appears with it; what `trove entity ID --json` prints.",
        parameters: [entityIdParameter, { name: "mentions", in: "query", description: `Mentions to include, 0 to ${MAX_PROFILE_MENTIONS}; default ${DEFAULT_PROFILE_MENTIONS}, as \`trove entity --mentions\`.`, schema: { type: "integer", minimum: 0, maximum: MAX_PROFILE_MENTIONS } }],
        responses: { 200: json("The profile.", ref("EntityProfile")), 400: error("A bad mentions count (`bad-request`)."), 404: error("No such entity (`not-found`).") },
      },
    },
    "/api/names/match": {
      get: {
        operationId: "matchNames",
        summary: "Whether two names can denote the same person or place, across scripts and spellings, with a score and the steps that led to it; the same JSON as `trove names match --json`.",
        parameters: [
          { name: "a", in: "query", required: true, description: "A name in any script.", schema: string },
          { name: "b", in: "query", required: true, description: "Another name.", schema: string },
        ],
        responses: { 200: json("The decision.", ref("NameMatch")), 400: error("A name missing (`bad-request`).") },
      },
    },
    "/api/stats": {
      get: { operationId: "getStats", summary: "What the archive holds; the same JSON as `trove stats --json`.", responses: { 200: json("Counts.", ref("ArchiveStats")) } },
    },
    "/api/uploads": {
      get: { operationId: "listUploads", summary: "The limits on uploads and the uploads since the server started, newest first.", responses: { 200: json("Uploads.", ref("UploadsView")) } },
      post: {
        operationId: "upload",
        summary: "Add files to the archive: stored beside it under names the server makes, then ingested. Answers at once; follow the job's events for progress.",
        requestBody: {
          required: true,
          content: { "multipart/form-data": { schema: object({ files: { type: "array", items: { type: "string", format: "binary" } } }, ["files"]) } },
        },
        responses: {
          202: json("The upload, queued for ingest; `Location` is its address.", ref("UploadView")),
          400: error("A file name that is a path (`unsafe-file-name`), no files (`no-files`), or a malformed body (`bad-request`); nothing is kept."),
          403: error("Sent from another site (`forbidden-origin`)."),
          413: error("Over the size or file-count limit (`too-large`); nothing is kept."),
          415: error("Not multipart/form-data (`unsupported-media-type`)."),
          507: error("The disk that holds the archive is full (`no-space`); nothing is kept."),
        },
      },
    },
    "/api/uploads/{id}": {
      get: { operationId: "getUpload", summary: "An upload's state and progress, for polling.", parameters: [uploadIdParameter], responses: { 200: json("The upload.", ref("UploadView")), 404: error("No such upload (`not-found`).") } },
    },
    "/api/uploads/{id}/events": {
      get: {
        operationId: "uploadEvents",
        summary: "An upload's progress as Server-Sent Events: a `progress` event (an UploadView) on every change, then `end` once it is done or failed.",
        parameters: [uploadIdParameter],
        responses: { 200: { description: "The event stream.", content: { "text/event-stream": { schema: string } } }, 404: error("No such upload (`not-found`).") },
      },
    },
  },
  components: {
    schemas: {
      ErrorDetail: object({ code: { type: "string", description: "Stable: not-found, query-syntax, bad-request, too-large, unsafe-file-name, no-cable, no-translation, no-original, internal …" }, message: string, position: integer }, ["code", "message"]),
      Error: object({ error: ref("ErrorDetail") }, ["error"]),
      SearchResult: searchResult,
      DocumentDetail: documentDetail,
      Problem: problem,
      DateMention: dateMention,
      CableParagraph: paragraph,
      Cable: cable,
      CableView: object({ id: integer, cable: ref("Cable") }, ["id", "cable"]),
      TranslationView: translationView,
      ImagesView: imagesView,
      ArchiveStats: stats,
      Entity: object(entityProperties, entityRequired),
      EntityProfile: entityProfile,
      DocumentMention: documentMention,
      NameMatch: nameMatch,
      UploadView: uploadView,
      UploadsView: object({ maxUploadBytes: integer, maxFiles: integer, uploads: { type: "array", items: ref("UploadView") } }, ["maxUploadBytes", "maxFiles", "uploads"]),
    },
  },
} as const;
