import assert from "node:assert/strict";
import path from "node:path";
import { describe, it } from "node:test";
import { serveCommand } from "../../src/cli/commands/serve.js";
import type { RunningServer } from "../../src/server/server.js";
import { tempDir } from "../helpers/temp-dir.js";

describe("trove serve", () => {
  it("listens on 127.0.0.1, serves the API over a real socket, and stops when asked", async () => {
    const stop = new AbortController();
    let server: RunningServer | undefined;
    const written: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => {
      written.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
    let running: Promise<unknown>;
    try {
      const listening = new Promise<void>((resolve) => {
        running = serveCommand({ signal: stop.signal, onListening: (started) => ((server = started), resolve()) }).parseAsync(["--archive", path.join(tempDir(), "archive.db"), "--port", "0", "--workers", "0"], { from: "user" });
      });
      await listening;
    } finally {
      process.stdout.write = write;
    }
    assert.ok(server);
    assert.equal(server.host, "127.0.0.1");
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.match(written.join(""), new RegExp(`Open ${server.url.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}`));
    assert.match(written.join(""), /a new, empty archive/);

    const response = await fetch(`${server.url}api/stats`);
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as { documents: number }).documents, 0);
    assert.equal(response.headers.get("X-Content-Type-Options"), "nosniff");
    const compressed = await fetch(`${server.url}api/openapi.json`, { headers: { "Accept-Encoding": "gzip" } });
    assert.equal(compressed.headers.get("Content-Encoding"), "gzip");

    stop.abort();
    await running!;
    await assert.rejects(fetch(`${server.url}api/stats`));
  });

  it("refuses a port that is not a port", async () => {
    const command = serveCommand().exitOverride().configureOutput({ writeErr: () => undefined });
    await assert.rejects(command.parseAsync(["--port", "70000"], { from: "user" }));
    await assert.rejects(serveCommand().exitOverride().configureOutput({ writeErr: () => undefined }).parseAsync(["--max-upload-mb", "0"], { from: "user" }));
  });
});
