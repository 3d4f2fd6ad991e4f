/**
 * Redactions and their review, as `trove redact` offers them:
 * `GET /api/redactions` is `trove redact list --json` with each redaction in
 * its context, `POST /api/redactions/suggest` is `trove redact suggest`,
 * `POST /api/redactions` is `trove redact add`, `POST /api/redactions/{id}/accept`
 * and `/reject` decide one, `POST /api/redactions/accept` and `/reject` decide
 * every matching suggestion (`--all-suggested`), `POST /api/entities/{id}/redact`
 * is `trove redact entity` and `GET /api/entities/{id}/redaction-plan` what it
 * would do; `GET /api/documents/{id}/redactions` is what the reader marks.
 *
 * Every request that changes the archive opens the archive's writer for its
 * own work and closes it, as an upload does; the routes read through the
 * server's read-only connection, which sees each commit.
 */
import { Hono, type Context } from "hono";
import { NotFoundError } from "../../errors.js";
import { REDACTION_REASONS, REDACTION_STATUSES, type Redaction, type RedactionReason, type RedactionStatus } from "../../model/redaction.js";
import { spanInContext } from "../../publish/redaction/context.js";
import { planEntityRedaction, redactEntity, scriptOf } from "../../publish/redaction/entity.js";
import { PAGE_SIZE, pages } from "../../publish/redaction/paging.js";
import { addSuggestions } from "../../publish/redaction/suggestions.js";
import type { RedactionQuery } from "../../store/redaction-store.js";
import type { SqliteStore } from "../../store/sqlite/sqlite-store.js";
import { findForms } from "../../text/folded-text.js";
import type {
  BulkDecisionView,
  DocumentRedactionsView,
  EntityRedactionPlanView,
  EntityRedactionView,
  RedactionInContextView,
  RedactionsChangedView,
  RedactionsView,
  SpanScriptView,
  SuggestionReportView,
} from "../api-types.js";
import type { ArchiveAccess } from "../archive-access.js";
import { HttpError } from "../http-error.js";
import { jsonBody, onlyFields, optionalChoice, optionalString, optionalWholeNumber, type JsonObject } from "../json-body.js";
import { documentId, entityId, oneOf, optionalId, wholeNumber } from "../params.js";

export const DEFAULT_REDACTION_LIMIT = 50;
export const MAX_REDACTION_LIMIT = 500;
/** A reporter's note, kept with a redaction or a decision. */
export const MAX_NOTE_CHARS = 2000;
/** Words to redact wherever they stand in a document: a name, a number, an address. */
export const MAX_REDACTED_WORDS_CHARS = 400;
/** Suggestions decided per batch by a bulk decision; each batch leaves the queue, so the next is read from its head. */
const BULK_BATCH = 500;

/** Who a decision made in the browser is recorded as: the signed-in user, or in open mode the login running the server. */
function authorOf(c: Context): string {
  return c.get("identity").actor;
}

export function redactionRoutes(archive: ArchiveAccess): Hono {
  const routes = new Hono();

  routes.get("/api/redactions", (c) => {
    const store = archive.reader;
    const query: RedactionQuery = {
      ...optional("status", oneOfOrUndefined(c.req.query("status"), "status", REDACTION_STATUSES)),
      ...optional("documentId", optionalId(c.req.query("document"), "document")),
      ...optional("entityId", optionalId(c.req.query("entity"), "entity")),
    };
    const reason = oneOfOrUndefined(c.req.query("reason"), "reason", REDACTION_REASONS);
    const limit = wholeNumber(c.req.query("limit"), "limit", DEFAULT_REDACTION_LIMIT, MAX_REDACTION_LIMIT);
    const offset = wholeNumber(c.req.query("offset"), "offset", 0, Number.MAX_SAFE_INTEGER);
    if (query.documentId !== undefined) store.getDocument(query.documentId);
    const filtered: RedactionQuery = { ...query, ...(reason && { reason }) };
    const byReason = Object.fromEntries(REDACTION_REASONS.map((each) => [each, store.redactions.countRedactions({ ...query, reason: each })])) as Record<RedactionReason, number>;
    const view: RedactionsView = {
      total: store.redactions.countRedactions(filtered),
      byReason,
      redactions: inContext(store, store.redactions.listRedactions({ ...filtered, limit, offset })),
    };
    return c.json(view);
  });

  routes.post("/api/redactions/suggest", async (c) => {
    const body = await jsonBody(c.req.raw);
    onlyFields(body, ["documentId"]);
    const only = optionalWholeNumber(body, "documentId", 1);
    const view: SuggestionReportView = withWriter(archive, (store) => {
      if (only !== undefined) store.getDocument(only);
      return addSuggestions(store, only === undefined ? {} : { documentId: only });
    });
    return c.json(view);
  });

  routes.post("/api/redactions", async (c) => {
    const body = await jsonBody(c.req.raw);
    onlyFields(body, ["documentId", "start", "end", "text", "reason", "note"]);
    const document = optionalWholeNumber(body, "documentId", 1);
    if (document === undefined) throw new HttpError(400, "bad-request", "documentId is missing: say which document to redact in");
    const start = optionalWholeNumber(body, "start", 0);
    const end = optionalWholeNumber(body, "end", 0);
    const words = optionalString(body, "text", MAX_REDACTED_WORDS_CHARS);
    if (words === undefined && (start === undefined || end === undefined)) throw new HttpError(400, "bad-request", "give start and end (offsets into the document's text), or text: the words to redact wherever they stand");
    if (words !== undefined && (start !== undefined || end !== undefined)) throw new HttpError(400, "bad-request", "give start and end, or text, not both");
    const reason = optionalChoice(body, "reason", REDACTION_REASONS) ?? "manual";
    const note = optionalString(body, "note", MAX_NOTE_CHARS) ?? null;
    const view: RedactionsChangedView = withWriter(archive, (store) => {
      const text = store.redactions.documentText(document);
      const spans = words === undefined ? [{ start: start!, end: end! }] : findForms(text, [words], { wholeWords: true });
      if (spans.length === 0) throw new NotFoundError(`${JSON.stringify(words)} is not in document ${document}`);
      const ids = store.redactions.addRedactions(spans.map((span) => ({ documentId: document, start: span.start, end: span.end, reason, note, status: "accepted", author: authorOf(c) })));
      return { redactions: [...new Set(ids)].map((id) => store.redactions.getRedaction(id)) };
    });
    archive.audit(c, "redaction", `document ${document}`, { added: view.redactions.map((redaction) => redaction.id), reason });
    return c.json(view, 201);
  });

  for (const [verb, status] of [["accept", "accepted"], ["reject", "rejected"]] as const) {
    routes.post(`/api/redactions/${verb}`, async (c) => {
      const view = await decideSuggested(archive, c, status);
      archive.audit(c, "redaction", "suggestions", { status, decided: view.ids });
      return c.json(view);
    });
    routes.post(`/api/redactions/:id/${verb}`, async (c) => {
      const id = redactionId(c.req.param("id"));
      const body = await jsonBody(c.req.raw);
      onlyFields(body, ["note"]);
      const note = optionalString(body, "note", MAX_NOTE_CHARS);
      const view: Redaction = withWriter(archive, (store) => store.redactions.decideRedaction(id, status, authorOf(c), note));
      archive.audit(c, "redaction", String(id), { status });
      return c.json(view);
    });
  }

  routes.get("/api/entities/:id/redaction-plan", (c) => {
    const store = archive.reader;
    const plan = planEntityRedaction(store, entityId(c.req.param("id")), { author: authorOf(c) });
    const texts = new Map<number, string>();
    const textOf = (id: number) => texts.get(id) ?? texts.set(id, store.redactions.documentText(id)).get(id)!;
    const byScript: Record<SpanScriptView, number> = { arabic: 0, latin: 0, other: 0 };
    for (const span of plan.redactions) byScript[scriptOf(textOf(span.documentId).slice(span.start, span.end))]++;
    const view: EntityRedactionPlanView = {
      entityId: plan.entityId,
      name: plan.name,
      type: plan.type,
      spans: plan.redactions.length,
      documents: new Set(plan.redactions.map((span) => span.documentId)).size,
      byScript,
      suggestions: plan.suggestions.length,
    };
    return c.json(view);
  });

  routes.post("/api/entities/:id/redact", async (c) => {
    const id = entityId(c.req.param("id"));
    const body = await jsonBody(c.req.raw);
    onlyFields(body, ["note", "reason"]);
    const note = optionalString(body, "note", MAX_NOTE_CHARS);
    const reason = optionalChoice(body, "reason", REDACTION_REASONS);
    const view: EntityRedactionView = withWriter(archive, (store) => redactEntity(store, id, { author: authorOf(c), ...(note !== undefined && { note }), ...(reason && { reason }) }));
    archive.audit(c, "redaction", `entity ${id}`, { spans: view.redactionIds.length, documents: view.documents });
    return c.json(view);
  });

  routes.get("/api/documents/:id/redactions", (c) => {
    const store = archive.reader;
    const document = store.getDocument(documentId(c.req.param("id")));
    // A duplicate shows its original's text, and so its original's redactions.
    const ids = document.duplicateOf === undefined ? [document.id] : [document.duplicateOf, document.id];
    const redactions = ids.flatMap((id) => [...pages((offset) => store.redactions.listRedactions({ documentId: id, limit: PAGE_SIZE, offset }))]);
    const view: DocumentRedactionsView = { redactions: redactions.sort((a, b) => a.start - b.start || a.end - b.end || a.id - b.id) };
    return c.json(view);
  });

  return routes;
}

/** `trove redact accept|reject --all-suggested [--reason R] [--document D]`: the body must say `allSuggested: true`, so an empty one decides nothing. */
async function decideSuggested(archive: ArchiveAccess, c: Context, status: Exclude<RedactionStatus, "suggested">): Promise<BulkDecisionView> {
  const body = await jsonBody(c.req.raw);
  onlyFields(body, ["allSuggested", "reason", "documentId", "note"]);
  if (body.allSuggested !== true) throw new HttpError(400, "bad-request", "say allSuggested: true to decide every matching suggestion (narrow with reason and documentId), or decide one at /api/redactions/{id}/accept");
  const reason = optionalChoice(body, "reason", REDACTION_REASONS);
  const document = optionalWholeNumber(body, "documentId", 1);
  const note = optionalString(body, "note", MAX_NOTE_CHARS);
  return withWriter(archive, (store) => {
    if (document !== undefined) store.getDocument(document);
    const query: RedactionQuery = { status: "suggested", ...(reason && { reason }), ...(document !== undefined && { documentId: document }) };
    const ids: number[] = [];
    for (let batch = store.redactions.listRedactions({ ...query, limit: BULK_BATCH }); batch.length > 0; batch = store.redactions.listRedactions({ ...query, limit: BULK_BATCH })) {
      for (const redaction of batch) {
        store.redactions.decideRedaction(redaction.id, status, authorOf(c), note);
        ids.push(redaction.id);
      }
    }
    return { decided: ids.length, ids };
  });
}

/** Each redaction with its document's title and the words around it. */
function inContext(store: SqliteStore, redactions: Redaction[]): RedactionInContextView[] {
  const documents = new Map<number, { title: string; text: string }>();
  const documentOf = (id: number) => {
    let found = documents.get(id);
    if (!found) {
      const document = store.getDocument(id);
      found = { title: document.title || document.name, text: store.redactions.documentText(id) };
      documents.set(id, found);
    }
    return found;
  };
  return redactions.map((redaction) => {
    const { title, text } = documentOf(redaction.documentId);
    return { ...redaction, documentTitle: title, context: redaction.detachedAt ? null : spanInContext(text, redaction.start, redaction.end) };
  });
}

/**
 * Runs `work` on the archive's writer, which commits as it closes. Each
 * store call is a unit of its own (a batch of redactions is added whole or
 * not at all), so what a failing request leaves is only what it had
 * finished, as with the CLI.
 */
function withWriter<T>(archive: ArchiveAccess, work: (store: SqliteStore) => T): T {
  const store = archive.openWriter();
  try {
    return work(store);
  } finally {
    store.close();
  }
}

function redactionId(value: string): number {
  const id = Number(value);
  if (!/^\d{1,15}$/.test(value) || !Number.isSafeInteger(id) || id <= 0) {
    throw new NotFoundError(`'${value.slice(0, 40)}' is not a redaction id; ids are whole numbers, as /api/redactions lists them`);
  }
  return id;
}

function oneOfOrUndefined<T extends string>(value: string | undefined, name: string, choices: readonly T[]): T | undefined {
  return value === undefined || value === "" ? undefined : oneOf(value, name, choices, choices[0]!);
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}
