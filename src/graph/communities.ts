/**
 * Groups of entities more linked among themselves than with the rest: a
 * network of informants around one handler, a ministry and its contractors.
 * Louvain on the edge weights, with a seeded generator so that the same
 * archive gives the same groups, numbered by size so that community 0 is
 * always the largest.
 */
import * as louvainModule from "graphology-communities-louvain";
import { seededRandom } from "../extract/ner/training/seeded-random.js";
import type { Community } from "../model/network.js";
import type { Network } from "./network.js";

// A CommonJS package typed as an ES module: Node hands over `module.exports` itself as the default.
const louvain = louvainModule.default as unknown as typeof louvainModule.default.default;

export interface CommunityAssignment {
  /** Entity id → community id. */
  membership: Map<number, number>;
  /** Largest first; ties go to the community holding the lowest entity id. */
  communities: Community[];
  /** Louvain's modularity for the partition, −0.5 to 1: how much more the groups link inside than chance would. */
  modularity: number;
}

/** Members shown in a community's label. */
const LABEL_MEMBERS = 3;

export function detectCommunities(network: Network, pagerank: ReadonlyMap<number, number>): CommunityAssignment {
  if (network.nodes.length === 0) return { membership: new Map(), communities: [], modularity: 0 };
  const detailed = louvain.detailed(network.graph, { getEdgeWeight: "weight", rng: seededRandom(network.options.seed) });
  const groups = new Map<number, number[]>();
  for (const { id } of network.nodes) {
    const found = detailed.communities[String(id)]!;
    const members = groups.get(found);
    if (members) members.push(id);
    else groups.set(found, [id]);
  }
  const ordered = [...groups.values()]
    .map((members) => members.sort((a, b) => a - b))
    .sort((a, b) => b.length - a.length || a[0]! - b[0]!);

  const membership = new Map<number, number>();
  const communities = ordered.map((members, id): Community => {
    for (const member of members) membership.set(member, id);
    const leaders = [...members].sort((a, b) => (pagerank.get(b) ?? 0) - (pagerank.get(a) ?? 0) || a - b).slice(0, LABEL_MEMBERS);
    return { id, size: members.length, label: leaders.map((member) => network.entity(member)!.name).join(", ") };
  });
  return { membership, communities, modularity: detailed.modularity };
}
