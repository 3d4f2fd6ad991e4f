import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { runEntityStage } from "../../../src/pipeline/entity-stage.js";
import { findEntitiesByName } from "../../../src/search/entity-lookup.js";
import { searchArchive } from "../../../src/search/sqlite-search.js";
import type {
  ApiError,
  BulkDecisionView,
  DocumentRedactionsView,
  EntityRedactionPlanView,
  EntityRedactionView,
  Redaction,
  RedactionsChangedView,
  RedactionsView,
  SuggestionReportView,
} from "../../../src/server/api-types.js";
import { createApp, type TroveApp } from "../../../src/server/app.js";
import { SqliteStore } from "../../../src/store/sqlite/sqlite-store.js";
import { tempDir } from "../../helpers/temp-dir.js";
import { sampleArchive } from "../fixtures.js";
import { localLogin } from "../../../src/access/local-login.js";

const JSON_TYPE = { "Content-Type": "application/json" };
/** The workbench's own pages, as the in-process app sees them: only the body's type is then in question. */
const OWN_PAGE = { Origin: "http://localhost" };

describe("the redaction routes", () => {
  let trove: TroveApp;
  let englishReport: number;
  let cable: number;
  let zubaidi: number;
  /** A suggestion the reader must still be told about, though rejected. */
  let rejected: Redaction;

  const request = async (url: string, init: RequestInit = {}) => {
    const response = await trove.app.request(url, init);
    return { status: response.status, body: (await response.json()) as unknown };
  };
  const get = async <T>(url: string, status = 200): Promise<T> => {
    const answer = await request(url);
    assert.equal(answer.status, status, url);
    return answer.body as T;
  };
  const post = async <T>(url: string, body: unknown, status = 200, headers: Record<string, string> = JSON_TYPE): Promise<T> => {
    const answer = await request(url, { method: "POST", body: typeof body === "string" ? body : JSON.stringify(body), headers });
    assert.equal(answer.status, status, `${url} ${JSON.stringify(answer.body)}`);
    return answer.body as T;
  };
  const errorOf = async (url: string, body: unknown, status: number, headers?: Record<string, string>) => (await post<ApiError>(url, body, status, headers)).error;
  const store = () => trove.archive.reader;

  before(async () => {
    const { archive } = await sampleArchive();
    const writer = SqliteStore.open(archive);
    try {
      await runEntityStage(writer, { workers: 0 });
      const documentId = (query: string) => searchArchive(writer, query, { limit: 1 }).hits[0]!.id;
      englishReport = documentId("path:report-1393-07-15-karbala.en.txt");
      cable = documentId("path:14BAGHDAD1911.txt");
      zubaidi = findEntitiesByName(writer.entities, "Harith Nouri al-Zubaidi", { tolerant: false })[0]!;
      assert.ok(zubaidi, "the sample archive names Zubaidi");
    } finally {
      writer.close();
    }
    trove = createApp({ archive, webRoot: path.join(tempDir(), "no-ui") });
  });
  after(() => trove.close());

  it("starts with an empty queue, counted by every reason", async () => {
    const view = await get<RedactionsView>("/api/redactions");
    assert.equal(view.total, 0);
    assert.deepEqual(view.redactions, []);
    assert.deepEqual(Object.values(view.byReason), [0, 0, 0, 0, 0, 0, 0]);
  });

  it("refuses a change that is not declared JSON, or comes from another site", async () => {
    assert.equal((await errorOf("/api/redactions/suggest", "{}", 415, { ...OWN_PAGE, "Content-Type": "text/plain" })).code, "unsupported-media-type");
    assert.equal((await errorOf("/api/redactions/suggest", "documentId=1", 415, { ...OWN_PAGE, "Content-Type": "application/x-www-form-urlencoded" })).code, "unsupported-media-type");
    assert.equal((await errorOf("/api/redactions/suggest", "{}", 415, OWN_PAGE)).code, "unsupported-media-type");
    assert.equal((await errorOf("/api/redactions/suggest", "{}", 403, { "Content-Type": "text/plain" })).code, "forbidden-origin");
    assert.equal((await errorOf("/api/redactions/suggest", "{}", 403, { ...JSON_TYPE, Origin: "http://203.0.113.7" })).code, "forbidden-origin");
    assert.equal((await get<RedactionsView>("/api/redactions")).total, 0);
  });

  it("POST /api/redactions/suggest fills the queue with the rules' suggestions, each in its context, and adds nothing twice", async () => {
    const report = await post<SuggestionReportView>("/api/redactions/suggest", {});
    assert.equal(report.documents, store().redactions.redactableDocumentIds().length);
    const added = Object.values(report.added).reduce((sum, count) => sum + count, 0);
    assert.ok(report.added.phone >= 1 && report.added.plate >= 1, JSON.stringify(report));

    const queue = await get<RedactionsView>("/api/redactions?status=suggested&limit=500");
    assert.equal(queue.total, added);
    assert.equal(queue.byReason.phone, report.added.phone);
    for (const redaction of queue.redactions) {
      assert.equal(redaction.author, "trove");
      assert.equal(redaction.context?.span, redaction.text.replace(/\s+/gu, " "));
      assert.equal(redaction.documentTitle, store().getDocument(redaction.documentId).title);
    }
    const plate = queue.redactions.find((redaction) => redaction.reason === "plate" && redaction.documentId === cable);
    assert.ok(plate, "the cable's plate is suggested");
    assert.match(plate.text, /45821/);
    assert.match(plate.context!.before, /Karbala/);

    const again = await post<SuggestionReportView>("/api/redactions/suggest", { documentId: englishReport });
    assert.equal(again.documents, 1);
    assert.deepEqual(Object.values(again.added), [0, 0, 0, 0, 0, 0]);
  });

  it("GET /api/redactions narrows by reason, status and document, pages, and checks every parameter", async () => {
    const phones = await get<RedactionsView>("/api/redactions?reason=phone");
    assert.ok(phones.total >= 1);
    assert.ok(phones.redactions.every((redaction) => redaction.reason === "phone"));
    assert.equal(phones.byReason.phone, phones.total);
    assert.ok(phones.byReason.plate >= 1, "byReason counts the other reasons too");

    const inReport = await get<RedactionsView>(`/api/redactions?document=${englishReport}&limit=2&offset=1`);
    assert.ok(inReport.redactions.every((redaction) => redaction.documentId === englishReport));
    assert.deepEqual(inReport.redactions.map((redaction) => redaction.id), store().redactions.listRedactions({ documentId: englishReport, limit: 2, offset: 1 }).map((redaction) => redaction.id));

    for (const bad of ["status=maybe", "reason=secret", "limit=501", "limit=-1", "offset=x", "document=0", "entity=abc"]) {
      assert.equal((await get<ApiError>(`/api/redactions?${bad}`, 400)).error.code, "bad-request", bad);
    }
    assert.equal((await get<ApiError>("/api/redactions?document=999999", 404)).error.code, "not-found");
    assert.equal((await get<ApiError>("/api/redactions?entity=999999", 404)).error.code, "not-found");
  });

  it("accepts and rejects one suggestion, recorded as the login running the server whatever header claims a user, and in the audit trail", async () => {
    const [first, second] = (await get<RedactionsView>("/api/redactions?status=suggested&reason=phone&limit=2")).redactions;
    assert.ok(first && second);
    const accepted = await post<Redaction>(`/api/redactions/${first.id}/accept`, { note: "the contact's number" }, 200, { ...JSON_TYPE, "X-Trove-User": "someone-else" });
    assert.equal(accepted.status, "accepted");
    assert.equal(accepted.decidedBy, localLogin(), "an open workbench records the login running the server");
    assert.equal(accepted.note, "the contact's number");
    const history = store().redactions.redactionHistory(first.id);
    assert.deepEqual(history.map((event) => [event.kind, event.by]), [["accepted", localLogin()]]);
    const audited = [...store().users.auditEvents()].reverse().find((event) => event.action === "redaction" && event.target === String(first.id));
    assert.equal(audited?.actor, localLogin());

    rejected = await post<Redaction>(`/api/redactions/${second.id}/reject`, "", 200);
    assert.equal(rejected.status, "rejected");

    assert.equal((await errorOf("/api/redactions/999999/accept", {}, 404)).code, "not-found");
    assert.equal((await errorOf("/api/redactions/abc/accept", {}, 404)).code, "not-found");
    assert.equal((await errorOf(`/api/redactions/${first.id}/accept`, { note: 7 }, 400)).code, "bad-request");
    assert.equal((await errorOf(`/api/redactions/${first.id}/accept`, { status: "accepted" }, 400)).code, "bad-request");
    assert.equal((await errorOf(`/api/redactions/${first.id}/accept`, "{not json", 400)).code, "bad-request");
    assert.equal((await errorOf(`/api/redactions/${first.id}/accept`, "[1]", 400)).code, "bad-request");
  });

  it("POST /api/redactions adds a reporter's span, or every occurrence of some words, accepted at once", async () => {
    const text = store().getDocument(englishReport).text;
    const start = text.indexOf("Muhannad Salim");
    const span = await post<RedactionsChangedView>("/api/redactions", { documentId: englishReport, start, end: start + "Muhannad Salim".length, note: "the office director" }, 201);
    assert.equal(span.redactions.length, 1);
    assert.deepEqual(
      [span.redactions[0]!.text, span.redactions[0]!.status, span.redactions[0]!.reason, span.redactions[0]!.author],
      ["Muhannad Salim", "accepted", "manual", localLogin()],
    );

    const everywhere = await post<RedactionsChangedView>("/api/redactions", { documentId: englishReport, text: "karbala", reason: "address" }, 201);
    assert.ok(everywhere.redactions.length >= 2, "Karbala stands more than once in the report");
    assert.ok(everywhere.redactions.every((redaction) => /^karbala$/i.test(redaction.text) && redaction.reason === "address" && redaction.status === "accepted"));

    const bad: [unknown, number, string][] = [
      [{ documentId: englishReport, start: 0, end: text.length + 1 }, 400, "invalid-decision"],
      [{ documentId: englishReport, start: 5, end: 5 }, 400, "invalid-decision"],
      [{ documentId: englishReport, start: 0, end: 4, text: "Karbala" }, 400, "bad-request"],
      [{ documentId: englishReport }, 400, "bad-request"],
      [{ start: 0, end: 4 }, 400, "bad-request"],
      [{ documentId: englishReport, start: -1, end: 4 }, 400, "bad-request"],
      [{ documentId: englishReport, start: 0, end: 4, reason: "whim" }, 400, "bad-request"],
      [{ documentId: englishReport, start: 0, end: 4, author: "someone" }, 400, "bad-request"],
      [{ documentId: englishReport, text: "x".repeat(401) }, 400, "bad-request"],
      [{ documentId: englishReport, text: "Atlantis" }, 404, "not-found"],
      [{ documentId: 999999, start: 0, end: 4 }, 404, "not-found"],
    ];
    for (const [body, status, code] of bad) assert.equal((await errorOf("/api/redactions", body, status)).code, code, JSON.stringify(body));
  });

  it("accepts every suggestion of a reason at once, only when asked for all of them", async () => {
    assert.equal((await errorOf("/api/redactions/accept", {}, 400)).code, "bad-request");
    assert.equal((await errorOf("/api/redactions/accept", { allSuggested: "yes" }, 400)).code, "bad-request");
    const waiting = store().redactions.listRedactions({ status: "suggested", reason: "email" }).map((redaction) => redaction.id);
    assert.ok(waiting.length >= 1);
    const decided = await post<BulkDecisionView>("/api/redactions/accept", { allSuggested: true, reason: "email" });
    assert.deepEqual(decided, { decided: waiting.length, ids: waiting });
    assert.equal(store().redactions.countRedactions({ status: "suggested", reason: "email" }), 0);
    assert.ok(store().redactions.countRedactions({ status: "suggested" }) > 0, "other reasons wait");
    assert.deepEqual(await post<BulkDecisionView>("/api/redactions/reject", { allSuggested: true, reason: "email" }), { decided: 0, ids: [] });
  });

  it("previews an entity's redaction without changing anything, then redacts it everywhere as the plan said", async () => {
    const before = store().redactions.countRedactions();
    const plan = await get<EntityRedactionPlanView>(`/api/entities/${zubaidi}/redaction-plan`);
    assert.equal(plan.entityId, zubaidi);
    assert.equal(plan.type, "person");
    assert.ok(plan.spans >= 2 && plan.documents >= 2, JSON.stringify(plan));
    assert.equal(plan.byScript.latin + plan.byScript.arabic + plan.byScript.other, plan.spans);
    assert.ok(plan.byScript.arabic >= 1, "the Persian report names him too");
    assert.equal(store().redactions.countRedactions(), before);

    const result = await post<EntityRedactionView>(`/api/entities/${zubaidi}/redact`, { note: "protects the driver" });
    assert.equal(result.redactionIds.length, plan.spans);
    assert.equal(result.documents, plan.documents);
    assert.deepEqual(result.byScript, plan.byScript);
    const redactions = result.redactionIds.map((id) => store().redactions.getRedaction(id));
    assert.ok(redactions.every((redaction) => redaction.status === "accepted" && redaction.entityId === zubaidi && redaction.decidedBy === localLogin()));

    assert.equal((await get<ApiError>("/api/entities/999999/redaction-plan", 404)).error.code, "not-found");
    assert.equal((await errorOf("/api/entities/999999/redact", {}, 404)).code, "not-found");
    assert.equal((await errorOf(`/api/entities/${zubaidi}/redact`, { reason: "whim" }, 400)).code, "bad-request");
    assert.equal((await errorOf(`/api/entities/${zubaidi}/redact`, {}, 415, { ...OWN_PAGE, "Content-Type": "text/plain" })).code, "unsupported-media-type");
  });

  it("GET /api/documents/{id}/redactions lists a document's redactions of every status in text order", async () => {
    const view = await get<DocumentRedactionsView>(`/api/documents/${englishReport}/redactions`);
    const all = store().redactions.listRedactions({ documentId: englishReport, limit: 1000 });
    assert.deepEqual(view.redactions.map((redaction) => redaction.id).sort(), all.map((redaction) => redaction.id).sort());
    const starts = view.redactions.map((redaction) => redaction.start);
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
    assert.deepEqual(new Set(view.redactions.map((redaction) => redaction.status)), new Set(["accepted", "suggested"]));
    const withRejected = await get<DocumentRedactionsView>(`/api/documents/${rejected.documentId}/redactions`);
    assert.equal(withRejected.redactions.find((redaction) => redaction.id === rejected.id)?.status, "rejected");
    assert.equal((await get<ApiError>("/api/documents/999999/redactions", 404)).error.code, "not-found");
    assert.equal((await get<ApiError>("/api/documents/abc/redactions", 404)).error.code, "not-found");
  });
});
