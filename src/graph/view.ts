/**
 * Windows onto the network: the filtered view a browser draws or a script
 * reads, and entities ranked by a centrality. Measures are always those of the
 * whole network; a filter chooses what to show, never what is measured, so an
 * entity's PageRank does not change with the filter a reporter picked.
 */
import type { EntityType } from "../model/entity.js";
import type { Centrality, EdgeKind, GraphEdge, GraphNode, NetworkView } from "../model/network.js";
import type { Network } from "./network.js";

export interface NetworkViewOptions {
  /** Only entities of these types. */
  types?: readonly EntityType[];
  /** Only edges with at least one link of these kinds; entities left without an edge drop out. */
  kinds?: readonly EdgeKind[];
  /** Only the members of this community. */
  community?: number;
  /** Only edges of at least this weight; entities left without an edge drop out. */
  minWeight?: number;
  /** At most this many entities, the highest-PageRank ones; the rest are counted in `omittedNodes`. */
  limit?: number;
}

/**
 * The network as the CLI's `--json` and the HTTP API show it: nodes by
 * PageRank, highest first; edges between the nodes kept; the communities those
 * nodes belong to, with their whole-network sizes.
 *
 * @example
 * networkView(network, { types: ["person", "organization"], kinds: ["payment"], limit: 50 });
 */
export function networkView(network: Network, options: NetworkViewOptions = {}): NetworkView {
  const types = options.types && new Set(options.types);
  const kinds = options.kinds && new Set(options.kinds);
  const minWeight = options.minWeight ?? 0;
  const edgeFiltered = kinds !== undefined || minWeight > 0;
  const { membership } = network.metrics.communities;

  const candidates = new Set<number>();
  for (const node of network.nodes) {
    if (types && !types.has(node.type)) continue;
    if (options.community !== undefined && membership.get(node.id) !== options.community) continue;
    candidates.add(node.id);
  }
  const edges: GraphEdge[] = [];
  const linked = new Set<number>();
  for (const { source, target, kinds: edgeKinds, relations, cooccurrences, weight } of network.edges) {
    if (!candidates.has(source) || !candidates.has(target)) continue;
    if (weight < minWeight) continue;
    if (kinds && !edgeKinds.some((kind) => kinds.has(kind))) continue;
    linked.add(source).add(target);
    edges.push({ source, target, kinds: [...edgeKinds], relations, cooccurrences, weight });
  }

  const shown = [...candidates].filter((id) => !edgeFiltered || linked.has(id)).map((id) => graphNode(network, id));
  shown.sort(byScore("pagerank"));
  const nodes = options.limit === undefined ? shown : shown.slice(0, options.limit);
  const kept = new Set(nodes.map((node) => node.id));
  const communityIds = new Set(nodes.map((node) => node.community));
  return {
    nodes,
    edges: kept.size === shown.length ? edges : edges.filter((edge) => kept.has(edge.source) && kept.has(edge.target)),
    communities: network.metrics.communities.communities.filter((community) => communityIds.has(community.id)),
    omittedNodes: shown.length - nodes.length,
  };
}

export interface RankOptions {
  by: Centrality;
  types?: readonly EntityType[];
  /** Default 20. */
  limit?: number;
}

/**
 * Entities ranked by one centrality, highest first (ties by id), each with all
 * three scores and its community.
 *
 * @example
 * rankEntities(network, { by: "betweenness", types: ["person"], limit: 10 });
 */
export function rankEntities(network: Network, options: RankOptions): GraphNode[] {
  const types = options.types && new Set(options.types);
  const nodes = network.nodes.filter((node) => !types || types.has(node.type)).map((node) => graphNode(network, node.id));
  return nodes.sort(byScore(options.by)).slice(0, options.limit ?? 20);
}

function graphNode(network: Network, id: number): GraphNode {
  const { type, name, mentions } = network.nodes[network.position(id)!]!;
  const { centrality, communities } = network.metrics;
  return {
    id,
    type,
    name,
    mentions,
    degree: centrality.degree.get(id) ?? 0,
    pagerank: centrality.pagerank.get(id) ?? 0,
    betweenness: centrality.betweenness.get(id) ?? 0,
    community: communities.membership.get(id) ?? 0,
  };
}

function byScore(centrality: Centrality): (a: GraphNode, b: GraphNode) => number {
  return (a, b) => b[centrality] - a[centrality] || a.id - b.id;
}
