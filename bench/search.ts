/**
 * The search suite. At each scale it builds an archive from the real
 * documents (corpus.ts), then times the fixed queries (queries.ts) through
 * Trove's `searchArchive` and, in the same process on the same documents,
 * through three peers: raw FTS5 MATCH on the same `document_fts` table (the
 * floor), MiniSearch and FlexSearch indexing the same normalised title + body.
 * For queries of words only it also times the floor with the 20 snippets a
 * page shows, computed by FTS5 in the same query; beside the floor and
 * `searchArchive` this splits Trove's time into the ranked page, the snippets,
 * and the rest (exact total, facets over every match, document summaries).
 * Every figure comes from Trove's own code or from plain FTS5 queries on its
 * index, so the split cannot drift from what Trove runs.
 */
import { statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import v8 from "node:v8";
import { Index } from "flexsearch";
import MiniSearch from "minisearch";
import type { ExtractedDocument } from "../src/model/document.js";
import { searchArchive } from "../src/search/sqlite-search.js";
import { startServer } from "../src/server/server.js";
import { SqliteStore } from "../src/store/sqlite/sqlite-store.js";
import { loadBaseDocuments, makeTempDir, removeDir, syntheticDocuments, syntheticTexts, type BaseDocument } from "./corpus.js";
import { runFlexSearch, translate, type PeerQueries } from "./peer-queries.js";
import { QUERIES, type BenchQuery } from "./queries.js";
import type { Cell, SuiteResult, Table } from "./report.js";
import { now, MB, round, settledHeapUsed, summarise, type Summary } from "./stats.js";

export interface SearchSuiteOptions {
  scales: number[];
  warmups: number;
  runs: number;
}

const LIMIT = 20;
/** Tokens per snippet, as Trove asks of FTS5's snippet(). */
const SNIPPET_TOKENS = 24;
const COMMIT_EVERY = 500;
const TARGET_RATIO = 1.5;
const TARGET_P95_MS_AT_100K = 25;
/** A peer is not built at a scale when its build, projected from a smaller scale, would pass these. */
const PEER_MAX_BUILD_MS = 8 * 60_000;
const PEER_HEAP_SHARE = 0.7;
/** Above this, a Trove query is timed once rather than warmed up and repeated (see runScale). */
const SLOW_QUERY_MS = 1000;

/** `fts5Snippets`: the floor with snippet() for the 20 rows of the page, on queries of words only. */
type EngineName = "trove" | "troveHttp" | "fts5" | "fts5Snippets" | "miniSearch" | "flexSearch";

interface QueryRecord {
  id: string;
  q: string;
  category: string;
  /** Timed runs in ms per engine; absent when the engine skipped the query. */
  times: Partial<Record<EngineName, number[]>>;
  skipped: Partial<Record<EngineName, string>>;
  /** Hits returned (peers, limit 20) and Trove's total. */
  troveTotal?: number;
  returned: Partial<Record<EngineName, number>>;
  miniSearchMatches?: number;
  /** The first run took longer than SLOW_QUERY_MS: timed once, not repeated. */
  slow?: boolean;
  /** Words only, no filters: the floor answers exactly what Trove answers. */
  wordsOnly?: boolean;
  /** Words only: whether the floor's 20 ids, in order, are the ids of Trove's page. */
  floorPageIsTrovePage?: boolean;
}

interface PeerBuild {
  built: boolean;
  reason?: string;
  buildMs?: number;
  heapBytes?: number;
  rssDeltaBytes?: number;
  docsPerSecond?: number;
}

interface ScaleResult {
  scale: number;
  trove: { buildMs: number; docsPerSecond: number; textBytes: number; archiveBytes: number };
  peers: { miniSearch: PeerBuild; flexSearch: PeerBuild };
  queries: QueryRecord[];
  summary: Record<string, unknown>;
}

export async function runSearchSuite(options: SearchSuiteOptions): Promise<SuiteResult> {
  const startedAt = new Date().toISOString();
  const loadStart = now();
  const bases = await loadBaseDocuments();
  const loadMs = now() - loadStart;
  log(`search: ${bases.length} real documents extracted in ${(loadMs / 1000).toFixed(1)} s`);
  const translated = QUERIES.map((query) => ({ query, peers: translate(query.q) }));
  const scales: ScaleResult[] = [];
  for (const scale of options.scales) scales.push(await runScale(scale, bases, translated, options, scales));
  return {
    suite: "search",
    startedAt,
    finishedAt: new Date().toISOString(),
    tables: searchTables(scales, bases, options),
    data: {
      options,
      baseDocuments: describeBases(bases),
      queries: translated.map(({ query, peers }) => ({ ...query, fts5: peers.fts5, miniSearch: peers.miniSearch.ok ? peers.miniSearch.query : peers.miniSearch, flexSearch: peers.flexSearch.ok ? "translated" : peers.flexSearch })),
      scales,
    },
  };
}

async function runScale(
  scale: number,
  bases: readonly BaseDocument[],
  translated: { query: BenchQuery; peers: PeerQueries }[],
  options: SearchSuiteOptions,
  earlier: readonly ScaleResult[],
): Promise<ScaleResult> {
  const dir = makeTempDir(`search-${scale}`);
  const file = path.join(dir, "archive.sqlite");
  try {
    log(`search ${scale}: building the archive`);
    const trove = buildArchive(file, bases, scale);
    log(`search ${scale}: archive built in ${(trove.buildMs / 1000).toFixed(1)} s (${(trove.archiveBytes / MB).toFixed(0)} MB)`);
    const records: QueryRecord[] = translated.map(({ query }) => ({ id: query.id, q: query.q, category: query.category, times: {}, skipped: {}, returned: {} }));

    const store = SqliteStore.open(file, { readonly: true });
    try {
      const db = store.database;
      // The floor, and the floor with the 20 snippets a page shows: FTS5 ranks every match and
      // computes snippet() for the rows it returns. Neither is Trove's SQL; both run Trove's
      // index (with its configured rank, bm25 with the title weighted 10) on the same connection.
      const floor = db.prepare(`SELECT rowid, rank FROM document_fts WHERE document_fts MATCH ? ORDER BY rank LIMIT ${LIMIT}`);
      const floorSnippets = db.prepare(
        `SELECT rowid, rank, snippet(document_fts, 1, '[', ']', '…', ${SNIPPET_TOKENS}) FROM document_fts WHERE document_fts MATCH ? ORDER BY rank LIMIT ${LIMIT}`,
      );
      translated.forEach(({ peers }, index) => {
        const record = records[index]!;
        record.wordsOnly = peers.textOnly;
        const trove = () => searchArchive(store, record.q, { limit: LIMIT });
        const fts5 = peers.fts5.ok ? peers.fts5.query : undefined;
        if (!peers.fts5.ok) {
          record.skipped.fts5 = peers.fts5.reason;
          record.skipped.fts5Snippets = peers.fts5.reason;
        } else if (!peers.textOnly) {
          record.skipped.fts5Snippets = "has filters: the floor answers the text part only";
        }
        const withSnippets = fts5 !== undefined && peers.textOnly ? fts5 : undefined;
        const times: Record<"trove" | "fts5" | "fts5Snippets", number[]> = { trove: [], fts5: [], fts5Snippets: [] };
        const timeFloors = () => {
          if (fts5 !== undefined) {
            const t = now();
            record.returned.fts5 = floor.all(fts5).length;
            times.fts5.push(now() - t);
          }
          if (withSnippets !== undefined) {
            const t = now();
            record.returned.fts5Snippets = floorSnippets.all(withSnippets).length;
            times.fts5Snippets.push(now() - t);
          }
        };
        // A query whose first run takes longer than SLOW_QUERY_MS is timed once: that first
        // run is its only sample (the archive is already in the page cache from the build).
        let start = now();
        const first = trove();
        const firstMs = now() - start;
        record.troveTotal = first.total;
        record.returned.trove = first.hits.length;
        if (withSnippets !== undefined) {
          const page = (floor.all(withSnippets) as { rowid: number }[]).map((row) => row.rowid);
          record.floorPageIsTrovePage = page.join(",") === first.hits.map((hit) => hit.id).join(",");
        }
        if (firstMs > SLOW_QUERY_MS) {
          record.slow = true;
          times.trove.push(firstMs);
        }
        const warmups = record.slow ? 0 : options.warmups - 1;
        if (fts5 !== undefined) floor.all(fts5);
        if (withSnippets !== undefined) floorSnippets.all(withSnippets);
        for (let i = 0; i < warmups; i++) {
          trove();
          if (fts5 !== undefined) floor.all(fts5);
          if (withSnippets !== undefined) floorSnippets.all(withSnippets);
        }
        // Run by run: Trove, the floor, the floor with snippets.
        for (let i = 0; i < options.runs; i++) {
          if (!record.slow) {
            start = now();
            const result = trove();
            times.trove.push(now() - start);
            record.troveTotal = result.total;
            record.returned.trove = result.hits.length;
          }
          timeFloors();
        }
        record.times.trove = times.trove;
        if (fts5 !== undefined) record.times.fts5 = times.fts5;
        if (withSnippets !== undefined) record.times.fts5Snippets = times.fts5Snippets;
      });
      log(`search ${scale}: Trove, FTS5 and FTS5 with snippets timed`);
    } finally {
      store.close();
    }
    await timeThroughHttp(file, dir, records, options);
    log(`search ${scale}: GET /api/search timed over HTTP on loopback`);

    const miniSearch = timeMiniSearch(scale, bases, translated, records, options, earlier);
    const flexSearch = timeFlexSearch(scale, bases, translated, records, options, earlier);
    const result: ScaleResult = {
      scale,
      trove,
      peers: { miniSearch, flexSearch },
      queries: records,
      summary: {},
    };
    result.summary = summariseScale(result);
    return result;
  } finally {
    removeDir(dir);
  }
}

/**
 * The same queries through `trove serve`: a real server on loopback answering
 * `GET /api/search`, timed from request to parsed JSON, so the socket, the
 * routing, the security headers and the JSON encoding are all counted.
 */
async function timeThroughHttp(file: string, dir: string, records: QueryRecord[], options: SearchSuiteOptions): Promise<void> {
  const server = await startServer({ archive: file, port: 0, webRoot: path.join(dir, "no-web"), uploadFolder: path.join(dir, "uploads") });
  try {
    const search = async (q: string): Promise<{ total: number; hits: unknown[] }> => {
      const response = await fetch(`${server.url}api/search?${new URLSearchParams({ q, limit: String(LIMIT) })}`);
      if (!response.ok) throw new Error(`GET /api/search?q=${q}: HTTP ${response.status}`);
      return (await response.json()) as { total: number; hits: unknown[] };
    };
    for (const record of records) {
      const times: number[] = [];
      for (let i = 0; i < (record.slow ? 0 : options.warmups); i++) await search(record.q);
      for (let i = 0; i < (record.slow ? 1 : options.runs); i++) {
        const start = now();
        const result = await search(record.q);
        times.push(now() - start);
        record.returned.troveHttp = result.hits.length;
      }
      record.times.troveHttp = times;
    }
  } finally {
    await server.close();
  }
}

/** Saves `scale` synthetic documents in batches of 500, timing only the store calls (not making the documents). */
function buildArchive(file: string, bases: readonly BaseDocument[], scale: number) {
  const store = SqliteStore.open(file);
  let buildMs = 0;
  let textBytes = 0;
  const batch: ExtractedDocument[] = [];
  const flush = () => {
    const start = now();
    for (const document of batch) store.saveDocument(document);
    store.commit();
    buildMs += now() - start;
    batch.length = 0;
  };
  for (const document of syntheticDocuments(bases, scale)) {
    textBytes += document.size;
    batch.push(document);
    if (batch.length === COMMIT_EVERY) flush();
  }
  flush();
  const closeStart = now();
  store.close();
  buildMs += now() - closeStart;
  return { buildMs, docsPerSecond: scale / (buildMs / 1000), textBytes, archiveBytes: fileBytes(file) };
}

function fileBytes(file: string): number {
  let total = 0;
  for (const suffix of ["", "-wal", "-shm"]) {
    try {
      total += statSync(file + suffix).size;
    } catch {
      // absent
    }
  }
  return total;
}

/** Whether a peer may be built at this scale, judged from its build at the largest smaller scale. */
function peerAllowed(engine: "miniSearch" | "flexSearch", scale: number, earlier: readonly ScaleResult[]): string | undefined {
  const previous = [...earlier].reverse().find((result) => result.scale < scale && result.peers[engine].built);
  if (!previous) return undefined;
  const build = previous.peers[engine];
  const factor = (scale / previous.scale) * 1.15;
  const projectedMs = build.buildMs! * factor;
  const projectedHeap = build.heapBytes! * factor;
  const heapRoom = Math.min(v8.getHeapStatistics().heap_size_limit - process.memoryUsage().heapUsed, os.freemem()) * PEER_HEAP_SHARE;
  if (projectedHeap > heapRoom) {
    return `not built: projected heap ${(projectedHeap / MB).toFixed(0)} MB (from ${previous.scale} docs) exceeds the ${(heapRoom / MB).toFixed(0)} MB available`;
  }
  if (projectedMs > PEER_MAX_BUILD_MS) {
    return `not built: projected build ${(projectedMs / 1000).toFixed(0)} s (from ${previous.scale} docs) exceeds the ${PEER_MAX_BUILD_MS / 1000} s allowed`;
  }
  return undefined;
}

interface DocumentFields {
  id: number;
  title: string;
  body: string;
}

function timeMiniSearch(
  scale: number,
  bases: readonly BaseDocument[],
  translated: { query: BenchQuery; peers: PeerQueries }[],
  records: QueryRecord[],
  options: SearchSuiteOptions,
  earlier: readonly ScaleResult[],
): PeerBuild {
  const refusal = peerAllowed("miniSearch", scale, earlier);
  if (refusal) {
    log(`search ${scale}: MiniSearch ${refusal}`);
    records.forEach((record) => (record.skipped.miniSearch = refusal));
    return { built: false, reason: refusal };
  }
  log(`search ${scale}: building MiniSearch`);
  const heapBefore = settledHeapUsed();
  const rssBefore = process.memoryUsage().rss;
  const start = now();
  let index: MiniSearch<DocumentFields> | undefined = new MiniSearch<DocumentFields>({ fields: ["title", "body"], searchOptions: { boost: { title: 10 } } });
  for (const text of syntheticTexts(bases, scale)) index.add({ id: text.ordinal + 1, title: text.normalisedTitle, body: text.normalisedBody });
  const buildMs = now() - start;
  const heapBytes = settledHeapUsed() - heapBefore;
  const rssDeltaBytes = process.memoryUsage().rss - rssBefore;
  const search = index;
  translated.forEach(({ peers }, i) => {
    const record = records[i]!;
    if (!peers.miniSearch.ok) {
      record.skipped.miniSearch = peers.miniSearch.reason;
      return;
    }
    const query = peers.miniSearch.query;
    const run = () => search.search(query, { combineWith: "AND" });
    for (let w = 0; w < options.warmups; w++) run().slice(0, LIMIT);
    const times: number[] = [];
    for (let r = 0; r < options.runs; r++) {
      const t = now();
      const all = run();
      const page = all.slice(0, LIMIT);
      times.push(now() - t);
      record.miniSearchMatches = all.length;
      record.returned.miniSearch = page.length;
    }
    record.times.miniSearch = times;
  });
  index = undefined;
  settledHeapUsed();
  log(`search ${scale}: MiniSearch built in ${(buildMs / 1000).toFixed(1)} s, ${(heapBytes / MB).toFixed(0)} MB heap; queries timed`);
  return { built: true, buildMs, heapBytes, rssDeltaBytes, docsPerSecond: scale / (buildMs / 1000) };
}

function timeFlexSearch(
  scale: number,
  bases: readonly BaseDocument[],
  translated: { query: BenchQuery; peers: PeerQueries }[],
  records: QueryRecord[],
  options: SearchSuiteOptions,
  earlier: readonly ScaleResult[],
): PeerBuild {
  const refusal = peerAllowed("flexSearch", scale, earlier);
  if (refusal) {
    log(`search ${scale}: FlexSearch ${refusal}`);
    records.forEach((record) => (record.skipped.flexSearch = refusal));
    return { built: false, reason: refusal };
  }
  log(`search ${scale}: building FlexSearch`);
  const heapBefore = settledHeapUsed();
  const rssBefore = process.memoryUsage().rss;
  const start = now();
  let index: Index | undefined = new Index({ tokenize: "strict", encoder: "Default" });
  for (const text of syntheticTexts(bases, scale)) index.add(text.ordinal + 1, `${text.normalisedTitle}\n${text.normalisedBody}`);
  const buildMs = now() - start;
  const heapBytes = settledHeapUsed() - heapBefore;
  const rssDeltaBytes = process.memoryUsage().rss - rssBefore;
  const search = index;
  translated.forEach(({ peers }, i) => {
    const record = records[i]!;
    if (!peers.flexSearch.ok) {
      record.skipped.flexSearch = peers.flexSearch.reason;
      return;
    }
    const query = peers.flexSearch.query;
    for (let w = 0; w < options.warmups; w++) runFlexSearch(search, query, LIMIT);
    const times: number[] = [];
    for (let r = 0; r < options.runs; r++) {
      const t = now();
      const ids = runFlexSearch(search, query, LIMIT);
      times.push(now() - t);
      record.returned.flexSearch = ids.length;
    }
    record.times.flexSearch = times;
  });
  index = undefined;
  settledHeapUsed();
  log(`search ${scale}: FlexSearch built in ${(buildMs / 1000).toFixed(1)} s, ${(heapBytes / MB).toFixed(0)} MB heap; queries timed`);
  return { built: true, buildMs, heapBytes, rssDeltaBytes, docsPerSecond: scale / (buildMs / 1000) };
}

// ---------------------------------------------------------------- summaries and tables

/** Pooled latency of `engine` over the queries in `ids` (every timed run of each). */
function pooled(records: readonly QueryRecord[], engine: EngineName, ids?: ReadonlySet<string>): Summary {
  return summarise(records.filter((record) => !ids || ids.has(record.id)).flatMap((record) => record.times[engine] ?? []));
}

function ranBy(records: readonly QueryRecord[], engine: EngineName): Set<string> {
  return new Set(records.filter((record) => record.times[engine]).map((record) => record.id));
}

/** What Trove computes per search that the floor does not, in words. */
const TROVE_EXTRA = "the exact total and facets over every match (type, language, year, classification, origin), the 20 documents' title, path, type, language and date, and 20 highlighted snippets";

/**
 * One query of words only, split by its per-query medians: the floor's ranked page, what the 20
 * snippets add to it, and what Trove adds beyond that page with snippets.
 */
interface Split {
  id: string;
  q: string;
  slow: boolean;
  floorMs: number;
  floorSnippetsMs: number;
  snippetsMs: number;
  troveMs: number;
  beyondMs: number;
}

function medianOf(record: QueryRecord, engine: EngineName): number | null {
  const times = record.times[engine];
  return times && times.length > 0 ? summarise(times).p50 : null;
}

function splitOf(record: QueryRecord): Split | undefined {
  const floorMs = medianOf(record, "fts5");
  const floorSnippetsMs = medianOf(record, "fts5Snippets");
  const troveMs = medianOf(record, "trove");
  if (floorMs === null || floorSnippetsMs === null || troveMs === null) return undefined;
  return { id: record.id, q: record.q, slow: record.slow === true, floorMs, floorSnippetsMs, snippetsMs: floorSnippetsMs - floorMs, troveMs, beyondMs: troveMs - floorSnippetsMs };
}

type SplitPart = "floorMs" | "floorSnippetsMs" | "snippetsMs" | "troveMs" | "beyondMs";
const SPLIT_PARTS: SplitPart[] = ["floorMs", "snippetsMs", "floorSnippetsMs", "beyondMs", "troveMs"];

function summariseScale(result: ScaleResult): Record<string, unknown> {
  const records = result.queries;
  const engines: EngineName[] = ["trove", "fts5", "fts5Snippets", "miniSearch", "flexSearch"];
  const out: Record<string, unknown> = {};
  for (const engine of engines) {
    const ids = ranBy(records, engine);
    const mine = pooled(records, engine);
    const troveSame = pooled(records, "trove", ids);
    out[engine] = {
      queries: ids.size,
      skipped: records.length - ids.size,
      latencyMs: mine,
      troveOnSameQueriesMs: troveSame,
      troveP95OverEngineP95: engine === "trove" ? 1 : troveSame.p95 / mine.p95,
      troveP50OverEngineP50: engine === "trove" ? 1 : troveSame.p50 / mine.p50,
    };
  }
  const splits = records.map(splitOf).filter((split): split is Split => split !== undefined);
  const usual = splits.filter((split) => !split.slow);
  const sum = (part: SplitPart) => usual.reduce((total, split) => total + split[part], 0);
  out.wordsOnlySplit = {
    queries: splits.length,
    floorPageIsTrovePage: records.filter((record) => record.floorPageIsTrovePage).length,
    perQueryMediansMs: Object.fromEntries(SPLIT_PARTS.map((part) => [part, summarise(splits.map((split) => split[part]))])),
    shareOfTrove: Object.fromEntries(SPLIT_PARTS.map((part) => [part, sum(part) / sum("troveMs")])),
    queriesTimedOnce: splits.filter((split) => split.slow).map((split) => split.q),
  };
  return out;
}

function searchTables(scales: readonly ScaleResult[], bases: readonly BaseDocument[], options: SearchSuiteOptions): Table[] {
  const tables: Table[] = [];
  const families = new Map<string, number>();
  for (const base of bases) families.set(base.family, (families.get(base.family) ?? 0) + 1);
  for (const result of scales) {
    const records = result.queries;
    const row = (label: string, engine: EngineName, build: string, memory: string, note: string): Cell[] => {
      const ids = ranBy(records, engine);
      const mine = pooled(records, engine);
      const troveSame = pooled(records, "trove", ids);
      if (ids.size === 0) return [label, 0, records.length, null, null, null, null, null, build, memory, note];
      return [
        label,
        ids.size,
        records.length - ids.size,
        mine.p50,
        mine.p95,
        mine.p99,
        troveSame.p95,
        engine === "trove" ? "1.00" : `${(troveSame.p95 / mine.p95).toFixed(2)}×`,
        build,
        memory,
        note,
      ];
    };
    const { miniSearch, flexSearch } = result.peers;
    const peerBuild = (build: PeerBuild) => (build.built ? `${(build.buildMs! / 1000).toFixed(1)} s` : "not built");
    const peerMemory = (build: PeerBuild) => (build.built ? `${(build.heapBytes! / MB).toFixed(0)} MB heap` : "—");
    const wordsOnly = records.filter((record) => record.wordsOnly).length;
    tables.push({
      title: `Search, ${result.scale.toLocaleString("en-US")} documents — latency of every timed run (${options.warmups} warm-up + ${options.runs} timed per query), ms`,
      columns: ["engine", "queries", "skipped", "p50", "p95", "p99", "Trove p95 same queries", "Trove p95 ÷ engine p95", "build", "memory", "notes"],
      rows: [
        row("Trove searchArchive", "trove", `${(result.trove.buildMs / 1000).toFixed(1)} s`, `${(result.trove.archiveBytes / MB).toFixed(0)} MB file`, "exact total, facets over every match, page of 20 with snippets"),
        row("Trove GET /api/search over HTTP", "troveHttp", "(same file)", "(same file)", "trove serve on loopback: the same search, plus routing, headers, JSON and the socket; target p95 ≤ 50 ms at 100,000"),
        row("raw FTS5 MATCH (floor)", "fts5", "(same table)", "(same file)", "ORDER BY rank LIMIT 20; no filters, no total, no facets, no snippets"),
        row("raw FTS5 MATCH + 20 snippets", "fts5Snippets", "(same table)", "(same file)", "the floor with snippet() per returned row; words-only queries"),
        row("MiniSearch 7", "miniSearch", peerBuild(miniSearch), peerMemory(miniSearch), miniSearch.built ? "all matches scored, first 20 kept" : miniSearch.reason!),
        row("FlexSearch 0.8", "flexSearch", peerBuild(flexSearch), peerMemory(flexSearch), flexSearch.built ? "Index, strict tokenizer, limit 20" : flexSearch.reason!),
      ],
      notes: [
        `Documents: ${result.scale.toLocaleString("en-US")} synthetic copies of ${bases.length} real ones (${[...families].map(([family, n]) => `${family} ${n}`).join(", ")}), ${(result.trove.textBytes / MB).toFixed(0)} MB of text; Trove archive built with saveDocument in ${(result.trove.buildMs / 1000).toFixed(1)} s (${Math.round(result.trove.docsPerSecond)} docs/s).`,
        `Per search, Trove computes what the floor does not: ${TROVE_EXTRA}. The floor returns 20 rowids and their rank.`,
        "Peers run the text part of each query; filter-only queries and a filter OR'ed with text are skipped for all peers; phrases are skipped for MiniSearch and FlexSearch, prefixes and title: for FlexSearch.",
        `The floor with snippets runs only on the ${wordsOnly} queries of words only (no filters), where the floor answers exactly what Trove answers.`,
        ...(records.some((record) => record.slow)
          ? [`Timed once (first run over ${SLOW_QUERY_MS / 1000} s, so not repeated; one sample each in the pooled percentiles): ${records.filter((record) => record.slow).map((record) => record.q).join("; ")}.`]
          : []),
      ],
    });
    const split = result.summary.wordsOnlySplit as {
      queries: number;
      floorPageIsTrovePage: number;
      perQueryMediansMs: Record<SplitPart, Summary>;
      shareOfTrove: Record<SplitPart, number>;
      queriesTimedOnce: string[];
    };
    const splitRow = (label: string, part: SplitPart): Cell[] => {
      const summary = split.perQueryMediansMs[part];
      return [label, summary.p50, summary.p95, summary.max, `${(split.shareOfTrove[part] * 100).toFixed(1)}%`];
    };
    tables.push({
      title: `Where a words-only Trove search spends its time, ${result.scale.toLocaleString("en-US")} documents — per-query medians, then p50/p95/max across the ${split.queries} queries of words only, ms`,
      columns: ["part", "p50", "p95", "max", `share of Trove's time${split.queriesTimedOnce.length ? " (without queries timed once)" : ""}`],
      rows: [
        splitRow("ranked page: raw FTS5, ORDER BY rank LIMIT 20 (floor)", "floorMs"),
        splitRow("20 snippets (floor + snippets − floor)", "snippetsMs"),
        splitRow("page with snippets: raw FTS5 + snippet() per row", "floorSnippetsMs"),
        splitRow("rest of searchArchive (Trove − page with snippets)", "beyondMs"),
        splitRow("Trove searchArchive", "troveMs"),
      ],
      notes: [
        "Every row is a measurement of Trove's own `searchArchive` or of a plain FTS5 query on its index (`SELECT rowid, rank[, snippet(document_fts, 1, '[', ']', '…', 24)] FROM document_fts WHERE document_fts MATCH ? ORDER BY rank LIMIT 20`); no Trove SQL is copied into the bench. The snippets and the rest are differences of per-query medians, so a few can be slightly negative.",
        `The rest is what Trove computes beyond a page with snippets: the exact total and facets over every match (type, language, year, classification, origin), the 20 documents' title, path, type, language and date, parsing and planning, and turning snippets into HTML.`,
        `The floor's 20 ids, in order, are Trove's page for ${split.floorPageIsTrovePage} of the ${split.queries} queries.`,
        ...(split.queriesTimedOnce.length ? [`Timed once and left out of the shares: ${split.queriesTimedOnce.join("; ")}.`] : []),
      ],
    });
    const slowest = [...records].sort((a, b) => (medianOf(b, "trove") ?? 0) - (medianOf(a, "trove") ?? 0)).slice(0, 12);
    tables.push({
      title: `Slowest queries for Trove, ${result.scale.toLocaleString("en-US")} documents — medians, ms`,
      columns: ["query", "matches", "Trove", "FTS5 + 20 snippets", "FTS5", "MiniSearch", "FlexSearch"],
      rows: slowest.map((record) => [
        record.q,
        record.troveTotal ?? null,
        medianOf(record, "trove"),
        medianOf(record, "fts5Snippets"),
        medianOf(record, "fts5"),
        medianOf(record, "miniSearch"),
        medianOf(record, "flexSearch"),
      ]),
      notes: ["FTS5 + 20 snippets: queries of words only. FTS5 on a query with filters runs its text part alone."],
    });
  }
  tables.push({
    title: "Search targets",
    columns: ["documents", "Trove p95 ms", "FTS5 p95 ms (same queries)", "Trove p95 ÷ FTS5 p95", `target ≤ ${TARGET_RATIO}`, "Trove p95 ms, all queries", `target ≤ ${TARGET_P95_MS_AT_100K} ms at 100k`],
    rows: scales.map((result) => {
      const ids = ranBy(result.queries, "fts5");
      const trove = pooled(result.queries, "trove", ids).p95;
      const floor = pooled(result.queries, "fts5").p95;
      const all = pooled(result.queries, "trove").p95;
      const ratio = trove / floor;
      return [
        result.scale,
        round(trove, 2),
        round(floor, 2),
        round(ratio, 2),
        ratio <= TARGET_RATIO ? "met" : "missed",
        round(all, 2),
        result.scale >= 100_000 ? (all <= TARGET_P95_MS_AT_100K ? "met" : "missed") : "n/a",
      ];
    }),
  });
  return tables;
}

function describeBases(bases: readonly BaseDocument[]) {
  const byFamily = new Map<string, { documents: number; characters: number; dates: Record<string, number> }>();
  for (const base of bases) {
    const entry = byFamily.get(base.family) ?? { documents: 0, characters: 0, dates: {} };
    entry.documents++;
    entry.characters += base.text.length;
    entry.dates[base.dateSource] = (entry.dates[base.dateSource] ?? 0) + 1;
    byFamily.set(base.family, entry);
  }
  return Object.fromEntries(byFamily);
}

function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}
