/**
 * The network of an archive: one node per entity that takes part in a link,
 * one undirected edge per pair of entities, however many relations and shared
 * paragraphs link them. The edge keeps every link it was made of, so that a
 * path can always say which sentence of which document joins two people.
 *
 * The network lives in plain arrays, which are quick to build and to walk, so
 * that a path query on a large archive answers at once. A graphology graph of
 * it, which PageRank and Louvain run on, and the measures themselves are made
 * the first time they are asked for. Nothing is cached on disk: the network
 * is built from the store each time.
 */
import { UndirectedGraph } from "graphology";
import type { EdgeKind, EntityRef } from "../model/network.js";
import { RELATION_TYPES } from "../model/relation.js";
import type { NetworkLink, RelationStore } from "../store/relation-store.js";
import { buildAdjacency, type Adjacency } from "./adjacency.js";
import { measureCentrality, type CentralityScores } from "./centrality.js";
import { detectCommunities, type CommunityAssignment } from "./communities.js";

/** Where a network comes from: the store's relation part, or anything shaped like it. */
export type NetworkSource = Pick<RelationStore, "networkEntities" | "networkLinks" | "linkEvidence">;

export interface NetworkOptions {
  /** Seeds Louvain and the betweenness sample, so the same archive always gives the same communities. Default 20261123. */
  seed?: number;
  /**
   * Betweenness is exact up to this many entities; beyond it, it is estimated
   * from this many source entities drawn at random (Brandes' pivot sampling),
   * because the exact measure costs one breadth-first search per entity.
   * Default 500.
   */
  betweennessPivots?: number;
}

export interface ResolvedNetworkOptions {
  seed: number;
  betweennessPivots: number;
}

/** A relation between two entities counts this much in an edge's weight; a shared paragraph counts 1. */
export const RELATION_WEIGHT = 3;
export const CO_OCCURRENCE_WEIGHT = 1;

/** Every kind of edge, stated relations first: the order an edge lists its kinds in. */
export const EDGE_KINDS: readonly EdgeKind[] = [...RELATION_TYPES, "co-occurrence"];

export interface NetworkNode extends EntityRef {
  mentions: number;
}

export interface NetworkEdgeAttributes {
  /** Every kind of link between the two, in the order of `EDGE_KINDS`. */
  kinds: EdgeKind[];
  relations: number;
  cooccurrences: number;
  weight: number;
  /** The links the edge was made of: relations by id, then co-occurrences by document and position. */
  links: NetworkLink[];
}

export interface NetworkEdge extends NetworkEdgeAttributes {
  /** The entity with the lower id. */
  source: number;
  target: number;
}

/** Nodes are keyed by entity id, edges by the two ids, lower first (`12-40`). */
export type NetworkGraph = UndirectedGraph<NetworkNode, NetworkEdgeAttributes>;

/** Per-entity measures over the whole network, and its communities. */
export interface NetworkMetrics {
  centrality: CentralityScores;
  communities: CommunityAssignment;
}

export class Network {
  /** Entities by id, ascending; an entity's place in this list is its position. */
  readonly nodes: readonly NetworkNode[];
  /** Edges by lower id, then higher id. */
  readonly edges: readonly NetworkEdge[];
  readonly adjacency: Adjacency;
  readonly options: ResolvedNetworkOptions;
  /** Where the network was read from: a path asks it for the text of the paragraphs it shows. */
  readonly source: NetworkSource;
  readonly #positions: ReadonlyMap<number, number>;
  #graph: NetworkGraph | undefined;
  #metrics: NetworkMetrics | undefined;

  /** `positions` maps each entity id to its place in `nodes`. */
  constructor(nodes: readonly NetworkNode[], positions: ReadonlyMap<number, number>, edges: readonly NetworkEdge[], adjacency: Adjacency, options: ResolvedNetworkOptions, source: NetworkSource) {
    this.source = source;
    this.nodes = nodes;
    this.#positions = positions;
    this.edges = edges;
    this.adjacency = adjacency;
    this.options = options;
  }

  /** The network as a graphology graph, made on first use. */
  get graph(): NetworkGraph {
    if (!this.#graph) {
      const graph: NetworkGraph = new UndirectedGraph({ allowSelfLoops: false, multi: false });
      for (const node of this.nodes) graph.addNode(String(node.id), node);
      for (const edge of this.edges) graph.addEdgeWithKey(`${edge.source}-${edge.target}`, String(edge.source), String(edge.target), edge);
      this.#graph = graph;
    }
    return this.#graph;
  }

  /** Computed on first use: a path query never pays for PageRank, Louvain or betweenness. */
  get metrics(): NetworkMetrics {
    if (!this.#metrics) {
      const centrality = measureCentrality(this);
      this.#metrics = { centrality, communities: detectCommunities(this, centrality.pagerank) };
    }
    return this.#metrics;
  }

  /** Where an entity is in `nodes`, or undefined when it takes part in no link. */
  position(id: number): number | undefined {
    return this.#positions.get(id);
  }

  /** The entity behind a node, or undefined when the entity takes part in no link. */
  entity(id: number): EntityRef | undefined {
    const position = this.#positions.get(id);
    if (position === undefined) return undefined;
    const { type, name } = this.nodes[position]!;
    return { id, type, name };
  }

  /** The edge between two entities, either way round, or undefined when they are not linked. */
  edge(a: number, b: number): NetworkEdge | undefined {
    const from = this.#positions.get(a);
    const to = this.#positions.get(b);
    if (from === undefined || to === undefined) return undefined;
    const { offsets, neighbours, edges } = this.adjacency;
    // Neighbours are ascending: a binary search finds the entry.
    let low = offsets[from]!;
    let high = offsets[from + 1]! - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const neighbour = neighbours[middle]!;
      if (neighbour === to) return this.edges[edges[middle]!];
      if (neighbour < to) low = middle + 1;
      else high = middle - 1;
    }
    return undefined;
  }
}

const KIND_ORDER: ReadonlyMap<EdgeKind, number> = new Map(EDGE_KINDS.map((kind, index) => [kind, index]));

/**
 * Builds the network from the store's entities and links.
 *
 * Links whose ends are not among the entities, and links of an entity with
 * itself, are left out. Entities and edges are laid out in id order whatever
 * order the store gives them in, so that Louvain, which visits nodes in order,
 * finds the same communities on every run.
 *
 * @example
 * const network = buildNetwork(store.relations);
 * network.nodes.length; // entities in the network
 * networkView(network, { types: ["person"], limit: 100 });
 */
export function buildNetwork(source: NetworkSource, options: NetworkOptions = {}): Network {
  const resolved: ResolvedNetworkOptions = { seed: options.seed ?? 20261123, betweennessPivots: options.betweennessPivots ?? 500 };
  const nodes: NetworkNode[] = [...source.networkEntities()].map(({ id, type, name, mentions }) => ({ id, type, name, mentions })).sort((a, b) => a.id - b.id);
  const positions = new Map<number, number>();
  nodes.forEach((node, index) => positions.set(node.id, index));
  const links: NetworkLink[] = [];
  const lows: number[] = [];
  const highs: number[] = [];
  for (const link of source.networkLinks()) {
    const a = positions.get(link.source);
    const b = positions.get(link.target);
    if (a === undefined || b === undefined || a === b) continue;
    links.push(link);
    lows.push(Math.min(a, b));
    highs.push(Math.max(a, b));
  }

  // Links in pair order, so that each edge's links lie together: two counting sorts, linear where a map of pairs is not.
  const order = orderByPair(Int32Array.from(lows), Int32Array.from(highs), nodes.length);
  const edges: NetworkEdge[] = [];
  const ends: number[] = [];
  const stated: number[] = [];
  // Edges share one list per combination of kinds: there are few combinations and 100,000s of edges.
  const kindLists = new Map<number, EdgeKind[]>();
  for (let start = 0; start < order.length; ) {
    const low = lows[order[start]!]!;
    const high = highs[order[start]!]!;
    let end = start + 1;
    while (end < order.length && lows[order[end]!] === low && highs[order[end]!] === high) end++;
    const group: NetworkLink[] = [];
    for (let i = start; i < end; i++) group.push(links[order[i]!]!);
    const edge = aggregate(nodes[low]!.id, nodes[high]!.id, group, kindLists);
    edges.push(edge);
    ends.push(low, high);
    stated.push(edge.relations > 0 ? 1 : 0);
    start = end;
  }
  return new Network(nodes, positions, edges, buildAdjacency(nodes.length, Int32Array.from(ends), Uint8Array.from(stated)), resolved, source);
}

/** Indices of the links sorted by lower end, then higher end: a stable counting sort on each, the second key first. */
function orderByPair(lows: Int32Array, highs: Int32Array, nodeCount: number): Int32Array {
  const byKey = (keys: Int32Array, input: Int32Array): Int32Array => {
    const starts = new Int32Array(nodeCount + 1);
    for (const index of input) starts[keys[index]! + 1]!++;
    for (let i = 0; i < nodeCount; i++) starts[i + 1]! += starts[i]!;
    const output = new Int32Array(input.length);
    for (const index of input) output[starts[keys[index]!]!++] = index;
    return output;
  };
  return byKey(lows, byKey(highs, Int32Array.from(lows.keys())));
}

/**
 * Counts each relation once however many of its participant pairs the store
 * links, and each paragraph once: after sorting, a repeat is next to the
 * link it repeats.
 */
function aggregate(source: number, target: number, links: NetworkLink[], kindLists: Map<number, EdgeKind[]>): NetworkEdge {
  if (links.length > 1) {
    links.sort(compareLinks);
    links = links.filter((link, index) => index === 0 || compareLinks(links[index - 1]!, link) !== 0);
  }
  let kindMask = 0;
  let relations = 0;
  for (const link of links) {
    kindMask |= 1 << KIND_ORDER.get(link.kind)!;
    if (link.kind !== "co-occurrence") relations++;
  }
  const cooccurrences = links.length - relations;
  let kinds = kindLists.get(kindMask);
  if (!kinds) kindLists.set(kindMask, (kinds = EDGE_KINDS.filter((_, index) => kindMask & (1 << index))));
  return {
    source,
    target,
    kinds,
    relations,
    cooccurrences,
    weight: relations * RELATION_WEIGHT + cooccurrences * CO_OCCURRENCE_WEIGHT,
    links,
  };
}

/** Stated relations before co-occurrences; then by relation id, or by document and position. Equal for a repeated link. */
function compareLinks(a: NetworkLink, b: NetworkLink): number {
  const aStated = a.kind !== "co-occurrence";
  const bStated = b.kind !== "co-occurrence";
  if (aStated !== bStated) return aStated ? -1 : 1;
  if (aStated) return (a.relationId ?? 0) - (b.relationId ?? 0);
  return a.documentId - b.documentId || a.evidence.start - b.evidence.start;
}
