import assert from "node:assert/strict";
import path from "node:path";
import { before, describe, it } from "node:test";
import fc from "fast-check";
import { QuerySyntaxError } from "../../src/errors.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { searchArchive } from "../../src/search/sqlite-search.js";
import { extracted } from "../helpers/documents.js";
import { tempDir } from "../helpers/temp-dir.js";

let store: SqliteStore;
const ids: Record<string, number> = {};

before(() => {
  store = SqliteStore.open(path.join(tempDir(), "search.db"));
  const add = (key: string, locator: string, text: string, extra: Parameters<typeof extracted>[2] = {}) => {
    ids[key] = store.saveDocument(extracted(locator, text, extra)).id;
  };
  add("karbala", "/leak/reports/en/karbala.txt", "Meeting in Karbala\nThe officer met Source 134832 at a photo exhibition in Karbala.", { date: "2014-10-07" });
  add("hunting", "/leak/reports/en/hunting.txt", "Hunting trip\nUnder the cover of a hunting excursion the minister received saffron and pistachios.", { date: "2015-01-20" });
  add("persian", "/leak/reports/fa/karbala.txt", "گزارش دیدار در کربلا\nافسر با منبع ۱۳۴۸۳۲ در نمایشگاه عکس دیدار کرد.", { language: "fa", date: "2014-10-07" });
  add("arabic", "/leak/press/ar.txt", "لقاء في كربلاء\nالتقى الوزير بالمصدر في معرض الصور.", { language: "ar", date: "2013-05-01" });
  add("cable", "/leak/cables/14BAGHDAD123.pdf", "Baghdad embassy cable\nThe ministry of transportation denied the meeting took place.", { type: "pdf", date: "2014-11-02" });
  add("undated", "/leak/notes/todo.md", "Reporter notes\nCheck the pistachio receipts; ask about the minister's driver.");
  add("markup", "/leak/web/page.html", "Page <b>bold</b>\n<script>alert('x')</script> exhibition & gallery", { type: "html" });
  for (let i = 0; i < 30; i++) add(`filler${i}`, `/leak/filler/${i}.txt`, `Routine report number ${i} about the weather in Basra.`, { date: `2015-02-${String(i % 28 + 1).padStart(2, "0")}` });
  store.commit();
});

const hitIds = (query: string, options = {}) => searchArchive(store, query, { limit: 100, ...options }).hits.map((hit) => hit.id);

describe("searchArchive", () => {
  it("finds terms, ranks by relevance and reports the total", () => {
    const result = searchArchive(store, "karbala");
    assert.equal(result.total, 1);
    assert.equal(result.hits[0]!.id, ids.karbala);
    assert.ok(result.hits[0]!.score > 0);
    assert.equal(result.hits[0]!.path, "/leak/reports/en/karbala.txt");
  });

  it("matches phrases only in order", () => {
    assert.deepEqual(hitIds('"photo exhibition"'), [ids.karbala]);
    assert.deepEqual(hitIds('"exhibition photo"'), []);
  });

  it("combines AND, OR, NOT, -term and parentheses", () => {
    assert.deepEqual(new Set(hitIds("saffron OR exhibition")), new Set([ids.karbala, ids.hunting, ids.markup]));
    assert.deepEqual(hitIds("minister pistachios"), [ids.hunting]);
    assert.deepEqual(new Set(hitIds("minister -saffron")), new Set([ids.undated]));
    assert.deepEqual(new Set(hitIds("minister NOT saffron")), new Set([ids.undated]));
    assert.deepEqual(new Set(hitIds("(saffron OR receipts) minister")), new Set([ids.hunting, ids.undated]));
  });

  it("matches prefixes", () => {
    assert.deepEqual(new Set(hitIds("pistachio*")), new Set([ids.hunting, ids.undated]));
    assert.deepEqual(new Set(hitIds("minist*")), new Set([ids.hunting, ids.cable, ids.undated]));
  });

  it("finds Persian text from a query typed with Arabic letters, and digits in any script", () => {
    assert.deepEqual(hitIds("كربلا"), [ids.persian]);
    assert.deepEqual(hitIds("نمايشگاه"), [ids.persian]);
    assert.deepEqual(new Set(hitIds("134832")), new Set([ids.karbala, ids.persian]));
    assert.deepEqual(new Set(hitIds("۱۳۴۸۳۲")), new Set([ids.karbala, ids.persian]));
  });

  it("filters by type, language, date range, path and hash", () => {
    assert.deepEqual(hitIds("meeting type:pdf"), [ids.cable]);
    assert.deepEqual(hitIds("lang:fa"), [ids.persian]);
    assert.deepEqual(new Set(hitIds("date:2014-10-01..2014-12-31")), new Set([ids.karbala, ids.persian, ids.cable]));
    assert.deepEqual(hitIds("date:..2013-12-31"), [ids.arabic]);
    assert.deepEqual(new Set(hitIds("path:reports/")), new Set([ids.karbala, ids.hunting, ids.persian]));
    const sha = store.getDocument(ids.cable!).sha256;
    assert.deepEqual(hitIds(`hash:${sha.slice(0, 8)}`), [ids.cable]);
  });

  it("treats path: values as text, not LIKE patterns", () => {
    assert.deepEqual(hitIds("path:%"), []);
    assert.deepEqual(hitIds("path:_"), []);
  });

  it("combines filters with text through OR and NOT", () => {
    assert.deepEqual(new Set(hitIds("saffron OR type:pdf")), new Set([ids.hunting, ids.cable]));
    assert.deepEqual(new Set(hitIds("meeting -type:pdf")), new Set([ids.karbala]));
    assert.equal(searchArchive(store, "-basra").total, 7);
  });

  it("restricts words to the title", () => {
    assert.deepEqual(hitIds("title:hunting"), [ids.hunting]);
    assert.deepEqual(hitIds("title:saffron"), []);
  });

  it("counts facets over every match, not just the page", () => {
    const result = searchArchive(store, "basra OR karbala OR meeting", { limit: 2 });
    assert.equal(result.total, 32);
    assert.equal(result.hits.length, 2);
    assert.deepEqual(result.facets.type, [{ value: "text", count: 31 }, { value: "pdf", count: 1 }]);
    assert.deepEqual(result.facets.year.find((year) => year.value === "2015"), { value: "2015", count: 30 });
  });

  it("pages through every hit with no overlap", () => {
    const all = hitIds("basra");
    const pages = [0, 10, 20].flatMap((offset) => searchArchive(store, "basra", { limit: 10, offset }).hits.map((hit) => hit.id));
    assert.deepEqual(pages, all);
    assert.equal(new Set(pages).size, 30);
  });

  it("sorts by date when asked", () => {
    const dates = searchArchive(store, "basra", { sort: "date", limit: 30 }).hits.map((hit) => hit.date);
    assert.deepEqual(dates, [...dates].sort().reverse());
  });

  it("highlights matches in an HTML-escaped snippet", () => {
    const [hit] = searchArchive(store, "exhibition type:html").hits;
    assert.ok(hit);
    assert.match(hit.snippet, /<mark>exhibition<\/mark>/);
    assert.doesNotMatch(hit.snippet, /<script>|<b>/);
    assert.match(hit.snippet, /&lt;script&gt;/);
  });

  it("gives each hit the snippet of its own text", () => {
    const result = searchArchive(store, "routine basra", { limit: 30 });
    assert.equal(result.hits.length, 30);
    for (const hit of result.hits) {
      const number = /\/(\d+)\.txt$/.exec(hit.path)![1];
      assert.match(hit.snippet, new RegExp(`number ${number} `), `${hit.path}: ${hit.snippet}`);
    }
  });

  it("excludes duplicates from results", () => {
    const copy = store.saveDocument(extracted("/leak/copy/karbala.txt", "Meeting in Karbala\nThe officer met Source 134832 at a photo exhibition in Karbala."));
    store.commit();
    assert.ok(copy.duplicateOf);
    assert.equal(searchArchive(store, "karbala").total, 1);
  });

  it("reports a malformed query with its position", () => {
    assert.throws(() => searchArchive(store, "karbala (meeting"), (error) => error instanceof QuerySyntaxError && error.position === 8);
    assert.throws(() => searchArchive(store, "¶ --"), (error) => error instanceof QuerySyntaxError);
  });

  it("never lets query text reach SQL: any input returns a result or a QuerySyntaxError", () => {
    const pieces = fc.constantFrom("'", '"', ";", "--", "DROP TABLE documents", "OR", "AND", "NOT", "(", ")", "*", "type:pdf", "path:'", "hash:ab", "date:2014", "NEAR", "^", "title:", "x", "كربلا", " ");
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        try {
          searchArchive(store, parts.join(""), { limit: 3 });
        } catch (error) {
          if (!(error instanceof QuerySyntaxError)) throw error;
        }
      }),
      { numRuns: 400 },
    );
    assert.ok(store.stats().documents > 30, "the documents table is still there");
  });
});
