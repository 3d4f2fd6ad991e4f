/**
 * Keeps other web sites out of a workbench on localhost. A page elsewhere can
 * point a name it controls at 127.0.0.1 (DNS rebinding) or post a form to
 * the workbench (a cross-site request); the first is refused by the Host
 * header, the second by the Origin and Sec-Fetch-Site headers.
 */
import type { MiddlewareHandler } from "hono";
import { HttpError } from "../http-error.js";

const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

export interface HostGuardOptions {
  /** Host names (without port) the server answers to; `undefined` answers to any (a server bound to a public address). */
  allowedHosts?: readonly string[];
}

/** The host names a server bound to `host` should answer to: loopback names for a loopback address, any name otherwise. */
export function allowedHostsFor(host: string): readonly string[] | undefined {
  return isLoopback(host) ? [...LOOPBACK_NAMES] : undefined;
}

export function isLoopback(host: string): boolean {
  return LOOPBACK_NAMES.has(host) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export function hostGuard(options: HostGuardOptions): MiddlewareHandler {
  const allowed = options.allowedHosts && new Set(options.allowedHosts.map((name) => name.toLowerCase()));
  return async (c, next) => {
    const url = new URL(c.req.url);
    if (allowed && !allowed.has(url.hostname.toLowerCase()) && !isLoopback(url.hostname)) {
      throw new HttpError(421, "forbidden-host", `this workbench answers to ${[...allowed].join(", ")}, not to ${url.hostname}`);
    }
    if (!["GET", "HEAD", "OPTIONS"].includes(c.req.method)) {
      const origin = c.req.header("Origin");
      if ((origin !== undefined && origin !== url.origin) || c.req.header("Sec-Fetch-Site") === "cross-site") {
        throw new HttpError(403, "forbidden-origin", "requests that change the archive are accepted from the workbench's own pages only");
      }
    }
    await next();
  };
}
