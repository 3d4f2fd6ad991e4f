/**
 * A shared workbench for the access tests: the sample archive with users
 * added as `trove user add` adds them, the real server on a loopback port,
 * and a client that keeps its cookie and CSRF token as a browser page would.
 */
import { addUser } from "../../../src/access/users.js";
import type { Role } from "../../../src/model/user.js";
import type { SessionView } from "../../../src/server/api-types.js";
import { startServer, type RunningServer, type StartOptions } from "../../../src/server/server.js";
import { SqliteStore } from "../../../src/store/sqlite/sqlite-store.js";
import { sampleArchive } from "../fixtures.js";

export const PASSWORDS: Record<string, string> = {
  "desk.editor": "pistachio saffron cologne",
  partner: "euphrates hunting trip",
  leaver: "karbala photo exhibition",
  target: "meandering taxi routes",
};

export async function sharedArchive(roles: Record<string, Role> = { "desk.editor": "admin", partner: "member", leaver: "member", target: "member" }): Promise<string> {
  const { archive } = await sampleArchive();
  const store = SqliteStore.open(archive);
  try {
    for (const [name, role] of Object.entries(roles)) await addUser(store, { name, role, password: PASSWORDS[name]! }, { actor: "setup", from: "cli" });
  } finally {
    store.close();
  }
  return archive;
}

export function startShared(archive: string, options: Partial<StartOptions> = {}): Promise<RunningServer> {
  return startServer({ archive, port: 0, workers: 0, entities: false, ...options });
}

/** One browser: its cookie, and the CSRF token its page holds. */
export class Client {
  cookie: string | undefined;
  csrfToken: string | undefined;
  lastSetCookie: string[] = [];

  constructor(private readonly base: string) {}

  async request(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string>; csrf?: boolean } = {}): Promise<Response> {
    const headers: Record<string, string> = { Origin: this.base.replace(/\/$/, ""), ...init.headers };
    if (this.cookie) headers.Cookie = this.cookie;
    if (init.body !== undefined) headers["Content-Type"] ??= "application/json";
    if ((init.csrf ?? true) && this.csrfToken) headers["X-CSRF-Token"] = this.csrfToken;
    const response = await fetch(new URL(path, this.base), {
      method: init.method ?? "GET",
      headers,
      ...(init.body !== undefined && { body: typeof init.body === "string" ? init.body : JSON.stringify(init.body) }),
    });
    this.lastSetCookie = response.headers.getSetCookie();
    for (const header of this.lastSetCookie) {
      const [pair] = header.split(";");
      const value = pair!.slice(pair!.indexOf("=") + 1);
      this.cookie = value === "" ? undefined : pair;
    }
    return response;
  }

  async signIn(name: string, password = PASSWORDS[name]!): Promise<Response> {
    const response = await this.request("/api/session", { method: "POST", body: { name, password }, csrf: false });
    if (response.ok) this.csrfToken = ((await response.clone().json()) as Extract<SessionView, { mode: "signed-in" }>).csrfToken;
    return response;
  }
}

export async function errorCode(response: Response): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code;
}
