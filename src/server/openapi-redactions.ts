/**
 * The redaction routes described as OpenAPI 3.1 (see openapi.ts, which
 * gathers them into the one document the app serves).
 */
import { REDACTION_REASONS, REDACTION_STATUSES } from "../model/redaction.js";
import { ENTITY_TYPES } from "../model/entity.js";
import { MAX_JSON_BODY_BYTES } from "./json-body.js";
import { DEFAULT_REDACTION_LIMIT, MAX_NOTE_CHARS, MAX_REDACTED_WORDS_CHARS, MAX_REDACTION_LIMIT } from "./routes/redactions.js";
import { ref, json, error, object, integer, string, jsonRequest, type Schema } from "./openapi-schema.js";

const ids: Schema = { type: "array", items: integer };
const reason: Schema = { enum: [...REDACTION_REASONS] };
const note: Schema = { type: "string", maxLength: MAX_NOTE_CHARS, description: "Why; kept with the redaction or the decision." };
const byReason: Schema = object(Object.fromEntries(REDACTION_REASONS.map((each) => [each, integer])), [...REDACTION_REASONS]);
const byScript: Schema = object({ latin: integer, arabic: integer, other: { type: "integer", description: "Signs alone: digits, +, @." } }, ["latin", "arabic", "other"]);
const countsByRule: Schema = { type: "object", additionalProperties: integer };

const redactionIdParameter = { name: "id", in: "path", required: true, description: "A redaction id, as `/api/redactions` lists it.", schema: { type: "integer", minimum: 1 } };
const documentIdParameter = { name: "id", in: "path", required: true, description: "A document id, as a search lists it.", schema: { type: "integer", minimum: 1 } };
const entityIdParameter = { name: "id", in: "path", required: true, description: "An entity id, as `/api/entities` lists it; a merged id redacts the entity it was merged into.", schema: { type: "integer", minimum: 1 } };

const changes = {
  403: error("Sent from another site (`forbidden-origin`)."),
  413: error(`A body over ${MAX_JSON_BODY_BYTES} bytes (\`too-large\`).`),
  415: error("A body not declared `application/json` (`unsupported-media-type`)."),
};
const author = "Recorded as the signed-in user, or in an open workbench as the login running the server; no header the browser sends names the author. Every change is written to the audit trail.";

const redaction = object(
  {
    id: integer,
    documentId: integer,
    start: { type: "integer", description: "UTF-16 offset into the document's text." },
    end: { type: "integer", description: "UTF-16 offset, exclusive." },
    text: { type: "string", description: "The redacted words, as they stood when the redaction was made." },
    entityId: { type: ["integer", "null"], description: "The entity it was made for (after merges): every spelling of it is then forbidden too." },
    reason,
    note: { type: ["string", "null"] },
    status: { enum: [...REDACTION_STATUSES] },
    author: { type: "string", description: "`trove` for a rule's suggestion." },
    createdAt: string,
    decidedBy: { type: ["string", "null"] },
    decidedAt: { type: ["string", "null"] },
    detachedAt: { type: "string", description: "Set when re-ingest replaced the text and the words are gone: kept for review, no longer applied." },
  },
  ["id", "documentId", "start", "end", "text", "entityId", "reason", "note", "status", "author", "createdAt", "decidedBy", "decidedAt"],
);

const redactionInContext = {
  allOf: [
    ref("Redaction"),
    object(
      {
        documentTitle: string,
        context: {
          oneOf: [object({ before: { type: "string", description: "Words before, `…` first when the text goes on." }, span: string, after: string }, ["before", "span", "after"]), { type: "null" }],
          description: "The span among a few words on each side, on one line; null when re-ingest detached it.",
        },
      },
      ["documentTitle", "context"],
    ),
  ],
};

const redactionsChanged = object({ redactions: { type: "array", items: ref("Redaction") } }, ["redactions"]);

export const REDACTION_SCHEMAS = {
  Redaction: redaction,
  RedactionInContext: redactionInContext,
} as const;

export const REDACTION_PATHS = {
  "/api/redactions": {
    get: {
      operationId: "listRedactions",
      summary: "The review queue and the decisions taken, each redaction with its document's title and its words in context; `trove redact list --json` with context.",
      parameters: [
        { name: "status", in: "query", description: "Only this status.", schema: { enum: [...REDACTION_STATUSES] } },
        { name: "reason", in: "query", description: "Only this reason (`byReason` counts every reason regardless).", schema: reason },
        { name: "document", in: "query", description: "Only this document's.", schema: { type: "integer", minimum: 1 } },
        { name: "entity", in: "query", description: "Only those made for this entity (merges are followed).", schema: { type: "integer", minimum: 1 } },
        { name: "limit", in: "query", description: `Redactions to return, 0 to ${MAX_REDACTION_LIMIT}; default ${DEFAULT_REDACTION_LIMIT}.`, schema: { type: "integer", minimum: 0, maximum: MAX_REDACTION_LIMIT } },
        { name: "offset", in: "query", description: "Redactions to skip, for paging.", schema: { type: "integer", minimum: 0 } },
      ],
      responses: {
        200: json("A page of redactions in document and text order, how many match, and how many match for each reason.", object({ total: integer, byReason, redactions: { type: "array", items: ref("RedactionInContext") } }, ["total", "byReason", "redactions"])),
        400: error("A bad status, reason, id, limit or offset (`bad-request`)."),
        404: error("No such document or entity (`not-found`)."),
      },
    },
    post: {
      operationId: "addRedaction",
      summary: `Redact a span of a document, or every occurrence of some words in it (any case, letter form or digits), accepted at once; \`trove redact add\`. ${author}`,
      requestBody: jsonRequest({
        oneOf: [
          object({ documentId: { type: "integer", minimum: 1 }, start: { type: "integer", minimum: 0 }, end: { type: "integer", minimum: 1 }, reason, note }, ["documentId", "start", "end"]),
          object({ documentId: { type: "integer", minimum: 1 }, text: { type: "string", maxLength: MAX_REDACTED_WORDS_CHARS }, reason, note }, ["documentId", "text"]),
        ],
      }),
      responses: {
        201: json("The redactions, one per span; a span already redacted is decided again rather than added twice.", redactionsChanged),
        400: error("A missing or malformed field, or a span outside the text (`bad-request`, `invalid-decision`)."),
        404: error("No such document, or the words are not in it (`not-found`)."),
        ...changes,
      },
    },
  },
  "/api/redactions/suggest": {
    post: {
      operationId: "suggestRedactions",
      summary: "Run the rules (informants, people linked to them, e-mails, phones, addresses, plates) and add what they find to the review queue; `trove redact suggest --json`. A decision is never changed.",
      requestBody: jsonRequest(object({ documentId: { type: "integer", minimum: 1, description: "Only this document; default all." } }), false),
      responses: {
        200: json("Documents read, and spans found and newly added by reason.", object({ documents: integer, found: countsByRule, added: countsByRule }, ["documents", "found", "added"])),
        400: error("A malformed field (`bad-request`)."),
        404: error("No such document (`not-found`)."),
        ...changes,
      },
    },
  },
  "/api/redactions/accept": {
    post: {
      operationId: "acceptSuggestions",
      summary: `Accept every suggestion that matches; \`trove redact accept --all-suggested\`. ${author}`,
      requestBody: jsonRequest(object({ allSuggested: { const: true }, reason, documentId: { type: "integer", minimum: 1 }, note }, ["allSuggested"])),
      responses: { 200: json("How many were accepted, and which.", object({ decided: integer, ids }, ["decided", "ids"])), 400: error("No `allSuggested: true`, or a malformed field (`bad-request`)."), 404: error("No such document (`not-found`)."), ...changes },
    },
  },
  "/api/redactions/reject": {
    post: {
      operationId: "rejectSuggestions",
      summary: `Reject every suggestion that matches; \`trove redact reject --all-suggested\`. ${author}`,
      requestBody: jsonRequest(object({ allSuggested: { const: true }, reason, documentId: { type: "integer", minimum: 1 }, note }, ["allSuggested"])),
      responses: { 200: json("How many were rejected, and which.", object({ decided: integer, ids }, ["decided", "ids"])), 400: error("No `allSuggested: true`, or a malformed field (`bad-request`)."), 404: error("No such document (`not-found`)."), ...changes },
    },
  },
  "/api/redactions/{id}/accept": {
    post: {
      operationId: "acceptRedaction",
      summary: `Accept one redaction, with an optional note; \`trove redact accept ID\`. ${author}`,
      parameters: [redactionIdParameter],
      requestBody: jsonRequest(object({ note }), false),
      responses: { 200: json("The redaction as it now stands.", ref("Redaction")), 400: error("A malformed note (`bad-request`)."), 404: error("No such redaction (`not-found`)."), ...changes },
    },
  },
  "/api/redactions/{id}/reject": {
    post: {
      operationId: "rejectRedaction",
      summary: `Reject one redaction, with an optional note; \`trove redact reject ID\`. ${author}`,
      parameters: [redactionIdParameter],
      requestBody: jsonRequest(object({ note }), false),
      responses: { 200: json("The redaction as it now stands.", ref("Redaction")), 400: error("A malformed note (`bad-request`)."), 404: error("No such redaction (`not-found`)."), ...changes },
    },
  },
  "/api/entities/{id}/redaction-plan": {
    get: {
      operationId: "planEntityRedaction",
      summary: "What redacting an entity everywhere would do, without doing it: spans, documents, spans by script, and the places left for review.",
      parameters: [entityIdParameter],
      responses: {
        200: json("The plan, counted.", object({ entityId: integer, name: string, type: { enum: [...ENTITY_TYPES] }, spans: integer, documents: integer, byScript, suggestions: integer }, ["entityId", "name", "type", "spans", "documents", "byScript", "suggestions"])),
        404: error("No such entity (`not-found`)."),
      },
    },
  },
  "/api/entities/{id}/redact": {
    post: {
      operationId: "redactEntity",
      summary: `Redact an entity everywhere: every mention and spelling, in every script, in originals and translations, accepted at once; its surname alone and look-alikes go to the queue; \`trove redact entity ID --json\`. ${author}`,
      parameters: [entityIdParameter],
      requestBody: jsonRequest(object({ note, reason }), false),
      responses: {
        200: json("The redactions made and the suggestions left.", object({ entityId: integer, name: string, type: { enum: [...ENTITY_TYPES] }, redactionIds: ids, suggestionIds: ids, documents: integer, byScript }, ["entityId", "name", "type", "redactionIds", "suggestionIds", "documents", "byScript"])),
        400: error("A malformed field (`bad-request`)."),
        404: error("No such entity (`not-found`)."),
        ...changes,
      },
    },
  },
  "/api/documents/{id}/redactions": {
    get: {
      operationId: "getDocumentRedactions",
      summary: "Every redaction of a document, whatever its status, in text order (a duplicate's include its original's): what the reader marks.",
      parameters: [documentIdParameter],
      responses: { 200: json("The redactions.", redactionsChanged), 404: error("No such document (`not-found`).") },
    },
  },
} as const;
