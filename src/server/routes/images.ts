/**
 * What the reader shows beside a document's text: its pages as images
 * (rendered from the original PDF on demand) or the original picture of an
 * image document, and the original file itself. Nothing is served before the
 * file on disk is checked against the archive's SHA-256.
 */
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { Readable } from "node:stream";
import { Hono } from "hono";
import { imageMime } from "../../ingest/readers/image.js";
import type { DocumentDetail } from "../../store/store.js";
import type { ImagesView } from "../api-types.js";
import type { ArchiveAccess } from "../archive-access.js";
import { HttpError } from "../http-error.js";
import { Originals } from "../originals.js";
import type { PageImages } from "../page-images.js";
import { documentId } from "../params.js";

/** Pictures a browser shows itself; a TIFF original is offered as a download instead. */
const SHOWN_IMAGE_TYPES = new Set(["image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp"]);

export function imageRoutes(archive: ArchiveAccess, originals: Originals, pageImages: PageImages): Hono {
  const routes = new Hono();
  routes.get("/api/documents/:id/images", (c) => c.json(imagesOf(archive.reader.getDocument(documentId(c.req.param("id"))))));

  routes.get("/api/documents/:id/pages/:page/image", async (c) => {
    const document = archive.reader.getDocument(documentId(c.req.param("id")));
    if (document.type !== "pdf") throw new HttpError(404, "no-page-image", `document ${document.id} is ${document.type}, not a PDF; page images are made from PDFs`);
    const pageCount = document.pages?.length ?? 0;
    const page = Number(c.req.param("page"));
    if (!/^\d{1,6}$/.test(c.req.param("page")) || page < 1 || page > pageCount) {
      throw new HttpError(404, "not-found", `document ${document.id} has ${pageCount} pages; there is no page ${c.req.param("page").slice(0, 20)}`);
    }
    const file = await originals.locate(document);
    const png = await pageImages.render(file, document.sha256, page);
    return c.body(new Uint8Array(png), 200, { "Content-Type": "image/png", "Cache-Control": "private, max-age=3600" });
  });

  routes.get("/api/documents/:id/original", async (c) => {
    const document = archive.reader.getDocument(documentId(c.req.param("id")));
    const file = await originals.locate(document);
    const mime = document.type === "image" ? await sniffImage(file) : undefined;
    const shown = mime !== undefined && SHOWN_IMAGE_TYPES.has(mime);
    const headers: Record<string, string> = {
      "Content-Type": shown ? mime : "application/octet-stream",
      "Content-Length": String(document.size),
      "Content-Disposition": `${shown ? "inline" : "attachment"}; filename="${asciiName(document.name)}"; filename*=UTF-8''${encodeURIComponent(document.name)}`,
      // Whatever the original holds, it is never a page of this site: no scripts, no styles, no requests.
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, max-age=3600",
    };
    return new Response(Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>, { status: 200, headers });
  });
  return routes;
}

/** The page images or picture of a document, or why there are none. */
export function imagesOf(document: DocumentDetail): ImagesView {
  const base = `/api/documents/${document.id}`;
  if (document.type !== "pdf" && document.type !== "image") return { pages: [], unavailable: `a ${document.type} document has no page images` };
  const notOnDisk = Originals.notOnDisk(document);
  if (notOnDisk) return { pages: [], unavailable: notOnDisk };
  if (document.type === "image") return { pages: [], image: `${base}/original` };
  const pages = (document.pages ?? []).map((page) => ({ number: page.number, ocr: page.ocr, url: `${base}/pages/${page.number}/image` }));
  return pages.length > 0 ? { pages } : { pages, unavailable: `document ${document.id} has no pages recorded` };
}

async function sniffImage(file: string): Promise<string | undefined> {
  const handle = await open(file, "r");
  try {
    const head = Buffer.alloc(16);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return imageMime(head.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

function asciiName(name: string): string {
  return name.replace(/[^\x20-\x7E]|["\\]/g, "_");
}
