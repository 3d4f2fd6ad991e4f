import { createHash } from "node:crypto";
import type { ExtractedDocument } from "../../src/model/document.js";

/** A document as extraction would hand it over, for store and search tests. */
export function extracted(locator: string, text: string, extra: Partial<ExtractedDocument> = {}): ExtractedDocument {
  return {
    locator,
    rootPath: locator,
    name: locator.split("/").pop()!,
    sha256: createHash("sha256").update(text).digest("hex"),
    size: Buffer.byteLength(text),
    type: "text",
    mime: "text/plain",
    title: text.split("\n")[0]!,
    text,
    language: "en",
    metadata: {},
    ...extra,
  };
}
