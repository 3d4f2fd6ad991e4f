/** `GET /api/names/match?a=&b=`: whether two names can denote the same one, the same JSON as `trove names match --json`. */
import { Hono } from "hono";
import { matchNames } from "../../extract/name-match.js";
import type { NameMatch } from "../api-types.js";
import { requiredText } from "../params.js";
import { MAX_NAME_CHARS } from "./entities.js";

export function nameRoutes(): Hono {
  return new Hono().get("/api/names/match", (c) => {
    const example = "/api/names/match?a=Qassem%20Soleimani&b=%D9%82%D8%A7%D8%B3%D9%85";
    const view: NameMatch = matchNames(requiredText(c.req.query("a"), "a", example, MAX_NAME_CHARS), requiredText(c.req.query("b"), "b", example, MAX_NAME_CHARS));
    return c.json(view);
  });
}
