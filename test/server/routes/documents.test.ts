import assert from "node:assert/strict";
import { appendFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { ApiError, CableView, ImagesView, TranslationView } from "../../../src/server/api-types.js";
import { createApp, type TroveApp } from "../../../src/server/app.js";
import { searchArchive } from "../../../src/search/sqlite-search.js";
import { tempDir } from "../../helpers/temp-dir.js";
import { sampleArchive, TINY_PNG, type SampleArchive } from "../fixtures.js";

describe("the document routes", () => {
  let trove: TroveApp;
  let sample: SampleArchive;
  const idOf = (query: string) => {
    const hit = searchArchive(trove.archive.reader, query, { limit: 1 }).hits[0];
    assert.ok(hit, query);
    return hit.id;
  };
  const get = async (url: string) => {
    const response = await trove.app.request(url);
    return { response, status: response.status };
  };
  const errorOf = async (url: string) => {
    const response = await trove.app.request(url);
    return { status: response.status, error: ((await response.json()) as ApiError).error };
  };

  before(async () => {
    sample = await sampleArchive();
    trove = createApp({ archive: sample.archive, webRoot: path.join(tempDir(), "no-ui") });
  });
  after(() => trove.close());

  it("GET /api/documents/{id} is what trove show --json prints", async () => {
    const id = idOf("path:14BAGHDAD1911.txt");
    const { response } = await get(`/api/documents/${id}`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), JSON.parse(JSON.stringify(trove.archive.reader.getDocument(id))));
  });

  it("answers an unknown or malformed id with 404 not-found in the one error shape", async () => {
    for (const id of ["999999", "0", "abc", "1.5", "-3", "1e3", "%2e%2e%2fetc"]) {
      const { status, error } = await errorOf(`/api/documents/${id}`);
      assert.equal(status, 404, id);
      assert.equal(error.code, "not-found", id);
    }
  });

  it("GET /api/documents/{id}/cable gives the parsed fields, the date in its own calendar and in ours", async () => {
    const id = idOf("path:report-1393-07-15-karbala.fa.txt");
    const { response } = await get(`/api/documents/${id}/cable`);
    const view = (await response.json()) as CableView;
    assert.equal(view.id, id);
    assert.equal(view.cable.layout, "field-report");
    assert.equal(view.cable.date?.calendar, "jalali");
    assert.equal(view.cable.date?.iso, "2014-10-07");
    assert.ok(view.cable.paragraphs.length > 0);
  });

  it("GET /api/documents/{id}/translation aligns the pair from either half, as translations align does", async () => {
    const original = idOf("path:report-1393-07-15-karbala.fa.txt");
    const translation = idOf("path:report-1393-07-15-karbala.en.txt");
    for (const id of [original, translation]) {
      const view = (await (await get(`/api/documents/${id}/translation`)).response.json()) as TranslationView;
      assert.equal(view.original, original);
      assert.equal(view.translation, translation);
      assert.equal(view.documents.original.language, "fa");
      assert.equal(view.documents.translation.language, "en");
      assert.ok(view.paragraphs.some((pair) => pair.method === "number" && pair.original && pair.translation));
    }
    const chosen = (await (await get(`/api/documents/${original}/translation?with=${translation}`)).response.json()) as TranslationView;
    assert.equal(chosen.translation, translation);
    assert.equal((await errorOf(`/api/documents/${original}/translation?with=${original}`)).error.code, "no-translation");
    assert.equal((await errorOf(`/api/documents/${idOf("path:14BAGHDAD1911.txt")}/translation`)).error.code, "no-translation");
  });

  it("renders a PDF's pages as PNG on demand, and refuses pages it does not have", async () => {
    const id = idOf("path:briefing-zubaidi-payments.pdf");
    const images = (await (await get(`/api/documents/${id}/images`)).response.json()) as ImagesView;
    assert.ok(images.pages.length >= 1);
    const { response } = await get(images.pages[0]!.url);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get("Content-Type"), "image/png");
    assert.deepEqual([...new Uint8Array(await response.arrayBuffer()).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
    for (const page of ["0", String(images.pages.length + 1), "x"]) assert.equal((await errorOf(`/api/documents/${id}/pages/${page}/image`)).status, 404, page);
    assert.equal((await errorOf(`/api/documents/${idOf("path:14BAGHDAD1911.txt")}/pages/1/image`)).error.code, "no-page-image");
  });

  it("serves an image document's original as a sandboxed picture, and any other original as a download", async () => {
    const imageId = idOf(`path:${path.basename(sample.imagePath)}`);
    const images = (await (await get(`/api/documents/${imageId}/images`)).response.json()) as ImagesView;
    assert.equal(images.image, `/api/documents/${imageId}/original`);
    const picture = (await get(images.image!)).response;
    assert.equal(picture.headers.get("Content-Type"), "image/png");
    assert.match(picture.headers.get("Content-Security-Policy") ?? "", /sandbox/);
    assert.deepEqual(Buffer.from(await picture.arrayBuffer()), TINY_PNG);
    const cable = (await get(`/api/documents/${idOf("path:14BAGHDAD1911.txt")}/original`)).response;
    assert.equal(cable.headers.get("Content-Type"), "application/octet-stream");
    assert.match(cable.headers.get("Content-Disposition") ?? "", /^attachment/);
  });

  it("says why a member of an archive has no page images, and refuses to serve it as an original", async () => {
    const member = idOf("path:batch-1394-04.zip!/");
    const images = (await (await get(`/api/documents/${member}/images`)).response.json()) as ImagesView;
    assert.deepEqual(images.pages, []);
    const { status, error } = await errorOf(`/api/documents/${member}/original`);
    assert.equal(status, 404);
    assert.equal(error.code, "no-original");
  });

  it("refuses to show a file that is no longer the original it was ingested as", async () => {
    appendFileSync(sample.imagePath, "tampered");
    const imageId = idOf(`path:${path.basename(sample.imagePath)}`);
    const { status, error } = await errorOf(`/api/documents/${imageId}/original`);
    assert.equal(status, 409);
    assert.equal(error.code, "original-changed");
  });
});
