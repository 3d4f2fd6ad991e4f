import assert from "node:assert/strict";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { walk, type WalkItem } from "../../src/ingest/walk.js";
import { tempDir } from "../helpers/temp-dir.js";

async function collect(roots: string[], exclude?: string[]): Promise<WalkItem[]> {
  const items: WalkItem[] = [];
  for await (const item of walk(roots, exclude ? { exclude: new Set(exclude) } : {})) items.push(item);
  return items;
}

describe("walk", () => {
  it("lists files in a stable order, following links to files once", async () => {
    const root = tempDir();
    mkdirSync(path.join(root, "b"));
    writeFileSync(path.join(root, "b", "2.txt"), "two");
    writeFileSync(path.join(root, "a.txt"), "one");
    symlinkSync(path.join(root, "a.txt"), path.join(root, "c-link.txt"));
    const files = (await collect([root])).map((item) => (item.kind === "file" ? path.relative(root, item.file.path) : item.problem.code));
    assert.deepEqual(files, ["a.txt", "b/2.txt", "c-link.txt"]);
  });

  it("does not loop on a link to an ancestor folder", async () => {
    const root = tempDir();
    mkdirSync(path.join(root, "x", "y"), { recursive: true });
    symlinkSync(root, path.join(root, "x", "y", "back"));
    writeFileSync(path.join(root, "x", "f.txt"), "f");
    const items = await collect([root]);
    assert.deepEqual(items.map((item) => item.kind === "file" ? "file" : item.problem.code), ["file", "symlink-loop"]);
  });

  it("reports a missing input and skips excluded paths", async () => {
    const root = tempDir();
    writeFileSync(path.join(root, "archive.db"), "x");
    writeFileSync(path.join(root, "keep.txt"), "x");
    const items = await collect([root, path.join(root, "missing")], [path.join(root, "archive.db")]);
    assert.deepEqual(items.map((item) => (item.kind === "file" ? path.basename(item.file.path) : item.problem.code)), ["keep.txt", "unreadable"]);
  });
});
