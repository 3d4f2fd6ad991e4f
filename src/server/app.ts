/**
 * The HTTP app: the JSON API under `/api/` and the browser UI that reads it.
 * Built once per archive; everything it holds open is released by `close`.
 * Tests drive it in-process through `app.request`, the server over a socket.
 *
 * @example
 * const trove = createApp({ archive: "trove-data/archive.db" });
 * const response = await trove.app.request("/api/search?q=karbala");
 * await trove.close();
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Hono } from "hono";
import { compress } from "hono/compress";
import type { IngestLimitsOptions } from "../ingest/limits.js";
import { ArchiveAccess } from "./archive-access.js";
import { accessGuard } from "./auth/access-guard.js";
import { handleErrors, handleNotFound, type ErrorLog } from "./middleware/error-handler.js";
import { allowedHostsFor, hostGuard } from "./middleware/host-guard.js";
import { securityHeaders } from "./middleware/security-headers.js";
import { staticAssets } from "./middleware/static-assets.js";
import { Originals } from "./originals.js";
import { PageImages, type PageImagesOptions } from "./page-images.js";
import { documentRoutes } from "./routes/documents.js";
import { entityRoutes } from "./routes/entities.js";
import { graphRoutes } from "./routes/graph.js";
import { imageRoutes } from "./routes/images.js";
import { moneyRoutes } from "./routes/money.js";
import { nameRoutes } from "./routes/names.js";
import { openapiRoutes } from "./routes/openapi.js";
import { placeRoutes } from "./routes/places.js";
import { redactionRoutes } from "./routes/redactions.js";
import { relationRoutes } from "./routes/relations.js";
import { searchRoutes } from "./routes/search.js";
import { sessionRoutes } from "./routes/session.js";
import { statsRoutes } from "./routes/stats.js";
import { timelineRoutes } from "./routes/timeline.js";
import { translationRoutes } from "./routes/translations.js";
import { uploadRoutes } from "./routes/uploads.js";
import { annotationRoutes } from "./routes/annotations.js";
import { savedSearchRoutes } from "./routes/saved-searches.js";
import { UploadJobs } from "./upload-jobs.js";

export interface ServerOptions {
  /** The archive file; created empty when missing, so that files can be uploaded into it. */
  archive: string;
  /** The built browser UI; default `dist/web` of this package. */
  webRoot?: string;
  /** Where uploads are stored, one folder each; default `uploads/` beside the archive. */
  uploadFolder?: string;
  /** Bytes of one upload, all files together; default 512 MiB. */
  maxUploadBytes?: number;
  /** Files in one upload; default 1000. */
  maxUploadFiles?: number;
  /** Extraction threads for uploads; default as `trove ingest`. */
  workers?: number;
  /** Find entities in uploaded documents; default true, as `trove ingest`. */
  entities?: boolean;
  limits?: IngestLimitsOptions;
  pageImages?: PageImagesOptions;
  /** Host names the server answers to; default the loopback names. `any` for a server bound to a public address. */
  allowedHosts?: readonly string[] | "any";
  /** Where failures of the server itself are reported; default stderr. */
  log?: ErrorLog;
  /** Behind one reverse proxy: take the client's address from X-Forwarded-For and HTTPS from X-Forwarded-Proto. Default false. */
  trustProxy?: boolean;
  /** Mark the session cookie Secure even on plain HTTP (a TLS proxy in front). Default false. */
  secureCookies?: boolean;
}

export const DEFAULT_MAX_UPLOAD_MB = 512;
export const DEFAULT_MAX_UPLOAD_FILES = 1000;
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL("../../dist/web/", import.meta.url));

export interface TroveApp {
  app: Hono;
  archive: ArchiveAccess;
  uploads: UploadJobs;
  /** Stops a running ingest cleanly and closes the archive. */
  close(): Promise<void>;
}

export function createApp(options: ServerOptions): TroveApp {
  const archive = ArchiveAccess.open(options.archive);
  const uploads = new UploadJobs(archive, {
    folder: path.resolve(options.uploadFolder ?? path.join(archive.folder, "uploads")),
    maxUploadBytes: options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_MB * 1024 * 1024,
    maxFiles: options.maxUploadFiles ?? DEFAULT_MAX_UPLOAD_FILES,
    ...(options.workers !== undefined && { workers: options.workers }),
    ...(options.entities !== undefined && { entities: options.entities }),
    ...(options.limits && { limits: options.limits }),
  });
  const allowedHosts = options.allowedHosts ?? allowedHostsFor("127.0.0.1");
  const app = new Hono();
  app.onError(handleErrors(options.log));
  app.notFound(handleNotFound);
  app.use("*", securityHeaders());
  app.use("*", hostGuard(allowedHosts === "any" ? {} : { allowedHosts }));
  const cookiePolicy = { trustProxy: options.trustProxy ?? false, secureCookies: options.secureCookies ?? false };
  app.use("/api/*", accessGuard(archive, cookiePolicy));
  app.use("/api/*", compress());
  app.route("/", sessionRoutes(archive, cookiePolicy));
  app.route("/", openapiRoutes());
  app.route("/", searchRoutes(archive));
  app.route("/", documentRoutes(archive));
  app.route("/", translationRoutes(archive));
  app.route("/", imageRoutes(archive, new Originals(), new PageImages(options.pageImages)));
  app.route("/", entityRoutes(archive));
  app.route("/", relationRoutes(archive));
  app.route("/", graphRoutes(archive));
  app.route("/", timelineRoutes(archive));
  app.route("/", placeRoutes(archive));
  app.route("/", moneyRoutes(archive));
  app.route("/", redactionRoutes(archive));
  app.route("/", nameRoutes());
  app.route("/", statsRoutes(archive));
  app.route("/", uploadRoutes(uploads));
  app.route("/", annotationRoutes(archive));
  app.route("/", savedSearchRoutes(archive));
  app.use("*", staticAssets(options.webRoot ?? DEFAULT_WEB_ROOT));
  return {
    app,
    archive,
    uploads,
    async close() {
      await uploads.close();
      archive.close();
    },
  };
}
