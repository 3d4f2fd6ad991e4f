/**
 * Finding a document's original bytes on disk for the reader: a file
 * ingested from disk keeps its absolute path as its locator, and the archive
 * keeps its SHA-256, so the server can check that the file is still the one
 * that was ingested before it shows a single byte of it. Members of archives
 * and e-mail attachments have no file of their own.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import type { DocumentDetail } from "../store/store.js";
import { HttpError } from "./http-error.js";

export class Originals {
  /** SHA-256 by path, size and modification time, so that a file is hashed once while it stays the same. */
  private readonly hashes = new Map<string, Promise<string>>();

  /** Why the document's original cannot be read from disk, judged from the archive alone; undefined when it may be. */
  static notOnDisk(document: DocumentDetail): string | undefined {
    if (document.parentId !== undefined || !path.isAbsolute(document.path)) {
      return `the original of document ${document.id} is inside another file (${document.path}); only files ingested from disk can be shown`;
    }
    return undefined;
  }

  /** The path of the document's original, once its size and SHA-256 are checked against the archive. */
  async locate(document: DocumentDetail): Promise<string> {
    const reason = Originals.notOnDisk(document);
    if (reason) throw new HttpError(404, "no-original", reason);
    const file = document.path;
    let info;
    try {
      info = await stat(file);
    } catch {
      throw new HttpError(404, "no-original", `the original of document ${document.id} is no longer at ${file}`);
    }
    if (!info.isFile() || info.size !== document.size) throw changed(document);
    const key = `${file}\n${info.size}\n${info.mtimeMs}`;
    let hash = this.hashes.get(key);
    if (!hash) {
      hash = sha256Of(file);
      this.hashes.set(key, hash);
      hash.catch(() => this.hashes.delete(key));
    }
    if ((await hash) !== document.sha256) throw changed(document);
    return file;
  }
}

function changed(document: DocumentDetail): HttpError {
  return new HttpError(409, "original-changed", `the file at ${document.path} is no longer the original of document ${document.id} (its size or SHA-256 differs)`);
}

function sha256Of(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    createReadStream(file)
      .on("data", (chunk) => hash.update(chunk))
      .on("error", reject)
      .on("end", () => resolve(hash.digest("hex")));
  });
}
