import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { matchNames } from "../../../src/extract/name-match.js";
import { runEntityStage } from "../../../src/pipeline/entity-stage.js";
import { findEntitiesByName } from "../../../src/search/entity-lookup.js";
import { searchArchive } from "../../../src/search/sqlite-search.js";
import type { ApiError, DocumentMentionsView, EntitiesView, EntityLookupView, EntityView } from "../../../src/server/api-types.js";
import { createApp, type TroveApp } from "../../../src/server/app.js";
import { SqliteStore } from "../../../src/store/sqlite/sqlite-store.js";
import { tempDir } from "../../helpers/temp-dir.js";
import { sampleArchive } from "../fixtures.js";

/** What the CLI prints with `--json`: the library's value through JSON. */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe("the entity and name routes", () => {
  let trove: TroveApp;
  /** An entity merged into `mergedInto` before the server opened the archive. */
  let merged: number;
  let mergedInto: number;
  /** A source marked as a person: the link must never leave through the API. */
  let linkedSource: number;

  const body = async <T>(url: string, status = 200): Promise<T> => {
    const response = await trove.app.request(url);
    assert.equal(response.status, status, url);
    return (await response.json()) as T;
  };
  const errorOf = async (url: string, status: number) => (await body<ApiError>(url, status)).error;
  const store = () => trove.archive.reader;

  before(async () => {
    const { archive } = await sampleArchive();
    const writer = SqliteStore.open(archive);
    try {
      await runEntityStage(writer, { workers: 0 });
      const people = writer.entities.listEntities({ type: "person", limit: 500 });
      const [target, other] = people.slice(-2);
      assert.ok(target && other, "the sample archive has people");
      writer.entities.mergeEntities(target.id, [other.id], "the same man");
      merged = other.id;
      mergedInto = target.id;
      const source = writer.entities.listEntities({ type: "source", limit: 1 })[0];
      assert.ok(source, "the sample archive has sources");
      writer.entities.linkSource(source.id, people[0]!.id, "handler's note");
      linkedSource = source.id;
    } finally {
      writer.close();
    }
    trove = createApp({ archive, webRoot: path.join(tempDir(), "no-ui") });
  });
  after(() => trove.close());

  it("GET /api/entities is what trove entities --json prints, by type and page", async () => {
    const all = await body<EntitiesView>("/api/entities");
    assert.deepEqual(all, asJson({ entities: store().entities.listEntities({ limit: 50, offset: 0 }) }));
    assert.ok(all.entities.length > 5);
    const people = await body<EntitiesView>("/api/entities?type=person&limit=3&offset=1");
    assert.deepEqual(people, asJson({ entities: store().entities.listEntities({ type: "person", limit: 3, offset: 1 }) }));
    assert.equal(people.entities.length, 3);
    assert.ok(people.entities.every((entity) => entity.type === "person"));
    assert.ok(!all.entities.some((entity) => entity.id === merged), "a merged entity is listed only as the one it became");
  });

  it("refuses a type that has no profiles, and bad paging, with 400 bad-request", async () => {
    for (const query of ["type=money", "type=date", "type=people", "type=PERSON", "limit=-1", "limit=501", "limit=2.5", "offset=x"]) {
      assert.equal((await errorOf(`/api/entities?${query}`, 400)).code, "bad-request", query);
    }
  });

  it("GET /api/entities/{id} is what trove entity ID --json prints, passages highlighting the mention", async () => {
    const [first] = store().entities.listEntities({ limit: 1 });
    const profile = await body<EntityView>(`/api/entities/${first!.id}`);
    assert.deepEqual(profile, asJson(store().entities.getEntity(first!.id, { mentionLimit: 20, showSourceLinks: false })));
    assert.ok(profile.mentions.length > 0 && profile.coOccurring.length > 0);
    for (const mention of profile.mentions) assert.equal(mention.passage.slice(mention.highlightStart, mention.highlightEnd), mention.text);
    assert.equal((await body<EntityView>(`/api/entities/${first!.id}?mentions=2`)).mentions.length, 2);
    assert.equal((await errorOf(`/api/entities/${first!.id}?mentions=many`, 400)).code, "bad-request");
  });

  it("opens a merged id as the entity it was merged into, saying so", async () => {
    const profile = await body<EntityView>(`/api/entities/${merged}`);
    assert.equal(profile.id, mergedInto);
    assert.equal(profile.mergedFrom, merged);
  });

  it("never shows which person a source was marked as", async () => {
    assert.equal(store().entities.getEntity(linkedSource, { showSourceLinks: true }).linkedIdentities.length, 1);
    assert.deepEqual((await body<EntityView>(`/api/entities/${linkedSource}`)).linkedIdentities, []);
  });

  it("answers an unknown or malformed entity id with 404 not-found", async () => {
    for (const id of ["999999", "0", "abc", "1.5", "-3", "%2e%2e"]) assert.equal((await errorOf(`/api/entities/${id}`, 404)).code, "not-found", id);
  });

  it("GET /api/entities/lookup finds entities by a name in any script, as trove entity NAME does", async () => {
    const persian = store().entities.listEntities({ type: "person", limit: 500 }).find((entity) => entity.aliases.some((alias) => /\p{Script=Arabic}/u.test(alias.name)));
    assert.ok(persian, "the sample archive has a person written in Persian");
    const alias = persian.aliases.find((candidate) => /\p{Script=Arabic}/u.test(candidate.name))!.name;
    const found = await body<EntityLookupView>(`/api/entities/lookup?name=${encodeURIComponent(alias)}`);
    assert.deepEqual(found.ids, findEntitiesByName(store().entities, alias, { tolerant: false }));
    assert.ok(found.ids.includes(persian.id));
    assert.equal((await errorOf("/api/entities/lookup?name=Zyxwvut%20Qqqqq", 404)).code, "not-found");
    for (const query of ["", "?name=", "?name=%20", `?name=${"a".repeat(401)}`]) assert.equal((await errorOf(`/api/entities/lookup${query}`, 400)).code, "bad-request", query);
  });

  it("GET /api/documents/{id}/mentions gives the document's mentions in text order, at their offsets", async () => {
    const id = searchArchive(store(), "path:14BAGHDAD1911.txt", { limit: 1 }).hits[0]!.id;
    const { mentions } = await body<DocumentMentionsView>(`/api/documents/${id}/mentions`);
    assert.deepEqual(mentions, asJson(store().entities.documentMentions(id)));
    assert.ok(mentions.some((mention) => mention.entityId !== null));
    const { text } = store().getDocument(id);
    for (const mention of mentions) assert.equal(text.slice(mention.start, mention.end), mention.text);
    assert.ok(mentions.every((mention, index) => index === 0 || mentions[index - 1]!.start <= mention.start));
    const picture = searchArchive(store(), "path:meeting-photo.png", { limit: 1 }).hits[0]!.id;
    assert.deepEqual(await body<DocumentMentionsView>(`/api/documents/${picture}/mentions`), { mentions: asJson(store().entities.documentMentions(picture)) });
    for (const unknown of ["999999", "abc"]) assert.equal((await errorOf(`/api/documents/${unknown}/mentions`, 404)).code, "not-found", unknown);
  });

  it("GET /api/names/match is what trove names match --json prints", async () => {
    for (const [a, b] of [["Qassem Soleimani", "قاسم سلیمانی"], ["al-Jabouri", "Jubouri"], ["Tamimi", "Zubaidi"]] as const) {
      const match = await body<unknown>(`/api/names/match?${new URLSearchParams({ a, b })}`);
      assert.deepEqual(match, asJson(matchNames(a, b)));
    }
    for (const query of ["a=Tamimi", "b=Tamimi", "a=&b=x", `a=${"x".repeat(401)}&b=y`]) assert.equal((await errorOf(`/api/names/match?${query}`, 400)).code, "bad-request", query);
  });
});
