import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import { browserMissing, launchBrowser, openPage, screenshot, seriousViolations, type PageRecord } from "./browser.js";
import { startWorkbench, type Workbench } from "./workbench.js";

/** A note and a tag that carry markup: both must be shown as the characters they are. */
const HOSTILE_NOTE = `Cover story <img src=x onerror="window.__trovePwned='note'"><script>window.__trovePwned='note-script'</script>`;
const HOSTILE_TAG = "<b>bold</b>";

describe("notes, tags and saved searches in Chromium", { skip: browserMissing() }, () => {
  let workbench: Workbench;
  let browser: Browser;
  let record: PageRecord;
  const url = (path: string) => new URL(path, workbench.url).href;
  const go = async (path: string) => {
    await record.page.goto(url(path), { waitUntil: "networkidle" });
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

  it("annotates a selected passage with the keyboard, marks it in the text, and keeps it after a reload", async () => {
    const page = record.page;
    await go(`/documents/${workbench.ids.englishReport}`);
    const selected = await page.evaluate(() => {
      const paragraph = [...document.querySelectorAll<HTMLElement>(".reader .text p[data-start]")].find((p) => (p.firstChild?.textContent ?? "").trim().length > 20)!;
      const node = paragraph.firstChild!;
      const text = node.textContent!;
      const start = text.search(/\S/);
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, start + 12);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
      return range.toString();
    });
    await page.locator("button.annotate:not([disabled])").waitFor();
    await page.keyboard.press("a");
    await page.locator("#note-body").waitFor();
    assert.equal(await page.locator(".note-form .note-quote").innerText(), selected);
    await page.fill("#note-body", HOSTILE_NOTE);
    await page.fill("#note-tags", `Meeting, ${HOSTILE_TAG}`);
    await page.locator(".note-form button[type=submit]").click();
    await page.locator(".notes-status", { hasText: "The note is added." }).waitFor();
    assert.equal(await page.locator("mark.annotation").first().innerText(), selected);

    await page.reload({ waitUntil: "networkidle" });
    const mark = page.locator("mark.annotation").first();
    await mark.waitFor();
    assert.equal(await mark.innerText(), selected);
    assert.match((await mark.getAttribute("title")) ?? "", /^Note: Cover story <img src=x/);
    const note = page.locator(".notes .note").first();
    assert.equal(await note.locator(".note-body").innerText(), HOSTILE_NOTE);
    assert.deepEqual(await note.locator(".note-tags a").allInnerTexts(), [HOSTILE_TAG, "meeting"]);
    assert.equal(await page.locator(".notes img, .notes script, .notes b").count(), 0);
    assert.equal(await page.evaluate(() => (window as unknown as { __trovePwned?: string }).__trovePwned), undefined);
    await screenshot(page, "reader-notes");
    assert.deepEqual(await seriousViolations(page), []);
  });

  it("writes, edits and deletes a note on the whole document", async () => {
    const page = record.page;
    await go(`/documents/${workbench.ids.cable}`);
    await page.locator("button", { hasText: "Note on the whole document" }).click();
    await page.fill("#note-body", "Ask the desk about the reference.");
    await page.fill("#note-tags", "follow-up");
    await page.locator(".note-form button[type=submit]").click();
    const note = page.locator(".notes .note", { hasText: "Ask the desk" });
    await note.waitFor();
    assert.match(await note.innerText(), /On the whole document/);
    await note.locator("button", { hasText: "Edit" }).click();
    await page.fill("#note-body", "Asked; the reference is right.");
    await page.locator(".note-form button[type=submit]").click();
    await page.locator(".notes .note", { hasText: "Asked; the reference is right." }).waitFor();
    await page.locator(".notes .note", { hasText: "Asked;" }).locator("button", { hasText: "Delete" }).click();
    await page.locator(".notes-status", { hasText: "The note is deleted." }).waitFor();
    assert.equal(await page.locator(".notes .note", { hasText: "Asked;" }).count(), 0);
  });

  it("lists tags with their counts, the notes with a tag, and the documents through label:", async () => {
    const page = record.page;
    await go("/tags");
    assert.deepEqual(await seriousViolations(page), []);
    await screenshot(page, "tags");
    const row = page.locator(".tag-table tbody tr", { hasText: "meeting" });
    assert.match(await row.innerText(), /meeting\s+1\s+1/);
    assert.equal(await page.locator(".tag-table tbody tr", { hasText: "follow-up" }).count(), 0);
    await row.locator("a.tag").click();
    await page.waitForURL(/\/tags\?tag=meeting$/);
    await page.locator(".tagged-notes .note").first().waitFor();
    assert.equal(await page.locator(".tagged-notes .note-body").first().innerText(), HOSTILE_NOTE);
    assert.deepEqual(await seriousViolations(page), []);
    await page.locator("a", { hasText: "Search the documents with this tag" }).click();
    await page.locator(".hit").first().waitFor();
    assert.deepEqual(await page.locator(".hit-title a").evaluateAll((links) => links.map((link) => link.getAttribute("href"))), [`/documents/${workbench.ids.englishReport}`]);
  });

  it("saves a search, lists it on the search home, and runs it again", async () => {
    const page = record.page;
    await go("/search?q=karbala&sort=date");
    const total = await page.locator(".result-count").innerText();
    await page.fill("#save-name", "Karbala, newest first");
    await page.locator(".save-search button[type=submit]").click();
    await page.locator(".save-status", { hasText: "Saved as" }).waitFor();
    await screenshot(page, "search-saved");

    await go("/");
    const saved = page.locator(".saved-search-list li", { hasText: "Karbala, newest first" });
    await saved.waitFor();
    assert.deepEqual(await seriousViolations(page), []);
    await screenshot(page, "search-home-saved");
    await saved.locator("a").click();
    await page.waitForURL(/\/search\?q=karbala&sort=date$/);
    await page.locator(".hit").first().waitFor();
    assert.equal(await page.locator(".result-count").innerText(), total);

    await go("/");
    await page.locator(".saved-search-list li", { hasText: "Karbala, newest first" }).locator("button", { hasText: "Delete" }).click();
    await page.locator(".saved-search-list").waitFor({ state: "detached" });
  });

  it("sent nothing to any other host, opened no dialog, and broke no rule of its own policy", () => {
    assert.deepEqual(record.outside, []);
    assert.deepEqual(record.dialogs, []);
    assert.deepEqual(record.pageErrors, []);
    assert.deepEqual(record.serverFailures, []);
    assert.deepEqual(record.policyViolations, []);
  });
});
