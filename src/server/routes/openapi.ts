/** `GET /api/openapi.json`: the API's own description. */
import { Hono } from "hono";
import { OPENAPI_DOCUMENT } from "../openapi.js";

export function openapiRoutes(): Hono {
  return new Hono().get("/api/openapi.json", (c) => c.json(OPENAPI_DOCUMENT));
}
