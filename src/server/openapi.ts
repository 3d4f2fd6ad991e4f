/**
 * The API described as OpenAPI 3.1, as data. A test holds it to the app:
 * every route the app answers is described here and every operation
 * described here is answered, so the description cannot fall behind.
 */
import { CABLE_LAYOUTS } from "../model/cable.js";
import { DOCUMENT_TYPES } from "../model/document.js";
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

const facets = object(
  { type: countBy, language: countBy, year: countBy, classification: countBy, origin: countBy },
  ["type", "language", "year", "classification", "origin"],
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
      "The JSON API of a Trove archive: search, documents and their cables, translations, page images, statistics and uploads. " +
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
      UploadView: uploadView,
      UploadsView: object({ maxUploadBytes: integer, maxFiles: integer, uploads: { type: "array", items: ref("UploadView") } }, ["maxUploadBytes", "maxFiles", "uploads"]),
    },
  },
} as const;
