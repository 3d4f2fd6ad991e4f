import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import type { SearchResult } from "../../src/server/api-types.js";
import { browserMissing, launchBrowser, openPage, screenshot, type PageRecord } from "./browser.js";
import { HOSTILE_WORD, OUTSIDE_HOST, startWorkbench, type Workbench } from "./workbench.js";

/** Whether anything in a hostile fixture ran: each of its scripts and handlers would set this. */
const pwned = () => (window as unknown as { __trovePwned?: string }).__trovePwned;

describe("hostile documents in Chromium", { skip: browserMissing() }, () => {
  let workbench: Workbench;
  let browser: Browser;
  let record: PageRecord;
  const go = async (path: string) => {
    await record.page.goto(new URL(path, workbench.url).href, { waitUntil: "networkidle" });
    await record.page.locator("h1").first().waitFor();
  };

  before(async () => {
    workbench = await startWorkbench();
    browser = await launchBrowser();
    record = await openPage(browser);
  });
  after(async () => {
    await browser?.close();
    await workbench?.close();
  });

  it("shows a text document made of markup as the characters it is", async () => {
    await go(`/documents/${workbench.ids.hostileText}`);
    const shown = await record.page.locator(".reader .text").innerText();
    assert.match(shown, /<script>window\.__trovePwned = "text-script"<\/script>/);
    assert.ok(shown.includes(`<img src="http://${OUTSIDE_HOST}/t.png" onerror=`));
    assert.equal(await record.page.locator(".reader script, .reader img, .reader iframe, .reader style, .reader b").count(), 0);
    assert.equal(await record.page.evaluate(pwned), undefined);
    await screenshot(record.page, "inert-text-document");
  });

  it("renders an HTML page carrying script, handlers, a frame and remote images with nothing run and nothing fetched", async () => {
    await go(`/documents/${workbench.ids.hostileHtml}`);
    const shown = await record.page.locator(".reader .text").innerText();
    assert.match(shown, new RegExp(`The ${HOSTILE_WORD} courier`));
    assert.match(shown, /<img src=x onerror="window\.__trovePwned='text-img'">/);
    assert.equal(await record.page.locator("main script, main img, main iframe, main style, main link, main object").count(), 0);
    assert.equal(await record.page.evaluate(() => document.querySelectorAll("script:not([src]), iframe, object, embed").length), 0);
    assert.equal(await record.page.evaluate(pwned), undefined);
    await screenshot(record.page, "inert-html-document");
  });

  it("escapes snippets on the server and puts only <mark> into the page", async () => {
    const api = (await (await fetch(new URL(`/api/search?q=${HOSTILE_WORD}`, workbench.url))).json()) as SearchResult;
    assert.equal(api.total, 2);
    for (const hit of api.hits) {
      assert.ok(hit.snippet.includes("<mark>"), hit.snippet);
      assert.equal(hit.snippet.replace(/<\/?mark>/g, "").includes("<"), false, hit.snippet);
    }
    await go(`/search?q=${HOSTILE_WORD}`);
    const tags = await record.page.evaluate(() => [...new Set([...document.querySelectorAll(".snippet *")].map((element) => element.tagName))]);
    assert.deepEqual(tags, ["MARK"]);
    const snippets = (await record.page.locator(".snippet").allInnerTexts()).join("\n");
    assert.match(snippets, /<script>|<img|<iframe/);
    assert.equal(await record.page.evaluate(pwned), undefined);
    await screenshot(record.page, "inert-search");
  });

  it("made no request to the hosts the fixtures name, opened no dialog, and raised no error", () => {
    assert.deepEqual(record.outside, []);
    assert.deepEqual(record.dialogs, []);
    assert.deepEqual(record.pageErrors, []);
    assert.deepEqual(record.policyViolations, []);
  });
});
