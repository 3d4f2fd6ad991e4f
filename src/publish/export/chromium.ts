/**
 * Headless Chromium for export: it prints excerpts to PDF and burns redacted
 * regions into page images. Pages are opened in contexts where scripts are off
 * and every network request is refused, so that nothing in an excerpt can run
 * or call out while it is rendered.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";
import { ToolError } from "../../ingest/run-tool.js";

/** Debian's Chromium; `TROVE_CHROMIUM` names another build. */
const DEFAULT_CHROMIUM = "/usr/bin/chromium";

export async function launchChromium(executablePath = process.env.TROVE_CHROMIUM ?? DEFAULT_CHROMIUM): Promise<Browser> {
  if (!existsSync(executablePath)) throw new ToolError("chromium", `not installed at ${executablePath}; install it with: apt-get install chromium`);
  return chromium.launch({
    executablePath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

/** A page with scripts off and the network refused, `width` × `height` CSS pixels; closing it closes its context. */
export async function openInertPage(browser: Browser, viewport = { width: 1240, height: 1754 }): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false, offline: true, serviceWorkers: "block", viewport, deviceScaleFactor: 1 });
  await context.route("**/*", (route) => route.abort("blockedbyclient"));
  const page = await context.newPage();
  page.once("close", () => void context.close());
  return page;
}
