import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser } from "playwright-core";
import { browserMissing, launchBrowser, openPage, screenshot, seriousViolations, type PageRecord } from "./browser.js";
import { localLogin } from "../../src/access/local-login.js";
import { LEDGER_NOTES, LEDGER_WORD, startWorkbench, type Workbench } from "./workbench.js";

const FIRST_LOAD_BUDGET_BYTES = 500 * 1024;

describe("the workbench in Chromium", { skip: browserMissing() }, () => {
  let workbench: Workbench;
  let browser: Browser;
  let record: PageRecord;
  const url = (path: string) => new URL(path, workbench.url).href;
  const go = async (path: string) => {
    await record.page.goto(url(path), { waitUntil: "networkidle" });
    await record.page.locator("h1").first().waitFor();
  };
  const text = (selector: string) => record.page.locator(selector).first().innerText();

  before(async () => {
    workbench = await startWorkbench();
    browser = await launchBrowser();
    record = await openPage(browser);
  });
  after(async () => {
    await browser?.close();
    await workbench?.close();
  });

  it("loads every screen, each with no serious or critical accessibility violation", async () => {
    const screens: [string, string, RegExp][] = [
      ["search-home", "/", /Search the archive/],
      ["search-results", "/search?q=karbala", /Results for/],
      ["search-malformed-query", "/search?q=karbala%20OR", /Search/],
      ["reader-cable", `/documents/${workbench.ids.cable}`, /KARBALA/],
      ["reader-persian-with-translation", `/documents/${workbench.ids.persianReport}`, /کربلا/],
      ["reader-pdf-pages", `/documents/${workbench.ids.pdf}`, /Zubaidi/],
      ["reader-image", `/documents/${workbench.ids.image}`, /./],
      ["entities", "/entities", /Entities/],
      ["entity-profile", `/entities/${workbench.personWithPersianAlias.id}`, /\S/],
      ["unknown-entity", "/entities/999999", /Entity not found/],
      ["network", "/graph", /^Network$/],
      ["timeline", "/timeline", /^Timeline$/],
      ["map", "/map", /^Map$/],
      ["money", "/money", /^Money$/],
      ["upload", "/upload", /Add files/],
      ["overview", "/overview", /Overview/],
      ["unknown-document", "/documents/999999", /Document not found/],
      ["unknown-page", "/no/such/page", /No such page/],
    ];
    for (const [name, path, heading] of screens) {
      await go(path);
      assert.match(await text("h1"), heading, name);
      assert.deepEqual(await seriousViolations(record.page), [], name);
      await screenshot(record.page, name);
    }
  });

  it("keeps the first page load under 500 KB transferred, every byte from this server", async (t) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const session = await context.newCDPSession(page);
    await session.send("Network.enable");
    let transferred = 0;
    const hosts = new Set<string>();
    session.on("Network.loadingFinished", (event: { encodedDataLength: number }) => void (transferred += event.encodedDataLength));
    page.on("request", (request) => void hosts.add(new URL(request.url()).host));
    await page.goto(url("/"), { waitUntil: "networkidle" });
    await page.locator(".archive-summary a").first().waitFor();
    await context.close();
    t.diagnostic(`first load of / transferred ${transferred} bytes (${(transferred / 1024).toFixed(1)} KB)`);
    assert.ok(transferred > 0);
    assert.ok(transferred <= FIRST_LOAD_BUDGET_BYTES, `${transferred} bytes`);
    assert.deepEqual([...hosts], [new URL(workbench.url).host]);
  });

  it("searches from the keyboard: / to the box, Enter, j and k through the hits, Enter to open, Esc back", async () => {
    const page = record.page;
    await go("/overview");
    await page.keyboard.press("/");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "q");
    await page.keyboard.type("karbala");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/search\?q=karbala$/);
    await page.locator(".hit").first().waitFor();
    assert.match(await text(".result-count"), /^\d+ documents match; showing 1–\d+\.$/);
    assert.ok((await page.locator(".snippet mark").count()) > 0);
    assert.ok((await page.locator(".facets a").count()) > 0);

    await page.keyboard.press("j");
    await page.keyboard.press("j");
    await page.keyboard.press("k");
    assert.equal(await page.evaluate(() => [...document.querySelectorAll(".hit")].findIndex((hit) => hit.classList.contains("selected"))), 0);
    assert.equal(await page.evaluate(() => document.activeElement?.closest(".hit") === document.querySelector(".hit")), true);
    const opened = await page.locator(".hit a").first().getAttribute("href");
    await page.keyboard.press("Enter");
    await page.waitForURL(url(opened!));
    await page.locator(".reader").waitFor();

    await page.keyboard.press("Escape");
    await page.waitForURL(/\/search\?q=karbala$/);
    await page.locator(".hit.selected").waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.closest(".hit")?.classList.contains("selected")), true);
  });

  it("narrows by a facet, sorts by date, and pages to the last page", async () => {
    const page = record.page;
    await go("/search?q=karbala");
    await page.locator(".facets a", { hasText: "pdf" }).first().click();
    await page.waitForURL(/type%3Apdf/);
    await page.locator(".hit").first().waitFor();
    for (const meta of await page.locator(".hit-meta").allInnerTexts()) assert.match(meta, /^pdf · /);

    await go(`/search?q=${LEDGER_WORD}`);
    assert.match(await text(".result-count"), new RegExp(`^${LEDGER_NOTES} documents match; showing 1–20\\.$`));
    await page.selectOption("#sort", "date");
    await page.waitForURL(/sort=date/);
    await page.locator(".pager a", { hasText: "Last" }).click();
    await page.waitForURL(/offset=20/);
    assert.match(await text(".result-count"), new RegExp(`showing 21–${LEDGER_NOTES}\\.$`));
    assert.equal(await page.locator(".hit").count(), LEDGER_NOTES - 20);
  });

  it("shows a malformed query's mistake where the parser found it", async () => {
    await go("/search?q=karbala%20OR");
    const alert = record.page.locator(".failure[role=alert]");
    assert.match(await alert.innerText(), /query-syntax/);
    assert.equal(await record.page.locator("mark.fault").count(), 1);
  });

  it("reads a cable: its fields, and its date as written and in the Gregorian calendar", async () => {
    await go(`/documents/${workbench.ids.cable}`);
    const fields = await text(".cable-fields");
    assert.match(fields, /Reference\s+14BAGHDAD1911/);
    assert.match(fields, /From\s+AMEMBASSY BAGHDAD/);
    assert.match(fields, /Classification\s+CONFIDENTIAL/);
    assert.ok((await record.page.locator(".cable-fields time[datetime^='2014-12']").count()) > 0);
  });

  it("reads a Persian original right to left in Vazirmatn, beside its translation paragraph by paragraph", async () => {
    const page = record.page;
    await go(`/documents/${workbench.ids.persianReport}`);
    const fields = await text(".cable-fields");
    assert.match(fields, /۱۳۹۳\/۰۹\/۱۴ \(Solar Hijri\) = 5 December 2014/);
    assert.equal(await page.locator(".cable-fields time[datetime='2014-12-05']").count(), 1);
    const originals = page.locator(".aligned tbody td[lang=fa]");
    assert.ok((await originals.count()) >= 5);
    assert.equal(await page.locator(".aligned tbody td[lang=en]").count(), await originals.count());
    const style = await originals.first().evaluate((cell) => ({ direction: getComputedStyle(cell).direction, font: getComputedStyle(cell).fontFamily }));
    assert.equal(style.direction, "rtl");
    assert.match(style.font, /^"?Vazirmatn/);
    assert.equal(await page.evaluate(async () => (await document.fonts.ready, document.fonts.check("16px Vazirmatn", "کربلا"))), true);
    assert.ok(await page.evaluate(() => performance.getEntriesByType("resource").some((entry) => entry.name.endsWith("/assets/vazirmatn-variable.woff2"))));
  });

  it("shows a PDF's pages as images beside their text, and a scan's picture beside its OCR text", async () => {
    const page = record.page;
    await go(`/documents/${workbench.ids.pdf}`);
    const firstPage = page.locator("img[alt='Page 1 of the original']");
    await firstPage.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => {
      const image = document.querySelector<HTMLImageElement>("img[alt='Page 1 of the original']");
      return image !== null && image.complete && image.naturalWidth > 0;
    });
    assert.ok((await page.locator(".page").count()) >= 2);

    await go(`/documents/${workbench.ids.image}`);
    await page.waitForFunction(() => {
      const image = document.querySelector<HTMLImageElement>(".page-image img");
      return image !== null && image.complete && image.naturalWidth > 0;
    });
    assert.ok((await text(".page .text")).length > 20);
  });

  it("lists entities by type, and writes a name in Persian right to left in its profile", async () => {
    const page = record.page;
    await go("/entities");
    assert.ok((await page.locator(".entity-table tbody tr").count()) > 3);
    await page.locator(".type-filter a", { hasText: "Places" }).click();
    await page.waitForURL(/\/entities\?type=place$/);
    await page.locator("h1", { hasText: "Places" }).waitFor();
    const types = await page.locator(".entity-table .entity-type").allInnerTexts();
    assert.ok(types.length > 0 && types.every((type) => type === "Place"), types.join());

    await go(`/entities/${workbench.personWithPersianAlias.id}`);
    assert.equal(await text("h1"), workbench.personWithPersianAlias.name);
    const persian = page.locator(".aliases span[dir=auto]").filter({ hasText: /\p{Script=Arabic}/u }).first();
    assert.equal(await persian.evaluate((alias) => getComputedStyle(alias).direction), "rtl");
    assert.equal(await page.evaluate(async () => (await document.fonts.ready, document.fonts.check("16px Vazirmatn", "کربلا"))), true);
    const searchLink = await page.locator("a", { hasText: "Search the documents that mention" }).getAttribute("href");
    assert.match(decodeURIComponent(searchLink!.replace(/\+/g, " ")), /q=entity:"/);
  });

  it("opens a profile from a search facet, a mention's document from the profile, and a profile from a name in the reader", async () => {
    const page = record.page;
    await go("/search?q=karbala");
    const facet = page.locator(".facets li.has-page").first();
    const name = await facet.locator(".facet-value").innerText();
    await facet.locator("a.facet-page").click();
    await page.waitForURL(/\/entities\/\d+$/);
    await page.locator(".entity-profile").waitFor();
    assert.equal(await text("h1"), name);
    assert.ok((await page.locator(".passage mark").count()) > 0);

    await page.locator(".mention-source a").first().click();
    await page.waitForURL(/\/documents\/\d+$/);
    const mention = page.locator(".text a.mention").first();
    await mention.waitFor();
    assert.match((await mention.getAttribute("title")) ?? "", /^(Person|Organisation|Place|Source): /);
    const profile = await mention.getAttribute("href");
    await screenshot(page, "reader-names-linked");
    assert.deepEqual(await seriousViolations(page), []);
    await mention.click();
    await page.waitForURL(url(profile!));
    await page.locator(".entity-profile").waitFor();
  });

  it("draws the network, opens a profile from a node by keyboard, and shows the evidence of a line and of a picked pair", async () => {
    const page = record.page;
    await go("/graph");
    const nodes = await page.locator("svg.network circle").count();
    assert.ok(nodes > 0, "the network has circles");
    assert.ok((await page.locator("svg.network .edge").count()) > 0, "the network has lines");
    assert.equal(await page.locator(".network-table tbody tr").count(), nodes, "the table lists every node drawn");

    await page.locator("svg.network .node[tabindex='0']").focus();
    await page.keyboard.press("j");
    const second = await page.evaluate(() => document.activeElement?.getAttribute("aria-label"));
    assert.equal(second, await page.locator("svg.network .node").nth(1).getAttribute("aria-label"), "j moves to the next node by rank");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/entities\/\d+$/);
    await page.locator(".entity-profile").waitFor();
    await page.goBack();
    await page.locator("svg.network").waitFor();

    await page.locator("svg.network .edge").first().dispatchEvent("click");
    const hop = page.locator(".path-hops li").first();
    await hop.waitFor();
    assert.match((await hop.locator(".evidence figcaption a").getAttribute("href")) ?? "", /^\/documents\/\d+$/);
    assert.match(await hop.locator(".evidence blockquote").innerText(), /\S/);
    assert.equal(await page.locator(".edge.on-path").count(), 1);

    const options = await page.locator("#path-to option").evaluateAll((items) => items.map((item) => (item as HTMLOptionElement).value));
    await page.selectOption("#path-from", options[0]!);
    await page.selectOption("#path-to", options.at(-1)!);
    await page.locator(".path-form button[type=submit]").click();
    await page.locator("#path-title", { hasText: "From" }).waitFor();
    assert.match(await text(".path-panel"), /steps?, each with the sentence|Nothing in the archive links them|The same entity/);
    await screenshot(page, "network-path");
    assert.deepEqual(await seriousViolations(page), []);

    await page.locator(".filters input[value='person']").check();
    await page.locator(".filters button[type=submit]").click();
    await page.waitForURL(/\/graph\?types=person$/);
    await page.locator("svg.network, .empty").first().waitFor();
    for (const type of await page.locator(".network-table .entity-type").allInnerTexts()) assert.equal(type, "Person");
  });

  it("lists dated items on the timeline by year and month, each linked to its document, and narrows to an entity by name", async () => {
    const page = record.page;
    await go("/timeline");
    const events = page.locator(".timeline-event");
    assert.ok((await events.count()) > 0, "the timeline lists dated items");
    assert.ok((await page.locator(".timeline-year h2").count()) > 0, "the timeline has years");
    const dates = await page.locator(".timeline-event .event-head time").evaluateAll((times) => times.map((time) => time.getAttribute("datetime") ?? ""));
    assert.deepEqual(dates, [...dates].sort());
    const linked = await events.evaluateAll((items) => items.filter((item) => item.querySelector("a[href^='/documents/']")).length);
    assert.equal(linked, await events.count(), "every item links to its document");

    await page.fill("#timeline-entity", workbench.personWithPersianAlias.name);
    await page.locator(".filters button[type=submit]").click();
    await page.waitForURL(new RegExp(`/timeline\\?entity=${workbench.personWithPersianAlias.id}$`));
    await page.locator("h1", { hasText: "Timeline of" }).waitFor();
    assert.equal(await page.inputValue("#timeline-entity"), workbench.personWithPersianAlias.name);
  });

  it("draws the located places on an offline world map, each a way to its profile", async () => {
    const page = record.page;
    await go("/map");
    assert.ok((await page.locator("svg.world-map path.country").count()) > 100, "the map draws the countries");
    const located = await page.locator(".places-table tbody tr").count();
    assert.ok(located > 0, "some places are located");
    assert.equal(await page.locator("svg.world-map circle.place").count(), located);
    await page.locator(".places-table tbody a").first().click();
    await page.waitForURL(/\/entities\/\d+$/);
    await page.locator(".entity-profile").waitFor();
  });

  it("shows the 87.5 euro expense in the money ledger with its evidence, and totals per currency", async () => {
    const page = record.page;
    await go("/money");
    const expense = page.locator(".ledger tbody tr", { hasText: "87.50 EUR" });
    assert.equal(await expense.count(), 1, await text("main"));
    assert.match(await expense.innerText(), /Expense/);
    assert.equal(await expense.locator(".evidence figcaption a").getAttribute("href"), `/documents/${workbench.ids.erbilExpenses}`);
    assert.match(await expense.locator(".evidence blockquote").innerText(), /\S/);
    const currencies = await page.locator("table.money-totals").first().locator("tbody th").allInnerTexts();
    assert.deepEqual(currencies, [...new Set(currencies)]);
    assert.ok(currencies.includes("EUR"), currencies.join());
    await screenshot(page, "money-ledger");
  });

  it("lists an entity's relations in its profile, each with its evidence and document", async () => {
    const page = record.page;
    await go("/timeline?kinds=meeting,payment");
    await page.locator(".timeline-event .event-entities a").first().click();
    await page.waitForURL(/\/entities\/\d+$/);
    await page.locator("#relations").waitFor();
    const relation = page.locator(".relations .relation").first();
    assert.match(await relation.locator(".relation-type").innerText(), /^(Meeting|Payment|Affiliation|Reporting line|Recruitment|Handling restriction)$/i);
    assert.match((await relation.locator(".evidence figcaption a").getAttribute("href")) ?? "", /^\/documents\/\d+$/);
    await screenshot(page, "entity-relations");
    assert.deepEqual(await seriousViolations(page), []);
  });

  it("uploads files with live progress: they are ingested, their problems shown by stage, and found", async () => {
    const page = record.page;
    await go("/upload");
    await page.setInputFiles("#files", [
      { name: "upload-note.txt", mimeType: "text/plain", buffer: Buffer.from("An uploaded note about the tamarisk depot.\n") },
      { name: "not-really.pdf", mimeType: "application/pdf", buffer: Buffer.from("Plain text about the tamarisk depot, named as a PDF.\n") },
    ]);
    assert.match(await text(".chosen"), /2 files chosen/);
    const events = page.waitForResponse((response) => /\/api\/uploads\/[^/]+\/events$/.test(response.url()));
    await page.locator(".upload-form button[type=submit]").click();
    await page.waitForURL(/\/upload\?id=/);
    assert.equal((await events).headers()["content-type"]?.startsWith("text/event-stream"), true);
    await page.locator(".state-done, .state-failed").waitFor({ timeout: 60_000 });
    assert.equal(await page.locator(".state-done").count(), 1, await text(".upload-progress"));
    assert.equal(await page.locator("#files-read").evaluate((bar) => (bar as HTMLProgressElement).value === (bar as HTMLProgressElement).max), true);
    assert.match(await text(".problems"), /Type and encoding\s+1/);
    assert.match(await text(".problems"), /mislabelled/);
    await screenshot(page, "upload-done");
    assert.deepEqual(await seriousViolations(page), []);

    await page.locator("a", { hasText: "Search what this upload added" }).click();
    await page.locator(".hit").first().waitFor();
    assert.match(await text(".result-count"), /^2 documents match/);
  });

  it("refuses an upload over the limit before sending it, saying why", async () => {
    await go("/upload");
    await record.page.setInputFiles("#files", [{ name: "too-big.txt", mimeType: "text/plain", buffer: Buffer.alloc(workbench.maxUploadBytes + 1, 0x61) }]);
    await record.page.locator(".upload-form button[type=submit]").click();
    const alert = record.page.locator(".upload-message .failure[role=alert]");
    await alert.waitFor();
    assert.match(await alert.innerText(), /too-large/);
  });

  it("reviews redactions: the rules suggest the plate and the queue is reviewed by keyboard, and the reader shows the plate redacted", async () => {
    const page = record.page;
    await go("/redactions");
    assert.match(await text("h1"), /^Redactions$/);
    await page.locator("button", { hasText: "Run the rules" }).click();
    await page.locator(".redaction-item").first().waitFor();
    assert.match(await text(".redaction-status"), /^Read \d+ documents; \d+ new suggestions\.$/);
    const plates = page.locator("#reason-plate + .redaction-list .redaction-item");
    assert.ok((await plates.count()) >= 1);
    assert.match(await plates.first().locator("mark.redaction-span").innerText(), /45821/);
    assert.match(await text(".reason-counts"), /Vehicle plate\s+\d+/);
    assert.ok((await page.locator("#reason-phone + .redaction-list .redaction-item").count()) >= 1, "a phone number is suggested too");
    assert.deepEqual(await seriousViolations(page), []);
    await screenshot(page, "redactions-queue");

    await page.selectOption("#redaction-reason-filter", "plate");
    await page.waitForURL(/\/redactions\?reason=plate$/);
    await page.locator(".redaction-item").first().waitFor();
    const waiting = await page.locator(".redaction-item.status-suggested").count();
    assert.ok(waiting >= 1);
    await page.keyboard.press("j");
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains("redaction-item") && document.activeElement.classList.contains("selected")), true);
    const documentLink = await page.locator(".redaction-item.selected .redaction-meta a").getAttribute("href");
    await page.keyboard.press("a");
    await page.locator(".redaction-item.status-accepted").first().waitFor();
    assert.equal(await text(".redaction-item.status-accepted .redaction-state"), `accepted by ${localLogin()}`, "an open workbench records the login running it");
    assert.equal(await page.locator(".redaction-item.status-suggested").count(), waiting - 1);
    await screenshot(page, "redactions-accepted-by-keyboard");

    if (waiting > 1) await page.keyboard.press("k");
    await page.keyboard.press("Enter");
    await page.waitForURL(url(documentLink!));
    const redacted = page.locator("mark.redaction-accepted", { hasText: "45821" }).first();
    await redacted.waitFor();
    assert.match((await redacted.getAttribute("title")) ?? "", /^Redacted: vehicle plate/);
    assert.ok((await page.locator("mark.redaction-suggested").count()) >= 1, "the document's other suggestions are outlined");
    assert.deepEqual(await seriousViolations(page), []);
    await redacted.scrollIntoViewIfNeeded();
    await screenshot(page, "reader-redacted");
  });

  it("redacts the words selected in the reader", async () => {
    const page = record.page;
    await go(`/documents/${workbench.ids.englishReport}`);
    const button = page.locator(".redaction-tool button", { hasText: "Redact selection" });
    assert.equal(await button.isDisabled(), true);
    const words = await page.evaluate(() => {
      const paragraph = [...document.querySelectorAll<HTMLElement>(".text p[data-start]")].find((candidate) => candidate.textContent!.includes("journalist"))!;
      const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const at = node.data.indexOf("journalist");
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + "journalist".length);
        document.getSelection()!.removeAllRanges();
        document.getSelection()!.addRange(range);
        return range.toString();
      }
      return "";
    });
    assert.equal(words, "journalist");
    await button.click();
    await page.locator(".redaction-tool [role=status]", { hasText: "Redacted “journalist”" }).waitFor();
    assert.equal(await page.locator("mark.redaction-accepted", { hasText: /^journalist$/ }).count(), 1);
    await page.reload({ waitUntil: "networkidle" });
    assert.equal(await page.locator("mark.redaction-accepted", { hasText: /^journalist$/ }).count(), 1, "kept in the archive");
  });

  it("previews redacting an entity everywhere from its profile: spans, documents and scripts", async () => {
    const page = record.page;
    await go(`/entities/${workbench.personWithPersianAlias.id}`);
    await page.locator("button", { hasText: "Redact everywhere" }).click();
    const summary = page.locator(".plan-summary");
    await summary.waitFor();
    assert.match(await summary.innerText(), /^Would redact \d+ spans in \d+ documents: \d+ in Latin script, \d+ in Persian or Arabic script/);
    assert.deepEqual(await seriousViolations(page), []);
    await screenshot(page, "entity-redaction-plan");
    await page.locator(".redaction-plan button", { hasText: "Cancel" }).click();
    await page.locator("button", { hasText: "Redact everywhere" }).waitFor();
  });

  it("has checks that do fail: axe finds an unlabelled field, the guard records and refuses another host", async () => {
    await go("/overview");
    await record.page.evaluate(() => document.querySelector("main")!.append(Object.assign(document.createElement("input"), { type: "text" })));
    assert.ok((await seriousViolations(record.page)).some((violation) => violation.id === "label"));
    const probe = await openPage(browser);
    await assert.rejects(probe.page.goto("http://203.0.113.7/probe"));
    assert.deepEqual(probe.outside, ["http://203.0.113.7/probe"]);
    await probe.context.close();
  });

  it("sent nothing to any other host, opened no dialog, and broke no rule of its own policy", () => {
    assert.deepEqual(record.outside, []);
    assert.deepEqual(record.dialogs, []);
    assert.deepEqual(record.pageErrors, []);
    assert.deepEqual(record.serverFailures, []);
    assert.deepEqual(record.policyViolations, []);
  });
});
