/**
 * What the archive's relations add up to: a network of entities, a timeline,
 * places on a map and a money ledger. These are the shapes the CLI prints with
 * `--json` and the HTTP API answers with, so both faces show the same thing.
 */
import type { EntityType } from "./entity.js";
import type { Evidence, PaymentKind, RelationType } from "./relation.js";

/** An edge is a stated relation or two entities named in the same paragraph. */
export type EdgeKind = RelationType | "co-occurrence";

export interface EntityRef {
  id: number;
  type: EntityType;
  name: string;
}

export interface GraphNode extends EntityRef {
  mentions: number;
  degree: number;
  /** Weighted PageRank, summing to 1 over the graph. */
  pagerank: number;
  /** Betweenness centrality, normalised to 0–1. */
  betweenness: number;
  /** Louvain community id; communities are numbered from 0 by size, largest first. */
  community: number;
}

export interface GraphEdge {
  source: number;
  target: number;
  /** Every kind of link between the two, relations first. */
  kinds: EdgeKind[];
  /** Stated relations between the two. */
  relations: number;
  /** Paragraphs that name both. */
  cooccurrences: number;
  /** Relations count 3 each and co-occurrences 1: the weight PageRank and Louvain use. */
  weight: number;
}

export interface Community {
  id: number;
  size: number;
  /** The names of its three highest-PageRank members, as a label. */
  label: string;
}

/** `trove graph --json` and `GET /api/graph`. */
export interface NetworkView {
  nodes: GraphNode[];
  edges: GraphEdge[];
  communities: Community[];
  /** Nodes left out by a limit; the view keeps the highest-ranked. */
  omittedNodes: number;
}

export type Centrality = "pagerank" | "degree" | "betweenness";

/** One step of an evidence path: why `from` is linked to `to`. */
export interface PathHop {
  from: EntityRef;
  to: EntityRef;
  kind: EdgeKind;
  relationId: number | null;
  documentId: number;
  documentTitle: string;
  evidence: Evidence;
}

/** `trove graph path A B --json` and `GET /api/graph/path`: null `hops` when no path exists. */
export interface EvidencePath {
  from: EntityRef;
  to: EntityRef;
  hops: PathHop[] | null;
}

/** One dated item on the timeline: a relation, or a cable or report by its own date. */
export interface TimelineEvent {
  date: string;
  kind: "relation" | "document";
  /** For a relation. */
  relationType: RelationType | null;
  relationId: number | null;
  documentId: number;
  documentTitle: string;
  /** One line a reporter can scan: `meeting: Harith al-Zubaidi, Abu Karrar al-Tamimi — Karbala`. */
  summary: string;
  entities: EntityRef[];
  evidence: Evidence | null;
}

/** `trove timeline --json` and `GET /api/timeline`. */
export interface TimelineView {
  events: TimelineEvent[];
  total: number;
}

export interface GazetteerPlace {
  name: string;
  latitude: number;
  longitude: number;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** `city`, `country`, `region` or `site`. */
  kind: string;
  population: number;
}

/**
 * A place entity and where it is. `located` when one gazetteer entry fits;
 * `ambiguous` when several do and none stands out, with the candidates listed
 * rather than one guessed; `unknown` when none does.
 */
export interface PlaceView extends EntityRef {
  mentions: number;
  documents: number;
  status: "located" | "ambiguous" | "unknown";
  location: GazetteerPlace | null;
  candidates: GazetteerPlace[];
}

/** `trove places --json` and `GET /api/places`. */
export interface PlacesView {
  places: PlaceView[];
}

export interface MoneyParty {
  name: string;
  entityId: number | null;
}

/** One payment in the ledger, linked to its evidence. */
export interface MoneyLine {
  relationId: number;
  documentId: number;
  documentTitle: string;
  date: string | null;
  payer: MoneyParty | null;
  payee: MoneyParty | null;
  amount: number | null;
  /** As the text states it: tomans and rials are kept apart, and never converted. */
  currency: string | null;
  kind: PaymentKind;
  purpose: string | null;
  evidence: Evidence;
}

export interface MoneyTotal {
  /** The payer's or payee's name, the currency or the kind. */
  key: string;
  entityId: number | null;
  currency: string;
  amount: number;
  payments: number;
}

/** `trove money --json` and `GET /api/money`. Totals are per currency: amounts in different currencies are never added. */
export interface MoneyLedger {
  lines: MoneyLine[];
  totals: {
    byCurrency: MoneyTotal[];
    byPayer: MoneyTotal[];
    byPayee: MoneyTotal[];
    byKind: MoneyTotal[];
  };
}
