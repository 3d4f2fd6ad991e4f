import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync, brotliDecompressSync } from "node:zlib";
import { after, before, describe, it } from "node:test";
import type { ApiError } from "../../src/server/api-types.js";
import { createApp, type TroveApp } from "../../src/server/app.js";
import { CONTENT_SECURITY_POLICY } from "../../src/server/middleware/security-headers.js";
import { tempDir } from "../helpers/temp-dir.js";

const INDEX = "<!doctype html><html><head><title>Trove</title></head><body><main id=main></main>" + "<!-- padding so that the page is worth compressing -->".repeat(40) + "</body></html>";

function webRoot(): string {
  const root = tempDir();
  mkdirSync(path.join(root, "assets"));
  writeFileSync(path.join(root, "index.html"), INDEX);
  writeFileSync(path.join(root, "assets", "app-ABCD2345.js"), `console.log(${JSON.stringify("x".repeat(2000))});`);
  writeFileSync(path.join(root, "assets", "vazirmatn-variable.woff2"), Buffer.alloc(1000, 7));
  return root;
}

describe("the HTTP app", () => {
  let trove: TroveApp;
  const logged: unknown[] = [];

  before(() => {
    trove = createApp({ archive: path.join(tempDir(), "new", "archive.db"), webRoot: webRoot(), log: (error) => logged.push(error) });
  });
  after(() => trove.close());

  it("creates a missing archive empty, so that files can be uploaded into it", async () => {
    assert.equal(trove.archive.created, true);
    const stats = (await (await trove.app.request("/api/stats")).json()) as { documents: number };
    assert.equal(stats.documents, 0);
  });

  it("sets the security headers on every response: API, page, asset and error alike", async () => {
    for (const url of ["/api/stats", "/", "/search?q=x", "/assets/app-ABCD2345.js", "/api/documents/9", "/api/nowhere", "/assets/missing.js"]) {
      const response = await trove.app.request(url);
      assert.equal(response.headers.get("Content-Security-Policy"), CONTENT_SECURITY_POLICY, url);
      assert.equal(response.headers.get("X-Content-Type-Options"), "nosniff", url);
      assert.equal(response.headers.get("Referrer-Policy"), "no-referrer", url);
      assert.equal(response.headers.get("X-Frame-Options"), "DENY", url);
    }
    assert.match(CONTENT_SECURITY_POLICY, /default-src 'self'/);
    assert.match(CONTENT_SECURITY_POLICY, /img-src 'self' data:/);
    assert.match(CONTENT_SECURITY_POLICY, /frame-ancestors 'none'/);
    assert.doesNotMatch(CONTENT_SECURITY_POLICY, /unsafe-inline|unsafe-eval/);
  });

  it("answers unknown API routes and unknown assets with the one JSON error shape", async () => {
    for (const url of ["/api/nowhere", "/api/documents/1/nothing", "/assets/missing.js"]) {
      const response = await trove.app.request(url);
      assert.equal(response.status, 404, url);
      const body = (await response.json()) as ApiError;
      assert.deepEqual(Object.keys(body), ["error"]);
      assert.equal(body.error.code, "not-found");
    }
  });

  it("serves index.html for every screen address, compressed, with an ETag that revalidates", async () => {
    for (const url of ["/", "/search?q=karbala", "/documents/12", "/upload", "/overview"]) {
      const response = await trove.app.request(url, { headers: { "Accept-Encoding": "gzip" } });
      assert.equal(response.status, 200, url);
      assert.equal(response.headers.get("Content-Encoding"), "gzip");
      assert.equal(gunzipSync(Buffer.from(await response.arrayBuffer())).toString(), INDEX);
    }
    const brotli = await trove.app.request("/", { headers: { "Accept-Encoding": "gzip, br" } });
    assert.equal(brotliDecompressSync(Buffer.from(await brotli.arrayBuffer())).toString(), INDEX);
    const etag = brotli.headers.get("ETag")!;
    assert.equal((await trove.app.request("/", { headers: { "If-None-Match": etag } })).status, 304);
    assert.equal(brotli.headers.get("Cache-Control"), "no-cache");
  });

  it("caches hashed assets for good and leaves fonts uncompressed", async () => {
    const script = await trove.app.request("/assets/app-ABCD2345.js", { headers: { "Accept-Encoding": "br" } });
    assert.match(script.headers.get("Cache-Control") ?? "", /immutable/);
    assert.match(script.headers.get("Content-Type") ?? "", /javascript/);
    const font = await trove.app.request("/assets/vazirmatn-variable.woff2", { headers: { "Accept-Encoding": "gzip, br" } });
    assert.equal(font.headers.get("Content-Type"), "font/woff2");
    assert.equal(font.headers.get("Content-Encoding"), null);
  });

  it("answers only to loopback names, and refuses changes sent from another site", async () => {
    const rebound = await trove.app.request("http://evil.example/api/stats");
    assert.equal(rebound.status, 421);
    assert.equal(((await rebound.json()) as ApiError).error.code, "forbidden-host");
    assert.equal((await trove.app.request("http://127.0.0.1:7300/api/stats")).status, 200);
    const crossSite = await trove.app.request("/api/uploads", { method: "POST", headers: { "Sec-Fetch-Site": "cross-site" } });
    assert.equal(crossSite.status, 403);
  });

  it("turns an unexpected failure into an internal error without a stack trace, and logs it", async () => {
    const broken = createApp({ archive: path.join(tempDir(), "archive.db"), webRoot: webRoot(), log: (error) => logged.push(error) });
    broken.archive.reader.database.close();
    const response = await broken.app.request("/api/stats");
    assert.equal(response.status, 500);
    const text = await response.text();
    assert.equal((JSON.parse(text) as ApiError).error.code, "internal");
    assert.doesNotMatch(text, /at \w+ \(|\.ts:\d+|node_modules/);
    assert.ok(logged.length > 0);
  });

  it("says how to build the UI when it is not built, while the API keeps working", async () => {
    const bare = createApp({ archive: path.join(tempDir(), "archive.db"), webRoot: path.join(tempDir(), "missing") });
    try {
      const page = await bare.app.request("/");
      assert.equal(page.status, 503);
      assert.match(await page.text(), /npm run build/);
      assert.equal((await bare.app.request("/api/stats")).status, 200);
    } finally {
      await bare.close();
    }
  });
});
