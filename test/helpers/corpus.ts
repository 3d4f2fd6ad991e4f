import { existsSync } from "node:fs";
import path from "node:path";

/** The shared real-data corpus beside the project, or undefined (with a one-line notice) when it is absent. */
export function corpusPath(...parts: string[]): string | undefined {
  const root = path.resolve(process.cwd(), "../shared/corpus");
  if (!existsSync(root)) {
    console.log(`# skipped: ${root} is absent (tests on real data need ../shared/corpus)`);
    return undefined;
  }
  return path.join(root, ...parts);
}
