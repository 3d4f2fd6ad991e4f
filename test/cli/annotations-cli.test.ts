import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { before, describe, it } from "node:test";
import type { Annotation, SavedSearch, TagCount } from "../../src/model/annotation.js";
import type { SearchResult } from "../../src/model/search.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { extracted } from "../helpers/documents.js";
import { tempDir } from "../helpers/temp-dir.js";

const MAIN = pathToFileURL(path.resolve("src/cli/main.ts")).href;
const REPORT = "Report on the Karbala meeting\n\nThe officer met the source at the photo exhibition.\n\nGifts of saffron and pistachios were handed over.\n";

/** Runs the real command line, from source, in its own process, as a reporter whose login is `desk`. */
function trove(args: string[]) {
  const script = `import { main } from ${JSON.stringify(MAIN)}; process.exitCode = await main(["node", "trove", ...process.argv.slice(1)]);`;
  const result = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script, ...args], { encoding: "utf8", env: { ...process.env, TROVE_ARCHIVE: "", USER: "desk" } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("trove annotate, annotations, tags and searches", () => {
  let archive: string;
  let report: number;

  before(() => {
    archive = path.join(tempDir(), "archive.db");
    const store = SqliteStore.open(archive);
    report = store.saveDocument(extracted("/leak/report.txt", REPORT)).id;
    store.close();
  });

  const json = <T>(args: string[]): T => {
    const run = trove([...args, "--archive", archive, "--json"]);
    assert.equal(run.status, 0, run.stderr);
    return JSON.parse(run.stdout) as T;
  };

  it("annotates a passage by its words and by offsets, and the whole document, recording who wrote it", () => {
    const byWords = json<Annotation>(["annotate", String(report), "--quote", "photo exhibition", "--note", "the cover story", "--tag", "Meeting,cover"]);
    assert.deepEqual([byWords.start, byWords.quote, byWords.tags, byWords.author], [REPORT.indexOf("photo exhibition"), "photo exhibition", ["cover", "meeting"], "desk"]);
    const start = REPORT.indexOf("saffron");
    const byOffsets = json<Annotation>(["annotate", String(report), "--start", String(start), "--end", String(start + 7), "--note", "a gift", "--tag", "gifts", "--author", "a reporter"]);
    assert.deepEqual([byOffsets.quote, byOffsets.author], ["saffron", "a reporter"]);
    const whole = json<Annotation>(["annotate", String(report), "--note", "ask the translator"]);
    assert.equal(whole.start, null);

    const text = trove(["annotations", "--document", String(report), "--archive", archive]);
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /^3 notes\./);
    assert.match(text.stdout, /whole document/);
    assert.match(text.stdout, /“photo exhibition”/);
  });

  it("refuses words the document lacks and a half-given passage, changing nothing", () => {
    const missing = trove(["annotate", String(report), "--quote", "no such words", "--note", "x", "--archive", archive]);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /are not in document/);
    const half = trove(["annotate", String(report), "--start", "3", "--note", "x", "--archive", archive]);
    assert.equal(half.status, 1);
    assert.equal(json<{ total: number }>(["annotations"]).total, 3);
  });

  it("lists notes by tag and the tags with their counts", () => {
    const tagged = json<{ total: number; annotations: Annotation[] }>(["annotations", "--tag", "MEETING"]);
    assert.deepEqual(tagged.annotations.map((annotation) => annotation.quote), ["photo exhibition"]);
    const { tags } = json<{ tags: TagCount[] }>(["tags"]);
    assert.deepEqual(tags.map((tag) => tag.tag).sort(), ["cover", "gifts", "meeting"]);
    assert.ok(tags.every((tag) => tag.annotations === 1 && tag.documents === 1));
    const search = json<SearchResult>(["search", "label:gifts"]);
    assert.deepEqual(search.hits.map((hit) => hit.id), [report]);
  });

  it("saves a search, runs it again recording what it found, lists and deletes it", () => {
    const saved = trove(["searches", "save", "gifts", "saffron", "OR", "cologne", "--sort", "date", "--archive", archive]);
    assert.equal(saved.status, 0, saved.stderr);
    const again = trove(["searches", "save", "gifts", "other", "--archive", archive]);
    assert.equal(again.status, 1);
    assert.match(again.stderr, /already saved/);
    const malformed = trove(["searches", "save", "broken", "karbala OR", "--archive", archive]);
    assert.equal(malformed.status, 1);

    const run = json<{ search: SavedSearch; result: SearchResult }>(["searches", "run", "gifts"]);
    assert.equal(run.result.total, 1);
    assert.deepEqual([run.search.lastTotal, run.search.sort, run.search.query], [1, "date", "saffron OR cologne"]);
    const { searches } = json<{ searches: SavedSearch[] }>(["searches", "list"]);
    assert.deepEqual(searches.map((search) => [search.name, search.lastTotal]), [["gifts", 1]]);

    assert.equal(trove(["searches", "delete", "gifts", "--archive", archive]).status, 0);
    assert.deepEqual(json<{ searches: SavedSearch[] }>(["searches", "list"]).searches, []);
    assert.equal(trove(["searches", "run", "gifts", "--archive", archive]).status, 1);
  });
});
