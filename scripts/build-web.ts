/**
 * Builds the browser UI: bundles web/src with esbuild into one entry script,
 * the chunks of the screens loaded on demand (the network and its layout
 * library, the map and its country outlines) and one stylesheet, all with
 * content-hashed names; copies the Vazirmatn font (and its licence) and the
 * icon, and writes index.html pointing at the entry. Run by
 * `npm run build` (and so by `npm install`); the e2e tests build into a
 * folder of their own with the same function.
 *
 * @example
 * await buildWeb({ outDir: "dist/web" }); // → { files: [{ path: "assets/app-7KQ2ZB4M.js", bytes: 31204 }, …] }
 */
import { copyFile, mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

export interface WebBuildOptions {
  /** Default `dist/web` in the project. */
  outDir?: string;
  /** Default true. */
  minify?: boolean;
}

export interface WebBuildResult {
  outDir: string;
  files: { path: string; bytes: number }[];
}

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const ASSETS_MARKER = "<!-- trove:assets -->";

export async function buildWeb(options: WebBuildOptions = {}): Promise<WebBuildResult> {
  const outDir = path.resolve(options.outDir ?? path.join(ROOT, "dist/web"));
  const assets = path.join(outDir, "assets");
  await rm(outDir, { recursive: true, force: true });
  await mkdir(assets, { recursive: true });
  const result = await build({
    entryPoints: { app: path.join(ROOT, "web/src/main.ts") },
    bundle: true,
    format: "esm",
    // The screens main.ts imports with import() become chunks fetched when first opened, outside the first load.
    splitting: true,
    target: ["es2022", "chrome110", "firefox110", "safari16"],
    minify: options.minify ?? true,
    outdir: assets,
    entryNames: "[name]-[hash]",
    chunkNames: "chunk-[hash]",
    metafile: true,
    // The font is copied below under a fixed name; the stylesheet refers to it by URL.
    external: ["/assets/*"],
    legalComments: "none",
    charset: "utf8",
    logLevel: "warning",
  });
  const outputs = Object.keys(result.metafile.outputs).map((file) => path.basename(file));
  // The entry is named after its key in entryPoints; everything else esbuild wrote for scripts is a chunk.
  const script = outputs.find((file) => file.startsWith("app-") && file.endsWith(".js"));
  const stylesheet = outputs.find((file) => file.endsWith(".css"));
  if (!script || !stylesheet) throw new Error(`esbuild wrote ${outputs.join(", ")}; expected a script and a stylesheet`);
  const chunks = outputs.filter((file) => file.startsWith("chunk-") && file.endsWith(".js"));

  const require = createRequire(import.meta.url);
  const fontFolder = path.dirname(require.resolve("vazirmatn/package.json"));
  await copyFile(path.join(fontFolder, "fonts/webfonts/Vazirmatn[wght].woff2"), path.join(assets, "vazirmatn-variable.woff2"));
  await copyFile(path.join(fontFolder, "OFL.txt"), path.join(assets, "vazirmatn-OFL.txt"));
  await copyFile(path.join(ROOT, "web/favicon.svg"), path.join(outDir, "favicon.svg"));

  const template = await readFile(path.join(ROOT, "web/index.html"), "utf8");
  if (!template.includes(ASSETS_MARKER)) throw new Error(`web/index.html lacks the ${ASSETS_MARKER} marker`);
  const tags = `<link rel="stylesheet" href="/assets/${stylesheet}">\n<script type="module" src="/assets/${script}"></script>`;
  await writeFile(path.join(outDir, "index.html"), template.replace(ASSETS_MARKER, tags));

  const files = ["index.html", "favicon.svg", ...[script, stylesheet, ...chunks, "vazirmatn-variable.woff2", "vazirmatn-OFL.txt"].map((file) => `assets/${file}`)];
  return { outDir, files: await Promise.all(files.map(async (file) => ({ path: file, bytes: (await stat(path.join(outDir, file))).size }))) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const { outDir, files } = await buildWeb();
  process.stdout.write(`Built the web UI into ${path.relative(process.cwd(), outDir) || "."}: ${files.map((file) => `${file.path} ${file.bytes} B`).join(", ")}\n`);
}
