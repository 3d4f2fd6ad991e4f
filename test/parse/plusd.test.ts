import assert from "node:assert/strict";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import fc from "fast-check";
import type { Cable, ParseInput } from "../../src/model/cable.js";
import { plusdParser } from "../../src/parse/plusd.js";
import { corpusPath } from "../helpers/corpus.js";
import { extractForTest } from "../helpers/extract.js";
import { tempDir } from "../helpers/temp-dir.js";

/** What ingest hands the parser for an HTML page: Trove's extracted text, and the source. */
async function pageInput(html: string, name: string): Promise<ParseInput> {
  const file = path.join(tempDir(), name);
  writeFileSync(file, html);
  const { documents } = await extractForTest(file);
  const document = documents[0]!;
  return { text: document.text, name: document.name, type: document.type, metadata: document.metadata, html };
}

function assertTraceable(cable: Cable, text: string): void {
  for (const paragraph of cable.paragraphs) assert.equal(text.slice(paragraph.start, paragraph.end), paragraph.text);
}

/** A look-alike Cable Viewer page: navigation, the metadata table (with the shifted `title`), the telegram in two <pre>. */
function cableViewer({ id = "74VALLETTA123", classification = "SECRET", marking = "S E C R E T", body = "" } = {}): string {
  const pre2 = [
    `${marking} VALLETTA 0123 `,
    " ",
    "E.O. 11652: GDS ",
    "TAGS: <a href='/tag/PFOR_0.html'>PFOR</a> <a href='/tag/MT_0.html'>MT</a>",
    "SUBJECT: HARBOUR FEES RAISED ",
    " ",
    "REF: VALLETTA 0100: STATE 44556 ",
    " ",
    "<a id='par1' href='#par1'>¶</a>1. PRIME MINISTER ANNOUNCED NEW FEES FOR FOREIGN SHIPS. ",
    " ",
    body || "<a id='par2' href='#par2'>¶</a>2. COMMENT: SHIPOWNERS WILL COMPLAIN. ",
    " ",
    "GETZ",
  ].join("&#x000A;");
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" /><title>Cable Viewer</title></head>
<body>
<div id="nav"><h3>Browse by <a href='#by_A'>origin</a></h3><a href='/origin/1_0.html'>Embassy Athens</a> <a href='/origin/2_0.html'>Embassy Valletta</a></div>
<h3>Viewing cable ${id}, HARBOUR FEES RAISED</h3>
<table class='cable'>
<tr><th>Reference ID</th><th>Created</th><th>Released</th><th>Classification</th><th>Origin</th></tr>
<tr>
<td><a href='/cable/1974/03/${id}.html'>${id}</a></td>
<td><a href='/date/1974-03_0.html'>1974-03-05 11:20</a></td>
<td><a href='/reldate/2011-08-30_0.html'>2011-08-30 01:44</a></td>
<td><a href='/classification/3_0.html' title='confidential'>${classification}</a></td>
<td><a href='/origin/2_0.html'>Embassy Valletta</a></td>
</tr>
</table>
<code><pre>R 051120Z MAR 74&#x000A;FM AMEMBASSY VALLETTA&#x000A;TO SECSTATE WASHDC 0456&#x000A;INFO AMEMBASSY ROME</pre></code>
<code><pre>${pre2}</pre></code>
<div id="footer"><a href='/about.html'>About</a> 1. Copyright notice.</div>
</body></html>`;
}

/** A look-alike PlusD page: s_key/s_val metadata, the hidden header, the tagged text and the Raw content pane. */
const PLUSD_PAGE = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Cable: 1975MUSCAT00321_b</title></head><body>
<table id="synopsis">
<tr style="background:#eee;"><td colspan="2" style="font-weight: bold;">FISHING RIGHTS TALKS</td></tr>
<tr><td><div class="s_key"><a class="i" title="Date">Date:</a></div><div class="s_val" title=" 1975 Apr 02, 09:15 (Wednesday)">1975 Apr 02, 09:15 (Wednesday)</div></td>
<td><div class="s_key"><a class="i" title="Canonical ID">Canonical ID:</a></div><div class="s_val" title=" 1975MUSCAT00321_b">1975MUSCAT00321_b</div></td></tr>
<tr><td><div class="s_key"><a class="i" title="Original Classification">Original Classification:</a></div><div class="s_val" title=" CONFIDENTIAL (1 documents)">CONFIDENTIAL</div></td>
<td><div class="s_key"><a class="i" title="Current Classification">Current Classification:</a></div><div class="s_val" title=" UNCLASSIFIED (2 documents)">UNCLASSIFIED</div></td></tr>
<tr><td><div class="s_key"><a class="i" title="TAGS">TAGS:</a></div><div class="s_val" title="ignored"><a href="#">EFIS<span> - Economic Affairs--Fisheries</span></a> <span>|</span> <a href="#">MU<span> - Oman</span></a> <span>|</span> <a href="#">EXAMPLE, ALI</a></div></td>
<td><div class="s_key"><a class="i" title="Executive Order">Executive Order:</a></div><div class="s_val">-- N/A or Blank --</div></td></tr>
<tr><td class="sc"><div class="s_key"><a class="i" title="From">From:</a></div><div class="s_val"><a href="#">Oman Muscat</a></div></td></tr>
</table>
<div class="pane-tab"><div class="pane-header">Content</div><div class="pane-content"><div class="text-header hidden">
CONFIDENTIAL
SUBJECT: FISHING RIGHTS TALKS

REF: A. STATE 70000</div><div class="text-button" id="showhide">Show&nbsp;Headers</div><div class="text-content"><div id="tagged-text">B. MUSCAT 0300

1. MINISTER RECEIVED THE DRAFT.
</div></div><br /></div></div><div class="pane-tab"><div class="pane-header">Raw content</div><div class="pane-content"><div class="text-content">
CONFIDENTIAL

PAGE 01  MUSCAT 00321  021000Z

ACTION NEA-10

INFO  OCT-01  ISO-00  /011 W
---------------------     012345
R 020915Z APR 75
FM AMEMBASSY MUSCAT
TO SECSTATE WASHDC 1111
INFO AMEMBASSY TEHRAN

C O N F I D E N T I A L MUSCAT 0321

E.O. 11652: GDS
TAGS: EFIS, MU
SUBJECT: FISHING RIGHTS TALKS

REF: A. STATE 70000 B. MUSCAT 0300

1. MINISTER RECEIVED THE DRAFT.

2. HE WILL REPLY NEXT WEEK.
EXAMPLE
CONFIDENTIAL

NNN
</div></div></div><div class="pane-tab"><div class="pane-header">Metadata</div><div class="pane-content"><div class="text-content">---
Capture Date: 01 JAN 1994
</div></div></div>
</body></html>`;

describe("plusdParser on a Cable Viewer page", () => {
  it("reads the metadata table by its visible text, not the shifted title attributes", async () => {
    const page = await pageInput(cableViewer(), "74VALLETTA123.html");
    const cable = plusdParser.parse(page);
    assert.equal(cable.layout, "plusd");
    assert.equal(cable.reference, "74VALLETTA123");
    assert.equal(cable.classification, "SECRET");
    assert.equal(cable.classificationLevel, "SECRET");
    assert.deepEqual(cable.warnings, []);
  });

  it("reads the telegram from the extracted text, its paragraphs pointing into it", async () => {
    const page = await pageInput(cableViewer(), "74VALLETTA123.html");
    const cable = plusdParser.parse(page);
    assert.deepEqual({ text: cable.date?.text, iso: cable.date?.iso }, { text: "051120Z MAR 74", iso: "1974-03-05" });
    assert.deepEqual(cable.otherDates.map((date) => date.iso), ["1974-03-05", "2011-08-30"]);
    assert.equal(cable.origin, "AMEMBASSY VALLETTA");
    assert.deepEqual(cable.to, ["SECSTATE WASHDC"]);
    assert.deepEqual(cable.info, ["AMEMBASSY ROME"]);
    assert.deepEqual(cable.tags, ["PFOR", "MT"]);
    assert.equal(cable.subject, "HARBOUR FEES RAISED");
    assert.deepEqual(cable.references.map((reference) => reference.canonical), ["74VALLETTA100", "74STATE44556"]);
    assert.deepEqual(cable.paragraphs.map((paragraph) => paragraph.number), ["1", "2"]);
    assertTraceable(cable, page.text);
    assert.equal(cable.signer, "GETZ");
  });

  it("warns when the page's classification contradicts the telegram's, and of a malformed id", async () => {
    const cable = plusdParser.parse(await pageInput(cableViewer({ id: "7474VALLETTA123", marking: "UNCLASSIFIED" }), "7474VALLETTA123.html"));
    assert.equal(cable.classification, "SECRET");
    assert.equal(cable.reference, "7474VALLETTA123");
    assert.ok(cable.warnings.some((warning) => warning.includes("disagrees with the telegram's UNCLASSIFIED")));
    assert.ok(cable.warnings.some((warning) => warning.includes("malformed")));
  });

  it("cuts a text that breaks off (\"...\") before the unrelated cables the page goes on with", async () => {
    const body = "<a id='par2' href='#par2'>¶</a>2. THE MINISTER SAID THAT ...&#x000A; &#x000A; &#x000A;50133 2006-01-19 06OTHER131 &#x000A;¶1. (C) Another cable.";
    const page = await pageInput(cableViewer({ body }), "74VALLETTA123.html");
    const cable = plusdParser.parse(page);
    assert.equal(cable.paragraphs.length, 2);
    assert.ok(!cable.paragraphs[1]!.text.includes("Another cable"));
    assert.ok(cable.warnings.some((warning) => warning.includes("breaks off")));
  });
});

describe("plusdParser on a PlusD page", () => {
  it("takes id, classification and tags from the page, and the telegram from the Raw content pane", async () => {
    const page = await pageInput(PLUSD_PAGE, "1975MUSCAT00321_b.html");
    const cable = plusdParser.parse(page);
    assert.equal(cable.reference, "1975MUSCAT00321_b");
    assert.equal(cable.classification, "CONFIDENTIAL");
    assert.deepEqual(cable.tags, ["EFIS", "MU", "EXAMPLE, ALI"]);
    assert.equal(cable.date?.iso, "1975-04-02");
    assert.equal(cable.origin, "AMEMBASSY MUSCAT");
    assert.deepEqual(cable.to, ["SECSTATE WASHDC"]);
    assert.equal(cable.subject, "FISHING RIGHTS TALKS");
    assert.deepEqual(cable.references.map((reference) => [reference.label, reference.canonical]), [["A", "75STATE70000"], ["B", "75MUSCAT300"]]);
    assert.deepEqual(cable.paragraphs.map((paragraph) => paragraph.text), ["MINISTER RECEIVED THE DRAFT.", "HE WILL REPLY NEXT WEEK."]);
    assertTraceable(cable, page.text);
    assert.equal(cable.signer, "EXAMPLE");
  });
});

describe("plusdParser on damaged pages", () => {
  it("reads the telegram from the text alone when the HTML source is missing, and says so", async () => {
    const { html: _html, ...withoutSource } = await pageInput(cableViewer(), "74VALLETTA123.html");
    assert.equal(plusdParser.recognises(withoutSource), true);
    const cable = plusdParser.parse(withoutSource);
    assert.equal(cable.subject, "HARBOUR FEES RAISED");
    assert.equal(cable.date?.iso, "1974-03-05");
    assert.ok(cable.warnings.some((warning) => warning.includes("no HTML source")));
  });

  it("keeps the fields of a page cut off inside its telegram's header", async () => {
    const html = cableViewer();
    const cut = html.slice(0, html.indexOf("TO SECSTATE"));
    const cable = plusdParser.parse(await pageInput(cut, "74VALLETTA123.html"));
    assert.equal(cable.reference, "74VALLETTA123");
    assert.equal(cable.classification, "SECRET");
    assert.equal(cable.date?.iso, "1974-03-05");
    assert.equal(cable.subject, "HARBOUR FEES RAISED", "the page's headline stands in for the lost SUBJECT");
    assert.ok(cable.warnings.length > 0);
  });

  it("never throws on mangled pages", () => {
    const html = cableViewer();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: html.length }), fc.integer({ min: 0, max: html.length }), fc.string({ maxLength: 40 }), (cutAt, insertAt, noise) => {
        const mangled = `${html.slice(0, insertAt)}${noise}${html.slice(insertAt, Math.max(insertAt, cutAt))}`;
        const cable = plusdParser.parse({ text: mangled.replace(/<[^>]*>/g, "\n"), name: "page.html", type: "html", metadata: {}, html: mangled });
        assert.equal(cable.layout, "plusd");
      }),
      { numRuns: 200 },
    );
  });
});

const plusd = corpusPath("plusd");

describe("plusdParser on the real pages", { skip: !plusd && "../shared/corpus is absent" }, () => {
  const pages = plusd ? readdirSync(plusd, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".html")).map((name) => path.join(plusd, name)) : [];

  it("recognises all 13 pages and reads their ids, dates and visible classifications", async () => {
    assert.equal(pages.length, 13);
    for (const file of pages) {
      const html = readFileSync(file, "utf8");
      const page = await pageInput(html, path.basename(file));
      assert.equal(plusdParser.recognises(page), true, file);
      const cable = plusdParser.parse(page);
      assert.equal(cable.reference, path.basename(file, ".html"));
      const viewerCell = /<a href='\/classification\/[^']*' title='([^']*)'>([^<]*)<\/a>\s*<\/td>\s*<td>\s*<a href='\/origin/.exec(html);
      if (viewerCell) {
        assert.equal(cable.classification, viewerCell[2], file);
        assert.notEqual(viewerCell[1]!.toUpperCase(), viewerCell[2], "the title attribute is shifted");
      }
      assert.match(cable.date?.iso ?? "", /^19(?:66|7\d)-\d\d-\d\d$/, file);
      assert.ok(cable.subject && cable.origin && cable.tags.length > 0, file);
      assertTraceable(cable, page.text);
    }
  });
});
