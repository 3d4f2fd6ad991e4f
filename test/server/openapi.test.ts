import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { createApp, type TroveApp } from "../../src/server/app.js";
import { OPENAPI_DOCUMENT } from "../../src/server/openapi.js";
import { tempDir } from "../helpers/temp-dir.js";

const METHODS = ["get", "post", "put", "patch", "delete"];

/** `/api/documents/:id` → `/api/documents/{id}`. */
function openapiPath(honoPath: string): string {
  return honoPath.replace(/:([A-Za-z]+)/g, "{$1}");
}

describe("the OpenAPI document", () => {
  let trove: TroveApp;
  before(() => {
    trove = createApp({ archive: path.join(tempDir(), "archive.db"), webRoot: path.join(tempDir(), "no-ui") });
  });
  after(() => trove.close());

  const answered = () =>
    new Set(trove.app.routes.filter((route) => route.path.startsWith("/api/") && route.method !== "ALL").map((route) => `${route.method.toLowerCase()} ${openapiPath(route.path)}`));
  const described = () =>
    new Set(Object.entries(OPENAPI_DOCUMENT.paths).flatMap(([route, operations]) => Object.keys(operations).filter((method) => METHODS.includes(method)).map((method) => `${method} ${route}`)));

  it("describes every route the app answers, and nothing it does not", () => {
    assert.deepEqual([...answered()].sort(), [...described()].sort());
    assert.ok(answered().size >= 12);
  });

  it("is served at /api/openapi.json as OpenAPI 3.1, every operation with an id, a summary and its responses", async () => {
    const response = await trove.app.request("/api/openapi.json");
    assert.equal(response.status, 200);
    const document = (await response.json()) as typeof OPENAPI_DOCUMENT;
    assert.equal(document.openapi, "3.1.0");
    const ids = new Set<string>();
    for (const operations of Object.values(document.paths)) {
      for (const operation of Object.values(operations) as { operationId: string; summary: string; responses: Record<string, unknown> }[]) {
        assert.ok(operation.operationId && !ids.has(operation.operationId), operation.operationId);
        ids.add(operation.operationId);
        assert.ok(operation.summary.length > 10);
        assert.ok(Object.keys(operation.responses).length > 0);
      }
    }
  });

  it("resolves every schema reference", () => {
    const text = JSON.stringify(OPENAPI_DOCUMENT);
    const schemas = Object.keys(OPENAPI_DOCUMENT.components.schemas);
    for (const [, name] of text.matchAll(/"#\/components\/schemas\/([A-Za-z]+)"/g)) assert.ok(schemas.includes(name!), name);
  });

  it("documents every path parameter it names", () => {
    for (const [route, operations] of Object.entries(OPENAPI_DOCUMENT.paths)) {
      const named = [...route.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      for (const operation of Object.values(operations) as { parameters?: { name: string; in: string }[] }[]) {
        const documented = (operation.parameters ?? []).filter((parameter) => parameter.in === "path").map((parameter) => parameter.name);
        assert.deepEqual(documented.sort(), named.sort(), route);
      }
    }
  });
});
