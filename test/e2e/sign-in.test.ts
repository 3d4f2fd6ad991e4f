import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import { buildWeb } from "../../scripts/build-web.js";
import type { RunningServer } from "../../src/server/server.js";
import { tempDir } from "../helpers/temp-dir.js";
import { PASSWORDS, sharedArchive, startShared } from "../server/auth/shared-workbench.js";
import { browserMissing, launchBrowser, openPage, screenshot, type PageRecord } from "./browser.js";

describe("signing in to a shared workbench in Chromium", { skip: browserMissing() }, () => {
  let server: RunningServer;
  let browser: Browser;
  let record: PageRecord;

  before(async () => {
    const { outDir } = await buildWeb({ outDir: path.join(tempDir("trove-e2e-"), "web") });
    server = await startShared(await sharedArchive({ "desk.editor": "admin" }), { webRoot: outDir });
    browser = await launchBrowser();
    record = await openPage(browser);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  const dialog = () => record.page.getByRole("dialog", { name: "Sign in to Trove" });

  it("asks for a name and password before showing anything, and says why a sign-in failed", async () => {
    await record.page.goto(server.url, { waitUntil: "networkidle" });
    await dialog().waitFor();
    await record.page.getByLabel("Name").fill("desk.editor");
    await record.page.getByLabel("Password").fill("not the password at all");
    await record.page.getByRole("button", { name: "Sign in" }).click();
    await dialog().getByText("login-failed").waitFor();
    assert.equal(await record.page.getByLabel("Password").inputValue(), "");
    await screenshot(record.page, "sign-in-failed");
  });

  it("signs in, works, and signs out again (a change that needs the CSRF token)", async () => {
    await record.page.getByLabel("Password").fill(PASSWORDS["desk.editor"]!);
    await Promise.all([record.page.waitForEvent("load"), record.page.getByRole("button", { name: "Sign in" }).click()]);
    const signOut = record.page.getByRole("button", { name: "Sign out desk.editor" });
    await signOut.waitFor();
    assert.equal(await dialog().count(), 0);
    await record.page.goto(new URL("/search?q=karbala", server.url).href, { waitUntil: "networkidle" });
    await record.page.locator("h1").first().waitFor();
    assert.equal(await dialog().count(), 0);
    await Promise.all([record.page.waitForEvent("load"), signOut.click()]);
    await dialog().waitFor();
    assert.deepEqual(record.pageErrors, []);
    assert.deepEqual(record.policyViolations, []);
    assert.deepEqual(record.serverFailures, []);
  });
});
