import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

let root: string | undefined;

/**
 * A fresh temporary folder, removed when the test process exits. (Removal is
 * tied to the process, not to a test hook, so that folders made inside
 * `before` hooks live as long as the tests that use them.)
 */
export function tempDir(prefix = "trove-test-"): string {
  if (!root) {
    const made = mkdtempSync(path.join(os.tmpdir(), "trove-tests-"));
    root = made;
    process.on("exit", () => rmSync(made, { recursive: true, force: true }));
  }
  return mkdtempSync(path.join(root, prefix));
}
