/**
 * Who matters in the network, three ways: degree (how many others an entity
 * is linked to), weighted PageRank (linked to by those who are themselves well
 * linked, stated relations counting three times a shared paragraph) and
 * betweenness (how often it lies on the shortest chain between two others: the
 * go-between, the handler, the bank).
 *
 * Betweenness counts hops, not weights: a go-between is a go-between whether
 * the text states the link or only names both in one paragraph.
 */
import * as pagerankModule from "graphology-metrics/centrality/pagerank.js";
import { seededRandom } from "../extract/ner/training/seeded-random.js";
import type { Adjacency } from "./adjacency.js";
import type { Network, NetworkGraph } from "./network.js";

// A CommonJS package typed as an ES module: Node hands over `module.exports`, the function itself, as the default.
const pagerank = pagerankModule.default as unknown as typeof pagerankModule.default.default;

export interface CentralityScores {
  /** Entities linked to each entity. */
  degree: Map<number, number>;
  /** Weighted PageRank, summing to 1 over the network. */
  pagerank: Map<number, number>;
  /** Normalised to 0–1: the share of shortest paths between other pairs that pass through the entity. */
  betweenness: Map<number, number>;
  /** Null when betweenness is exact; otherwise how many source entities the estimate was drawn from. */
  betweennessPivots: number | null;
}

export function measureCentrality(network: Network): CentralityScores {
  const { offsets } = network.adjacency;
  const betweenness = betweennessCentrality(network.adjacency, network.options.betweennessPivots, network.options.seed);
  const degree = new Map<number, number>();
  const byId = new Map<number, number>();
  network.nodes.forEach((node, position) => {
    degree.set(node.id, offsets[position + 1]! - offsets[position]!);
    byId.set(node.id, betweenness.scores[position]!);
  });
  return { degree, pagerank: weightedPagerank(network.graph), betweenness: byId, betweennessPivots: betweenness.pivots };
}

export function weightedPagerank(graph: NetworkGraph): Map<number, number> {
  const scores = new Map<number, number>();
  if (graph.order === 0) return scores;
  // graphology stops with an error rather than return an unconverged ranking; the damping makes 1,000 rounds ample.
  const ranks = pagerank(graph, { getEdgeWeight: "weight", maxIterations: 1000 });
  graph.forEachNode((key, attributes) => scores.set(attributes.id, ranks[key] ?? 0));
  return scores;
}

/**
 * Betweenness by position: Brandes' algorithm over the flat adjacency arrays,
 * from every node when the network has at most `pivotLimit` nodes, else from
 * `pivotLimit` nodes drawn with a seeded generator and scaled up by
 * n / pivots (Brandes & Pich, 2007). Normalised as for undirected graphs: by
 * (n − 1)(n − 2), the most any node can lie between.
 */
export function betweennessCentrality({ offsets, neighbours }: Adjacency, pivotLimit: number, seed: number): { scores: Float64Array; pivots: number | null } {
  const n = offsets.length - 1;
  const sampled = n > pivotLimit;
  const sources = sampled ? drawPivots(n, pivotLimit, seed) : Int32Array.from({ length: n }, (_, i) => i);
  const totals = new Float64Array(n);
  const distance = new Int32Array(n).fill(-1);
  const paths = new Float64Array(n);
  const dependency = new Float64Array(n);
  const order = new Int32Array(n);
  for (const source of sources) {
    let head = 0;
    let tail = 0;
    order[tail++] = source;
    distance[source] = 0;
    paths[source] = 1;
    while (head < tail) {
      const v = order[head++]!;
      for (let j = offsets[v]!; j < offsets[v + 1]!; j++) {
        const w = neighbours[j]!;
        if (distance[w] === -1) {
          distance[w] = distance[v]! + 1;
          order[tail++] = w;
        }
        if (distance[w] === distance[v]! + 1) paths[w]! += paths[v]!;
      }
    }
    // The breadth-first order, read backwards, is the order in which dependencies are complete.
    for (let i = tail - 1; i > 0; i--) {
      const w = order[i]!;
      const share = (1 + dependency[w]!) / paths[w]!;
      for (let j = offsets[w]!; j < offsets[w + 1]!; j++) {
        const v = neighbours[j]!;
        if (distance[v] === distance[w]! - 1) dependency[v]! += paths[v]! * share;
      }
      totals[w]! += dependency[w]!;
    }
    for (let i = 0; i < tail; i++) {
      const v = order[i]!;
      distance[v] = -1;
      paths[v] = 0;
      dependency[v] = 0;
    }
  }

  const scale = (n <= 2 ? 0 : 1 / ((n - 1) * (n - 2))) * (sampled ? n / sources.length : 1);
  const scores = totals.map((total) => Math.min(1, total * scale));
  return { scores, pivots: sampled ? sources.length : null };
}

function drawPivots(n: number, count: number, seed: number): Int32Array {
  const random = seededRandom(seed);
  const all = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (n - i));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all.slice(0, count);
}
