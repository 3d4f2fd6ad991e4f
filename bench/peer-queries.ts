/**
 * Translates a Trove query into each peer's own syntax. The query is parsed
 * with Trove's parser; its text part (terms, phrases, AND/OR/NOT, prefixes,
 * title:/body:) is what the peers get. Filters (type:, lang:, date:, path:,
 * hash:) are dropped from an AND because the peers index text only; a query
 * of filters only, or one that ORs a filter with text, has no text-only
 * equivalent and is skipped for every peer. What a peer cannot express at
 * all (phrases for MiniSearch and FlexSearch, prefixes for FlexSearch with
 * its whole-word tokenizer) is skipped for that peer, with the reason kept.
 * Every word is passed through Trove's `normalise`, as the indexed text was.
 */
import type { Index } from "flexsearch";
import type { Query as MiniSearchQuery } from "minisearch";
import { parseQuery } from "../src/search/query-parser.js";
import type { QueryNode } from "../src/search/query.js";
import { normalise } from "../src/text/normalise.js";

export type Translation<T> = { ok: true; query: T } | { ok: false; reason: string };

type TextPart = { kind: "text"; node: QueryNode; droppedFilters: boolean } | { kind: "none" } | { kind: "mixed"; reason: string };

/** The text part of a query: the tree without its filters, or why there is none. */
export function textPart(node: QueryNode): TextPart {
  switch (node.kind) {
    case "term":
    case "phrase":
      return { kind: "text", node, droppedFilters: false };
    case "filter":
    case "date":
      return { kind: "none" };
    case "not": {
      const inner = textPart(node.child);
      if (inner.kind !== "text") return inner;
      if (inner.droppedFilters) return { kind: "mixed", reason: "NOT over text mixed with filters" };
      return { kind: "text", node: { kind: "not", child: inner.node }, droppedFilters: false };
    }
    case "and": {
      const kept: QueryNode[] = [];
      let dropped = false;
      for (const child of node.children) {
        const part = textPart(child);
        if (part.kind === "mixed") return part;
        if (part.kind === "none") dropped = true;
        else {
          kept.push(part.node);
          dropped ||= part.droppedFilters;
        }
      }
      if (kept.length === 0) return { kind: "none" };
      return { kind: "text", node: kept.length === 1 ? kept[0]! : { kind: "and", children: kept }, droppedFilters: dropped };
    }
    case "or": {
      const parts = node.children.map(textPart);
      if (parts.some((part) => part.kind !== "text" || part.droppedFilters)) return { kind: "mixed", reason: "a filter OR'ed with text has no text-only equivalent" };
      return { kind: "text", node: { kind: "or", children: parts.map((part) => (part as { node: QueryNode }).node) }, droppedFilters: false };
    }
  }
}

export interface PeerQueries {
  /** The query is all text: the peers answer exactly what Trove answers. */
  textOnly: boolean;
  /** Filters were dropped from an AND: the peers answer the text part only. */
  droppedFilters: boolean;
  fts5: Translation<string>;
  miniSearch: Translation<MiniSearchQuery>;
  flexSearch: Translation<(index: Index) => FlexStep>;
}

export function translate(queryText: string): PeerQueries {
  const part = textPart(parseQuery(queryText));
  if (part.kind !== "text") {
    const reason = part.kind === "none" ? "filter-only query: no text part" : part.reason;
    const skipped = { ok: false as const, reason };
    return { textOnly: false, droppedFilters: false, fts5: skipped, miniSearch: skipped, flexSearch: skipped };
  }
  return {
    textOnly: !part.droppedFilters,
    droppedFilters: part.droppedFilters,
    fts5: guard(() => toFts5(part.node, true)),
    miniSearch: guard(() => toMiniSearch(part.node, true)),
    flexSearch: guard(() => toFlexSearch(part.node, true)),
  };
}

class Unsupported extends Error {}

function guard<T>(build: () => T): Translation<T> {
  try {
    return { ok: true, query: build() };
  } catch (error) {
    if (error instanceof Unsupported) return { ok: false, reason: error.message };
    throw error;
  }
}

function split(children: QueryNode[]): { positives: QueryNode[]; negatives: QueryNode[] } {
  return {
    positives: children.filter((child) => child.kind !== "not"),
    negatives: children.filter((child): child is Extract<QueryNode, { kind: "not" }> => child.kind === "not").map((child) => child.child),
  };
}

// ---------------------------------------------------------------- FTS5

/** FTS5 MATCH syntax: quoted strings, `"x"*` prefixes, `title : "x"`, AND / OR / NOT. */
function toFts5(node: QueryNode, top: boolean): string {
  switch (node.kind) {
    case "term":
      return `${node.field ? `${node.field} : ` : ""}${fts5String(node.text)}${node.prefix ? "*" : ""}`;
    case "phrase":
      return `${node.field ? `${node.field} : ` : ""}${fts5String(node.text)}`;
    case "or":
      return `(${node.children.map((child) => toFts5(child, false)).join(" OR ")})`;
    case "and": {
      const { positives, negatives } = split(node.children);
      if (positives.length === 0) throw new Unsupported("only negated terms: FTS5 NOT needs a positive side");
      const core = positives.map((child) => toFts5(child, false)).join(" AND ");
      return `(${core}${negatives.map((child) => ` NOT ${toFts5(child, false)}`).join("")})`;
    }
    case "not":
      throw new Unsupported(top ? "only a negated term: FTS5 NOT needs a positive side" : "NOT inside OR");
    default:
      throw new Unsupported(`${node.kind} in the text part`);
  }
}

function fts5String(text: string): string {
  return `"${normalise(text).replace(/"/g, '""')}"`;
}

// ---------------------------------------------------------------- MiniSearch

/** MiniSearch query trees: strings, `{ queries, combineWith: 'AND' | 'OR' | 'AND_NOT', prefix, fields }`. */
function toMiniSearch(node: QueryNode, top: boolean): MiniSearchQuery {
  switch (node.kind) {
    case "term": {
      const text = normalise(node.text);
      if (!node.prefix && !node.field) return text;
      return { queries: [text], combineWith: "AND", ...(node.prefix && { prefix: true }), ...(node.field && { fields: [node.field] }) };
    }
    case "phrase":
      throw new Unsupported("phrases (MiniSearch has no positional index)");
    case "or":
      return { combineWith: "OR", queries: node.children.map((child) => toMiniSearch(child, false)) };
    case "and": {
      const { positives, negatives } = split(node.children);
      if (positives.length === 0) throw new Unsupported("only negated terms");
      const core: MiniSearchQuery = { combineWith: "AND", queries: positives.map((child) => toMiniSearch(child, false)) };
      if (negatives.length === 0) return core;
      return { combineWith: "AND_NOT", queries: [core, ...negatives.map((child) => toMiniSearch(child, false))] };
    }
    case "not":
      throw new Unsupported(top ? "only a negated term" : "NOT inside OR");
    default:
      throw new Unsupported(`${node.kind} in the text part`);
  }
}

// ---------------------------------------------------------------- FlexSearch

/**
 * FlexSearch 0.8 Resolver chains over one Index of title + body: a leaf is
 * `index.search(word, { resolve: false })`, combined with `.and()`, `.or()`,
 * `.not()`; `runFlexSearch` ends with `.resolve({ limit })`. When the left
 * side of an `.and()`/`.not()` is already empty, FlexSearch short-circuits and
 * hands back a plain (empty) array instead of a Resolver, so every step
 * checks what it got.
 */
/** The part of FlexSearch's Resolver used here (its typings tie Resolver to a document type an Index does not have). */
interface Resolver {
  and(...others: Resolver[]): FlexStep;
  or(...others: Resolver[]): FlexStep;
  not(...others: Resolver[]): FlexStep;
  resolve(options: { limit: number }): unknown[];
}

type FlexStep = Resolver | unknown[];

function isResolver(value: FlexStep): value is Resolver {
  return typeof (value as Resolver).resolve === "function";
}

function toFlexSearch(node: QueryNode, top: boolean): (index: Index) => FlexStep {
  switch (node.kind) {
    case "term": {
      if (node.prefix) throw new Unsupported("prefixes (the whole-word 'strict' tokenizer; 'forward' would index every prefix)");
      if (node.field) throw new Unsupported("title:/body: (one Index over title + body)");
      const text = normalise(node.text);
      return (index) => index.search(text, { resolve: false }) as unknown as Resolver;
    }
    case "phrase":
      throw new Unsupported("phrases (FlexSearch has no positional phrase match)");
    case "or": {
      const children = node.children.map((child) => toFlexSearch(child, false));
      return (index) => {
        const steps = children.map((child) => child(index));
        const resolvers = steps.filter(isResolver);
        const [first, ...rest] = resolvers;
        if (!first) return [];
        return rest.length ? first.or(...rest) : first;
      };
    }
    case "and": {
      const { positives, negatives } = split(node.children);
      if (positives.length === 0) throw new Unsupported("only negated terms");
      const positive = positives.map((child) => toFlexSearch(child, false));
      const negative = negatives.map((child) => toFlexSearch(child, false));
      return (index) => {
        const steps = positive.map((child) => child(index));
        if (!steps.every(isResolver)) return [];
        const [first, ...rest] = steps as Resolver[];
        let step: FlexStep = rest.length ? first!.and(...rest) : first!;
        const excluded = negative.map((child) => child(index)).filter(isResolver);
        if (excluded.length && isResolver(step)) step = step.not(...excluded);
        return step;
      };
    }
    case "not":
      throw new Unsupported(top ? "only a negated term" : "NOT inside OR");
    default:
      throw new Unsupported(`${node.kind} in the text part`);
  }
}

/** Runs a translated query: the ids of the first `limit` hits. */
export function runFlexSearch(index: Index, query: (index: Index) => FlexStep, limit: number): unknown[] {
  const step = query(index);
  return isResolver(step) ? step.resolve({ limit }) : [];
}
