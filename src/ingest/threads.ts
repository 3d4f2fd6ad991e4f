/**
 * What the thread pools share: how many workers to start, and how to start
 * one whether Trove runs from its built code or from its TypeScript sources.
 */
import os from "node:os";
import path from "node:path";

/** One fewer than the cores (at least one), because the calling thread is busy too, writing the archive. */
export function defaultWorkers(): number {
  return Math.max(1, os.availableParallelism() - 1);
}

/**
 * The entry point of the worker module `name`, which sits beside the module
 * at `callerUrl` (pass `import.meta.url`). Built code runs `name.js`
 * directly; when Trove runs from its TypeScript sources (tests, benchmarks),
 * Node 20 does not pass the TypeScript loader on to worker threads, so a
 * small bootstrap registers it inside the worker first.
 *
 * @example
 * new Worker(workerUrl(import.meta.url, "worker"))
 */
export function workerUrl(callerUrl: string, name: string): URL {
  const extension = path.extname(new URL(callerUrl).pathname);
  const worker = new URL(`./${name}${extension}`, callerUrl);
  if (extension !== ".ts") return worker;
  const loader = import.meta.resolve("tsx/esm/api");
  const bootstrap = `const { register } = await import(${JSON.stringify(loader)}); register(); await import(${JSON.stringify(worker.href)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`);
}
