/** The shapes a search returns, shared by the CLI (`--json`) and the HTTP API. */
import type { EntityType } from "./entity.js";

export interface SearchOptions {
  /** Hits to return; default 20. */
  limit?: number;
  /** Hits to skip, for paging; no cap on depth. Default 0. */
  offset?: number;
  /** `relevance` (bm25) by default, or `date` (newest first) / `date-asc`. */
  sort?: "relevance" | "date" | "date-asc";
}

export interface SearchHit {
  id: number;
  title: string;
  path: string;
  /** Higher is better; bm25 turned around so that it grows with relevance. 0 for filter-only queries. */
  score: number;
  /** A passage of the text, HTML-escaped, with each match wrapped in `<mark>…</mark>`. */
  snippet: string;
  type: string;
  language: string;
  date: string | null;
}

export interface FacetCount {
  value: string;
  count: number;
}

/** An entity among the matching documents: `value` is its name, `count` the documents that mention it. */
export interface EntityFacetCount extends FacetCount {
  id: number;
  type: EntityType;
}

export interface SearchFacets {
  type: FacetCount[];
  language: FacetCount[];
  year: FacetCount[];
  /** Classification level of parsed cables (UNCLASSIFIED … TOP SECRET). */
  classification: FacetCount[];
  /** The sending station, embassy or office of parsed cables; the 50 commonest. */
  origin: FacetCount[];
  /** The people, organisations, places and sources the matching documents mention most; the 20 commonest. */
  entity: EntityFacetCount[];
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  facets: SearchFacets;
}
