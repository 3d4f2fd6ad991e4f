import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Annotation, AnnotationsView, ApiError, DocumentAnnotationsView, SavedSearch, SavedSearchesView, SearchResult, TagsView } from "../../../src/server/api-types.js";
import { createApp, type TroveApp } from "../../../src/server/app.js";
import { SqliteStore } from "../../../src/store/sqlite/sqlite-store.js";
import { extracted } from "../../helpers/documents.js";
import { tempDir } from "../../helpers/temp-dir.js";

const REPORT = "Report on the Karbala meeting\n\nThe officer met the source at the photo exhibition.\n\nGifts of saffron and pistachios were handed over.\n";
const JSON_TYPE = { "Content-Type": "application/json" };

describe("annotations, tags and saved searches over the API", () => {
  let trove: TroveApp;
  let report: number;

  const send = (url: string, method: string, body?: unknown, headers: Record<string, string> = JSON_TYPE) =>
    trove.app.request(url, { method, headers, ...(body !== undefined && { body: typeof body === "string" ? body : JSON.stringify(body) }) });
  const ok = async <T>(response: Response | Promise<Response>, status = 200): Promise<T> => {
    const answered = await response;
    assert.equal(answered.status, status, await answered.clone().text());
    return (await answered.json()) as T;
  };
  const failure = async (response: Response | Promise<Response>, status: number) => (await ok<ApiError>(response, status)).error;

  before(() => {
    const archive = path.join(tempDir(), "archive.db");
    const store = SqliteStore.open(archive);
    report = store.saveDocument(extracted("/leak/report.txt", REPORT)).id;
    store.close();
    trove = createApp({ archive, webRoot: path.join(tempDir(), "no-ui") });
  });
  after(() => trove.close());

  it("adds a passage note and a whole-document note, and lists them with the document's tags", async () => {
    const start = REPORT.indexOf("photo exhibition");
    const passage = await ok<Annotation>(send(`/api/documents/${report}/annotations`, "POST", { start, end: start + 16, body: "the cover story", tags: ["Meeting", "cover"] }), 201);
    assert.deepEqual([passage.quote, passage.tags], ["photo exhibition", ["cover", "meeting"]]);
    const byWords = await ok<Annotation>(send(`/api/documents/${report}/annotations`, "POST", { quote: "saffron", body: "a gift", tags: ["gifts"] }), 201);
    assert.equal(byWords.start, REPORT.indexOf("saffron"));
    const whole = await ok<Annotation>(send(`/api/documents/${report}/annotations`, "POST", { body: "ask the translator" }), 201);
    const view = await ok<DocumentAnnotationsView>(trove.app.request(`/api/documents/${report}/annotations`));
    assert.deepEqual(view.annotations.map((annotation) => annotation.id), [whole.id, passage.id, byWords.id]);
    assert.deepEqual(view.tags, ["cover", "gifts", "meeting"]);
    assert.deepEqual(view, JSON.parse(JSON.stringify({ annotations: trove.archive.reader.annotations.listAnnotations({ documentId: report }), tags: trove.archive.reader.annotations.documentTags(report) })));
  });

  it("keeps markup in a note as the characters it is", async () => {
    const hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    const saved = await ok<Annotation>(send(`/api/documents/${report}/annotations`, "POST", { body: hostile, tags: ["<b>bold</b>"] }), 201);
    assert.equal(saved.body, hostile);
    assert.deepEqual(saved.tags, ["<b>bold</b>"]);
    assert.equal((await send(`/api/annotations/${saved.id}`, "DELETE")).status, 204);
  });

  it("edits and deletes a note, and lists notes and tags across the archive", async () => {
    const note = await ok<Annotation>(send(`/api/documents/${report}/annotations`, "POST", { quote: "pistachios", body: "first", tags: ["gifts"] }), 201);
    const edited = await ok<Annotation>(send(`/api/annotations/${note.id}`, "PATCH", { body: "second", tags: ["gifts", "follow-up"] }));
    assert.deepEqual([edited.body, edited.tags, edited.quote], ["second", ["follow-up", "gifts"], "pistachios"]);
    const gifts = await ok<AnnotationsView>(trove.app.request("/api/annotations?tag=GIFTS"));
    assert.equal(gifts.total, 2);
    const { tags } = await ok<TagsView>(trove.app.request("/api/tags"));
    assert.deepEqual(tags[0], { tag: "gifts", annotations: 2, documents: 1 });
    assert.equal((await send(`/api/annotations/${note.id}`, "DELETE")).status, 204);
    assert.equal((await failure(send(`/api/annotations/${note.id}`, "DELETE"), 404)).code, "not-found");
    const found = await ok<SearchResult>(trove.app.request("/api/search?q=label:gifts"));
    assert.deepEqual(found.hits.map((hit) => hit.id), [report]);
  });

  it("refuses what is not JSON with 415, a body too large with 413, and malformed fields with 400", async () => {
    const url = `/api/documents/${report}/annotations`;
    // From the workbench's own page (its Origin), so that only the type is wrong.
    const ownPage = { Origin: "http://localhost" };
    assert.equal((await failure(send(url, "POST", { body: "x" }, { ...ownPage, "Content-Type": "text/plain" }), 415)).code, "unsupported-media-type");
    assert.equal((await failure(send(url, "POST", "body=x", { ...ownPage, "Content-Type": "application/x-www-form-urlencoded" }), 415)).code, "unsupported-media-type");
    assert.equal((await failure(trove.app.request("/api/searches/1", { method: "DELETE", headers: ownPage }), 415)).code, "unsupported-media-type");
    assert.equal((await failure(send(url, "POST", { body: "x".repeat(70_000) }), 413)).code, "too-large");
    assert.equal((await failure(send(url, "POST", "{not json"), 400)).code, "bad-request");
    assert.equal((await failure(send(url, "POST", [1, 2]), 400)).code, "bad-request");
    assert.equal((await failure(send(url, "POST", { body: 3 }), 400)).code, "bad-request");
    assert.equal((await failure(send(url, "POST", { body: "x", tags: Array.from({ length: 21 }, (_, n) => `t${n}`) }), 400)).code, "bad-request");
    assert.equal((await failure(send(url, "POST", { body: "x", tags: ["y".repeat(65)] }), 400)).code, "bad-request");
    assert.equal((await failure(send(url, "POST", { body: "x", colour: "red" }), 400)).code, "bad-request");
    assert.equal((await failure(send(url, "POST", { start: 3, body: "x" }), 400)).code, "bad-request");
    assert.equal((await failure(send(url, "POST", { start: 3, end: 99_999, body: "x" }), 400)).code, "invalid-decision");
    assert.equal((await failure(send(url, "POST", { quote: "not in the text", body: "x" }), 400)).code, "invalid-decision");
    assert.equal((await failure(send("/api/documents/9999/annotations", "POST", { body: "x" }), 404)).code, "not-found");
    assert.equal((await failure(send(url, "POST", { body: "x" }, { ...JSON_TYPE, Origin: "http://elsewhere.example" }), 403)).code, "forbidden-origin");
  });

  it("saves a search, lists it, refuses a malformed query or a taken name, and deletes it", async () => {
    const saved = await ok<SavedSearch>(send("/api/searches", "POST", { name: "gifts", query: "saffron OR cologne", sort: "date" }), 201);
    assert.deepEqual([saved.name, saved.query, saved.sort, saved.lastTotal], ["gifts", "saffron OR cologne", "date", null]);
    const malformed = await failure(send("/api/searches", "POST", { name: "broken", query: "karbala OR" }), 400);
    assert.equal(malformed.code, "query-syntax");
    assert.equal(typeof malformed.position, "number");
    assert.equal((await failure(send("/api/searches", "POST", { name: "gifts", query: "x" }), 400)).code, "invalid-decision");
    assert.equal((await failure(send("/api/searches", "POST", { name: "other", query: "x", sort: "random" }), 400)).code, "bad-request");
    assert.deepEqual((await ok<SavedSearchesView>(trove.app.request("/api/searches"))).searches.map((search) => search.name), ["gifts"]);
    assert.equal((await send(`/api/searches/${saved.id}`, "DELETE")).status, 204);
    assert.deepEqual((await ok<SavedSearchesView>(trove.app.request("/api/searches"))).searches, []);
    assert.equal((await failure(send(`/api/searches/${saved.id}`, "DELETE"), 404)).code, "not-found");
  });
});
