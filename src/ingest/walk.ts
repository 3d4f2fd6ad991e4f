/**
 * Walks the folders a reporter points Trove at, in a stable order. Symbolic
 * links are followed, but a link that leads back into a folder already walked
 * is reported rather than followed forever; anything that is not a regular
 * file (a FIFO, a socket, a device) is reported and never opened.
 */
import { lstat, opendir, realpath, stat } from "node:fs/promises";
import type { Stats } from "node:fs";
import path from "node:path";
import type { Problem } from "../model/document.js";

export interface WalkedFile {
  path: string;
  size: number;
  mtimeMs: number;
}

export type WalkItem = { kind: "file"; file: WalkedFile } | { kind: "problem"; problem: Problem };

export interface WalkOptions {
  /** Absolute paths never to ingest (the archive itself and its journal files). */
  exclude?: Set<string>;
}

export async function* walk(roots: string[], options: WalkOptions = {}): AsyncGenerator<WalkItem> {
  const visitedDirs = new Set<string>();
  const exclude = options.exclude ?? new Set<string>();
  const pending = roots.map((root) => path.resolve(root)).reverse();
  while (pending.length > 0) {
    const current = pending.pop()!;
    if (exclude.has(current)) continue;
    let info: Stats;
    try {
      info = await lstat(current);
    } catch (error) {
      yield problem(current, "unreadable", `cannot read: ${describeFsError(error)}`);
      continue;
    }
    if (info.isSymbolicLink()) {
      try {
        info = await stat(current);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        yield code === "ELOOP"
          ? problem(current, "symlink-loop", "symbolic link loops back on itself")
          : problem(current, "unreadable", "dangling symbolic link: its target does not exist");
        continue;
      }
    }
    if (info.isDirectory()) {
      const real = await realpath(current);
      if (visitedDirs.has(real)) {
        yield problem(current, "symlink-loop", `leads back to ${real}, which is already being walked; not followed`);
        continue;
      }
      visitedDirs.add(real);
      try {
        const names: string[] = [];
        for await (const entry of await opendir(current)) names.push(entry.name);
        names.sort();
        for (let i = names.length - 1; i >= 0; i--) pending.push(path.join(current, names[i]!));
      } catch (error) {
        yield problem(current, "unreadable", `cannot list folder: ${describeFsError(error)}`);
      }
    } else if (info.isFile()) {
      yield { kind: "file", file: { path: current, size: info.size, mtimeMs: Math.trunc(info.mtimeMs) } };
    } else {
      yield problem(current, "not-regular-file", `${kindOf(info)}, not a regular file; not opened`);
    }
  }
}

function problem(locator: string, code: Problem["code"], message: string): WalkItem {
  return { kind: "problem", problem: { locator, code, message, indexed: false } };
}

function kindOf(info: Stats): string {
  if (info.isFIFO()) return "a named pipe (FIFO)";
  if (info.isSocket()) return "a socket";
  if (info.isCharacterDevice() || info.isBlockDevice()) return "a device";
  return "a special file";
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = {
    ENOENT: "no such file or folder",
    EACCES: "permission denied",
    EPERM: "operation not permitted",
    EISDIR: "is a folder",
  };
  return (code && reasons[code]) ?? (error as Error).message;
}
