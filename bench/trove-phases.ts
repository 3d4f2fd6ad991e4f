/**
 * Where the time of one `searchArchive` call goes. This mirrors, statement by
 * statement, what src/search/sqlite-search.ts runs for a relevance-sorted
 * page (as of this writing): the grouped count that gives the total and the
 * facets, the ranked page, and the snippets. Each phase is timed on its own.
 * `mirrorMatches` compares the mirror's total and hit ids with the real
 * `searchArchive`; if the search code changes, the bench says so instead of
 * reporting a breakdown of something else.
 */
import type { SqliteStore } from "../src/store/sqlite/sqlite-store.js";
import { parseQuery } from "../src/search/query-parser.js";
import { planQuery, searchArchive } from "../src/search/sqlite-search.js";
import { HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN, toHighlightedHtml } from "../src/search/snippet.js";
import { now } from "./stats.js";

const TITLE_WEIGHT = 10;
const SNIPPET_TOKENS = 24;

export interface PhaseTimes {
  parsePlanMs: number;
  countFacetsMs: number;
  pageMs: number;
  snippetsMs: number;
  totalMs: number;
  /** Not part of the search: the same snippets fetched with one `rowid = ?` statement per hit, to show what the IN-list form costs. */
  snippetsPerRowMs: number;
  total: number;
  ids: number[];
}

type Plan = ReturnType<typeof planQuery>;

function fromClause(plan: Plan, ranked: boolean): { sql: string; params: unknown[] } {
  const rank = ranked ? `, bm25(document_fts, ${TITLE_WEIGHT}, 1.0) AS rank` : "";
  const where = `d.duplicate_of IS NULL AND (${plan.where.sql})`;
  if (plan.match !== undefined) {
    return {
      sql: `FROM (SELECT rowid AS id${rank} FROM document_fts WHERE document_fts MATCH ?) m JOIN documents d ON d.id = m.id WHERE ${where}`,
      params: [plan.match, ...plan.where.params],
    };
  }
  if (plan.rankMatch !== undefined && ranked) {
    return {
      sql: `FROM documents d LEFT JOIN (SELECT rowid AS id${rank} FROM document_fts WHERE document_fts MATCH ?) m ON m.id = d.id WHERE ${where}`,
      params: [plan.rankMatch, ...plan.where.params],
    };
  }
  return { sql: `FROM documents d WHERE ${where}`, params: plan.where.params };
}

/** Runs the three statements of a search one after another, timing each. */
export function timePhases(store: SqliteStore, query: string, limit = 20): PhaseTimes {
  const db = store.database;
  const t0 = now();
  const plan = planQuery(parseQuery(query));
  const t1 = now();
  const matched = fromClause(plan, false);
  const groups = db
    .prepare(`SELECT d.type AS type, d.language AS language, substr(d.date, 1, 4) AS year, count(*) AS n ${matched.sql} GROUP BY 1, 2, 3`)
    .all(...matched.params) as { n: number }[];
  const total = groups.reduce((sum, group) => sum + group.n, 0);
  const t2 = now();
  const ranked = plan.match !== undefined || plan.rankMatch !== undefined;
  const order = ranked ? "rank IS NULL, rank, d.id" : "d.date IS NULL, d.date DESC, d.id";
  const from = fromClause(plan, ranked);
  const rows = db
    .prepare(`SELECT d.id, d.title, d.locator, d.type, d.language, d.date, ${ranked ? "rank" : "0"} AS rank ${from.sql} ORDER BY ${order} LIMIT ? OFFSET ?`)
    .all(...from.params, limit, 0) as { id: number }[];
  const t3 = now();
  const ids = rows.map((row) => row.id);
  if (ids.length > 0) {
    const placeholders = ids.map(() => "?").join(", ");
    const snippets = plan.rankMatch
      ? (db
          .prepare(`SELECT rowid AS id, snippet(document_fts, 1, '${HIGHLIGHT_OPEN}', '${HIGHLIGHT_CLOSE}', '…', ${SNIPPET_TOKENS}) AS snippet FROM document_fts WHERE document_fts MATCH ? AND rowid IN (${placeholders})`)
          .all(plan.rankMatch, ...ids) as { snippet: string }[])
      : (db.prepare(`SELECT id, substr(body, 1, 240) AS snippet FROM document_index WHERE id IN (${placeholders})`).all(...ids) as { snippet: string }[]);
    for (const row of snippets) toHighlightedHtml(row.snippet);
  }
  const t4 = now();
  if (ids.length > 0 && plan.rankMatch) {
    const one = db.prepare(`SELECT snippet(document_fts, 1, '${HIGHLIGHT_OPEN}', '${HIGHLIGHT_CLOSE}', '…', ${SNIPPET_TOKENS}) AS snippet FROM document_fts WHERE document_fts MATCH ? AND rowid = ?`);
    for (const id of ids) {
      const row = one.get(plan.rankMatch, id) as { snippet: string } | undefined;
      if (row) toHighlightedHtml(row.snippet);
    }
  }
  const t5 = now();
  return { parsePlanMs: t1 - t0, countFacetsMs: t2 - t1, pageMs: t3 - t2, snippetsMs: t4 - t3, totalMs: t4 - t0, snippetsPerRowMs: ids.length > 0 && plan.rankMatch ? t5 - t4 : t4 - t3, total, ids };
}

/** True when the mirror finds the same total and the same page of ids as `searchArchive`. */
export function mirrorMatches(store: SqliteStore, query: string, limit = 20): boolean {
  const real = searchArchive(store, query, { limit });
  const mirror = timePhases(store, query, limit);
  return real.total === mirror.total && real.hits.map((hit) => hit.id).join(",") === mirror.ids.join(",");
}
