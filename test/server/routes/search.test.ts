import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { ApiError } from "../../../src/server/api-types.js";
import { createApp, type TroveApp } from "../../../src/server/app.js";
import { MAX_SEARCH_LIMIT } from "../../../src/server/routes/search.js";
import { searchArchive } from "../../../src/search/sqlite-search.js";
import { tempDir } from "../../helpers/temp-dir.js";
import { sampleArchive } from "../fixtures.js";

describe("GET /api/search", () => {
  let trove: TroveApp;

  before(async () => {
    const { archive } = await sampleArchive();
    trove = createApp({ archive, webRoot: path.join(tempDir(), "no-ui") });
  });
  after(() => trove.close());

  const get = async (query: string) => {
    const response = await trove.app.request(`/api/search?${query}`);
    return { status: response.status, body: (await response.json()) as unknown };
  };

  it("answers exactly what trove search --json prints, for every sort and page", async () => {
    const cases: [string, { limit?: number; offset?: number; sort?: "relevance" | "date" | "date-asc" }][] = [
      ["karbala", {}],
      ["كربلا", { limit: 3 }],
      ["karbala", { limit: 2, offset: 2, sort: "date" }],
      ["type:pdf OR lang:fa", { sort: "date-asc" }],
      ["date:2014", { limit: 1, offset: 1 }],
    ];
    for (const [query, options] of cases) {
      const params = new URLSearchParams({ q: query });
      for (const [key, value] of Object.entries(options)) params.set(key, String(value));
      const { status, body } = await get(params.toString());
      assert.equal(status, 200, query);
      assert.deepEqual(body, JSON.parse(JSON.stringify(searchArchive(trove.archive.reader, query, options))), query);
    }
  });

  it("pages to any depth: an offset past the end keeps the total and returns no hits", async () => {
    const all = searchArchive(trove.archive.reader, "karbala", { limit: 100 });
    assert.ok(all.total >= 3);
    const { body } = await get(`q=karbala&offset=${all.total + 1_000_000}`);
    const page = body as { total: number; hits: unknown[] };
    assert.equal(page.total, all.total);
    assert.deepEqual(page.hits, []);
  });

  it("answers a malformed query with 400, the query-syntax code and the fault's position", async () => {
    const { status, body } = await get(`q=${encodeURIComponent("karbala OR")}`);
    assert.equal(status, 400);
    const error = (body as ApiError).error;
    assert.equal(error.code, "query-syntax");
    assert.equal(error.position, 8);
    assert.deepEqual(Object.keys(body as object), ["error"]);
  });

  it("refuses bad parameters with bad-request, in the one error shape", async () => {
    for (const query of ["", "q=x&limit=-1", `q=x&limit=${MAX_SEARCH_LIMIT + 1}`, "q=x&limit=ten", "q=x&offset=1.5", "q=x&sort=random", `q=${"a".repeat(5000)}`]) {
      const { status, body } = await get(query);
      assert.equal(status, 400, query);
      assert.equal((body as ApiError).error.code, "bad-request", query);
      assert.equal(typeof (body as ApiError).error.message, "string");
    }
  });
});
