import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { ApiError, UploadsView, UploadView } from "../../../src/server/api-types.js";
import { createApp, type TroveApp } from "../../../src/server/app.js";
import { searchArchive } from "../../../src/search/sqlite-search.js";
import { tempDir } from "../../helpers/temp-dir.js";
import { BOUNDARY, multipartBody, multipartHeaders, type Part } from "../fixtures.js";

const MAX_UPLOAD_BYTES = 512 * 1024;

/** A browser sends the page's Origin with every upload; an open workbench refuses a form post without it. */
const WORKBENCH_ORIGIN = "http://localhost";

describe("uploads", () => {
  let trove: TroveApp;
  let folder: string;

  before(() => {
    folder = tempDir();
    trove = createApp({ archive: path.join(folder, "archive.db"), webRoot: path.join(folder, "no-ui"), maxUploadBytes: MAX_UPLOAD_BYTES, maxUploadFiles: 5, workers: 0, entities: false });
  });
  after(() => trove.close());

  const upload = async (parts: Part[], headers: Record<string, string> = {}) => {
    const body = multipartBody(parts);
    const response = await trove.app.request("/api/uploads", { method: "POST", body: new Uint8Array(body), headers: { ...multipartHeaders(body), Origin: WORKBENCH_ORIGIN, ...headers } });
    return { status: response.status, body: (await response.json()) as unknown, location: response.headers.get("Location") };
  };
  const finished = async (id: string): Promise<UploadView> => {
    for (;;) {
      const response = await trove.app.request(`/api/uploads/${id}`);
      assert.equal(response.status, 200, id);
      const view = (await response.json()) as UploadView;
      if (view.state === "done" || view.state === "failed") return view;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const uploadsFolder = () => path.join(folder, "uploads");
  const storedUploads = () => (existsSync(uploadsFolder()) ? readdirSync(uploadsFolder()) : []);

  it("stores the files under generated names beside the archive and ingests them", async () => {
    const { status, body, location } = await upload([
      { name: "files", filename: "report-upload.fa.txt", content: "گزارش دیدار در کربلا با منبع ۱۳۴۸۳۲ quokkaflute\n" },
      { name: "files", filename: "report-upload.en.txt", content: "Report of a meeting in Karbala with Source 134832 quokkaflute\n" },
      { name: "note", content: "a form field, not a file" },
    ]);
    assert.equal(status, 202);
    const accepted = body as UploadView;
    assert.equal(location, `/api/uploads/${accepted.id}`);
    assert.deepEqual(accepted.files.map((file) => file.storedAs), ["report-upload.fa.txt", "report-upload.en.txt"]);
    assert.equal(path.dirname(accepted.folder), uploadsFolder());

    const view = await finished(accepted.id);
    assert.equal(view.state, "done", JSON.stringify(view.error));
    assert.equal(view.progress.filesDone, 2);
    assert.equal(view.progress.etaSeconds, 0);
    assert.equal(view.documents.length, 2);
    assert.equal(view.report?.files.ingested, 2);
    assert.deepEqual(readdirSync(accepted.folder).sort(), ["report-upload.en.txt", "report-upload.fa.txt"]);
    const hits = searchArchive(trove.archive.reader, "quokkaflute").hits;
    assert.equal(hits.length, 2);
    assert.ok(hits.every((hit) => hit.path.startsWith(accepted.folder)));
    assert.equal(trove.archive.reader.getDocument(hits[0]!.id).translations.length, 1, "the two halves are paired by their names");
  });

  it("streams progress as Server-Sent Events, ending with the final state", async () => {
    const { body } = await upload([{ name: "files", filename: "stream.txt", content: "A note about the marmoset convoy.\n" }]);
    const id = (body as UploadView).id;
    const response = await trove.app.request(`/api/uploads/${id}/events`);
    assert.match(response.headers.get("Content-Type") ?? "", /^text\/event-stream/);
    const text = await response.text();
    const events = [...text.matchAll(/event: (\w+)\ndata: (.*)\nid: \d+/g)].map(([, event, data]) => ({ event, data: JSON.parse(data!) as UploadView }));
    assert.equal(events.at(-1)?.event, "end");
    const progress = events.filter((event) => event.event === "progress");
    assert.ok(progress.length >= 1);
    assert.equal(progress.at(-1)?.data.state, "done");
  });

  it("streams every change of a queued upload: queued, ingesting, then done", async () => {
    const photo = readFileSync(path.resolve("samples/images/photo-report-1393-09-14-karbala.jpg"));
    const first = await upload([{ name: "files", filename: "photo.jpg", content: photo }]);
    assert.equal(first.status, 202);
    const second = (await upload([{ name: "files", filename: "after-the-photo.txt", content: "Waits for the photo to be read.\n" }])).body as UploadView;
    const text = await (await trove.app.request(`/api/uploads/${second.id}/events`)).text();
    const states = [...text.matchAll(/event: progress\ndata: (.*)\n/g)].map(([, data]) => (JSON.parse(data!) as UploadView).state);
    assert.deepEqual([...new Set(states)], ["queued", "ingesting", "done"]);
    assert.equal((await finished((first.body as UploadView).id)).state, "done");
  });

  it("reports a file that is not what its name says under the detect stage, and still takes it in", async () => {
    const { body } = await upload([{ name: "files", filename: "scan.pdf", content: "This is plain text about the heron ledger, named as a PDF.\n" }]);
    const view = await finished((body as UploadView).id);
    assert.equal(view.state, "done");
    const problem = view.problems.find((candidate) => candidate.code === "mislabelled");
    assert.ok(problem, JSON.stringify(view.problems));
    assert.equal(problem.stage, "detect");
    assert.equal(view.problemsByStage.detect, 1);
    assert.equal(searchArchive(trove.archive.reader, "heron ledger").total, 1);
  });

  it("refuses a file name that climbs out of its folder and keeps nothing of that upload", async () => {
    const before = storedUploads();
    for (const filename of ["../../etc/passwd", "..\\..\\boot.ini", "/etc/passwd", "..", "bad\u0001name.txt"]) {
      const { status, body } = await upload([
        { name: "files", filename: "fine.txt", content: "harmless" },
        { name: "files", filename, content: "root:x:0:0" },
      ]);
      assert.equal(status, 400, filename);
      assert.equal((body as ApiError).error.code, "unsafe-file-name", filename);
    }
    assert.deepEqual(storedUploads(), before);
    assert.equal(existsSync(path.join(folder, "etc")), false);
    assert.equal(existsSync(path.join(path.dirname(folder), "etc", "passwd")), false);
  });

  it("keeps only safe characters of a name it accepts, and never a hidden name", async () => {
    const { body } = await upload([
      { name: "files", filename: ".hidden note?.txt", content: "first" },
      { name: "files", filename: "same.txt", content: "second" },
      { name: "files", filename: "same.txt", content: "third" },
    ]);
    const view = body as UploadView;
    assert.deepEqual(view.files.map((file) => file.storedAs), ["hidden_note_.txt", "same.txt", "same-2.txt"]);
    assert.deepEqual(view.files.map((file) => file.name), [".hidden note?.txt", "same.txt", "same.txt"]);
    assert.equal(readFileSync(path.join(view.folder, "same-2.txt"), "utf8"), "third");
    await finished(view.id);
  });

  it("refuses an upload over the size or file-count limit with 413, whether or not it declares its length", async () => {
    const before = storedUploads();
    const big: Part[] = [{ name: "files", filename: "big.txt", content: Buffer.alloc(MAX_UPLOAD_BYTES + 1, 0x61) }];
    const declared = await upload(big);
    assert.equal(declared.status, 413);
    assert.equal((declared.body as ApiError).error.code, "too-large");
    const body = multipartBody(big);
    const streamed = await trove.app.request("/api/uploads", {
      method: "POST",
      headers: { "Content-Type": `multipart/form-data; boundary=${BOUNDARY}`, Origin: WORKBENCH_ORIGIN },
      body: new ReadableStream({
        start(controller) {
          for (let offset = 0; offset < body.length; offset += 4096) controller.enqueue(body.subarray(offset, offset + 4096));
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    assert.equal(streamed.status, 413);
    const many = await upload(Array.from({ length: 6 }, (_, index) => ({ name: "files", filename: `n${index}.txt`, content: "x" })));
    assert.equal(many.status, 413);
    assert.deepEqual(storedUploads(), before);
  });

  it("refuses what is not a multipart upload, or holds no file, or comes from another site", async () => {
    const json = await trove.app.request("/api/uploads", { method: "POST", body: "{}", headers: { "Content-Type": "application/json" } });
    assert.equal(json.status, 415);
    assert.equal(((await json.json()) as ApiError).error.code, "unsupported-media-type");
    const empty = await upload([{ name: "note", content: "no files here" }]);
    assert.equal(empty.status, 400);
    assert.equal((empty.body as ApiError).error.code, "no-files");
    const truncated = multipartBody([{ name: "files", filename: "cut.txt", content: "cut short" }]).subarray(0, 90);
    const cut = await trove.app.request("/api/uploads", { method: "POST", body: new Uint8Array(truncated), headers: { ...multipartHeaders(truncated), Origin: WORKBENCH_ORIGIN } });
    assert.equal(cut.status, 400);
    const foreign = await upload([{ name: "files", filename: "x.txt", content: "x" }], { Origin: "https://evil.example" });
    assert.equal(foreign.status, 403);
    assert.equal((foreign.body as ApiError).error.code, "forbidden-origin");
  });

  it("lists its limits and the uploads so far, newest first; an unknown upload is not-found", async () => {
    const list = (await (await trove.app.request("/api/uploads")).json()) as UploadsView;
    assert.equal(list.maxUploadBytes, MAX_UPLOAD_BYTES);
    assert.equal(list.maxFiles, 5);
    assert.ok(list.uploads.length >= 3);
    assert.ok(list.uploads[0]!.createdAt >= list.uploads.at(-1)!.createdAt);
    const missing = await trove.app.request("/api/uploads/20990101-000000-abcdef");
    assert.equal(missing.status, 404);
    assert.equal(((await missing.json()) as ApiError).error.code, "not-found");
  });
});
