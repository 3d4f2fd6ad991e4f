/**
 * The API described as OpenAPI 3.1, as data. A test holds it to the app:
 * every route the app answers is described here and every operation
 * described here is answered, so the description cannot fall behind.
 */
import { CABLE_LAYOUTS } from "../model/cable.js";
import { DOCUMENT_TYPES } from "../model/document.js";
import { PLACE_STATUSES } from "../extract/geocode.js";
import { ENTITY_TYPES } from "../model/entity.js";
import { DEFAULT_ENTITY_LIMIT, DEFAULT_PROFILE_MENTIONS, LISTED_ENTITY_TYPES, MAX_ENTITY_LIMIT, MAX_PROFILE_MENTIONS } from "./routes/entities.js";
import { PAYMENT_KINDS, RELATION_ROLES, RELATION_TYPES } from "../model/relation.js";
import { CENTRALITIES, DEFAULT_GRAPH_LIMIT, DEFAULT_RANKING_LIMIT, EDGE_KINDS, MAX_GRAPH_LIMIT, MAX_RANKING_LIMIT } from "./routes/graph.js";
import { DEFAULT_RELATION_LIMIT, MAX_RELATION_LIMIT } from "./routes/relations.js";
import { REDACTION_PATHS, REDACTION_SCHEMAS } from "./openapi-redactions.js";
import { ANNOTATION_PATHS, ANNOTATION_SCHEMAS } from "./openapi-annotations.js";
import { SESSION_PATHS, SESSION_SCHEMAS } from "./openapi-session.js";
import { MAX_SEARCH_LIMIT, SEARCH_SORTS } from "./routes/search.js";
import { DEFAULT_TIMELINE_LIMIT, MAX_TIMELINE_LIMIT, TIMELINE_KINDS } from "./routes/timeline.js";
import { ref, json, error, object, integer, string, type Schema } from "./openapi-schema.js";

const strings: Schema = { type: "array", items: string };
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

const nullableString: Schema = { type: ["string", "null"] };
const nullableInteger: Schema = { type: ["integer", "null"] };
const nullableNumber: Schema = { type: ["number", "null"] };
const relationType: Schema = { enum: [...RELATION_TYPES] };
const edgeKind: Schema = { enum: [...EDGE_KINDS] };
const isoDateSchema: Schema = { type: "string", description: "A Gregorian date: YYYY, YYYY-MM or YYYY-MM-DD.", pattern: "^\\d{4}(-\\d{2}(-\\d{2})?)?$" };
const entityFilter = { name: "entity", in: "query", description: "Only what this entity takes part in (an id, as `/api/entities` lists it; merges are followed).", schema: { type: "integer", minimum: 1 } };

const evidence = object(
  {
    start: { type: "integer", description: "UTF-16 offset into the document's text." },
    end: { type: "integer", description: "UTF-16 offset, exclusive." },
    text: { type: "string", description: "The sentence (or, for a co-occurrence, the paragraph) as written." },
  },
  ["start", "end", "text"],
);

const entityRef = object({ id: integer, type: entityType, name: string }, ["id", "type", "name"]);

const relation = object(
  {
    id: integer,
    documentId: integer,
    documentTitle: string,
    type: relationType,
    roles: { type: "object", description: "Participant names grouped by role, as `trove relations --json` prints them.", additionalProperties: strings },
    participants: {
      type: "array",
      items: object(
        {
          role: { enum: [...RELATION_ROLES] },
          name: { type: "string", description: "As written, titles removed." },
          entityType: { oneOf: [entityType, { type: "null" }] },
          start: nullableInteger,
          end: nullableInteger,
          entityId: { type: ["integer", "null"], description: "The entity the name resolved to, after merges; null when it kept only its name." },
        },
        ["role", "name", "entityType", "start", "end", "entityId"],
      ),
    },
    date: { type: ["string", "null"], description: "Gregorian: YYYY-MM-DD, YYYY-MM or YYYY." },
    place: nullableString,
    amount: nullableNumber,
    currency: { type: ["string", "null"], description: "ISO 4217 where one exists, else a lower-case word (toman, gold-coin); never converted." },
    quality: nullableString,
    kind: { enum: [...PAYMENT_KINDS] },
    purpose: string,
    cover: string,
    counterSurveillance: string,
    evidence: ref("Evidence"),
    confidence: { type: "number", minimum: 0, maximum: 1 },
  },
  ["id", "documentId", "documentTitle", "type", "roles", "participants", "date", "place", "amount", "currency", "quality", "evidence", "confidence"],
);

const graphNode = object(
  {
    id: integer,
    type: entityType,
    name: string,
    mentions: integer,
    degree: { type: "integer", description: "Entities it is linked to." },
    pagerank: { type: "number", description: "Weighted PageRank over the whole network, summing to 1." },
    betweenness: { type: "number", description: "Normalised to 0–1." },
    community: { type: "integer", description: "Louvain community; 0 is the largest." },
  },
  ["id", "type", "name", "mentions", "degree", "pagerank", "betweenness", "community"],
);

const networkViewSchema = object(
  {
    nodes: { type: "array", description: "Highest PageRank first.", items: ref("GraphNode") },
    edges: {
      type: "array",
      items: object(
        {
          source: integer,
          target: integer,
          kinds: { type: "array", items: edgeKind },
          relations: { type: "integer", description: "Stated relations between the two." },
          cooccurrences: { type: "integer", description: "Paragraphs that name both." },
          weight: { type: "number", description: "Relations count 3, co-occurrences 1." },
        },
        ["source", "target", "kinds", "relations", "cooccurrences", "weight"],
      ),
    },
    communities: { type: "array", items: object({ id: integer, size: integer, label: { type: "string", description: "Its three highest-PageRank members." } }, ["id", "size", "label"]) },
    omittedNodes: { type: "integer", description: "Entities the limit left out." },
  },
  ["nodes", "edges", "communities", "omittedNodes"],
);

const evidencePathSchema = object(
  {
    from: ref("EntityRef"),
    to: ref("EntityRef"),
    hops: {
      type: ["array", "null"],
      description: "Null when nothing links the two; empty when they are the same entity.",
      items: object(
        { from: ref("EntityRef"), to: ref("EntityRef"), kind: edgeKind, relationId: nullableInteger, documentId: integer, documentTitle: string, evidence: ref("Evidence") },
        ["from", "to", "kind", "relationId", "documentId", "documentTitle", "evidence"],
      ),
    },
  },
  ["from", "to", "hops"],
);

const timelineView = object(
  {
    events: {
      type: "array",
      items: object(
        {
          date: string,
          kind: { enum: ["relation", "document"] },
          relationType: { oneOf: [relationType, { type: "null" }] },
          relationId: nullableInteger,
          documentId: integer,
          documentTitle: string,
          summary: { type: "string", description: "One line: `meeting: Harith al-Zubaidi, Abu Karrar al-Tamimi — Karbala`." },
          entities: { type: "array", items: ref("EntityRef") },
          evidence: { oneOf: [ref("Evidence"), { type: "null" }] },
        },
        ["date", "kind", "relationType", "relationId", "documentId", "documentTitle", "summary", "entities", "evidence"],
      ),
    },
    total: { type: "integer", description: "Events matching, over every page." },
  },
  ["events", "total"],
);

const gazetteerPlace = object(
  {
    name: string,
    latitude: { type: "number" },
    longitude: { type: "number" },
    country: { type: "string", description: "ISO 3166-1 alpha-2." },
    kind: { type: "string", description: "city, country, region or site." },
    population: integer,
  },
  ["name", "latitude", "longitude", "country", "kind", "population"],
);

const placesView = object(
  {
    places: {
      type: "array",
      items: object(
        {
          id: integer,
          type: entityType,
          name: string,
          mentions: integer,
          documents: integer,
          status: { enum: [...PLACE_STATUSES], description: "located: one gazetteer entry fits; ambiguous: several do and the candidates are listed rather than one guessed; unknown: none does." },
          location: { oneOf: [ref("GazetteerPlace"), { type: "null" }] },
          candidates: { type: "array", items: ref("GazetteerPlace") },
        },
        ["id", "type", "name", "mentions", "documents", "status", "location", "candidates"],
      ),
    },
  },
  ["places"],
);

const moneyParty = { oneOf: [object({ name: string, entityId: nullableInteger }, ["name", "entityId"]), { type: "null" }] };
const moneyTotal = object({ key: string, entityId: nullableInteger, currency: string, amount: { type: "number" }, payments: integer }, ["key", "entityId", "currency", "amount", "payments"]);
const moneyTotals = { type: "array", description: "One row per key and currency: amounts in different currencies are never added.", items: moneyTotal };
const moneyLedger = object(
  {
    lines: {
      type: "array",
      items: object(
        {
          relationId: integer,
          documentId: integer,
          documentTitle: string,
          date: nullableString,
          payer: moneyParty,
          payee: moneyParty,
          amount: nullableNumber,
          currency: { type: ["string", "null"], description: "As the text states it; tomans and rials are kept apart, never converted." },
          kind: { enum: [...PAYMENT_KINDS] },
          purpose: nullableString,
          evidence: ref("Evidence"),
        },
        ["relationId", "documentId", "documentTitle", "date", "payer", "payee", "amount", "currency", "kind", "purpose", "evidence"],
      ),
    },
    totals: object({ byCurrency: moneyTotals, byPayer: moneyTotals, byPayee: moneyTotals, byKind: moneyTotals }, ["byCurrency", "byPayer", "byPayee", "byKind"]),
  },
  ["lines", "totals"],
);

/** The OpenAPI 3.1 document served at `/api/openapi.json`. */
export const OPENAPI_DOCUMENT = {
  openapi: "3.1.0",
  info: {
    title: "Trove",
    version: "0.1.0",
    description:
      "The JSON API of a Trove archive: search, documents and their cables, translations, page images, entities and name matching, relations and the network, timeline, places and money ledger built from them, statistics and uploads. " +
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
    "/api/relations": {
      get: {
        operationId: "listRelations",
        summary: "What the documents say happened between people, organisations and places (meetings, payments, affiliations, reporting lines, recruitment, handling restrictions), each with the sentence it was read from.",
        parameters: [
          { name: "type", in: "query", description: "Only this type.", schema: relationType },
          entityFilter,
          { name: "document", in: "query", description: "Only the relations read from this document.", schema: { type: "integer", minimum: 1 } },
          { name: "limit", in: "query", description: `Relations to return, 0 to ${MAX_RELATION_LIMIT}; default ${DEFAULT_RELATION_LIMIT}.`, schema: { type: "integer", minimum: 0, maximum: MAX_RELATION_LIMIT } },
          { name: "offset", in: "query", description: "Relations to skip, for paging.", schema: { type: "integer", minimum: 0 } },
        ],
        responses: {
          200: json("A page of relations and how many match in all.", object({ relations: { type: "array", items: ref("Relation") }, total: integer }, ["relations", "total"])),
          400: error("A bad type, id, limit or offset (`bad-request`)."),
          404: error("No such entity or document (`not-found`)."),
        },
      },
    },
    "/api/graph": {
      get: {
        operationId: "getNetwork",
        summary: "The network of entities linked by stated relations and by being named in the same paragraph, with PageRank, degree, betweenness and Louvain communities measured over the whole network; filters choose what to show, never what is measured.",
        parameters: [
          { name: "types", in: "query", description: "Comma-separated entity types to include, e.g. `person,organization`.", schema: { type: "string" }, example: "person,organization" },
          { name: "kinds", in: "query", description: `Comma-separated link kinds: an edge is kept when it has one of them (${EDGE_KINDS.join(", ")}).`, schema: { type: "string" }, example: "meeting,payment" },
          { name: "community", in: "query", description: "Only the members of this community.", schema: { type: "integer", minimum: 0 } },
          { name: "limit", in: "query", description: `Entities to include, the highest-PageRank ones, 0 to ${MAX_GRAPH_LIMIT}; default ${DEFAULT_GRAPH_LIMIT}.`, schema: { type: "integer", minimum: 0, maximum: MAX_GRAPH_LIMIT } },
        ],
        responses: { 200: json("Nodes, edges between them, their communities, and how many the limit left out.", ref("NetworkView")), 400: error("A bad type, kind, community or limit (`bad-request`).") },
      },
    },
    "/api/graph/top": {
      get: {
        operationId: "rankNetwork",
        summary: "The entities of the network ranked by one centrality, highest first: PageRank (linked to by the well linked), degree (linked to many) or betweenness (the go-between).",
        parameters: [
          { name: "by", in: "query", description: "The centrality; default pagerank.", schema: { enum: [...CENTRALITIES] } },
          { name: "limit", in: "query", description: `Entities to return, 0 to ${MAX_RANKING_LIMIT}; default ${DEFAULT_RANKING_LIMIT}.`, schema: { type: "integer", minimum: 0, maximum: MAX_RANKING_LIMIT } },
        ],
        responses: { 200: json("The ranking.", object({ by: { enum: [...CENTRALITIES] }, nodes: { type: "array", items: ref("GraphNode") } }, ["by", "nodes"])), 400: error("A bad centrality or limit (`bad-request`).") },
      },
    },
    "/api/graph/path": {
      get: {
        operationId: "getEvidencePath",
        summary: "How two entities are linked: the chain through the network that rests most on stated relations, each step with the sentence and document that state it.",
        parameters: [
          { name: "from", in: "query", required: true, description: "An entity id.", schema: { type: "integer", minimum: 1 } },
          { name: "to", in: "query", required: true, description: "Another entity id.", schema: { type: "integer", minimum: 1 } },
        ],
        responses: {
          200: json("The path; `hops` is null when nothing links them.", ref("EvidencePath")),
          400: error("An id missing or malformed (`bad-request`)."),
          404: error("No such entity (`not-found`)."),
        },
      },
    },
    "/api/timeline": {
      get: {
        operationId: "getTimeline",
        summary: "Dated relations, and documents by their own date, oldest first, each with its evidence.",
        parameters: [
          entityFilter,
          { name: "kinds", in: "query", description: `Comma-separated: ${TIMELINE_KINDS.join(", ")} (a document by its own date). Default all.`, schema: { type: "string" }, example: "meeting,payment" },
          { name: "from", in: "query", description: "The earliest date, inclusive.", schema: isoDateSchema },
          { name: "to", in: "query", description: "The latest date, inclusive.", schema: isoDateSchema },
          { name: "limit", in: "query", description: `Events to return, 0 to ${MAX_TIMELINE_LIMIT}; default ${DEFAULT_TIMELINE_LIMIT}.`, schema: { type: "integer", minimum: 0, maximum: MAX_TIMELINE_LIMIT } },
          { name: "offset", in: "query", description: "Events to skip, for paging.", schema: { type: "integer", minimum: 0 } },
        ],
        responses: {
          200: json("A page of events and how many match in all.", ref("TimelineView")),
          400: error("A bad id, kind, date, limit or offset (`bad-request`)."),
          404: error("No such entity (`not-found`)."),
        },
      },
    },
    "/api/places": {
      get: {
        operationId: "getPlaces",
        summary: "The places the documents name, located offline against the gazetteer: located, ambiguous (with the candidates) or unknown; the same JSON as `trove places --json`.",
        parameters: [
          { name: "status", in: "query", description: "Only places with this status.", schema: { enum: [...PLACE_STATUSES] } },
          { name: "limit", in: "query", description: "At most this many places, after the status filter; default all.", schema: { type: "integer", minimum: 0 } },
        ],
        responses: { 200: json("Place entities, most mentioned first.", ref("PlacesView")), 400: error("A bad status or limit (`bad-request`).") },
      },
    },
    "/api/money": {
      get: {
        operationId: "getMoneyLedger",
        summary: "Every payment the documents record, with its evidence, and totals by currency, payer, payee and kind; amounts in different currencies are never added together.",
        parameters: [entityFilter],
        responses: {
          200: json("The ledger.", ref("MoneyLedger")),
          400: error("A malformed id (`bad-request`)."),
          404: error("No such entity (`not-found`)."),
        },
      },
    },
    ...REDACTION_PATHS,
    ...ANNOTATION_PATHS,
    ...SESSION_PATHS,
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
      Evidence: evidence,
      EntityRef: entityRef,
      Relation: relation,
      GraphNode: graphNode,
      NetworkView: networkViewSchema,
      EvidencePath: evidencePathSchema,
      TimelineView: timelineView,
      GazetteerPlace: gazetteerPlace,
      PlacesView: placesView,
      MoneyLedger: moneyLedger,
      UploadView: uploadView,
      UploadsView: object({ maxUploadBytes: integer, maxFiles: integer, uploads: { type: "array", items: ref("UploadView") } }, ["maxUploadBytes", "maxFiles", "uploads"]),
      ...REDACTION_SCHEMAS,
      ...ANNOTATION_SCHEMAS,
      ...SESSION_SCHEMAS,
    },
  },
} as const;
