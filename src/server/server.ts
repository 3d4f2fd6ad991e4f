/**
 * `trove serve` underneath: the app on a real socket, on 127.0.0.1 unless
 * told otherwise, answering only to the names of the address it is bound to.
 *
 * @example
 * const server = await startServer({ archive: "trove-data/archive.db", port: 0 });
 * console.log(server.url); // http://127.0.0.1:41234/
 * await server.close();
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { TroveError } from "../errors.js";
import { createApp, type ServerOptions, type TroveApp } from "./app.js";
import { allowedHostsFor, isLoopback } from "./middleware/host-guard.js";

export interface StartOptions extends ServerOptions {
  /** Default 127.0.0.1: the workbench is for this machine only. */
  host?: string;
  /** Default 7300; 0 picks a free port. */
  port?: number;
}

export interface RunningServer {
  url: string;
  host: string;
  port: number;
  trove: TroveApp;
  close(): Promise<void>;
}

export const DEFAULT_HOST = "127.0.0.1";
export const DEFAULT_PORT = 7300;
/** Long enough for a large upload over a slow link; the default five minutes is not. */
const REQUEST_TIMEOUT_MS = 60 * 60 * 1000;

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const host = options.host ?? DEFAULT_HOST;
  const trove = createApp({ ...options, allowedHosts: options.allowedHosts ?? allowedHostsFor(host) ?? "any" });
  // An archive without users is open to whoever reaches the server: fine on loopback, never on a network.
  if (!isLoopback(host) && !trove.archive.access.users.hasActiveAdmin()) {
    await trove.close();
    throw new TroveError("no-admin", `refusing to listen on ${host}: the archive has no admin, so anyone on the network could read it; create one: trove user add NAME --admin`);
  }
  let server: Server;
  try {
    server = await new Promise<Server>((resolve, reject) => {
      const started = serve({ fetch: trove.app.fetch, port: options.port ?? DEFAULT_PORT, hostname: host }, () => resolve(started as Server)) as Server;
      started.once("error", (error: NodeJS.ErrnoException) => {
        const reason = error.code === "EADDRINUSE" ? `port ${options.port ?? DEFAULT_PORT} on ${host} is in use; choose another with --port` : error.message;
        reject(new TroveError("serve", `cannot listen on ${host}: ${reason}`, { cause: error }));
      });
    });
  } catch (error) {
    await trove.close();
    throw error;
  }
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  const port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}/`,
    host,
    port,
    trove,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Event streams of uploads would hold the server open.
        server.closeAllConnections();
      });
      await trove.close();
    },
  };
}
