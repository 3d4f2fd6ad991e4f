/**
 * The workbench the browser tests run against: the UI built fresh into a
 * temporary folder, an archive made by ingesting a few sample files and two
 * hostile fixtures (with the entity and relation stages, so that names link
 * to profiles and the network, timeline, map and money ledger have content),
 * and the real server on a free loopback port.
 */
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ingest } from "../../src/pipeline/ingest-job.js";
import { searchArchive } from "../../src/search/sqlite-search.js";
import { startServer, type RunningServer } from "../../src/server/server.js";
import { SqliteStore } from "../../src/store/sqlite/sqlite-store.js";
import { buildWeb } from "../../scripts/build-web.js";
import { tempDir } from "../helpers/temp-dir.js";

/** Hosts in these fixtures are in TEST-NET-3 (RFC 5737): nothing real answers there, and the page guard refuses them anyway. */
export const OUTSIDE_HOST = "203.0.113.7";
/** The word both hostile fixtures share, so that one search finds them. */
export const HOSTILE_WORD = "zephyrine";
/** The word of the ledger notes: more of them than one page of hits holds. */
export const LEDGER_WORD = "quillwort";
export const LEDGER_NOTES = 27;

const SAMPLES = [
  "reports/fa/report-1393-09-14-karbala.fa.txt",
  "reports/en/report-1393-09-14-karbala.en.txt",
  "reports/en/report-1393-07-15-karbala.en.txt",
  "reports/en/report-1393-08-12-erbil-expenses.en.txt",
  "cables/14BAGHDAD1911.txt",
  "pdf/briefing-zubaidi-payments.pdf",
  "images/photo-report-1393-09-14-karbala.jpg",
  "web/euphrates-observer-2014-12-05-karbala-exhibition.html",
];

/** A page that tries everything: script, handlers, a frame, remote images, stylesheets and CSS url(). */
const HOSTILE_HTML = `<!doctype html>
<html><head><title>Hostile page fixture</title>
<link rel="stylesheet" href="http://${OUTSIDE_HOST}/sheet.css">
<style>@import url("http://${OUTSIDE_HOST}/import.css"); body { background: url("http://${OUTSIDE_HOST}/body.png"); }</style>
<script>window.__trovePwned = "script"; fetch("http://${OUTSIDE_HOST}/beacon");</script>
</head>
<body onload="window.__trovePwned = 'onload'">
<p>The ${HOSTILE_WORD} courier left the parcel at the depot.</p>
<p>Markup written as text: &lt;img src=x onerror="window.__trovePwned='text-img'"&gt; and &lt;script&gt;window.__trovePwned='text-script'&lt;/script&gt;</p>
<img src="http://${OUTSIDE_HOST}/remote.png" onerror="window.__trovePwned = 'onerror'">
<iframe src="http://${OUTSIDE_HOST}/frame"></iframe>
<div style="background-image: url('http://${OUTSIDE_HOST}/inline.png')">A styled ${HOSTILE_WORD} block.</div>
<a href="javascript:window.__trovePwned='link'">a link</a>
</body></html>
`;

/** Plain text whose content is markup: it must be shown as the characters it is. */
const HOSTILE_TEXT = `Note on the ${HOSTILE_WORD} shipment
<script>window.__trovePwned = "text-script"</script>
<img src="http://${OUTSIDE_HOST}/t.png" onerror="window.__trovePwned = 'text-onerror'">
<iframe src="http://${OUTSIDE_HOST}/frame"></iframe> <b>not bold</b> &amp; <style>body{background:url(http://${OUTSIDE_HOST}/s.png)}</style>
`;

export interface Workbench {
  server: RunningServer;
  url: string;
  /** Document ids by role in the tests. */
  ids: { cable: number; persianReport: number; englishReport: number; pdf: number; image: number; hostileHtml: number; hostileText: number; erbilExpenses: number };
  /** A person the archive also names in Persian or Arabic script. */
  personWithPersianAlias: { id: number; name: string };
  maxUploadBytes: number;
  close(): Promise<void>;
}

export async function startWorkbench(): Promise<Workbench> {
  const root = tempDir("trove-e2e-");
  const leak = path.join(root, "leak");
  mkdirSync(leak);
  for (const sample of SAMPLES) copyFileSync(path.resolve("samples", sample), path.join(leak, path.basename(sample)));
  writeFileSync(path.join(leak, "hostile-page.html"), HOSTILE_HTML);
  writeFileSync(path.join(leak, "hostile-note.txt"), HOSTILE_TEXT);
  for (let note = 1; note <= LEDGER_NOTES; note++) writeFileSync(path.join(leak, `ledger-${note}.txt`), `Ledger entry ${note}\nThe ${LEDGER_WORD} account was settled on day ${note}.\n`);
  const archive = path.join(root, "archive", "archive.db");
  const store = SqliteStore.open(archive);
  try {
    await ingest(store, [leak], { workers: 0, entities: true });
  } finally {
    store.close();
  }
  const { outDir } = await buildWeb({ outDir: path.join(root, "web") });
  const maxUploadBytes = 1024 * 1024;
  const server = await startServer({ archive, port: 0, webRoot: outDir, maxUploadBytes, workers: 0 });
  const find = (query: string): number => {
    const hit = searchArchive(server.trove.archive.reader, query, { limit: 1 }).hits[0];
    if (!hit) throw new Error(`the e2e archive has no document for ${query}`);
    return hit.id;
  };
  const person = server.trove.archive.reader.entities
    .listEntities({ type: "person", limit: 500 })
    .find((entity) => entity.aliases.some((alias) => /\p{Script=Arabic}/u.test(alias.name)));
  if (!person) throw new Error("the e2e archive names no person in Persian or Arabic script");
  return {
    server,
    personWithPersianAlias: { id: person.id, name: person.name },
    url: server.url,
    maxUploadBytes,
    ids: {
      cable: find("path:14BAGHDAD1911.txt"),
      persianReport: find("path:report-1393-09-14-karbala.fa.txt"),
      englishReport: find("path:report-1393-09-14-karbala.en.txt"),
      pdf: find("path:briefing-zubaidi-payments.pdf"),
      image: find("path:photo-report-1393-09-14-karbala.jpg"),
      hostileHtml: find("path:hostile-page.html"),
      hostileText: find("path:hostile-note.txt"),
      erbilExpenses: find("path:report-1393-08-12-erbil-expenses.en.txt"),
    },
    close: () => server.close(),
  };
}
