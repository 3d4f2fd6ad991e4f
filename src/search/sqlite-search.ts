/**
 * Runs a parsed query against the SQLite archive. The query becomes one FTS5
 * MATCH expression where it can (the fast path: terms and phrases combined
 * with filters) and SQL over the documents table where it cannot (a filter
 * OR'ed with a term, a query of filters only). Every value reaches SQLite as a
 * bound parameter; words are quoted into the MATCH expression, never spliced
 * into SQL.
 */
import { QuerySyntaxError } from "../errors.js";
import type { EntityFacetCount, FacetCount, SearchFacets, SearchHit, SearchOptions, SearchResult } from "../model/search.js";
import type { SqliteStore } from "../store/sqlite/sqlite-store.js";
import { normalise } from "../text/normalise.js";
import { referenceKey } from "../text/reference-key.js";
import type { FilterNode, QueryNode } from "./query.js";
import { findEntitiesByName } from "./entity-lookup.js";
import { parseQuery } from "./query-parser.js";
import { plainSnippet, searchWords, toHighlightedHtml, HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN, type SearchWord } from "./snippet.js";

interface SqlPart {
  sql: string;
  params: unknown[];
}

/** What compiling a query needs besides the tree. */
interface PlanContext {
  /** Match every word against both halves of a translation pair. */
  matchPairs: boolean;
  /** The entities an `entity:` or `name~` filter stands for. */
  entityIds(node: FilterNode): number[];
}

interface Plan {
  /** The FTS5 expression the main query joins on, when the query has a text core. */
  match?: string;
  /** Further conditions on `d` (documents). */
  where: SqlPart;
  /** An expression of every positive text leaf, for ranking and snippets. */
  rankMatch?: string;
}

const SNIPPET_TOKENS = 24;
const DEFAULT_LIMIT = 20;
/** Above this many characters a document's snippet is cut from its head instead of by FTS5. */
const FTS_SNIPPET_MAX_CHARS = 2_000_000;
const PLAIN_SNIPPET_SCAN_CHARS = 1_000_000;

/** Searches the archive; `query` is query-language text or an already parsed tree. */
export function searchArchive(store: SqliteStore, query: string | QueryNode, options: SearchOptions = {}): SearchResult {
  const tree = dropWordless(typeof query === "string" ? parseQuery(query) : query);
  if (!tree) throw new QuerySyntaxError("the query has no letters or digits to search for", 0);
  const resolved = new Map<FilterNode, number[]>();
  const context: PlanContext = {
    matchPairs: hasTranslationPairs(store),
    entityIds(node) {
      const known = resolved.get(node);
      if (known) return known;
      const ids = findEntitiesByName(store.entities, node.value, { tolerant: node.field === "name" });
      resolved.set(node, ids);
      return ids;
    },
  };
  const plan = planQuery(tree, context);
  const limit = Math.max(0, Math.trunc(options.limit ?? DEFAULT_LIMIT));
  const offset = Math.max(0, Math.trunc(options.offset ?? 0));
  const ranked = plan.match !== undefined || plan.rankMatch !== undefined;
  const sort = options.sort ?? "relevance";
  const textOnly = plan.match !== undefined && plan.where.sql === "1" && sort === "relevance";
  const { groups, page } = textOnly
    ? textOnlySearch(store, plan.match!, limit, offset)
    : combinedSearch(store, plan, orderBy(sort, ranked), limit, offset);
  const matchedIds: SqlPart = textOnly
    ? { sql: "SELECT rowid FROM document_fts WHERE document_fts MATCH ?", params: [plan.match] }
    : (({ sql, params }) => ({ sql: `WITH ${sql} SELECT id FROM m`, params }))(matchedRows(plan));
  const total = groups.reduce((sum, group) => sum + group.n, 0);

  const details = documentSummaries(store, page.map((row) => row.id));
  const missing = page.filter((row) => row.snippet === undefined).map((row) => row.id);
  const snippets = snippetsFor(store, missing, plan.rankMatch, searchWords(tree));
  const hits: SearchHit[] = page.map((row) => {
    const document = details.get(row.id)!;
    return {
      id: row.id,
      title: document.title,
      path: document.locator,
      score: row.rank === null ? 0 : Math.round(-row.rank * 10_000) / 10_000,
      snippet: row.snippet !== undefined ? toHighlightedHtml(row.snippet) : snippets.get(row.id) ?? "",
      type: document.type,
      language: document.language,
      date: document.date,
    };
  });
  return { total, hits, facets: { ...facetsOf(groups), entity: entityFacet(store, matchedIds) } };
}

interface PageRow {
  id: number;
  rank: number | null;
  /** The raw FTS5 snippet, when the page query could compute it. */
  snippet?: string;
}

const FACET_COLUMNS = `d.type AS type, d.language AS language, substr(d.date, 1, 4) AS year,
  (SELECT c.classification_level FROM cables c WHERE c.document_id = d.id) AS classification,
  (SELECT c.origin FROM cables c WHERE c.document_id = d.id) AS origin`;

/**
 * Words only, by relevance: the page comes straight from FTS5 in rank order
 * (it scores and cuts the matches itself, computing snippets for the page
 * alone), and facets from one pass over the matches without scoring.
 */
function textOnlySearch(store: SqliteStore, match: string, limit: number, offset: number): { groups: FacetGroup[]; page: PageRow[] } {
  const groups = store.database
    .prepare(`SELECT ${FACET_COLUMNS}, count(*) AS n FROM document_fts JOIN documents d ON d.id = document_fts.rowid WHERE document_fts MATCH ? GROUP BY 1, 2, 3, 4, 5`)
    .all(match) as FacetGroup[];
  const rows = store.database
    .prepare(`SELECT rowid AS id, rank,
        CASE WHEN (SELECT text_length FROM documents WHERE id = document_fts.rowid) > ${FTS_SNIPPET_MAX_CHARS} THEN NULL
             ELSE snippet(document_fts, 1, '${HIGHLIGHT_OPEN}', '${HIGHLIGHT_CLOSE}', '…', ${SNIPPET_TOKENS}) END AS snippet
      FROM document_fts WHERE document_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?`)
    .all(match, limit, offset) as { id: number; rank: number; snippet: string | null }[];
  return { groups, page: rows.map((row) => ({ id: row.id, rank: row.rank, ...(row.snippet !== null && { snippet: row.snippet }) })) };
}

/** Any other query: one statement whose materialised matches give both the facets and the page. */
function combinedSearch(store: SqliteStore, plan: Plan, order: string, limit: number, offset: number): { groups: FacetGroup[]; page: PageRow[] } {
  const matched = matchedRows(plan);
  // For hits, `n` is the position on the page: UNION ALL does not promise to keep a subquery's order.
  const rows = store.database
    .prepare(`WITH ${matched.sql}
      SELECT 0 AS hit, NULL AS id, NULL AS rank, type, language, year, classification, origin, count(*) AS n FROM m GROUP BY 4, 5, 6, 7, 8
      UNION ALL
      SELECT * FROM (SELECT 1, id, rank, NULL, NULL, NULL, NULL, NULL, row_number() OVER (ORDER BY ${order}) FROM m ORDER BY ${order} LIMIT ? OFFSET ?)`)
    .all(...matched.params, limit, offset) as (FacetGroup & { hit: 0 | 1; id: number; rank: number | null })[];
  return {
    groups: rows.filter((row) => row.hit === 0),
    page: rows.filter((row) => row.hit === 1).sort((a, b) => a.n - b.n).map((row) => ({ id: row.id, rank: row.rank })),
  };
}

/**
 * The CTEs `r` (every full-text match with its bm25 rank, read once) and `m`
 * (the matching documents with what facets and sorting need).
 */
function matchedRows(plan: Plan): SqlPart {
  const where = `d.duplicate_of IS NULL AND (${plan.where.sql})`;
  const columns = `d.id AS id, ${plan.match !== undefined || plan.rankMatch !== undefined ? "r.rank" : "NULL"} AS rank, d.date AS date, ${FACET_COLUMNS}`;
  const ranks = "r AS MATERIALIZED (SELECT rowid AS id, rank FROM document_fts WHERE document_fts MATCH ?)";
  if (plan.match !== undefined) {
    return { sql: `${ranks}, m AS MATERIALIZED (SELECT ${columns} FROM r JOIN documents d ON d.id = r.id WHERE ${where})`, params: [plan.match, ...plan.where.params] };
  }
  if (plan.rankMatch !== undefined) {
    return { sql: `${ranks}, m AS MATERIALIZED (SELECT ${columns} FROM documents d LEFT JOIN r ON r.id = d.id WHERE ${where})`, params: [plan.rankMatch, ...plan.where.params] };
  }
  return { sql: `m AS MATERIALIZED (SELECT ${columns} FROM documents d WHERE ${where})`, params: plan.where.params };
}

interface DocumentSummaryRow {
  id: number;
  title: string;
  locator: string;
  type: string;
  language: string;
  date: string | null;
}

function documentSummaries(store: SqliteStore, ids: number[]): Map<number, DocumentSummaryRow> {
  if (ids.length === 0) return new Map();
  const rows = store.database.prepare(`SELECT id, title, locator, type, language, date FROM documents WHERE id IN (${ids.map(() => "?").join(", ")})`).all(...ids) as DocumentSummaryRow[];
  return new Map(rows.map((row) => [row.id, row]));
}

function orderBy(sort: NonNullable<SearchOptions["sort"]>, ranked: boolean): string {
  if (sort === "date") return "date IS NULL, date DESC, id";
  if (sort === "date-asc") return "date IS NULL, date ASC, id";
  return ranked ? "rank IS NULL, rank, id" : "date IS NULL, date DESC, id";
}

function hasTranslationPairs(store: SqliteStore): boolean {
  return store.database.prepare("SELECT 1 FROM translations LIMIT 1").get() !== undefined;
}

/**
 * Splits the tree into an FTS5 core and SQL conditions around it. When the
 * archive pairs originals with translations, every word is matched against
 * both halves of a pair, so the whole query is SQL.
 */
function planQuery(tree: QueryNode, context: PlanContext): Plan {
  const rankMatch = positiveTextExpression(tree);
  if (context.matchPairs) return { where: compileWhere(tree, context), ...(rankMatch && { rankMatch }) };
  const whole = ftsExpression(tree);
  if (whole !== undefined) return { match: whole, where: { sql: "1", params: [] }, ...(rankMatch && { rankMatch }) };
  if (tree.kind === "and") {
    const textual = tree.children.filter((child) => ftsExpression(child) !== undefined || (child.kind === "not" && ftsExpression(child.child) !== undefined));
    const core = textual.length > 0 ? ftsExpression({ kind: "and", children: textual }) : undefined;
    if (core !== undefined) {
      const rest = tree.children.filter((child) => !textual.includes(child));
      return { match: core, where: andSql(rest.map((child) => compileWhere(child, context))), ...(rankMatch && { rankMatch }) };
    }
  }
  return { where: compileWhere(tree, context), ...(rankMatch && { rankMatch }) };
}

/** The FTS5 expression for a node made only of text, with at least one positive part; undefined otherwise. */
function ftsExpression(node: QueryNode): string | undefined {
  switch (node.kind) {
    case "term":
      return column(node.field) + quote(normalise(node.text)) + (node.prefix ? "*" : "");
    case "phrase":
      return column(node.field) + quote(normalise(node.text));
    case "or": {
      const parts = node.children.map(ftsExpression);
      return parts.every((part) => part !== undefined) ? `(${parts.join(" OR ")})` : undefined;
    }
    case "and": {
      const positives: string[] = [];
      const negatives: string[] = [];
      for (const child of node.children) {
        const positive = child.kind === "not" ? undefined : ftsExpression(child);
        const negative = child.kind === "not" ? ftsExpression(child.child) : undefined;
        if (positive !== undefined) positives.push(positive);
        else if (negative !== undefined) negatives.push(negative);
        else return undefined;
      }
      if (positives.length === 0) return undefined;
      return `(${positives.join(" AND ")}${negatives.map((negative) => ` NOT ${negative}`).join("")})`;
    }
    default:
      return undefined;
  }
}

/** Every term and phrase not under a NOT, OR'ed: what a hit is ranked and highlighted by. */
function positiveTextExpression(node: QueryNode): string | undefined {
  const leaves: string[] = [];
  const collect = (current: QueryNode): void => {
    if (current.kind === "term" || current.kind === "phrase") leaves.push(ftsExpression(current)!);
    else if (current.kind === "and" || current.kind === "or") current.children.forEach(collect);
  };
  collect(node);
  return leaves.length > 0 ? leaves.join(" OR ") : undefined;
}

/**
 * SQL for a node. With `matchPairs`, words match an original or its
 * translation as one: an English query finds the Persian original whose
 * translation has the words, and the reverse.
 */
function compileWhere(node: QueryNode, context: PlanContext): SqlPart {
  const text = node.kind === "not" ? undefined : ftsExpression(node);
  if (text !== undefined && context.matchPairs) {
    return {
      sql: `d.id IN (SELECT rowid FROM document_fts WHERE document_fts MATCH ?
        UNION SELECT original_id FROM translations WHERE translation_id IN (SELECT rowid FROM document_fts WHERE document_fts MATCH ?)
        UNION SELECT translation_id FROM translations WHERE original_id IN (SELECT rowid FROM document_fts WHERE document_fts MATCH ?))`,
      params: [text, text, text],
    };
  }
  if (text !== undefined) return { sql: "d.id IN (SELECT rowid FROM document_fts WHERE document_fts MATCH ?)", params: [text] };
  switch (node.kind) {
    case "filter":
      if (node.field === "type") return { sql: "d.type = ?", params: [node.value] };
      if (node.field === "lang") return { sql: "d.language = ?", params: [node.value] };
      if (node.field === "hash") return { sql: "d.sha256 LIKE ?", params: [`${escapeLike(node.value)}%`] };
      if (node.field === "path") return { sql: "d.locator LIKE ? ESCAPE '\\'", params: [`%${escapeLike(node.value)}%`] };
      if (node.field === "entity" || node.field === "name") {
        return { sql: "d.id IN (SELECT document_id FROM mentions WHERE entity_id IN (SELECT value FROM json_each(?)))", params: [JSON.stringify(context.entityIds(node))] };
      }
      if (node.field === "label") {
        // A note on a duplicate is on the same words as its original's, so it finds the original (duplicates are never listed).
        return {
          sql: "d.id IN (SELECT coalesce(o.duplicate_of, o.id) FROM annotation_tags t JOIN annotations a ON a.id = t.annotation_id JOIN documents o ON o.id = a.document_id WHERE t.tag = ?)",
          params: [node.value],
        };
      }
      return cableFilter(node.field, node.value);
    case "date": {
      const parts: SqlPart[] = [];
      if (node.from) parts.push({ sql: "d.date >= ?", params: [node.from] });
      if (node.to) parts.push({ sql: "d.date <= ?", params: [node.to] });
      return andSql(parts);
    }
    case "not": {
      const inner = compileWhere(node.child, context);
      return { sql: `NOT (${inner.sql})`, params: inner.params };
    }
    case "and":
      return andSql(node.children.map((child) => compileWhere(child, context)));
    case "or": {
      const parts = node.children.map((child) => compileWhere(child, context));
      return { sql: parts.map((part) => `(${part.sql})`).join(" OR "), params: parts.flatMap((part) => part.params) };
    }
    default:
      return { sql: "0", params: [] };
  }
}

/** Filters on the fields parsed from a cable's layout. */
function cableFilter(field: "from" | "to" | "classification" | "tag" | "ref", value: string): SqlPart {
  switch (field) {
    case "from":
      return { sql: "EXISTS (SELECT 1 FROM cable_parties p WHERE p.document_id = d.id AND p.role = 'from' AND p.name LIKE ? ESCAPE '\\')", params: [`%${escapeLike(value)}%`] };
    case "to":
      return { sql: "EXISTS (SELECT 1 FROM cable_parties p WHERE p.document_id = d.id AND p.role IN ('to', 'info') AND p.name LIKE ? ESCAPE '\\')", params: [`%${escapeLike(value)}%`] };
    case "classification":
      return { sql: "EXISTS (SELECT 1 FROM cables c WHERE c.document_id = d.id AND c.classification_level = ?)", params: [value] };
    case "tag":
      return { sql: "EXISTS (SELECT 1 FROM cable_tags t WHERE t.document_id = d.id AND t.tag = ?)", params: [value] };
    case "ref": {
      // The cable with that reference, and every cable that cites it.
      const key = referenceKey(value);
      return {
        sql: "(EXISTS (SELECT 1 FROM cables c WHERE c.document_id = d.id AND c.reference_key = ?) OR EXISTS (SELECT 1 FROM cable_references r WHERE r.document_id = d.id AND r.reference_key = ?))",
        params: [key, key],
      };
    }
  }
}

function andSql(parts: SqlPart[]): SqlPart {
  if (parts.length === 0) return { sql: "1", params: [] };
  return { sql: parts.map((part) => `(${part.sql})`).join(" AND "), params: parts.flatMap((part) => part.params) };
}

/**
 * Removes terms with nothing to search for (`¶`, `--`): in an AND they would
 * match nothing at all. Returns undefined when nothing searchable is left.
 */
function dropWordless(node: QueryNode): QueryNode | undefined {
  switch (node.kind) {
    case "term":
    case "phrase":
      return /[\p{L}\p{N}]/u.test(normalise(node.text)) ? node : undefined;
    case "not": {
      const child = dropWordless(node.child);
      return child && { kind: "not", child };
    }
    case "and":
    case "or": {
      const children = node.children.map(dropWordless).filter((child): child is QueryNode => child !== undefined);
      if (children.length === 0) return undefined;
      return children.length === 1 ? children[0] : { kind: node.kind, children };
    }
    default:
      return node;
  }
}

function column(field: "title" | "body" | undefined): string {
  return field ? `${field}:` : "";
}

function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/**
 * Snippets for the hits of one page. FTS5's snippet() scores every match in a
 * document, which takes minutes on a multi-megabyte single-line file, so the
 * largest documents get a plain snippet around the first match in their head.
 */
function snippetsFor(store: SqliteStore, ids: number[], match: string | undefined, words: SearchWord[]): Map<number, string> {
  const snippets = new Map<number, string>();
  if (ids.length === 0) return snippets;
  const placeholders = (list: number[]) => list.map(() => "?").join(", ");
  const sizes = store.database.prepare(`SELECT id, text_length FROM documents WHERE id IN (${placeholders(ids)})`).all(...ids) as { id: number; text_length: number }[];
  const large = sizes.filter((row) => row.text_length > FTS_SNIPPET_MAX_CHARS).map((row) => row.id);
  const small = ids.filter((id) => !large.includes(id));
  if (match) {
    // One lookup per hit, as a one-row range: FTS5 seeks straight to it. `rowid IN (…)` makes it
    // walk every match, and `rowid = ?` beside MATCH returned the wrong row in SQLite 3.53.
    const statement = store.database.prepare(`SELECT snippet(document_fts, 1, '${HIGHLIGHT_OPEN}', '${HIGHLIGHT_CLOSE}', '…', ${SNIPPET_TOKENS}) AS snippet FROM document_fts WHERE document_fts MATCH ? AND rowid >= ? AND rowid <= ?`);
    for (const id of small) {
      const row = statement.get(match, id, id) as { snippet: string } | undefined;
      if (row) snippets.set(id, toHighlightedHtml(row.snippet));
    }
  }
  const rest = ids.filter((id) => !snippets.has(id));
  if (rest.length > 0) {
    const heads = store.database.prepare(`SELECT id, substr(body, 1, ${PLAIN_SNIPPET_SCAN_CHARS}) AS head FROM document_index WHERE id IN (${placeholders(rest)})`).all(...rest) as { id: number; head: string }[];
    for (const row of heads) snippets.set(row.id, toHighlightedHtml(plainSnippet(row.head, words)));
  }
  return snippets;
}

interface FacetGroup {
  type: string;
  language: string;
  year: string | null;
  classification: string | null;
  origin: string | null;
  n: number;
}

const MAX_ORIGIN_VALUES = 50;
const MAX_ENTITY_VALUES = 20;

/** The people, organisations, places and sources the matching documents mention most. */
function entityFacet(store: SqliteStore, matchedIds: SqlPart): EntityFacetCount[] {
  if (store.database.prepare("SELECT 1 FROM mentions WHERE entity_id IS NOT NULL LIMIT 1").get() === undefined) return [];
  return store.database.prepare(`
    SELECT e.id, e.type, e.name AS value, count(DISTINCT mn.document_id) AS count
    FROM mentions mn JOIN entities e ON e.id = mn.entity_id
    WHERE mn.document_id IN (${matchedIds.sql}) AND e.type IN ('person', 'organization', 'place', 'source')
    GROUP BY e.id ORDER BY count DESC, e.name LIMIT ${MAX_ENTITY_VALUES}`).all(...matchedIds.params) as EntityFacetCount[];
}

function facetsOf(groups: FacetGroup[]): Omit<SearchFacets, "entity"> {
  const count = (key: (group: FacetGroup) => string | null, limit = Number.POSITIVE_INFINITY): FacetCount[] => {
    const totals = new Map<string, number>();
    for (const group of groups) {
      const value = key(group);
      if (value !== null) totals.set(value, (totals.get(value) ?? 0) + group.n);
    }
    return [...totals].map(([value, n]) => ({ value, count: n })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)).slice(0, limit);
  };
  return {
    type: count((group) => group.type),
    language: count((group) => group.language),
    year: count((group) => group.year),
    classification: count((group) => group.classification),
    origin: count((group) => group.origin, MAX_ORIGIN_VALUES),
  };
}
