/**
 * Serves the built browser UI from memory, compressed once at start-up
 * (Brotli and gzip), with ETags; hashed asset names are cached for good.
 * Every path that is not an asset and not under `/api/` is a screen of the
 * client-side router and gets `index.html`.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants as zlibConstants, gzipSync } from "node:zlib";
import type { Context, MiddlewareHandler } from "hono";

interface Asset {
  body: Buffer;
  gzip?: Buffer;
  brotli?: Buffer;
  contentType: string;
  etag: string;
  cacheControl: string;
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".woff2": "font/woff2",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
};
const COMPRESSIBLE = new Set([".html", ".js", ".css", ".svg", ".json", ".txt"]);
/** esbuild names bundled files `name-HASH.ext`; their content never changes under that name. */
const HASHED_NAME = /-[A-Z0-9]{8}\.[a-z0-9]+$/;
/** The UI is a few files; a folder far larger than this is not the UI. */
const MAX_FILES = 200;
const MAX_BYTES = 32 * 1024 * 1024;

/** Reads every file of the built UI into memory. Returns undefined when `root` holds no `index.html`. */
export function loadAssets(root: string): Map<string, Asset> | undefined {
  if (!existsSync(path.join(root, "index.html"))) return undefined;
  const assets = new Map<string, Asset>();
  let total = 0;
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        visit(file);
        continue;
      }
      if (!entry.isFile()) continue;
      total += statSync(file).size;
      if (assets.size >= MAX_FILES || total > MAX_BYTES) throw new Error(`${root} holds more than the web UI (over ${MAX_FILES} files or ${MAX_BYTES} bytes)`);
      const urlPath = `/${path.relative(root, file).split(path.sep).join("/")}`;
      assets.set(urlPath, asset(file, urlPath));
    }
  };
  visit(root);
  return assets;
}

function asset(file: string, urlPath: string): Asset {
  const body = readFileSync(file);
  const extension = path.extname(file).toLowerCase();
  const compressible = COMPRESSIBLE.has(extension) && body.length > 512;
  return {
    body,
    ...(compressible && {
      gzip: gzipSync(body, { level: 9 }),
      brotli: brotliCompressSync(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
    }),
    contentType: CONTENT_TYPES[extension] ?? "application/octet-stream",
    etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"`,
    cacheControl: HASHED_NAME.test(urlPath) ? "public, max-age=31536000, immutable" : "no-cache",
  };
}

/**
 * The UI's files, or a page saying how to build them when `root` holds none.
 * API paths pass through untouched.
 */
export function staticAssets(root: string): MiddlewareHandler {
  const assets = loadAssets(root);
  return async (c, next) => {
    if (c.req.path.startsWith("/api/") || (c.req.method !== "GET" && c.req.method !== "HEAD")) return next();
    if (!assets) {
      return c.text(`The Trove web UI is not built (no ${path.join(root, "index.html")}). Build it with: npm run build\n`, 503);
    }
    const requested = assets.get(c.req.path);
    const screen = !requested && path.posix.extname(c.req.path) === "" ? assets.get("/index.html") : undefined;
    const found = requested ?? screen;
    if (!found) return next();
    return send(c, found);
  };
}

function send(c: Context, asset: Asset): Response {
  const headers: Record<string, string> = {
    "Content-Type": asset.contentType,
    ETag: asset.etag,
    "Cache-Control": asset.cacheControl,
    Vary: "Accept-Encoding",
  };
  if (c.req.header("If-None-Match") === asset.etag) return new Response(null, { status: 304, headers });
  const accepted = c.req.header("Accept-Encoding") ?? "";
  let body = asset.body;
  if (asset.brotli && /\bbr\b/.test(accepted)) {
    body = asset.brotli;
    headers["Content-Encoding"] = "br";
  } else if (asset.gzip && /\bgzip\b/.test(accepted)) {
    body = asset.gzip;
    headers["Content-Encoding"] = "gzip";
  }
  headers["Content-Length"] = String(body.length);
  return new Response(c.req.method === "HEAD" ? null : new Uint8Array(body), { status: 200, headers });
}
