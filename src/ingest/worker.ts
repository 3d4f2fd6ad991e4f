/**
 * An extraction worker thread: takes one file at a time from the pool and
 * posts back its documents and problems as they are produced.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { extractFile, type ExtractRequest } from "./extract.js";
import type { IngestLimits } from "./limits.js";
import type { WorkerMessage } from "./worker-pool.js";

const port = parentPort;
if (!port) throw new Error("worker.ts runs only as a worker thread");

const limits = (workerData as { limits: IngestLimits }).limits;
const tempDir = mkdtempSync(path.join(os.tmpdir(), "trove-worker-"));
const post = (message: WorkerMessage) => port.postMessage(message);

/** Files are read one at a time, in the order the pool sent them; the queue lets the next start at once. */
let queue = Promise.resolve();
port.on("message", ({ id, request }: { id: number; request: ExtractRequest }) => {
  queue = queue.then(() => extractOne(id, request));
});

async function extractOne(id: number, request: ExtractRequest): Promise<void> {
  try {
    await extractFile(
      request,
      { document: (document) => post({ id, kind: "document", document }), problem: (problem) => post({ id, kind: "problem", problem }) },
      { limits, tempDir },
    );
    post({ id, kind: "done" });
  } catch (error) {
    post({ id, kind: "failed", message: (error as Error).message });
  }
}

port.on("close", () => rmSync(tempDir, { recursive: true, force: true }));
process.on("exit", () => rmSync(tempDir, { recursive: true, force: true }));
