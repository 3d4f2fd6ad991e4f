import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { localLogin } from "../../../src/access/local-login.js";
import { startServer, type RunningServer } from "../../../src/server/server.js";
import { SqliteStore } from "../../../src/store/sqlite/sqlite-store.js";
import { tempDir } from "../../helpers/temp-dir.js";
import { multipartBody, multipartHeaders, sampleArchive } from "../fixtures.js";
import { errorCode, sharedArchive } from "./shared-workbench.js";

describe("an archive without users", () => {
  let archive: string;
  let server: RunningServer;

  before(async () => {
    ({ archive } = await sampleArchive());
    server = await startServer({ archive, port: 0, workers: 0, entities: false });
  });
  after(() => server.close());

  it("stays open on loopback, as a laptop workbench always was", async () => {
    assert.equal((await fetch(`${server.url}api/stats`)).status, 200);
    assert.equal((await fetch(`${server.url}api/search?q=karbala`)).status, 200);
    assert.deepEqual(await (await fetch(`${server.url}api/session`)).json(), { mode: "open" });
    const signIn = await fetch(`${server.url}api/session`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ name: "a", password: "b" }) });
    assert.equal(signIn.status, 409);
    assert.equal(await errorCode(signIn), "no-users");
  });

  it("accepts a change only as JSON or with the workbench's own Origin, which a form on another site cannot send", async () => {
    const body = multipartBody([{ name: "files", filename: "note.txt", content: "a note on the zephyrine courier" }]);
    const bare = await fetch(`${server.url}api/uploads`, { method: "POST", headers: multipartHeaders(body), body: new Uint8Array(body) });
    assert.equal(bare.status, 403);
    assert.equal(await errorCode(bare), "forbidden-origin");
    const form = await fetch(`${server.url}api/uploads`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "files=x" });
    assert.equal(form.status, 403);
    const own = await fetch(`${server.url}api/uploads`, { method: "POST", headers: { ...multipartHeaders(body), Origin: server.url.replace(/\/$/, "") }, body: new Uint8Array(body) });
    assert.equal(own.status, 202);
  });

  it("records searches as the login that runs the server, from the client's address", async () => {
    assert.equal((await fetch(`${server.url}api/search?q=tamimi`)).status, 200);
    const store = SqliteStore.open(archive, { readonly: true });
    try {
      const search = [...store.users.auditEvents()].reverse().find((event) => event.action === "search" && event.target === "tamimi");
      assert.equal(search?.actor, localLogin());
      assert.equal(search?.from, "127.0.0.1");
    } finally {
      store.close();
    }
  });
});

describe("serving on a network address", () => {
  it("is refused while the archive has no admin", async () => {
    await assert.rejects(startServer({ archive: path.join(tempDir(), "archive.db"), host: "0.0.0.0", port: 0, workers: 0 }), { code: "no-admin" });
  });

  it("starts once it has one, and then everyone signs in", async () => {
    const server = await startServer({ archive: await sharedArchive({ "desk.editor": "admin" }), host: "0.0.0.0", port: 0, workers: 0, entities: false });
    try {
      const response = await fetch(`http://127.0.0.1:${server.port}/api/stats`);
      assert.equal(response.status, 401);
    } finally {
      await server.close();
    }
  });
});
