/**
 * Debian's Chromium, driven by playwright-core, for the browser tests: one
 * launch as TOOLCHAIN.md prescribes, pages that record (and block) any
 * request to a host other than the loopback server, every dialog and script
 * error, axe-core's accessibility check, and screenshots beside the test output.
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
export const SCREENSHOTS = path.resolve(process.env.TROVE_SCREENSHOTS ?? "test-output/screenshots");

/** Why the browser tests cannot run here, or false when they can. */
export function browserMissing(): string | false {
  if (existsSync(CHROMIUM)) return false;
  console.log(`# skipped: ${CHROMIUM} is absent (install it with: bash scripts/setup-system.sh test)`);
  return `needs ${CHROMIUM}`;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

/** What a page did that a test may want to fail on. */
export interface PageRecord {
  page: Page;
  context: BrowserContext;
  /** Every request for a host other than the server's loopback address; each was blocked. */
  outside: string[];
  dialogs: string[];
  pageErrors: string[];
  /** Responses of the server with status 500 or above. */
  serverFailures: string[];
  /** Content-Security-Policy violations the page reported: the UI itself must cause none. */
  policyViolations: string[];
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** A fresh context (empty cache) whose every request is checked: loopback goes through, anything else is recorded and refused. */
export async function openPage(browser: Browser): Promise<PageRecord> {
  const context = await browser.newContext({ serviceWorkers: "block", viewport: { width: 1280, height: 900 } });
  const outside: string[] = [];
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if ((url.protocol === "http:" || url.protocol === "https:") && LOOPBACK.has(url.hostname)) return route.continue();
    outside.push(route.request().url());
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  const record: PageRecord = { page, context, outside, dialogs: [], pageErrors: [], serverFailures: [], policyViolations: [] };
  await page.exposeBinding("__troveReportPolicyViolation", (_source, report: string) => void record.policyViolations.push(report));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { __troveReportPolicyViolation(report: string): void }).__troveReportPolicyViolation(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  page.on("dialog", (dialog) => {
    record.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("pageerror", (error) => record.pageErrors.push(error.message));
  page.on("response", (response) => {
    if (response.status() >= 500) record.serverFailures.push(`${response.status()} ${response.url()}`);
  });
  return record;
}

const AXE_SOURCE = readFileSync(path.resolve("node_modules/axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core in the page and returns the serious and critical violations.
 * The script is evaluated through the debugging protocol, which the page's
 * Content-Security-Policy does not govern; the page itself stays as strict as served.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(`${AXE_SOURCE}\n;undefined`);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((violation) => ({ id: violation.id, impact: violation.impact, help: violation.help, nodes: violation.nodes.map((node) => JSON.stringify(node.target)) }));
  });
  return violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
