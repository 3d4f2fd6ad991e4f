/**
 * Who is asking, as the access guard settled it for each request: the routes
 * and the audit trail read it from the request's context.
 */
import type { IncomingMessage } from "node:http";
import type { Context } from "hono";
import type { User } from "../../model/user.js";

export type AccessMode =
  /** No users in the archive and a loopback server: whoever sits at this machine. */
  | "open"
  | "signed-in"
  | "signed-out";

export interface Identity {
  mode: AccessMode;
  /** Set when signed in. */
  user?: User;
  /** Set when signed in: the session token from the cookie. */
  token?: string;
  /** The name the audit trail records: the user, or in open mode the login of whoever runs the server. */
  actor: string;
  /** The client's address. */
  from: string;
}

declare module "hono" {
  interface ContextVariableMap {
    identity: Identity;
  }
}

/**
 * The client's address: the socket's peer, which no header can forge. Behind
 * a reverse proxy (`trustProxy`) every request comes from the proxy, so the
 * last address of X-Forwarded-For is used: the one the proxy itself added
 * (addresses before it are whatever the client claimed).
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  const socketAddress = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket.remoteAddress ?? "unknown";
  if (!trustProxy) return socketAddress;
  const forwarded = c.req.header("X-Forwarded-For")?.split(",").map((part) => part.trim()).filter(Boolean);
  return forwarded?.[forwarded.length - 1] ?? socketAddress;
}
