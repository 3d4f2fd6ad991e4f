/**
 * The network as flat arrays, for what walks it over and over (a
 * breadth-first search per entity for betweenness, Dijkstra for evidence
 * paths): positions instead of string keys, neighbours in one typed array.
 * Graphology's keyed objects suit PageRank and Louvain, and are many times
 * slower to build and to walk.
 */

export interface Adjacency {
  /** The neighbours of the node at position p are `neighbours[offsets[p]]` up to `neighbours[offsets[p + 1]]`. */
  offsets: Int32Array;
  neighbours: Int32Array;
  /** For each neighbour entry, the index of the edge in the network's edge list. */
  edges: Int32Array;
  /** For each neighbour entry, 1 where the edge rests on at least one stated relation, 0 where only on shared paragraphs. */
  stated: Uint8Array;
}

/**
 * Lays out `nodeCount` nodes and the edges whose ends are `ends[2k]` and
 * `ends[2k + 1]` (positions). Given edges sorted by their lower end, then their
 * higher, every node's neighbours come out ascending.
 */
export function buildAdjacency(nodeCount: number, ends: Int32Array, stated: Uint8Array): Adjacency {
  const offsets = new Int32Array(nodeCount + 1);
  for (const end of ends) offsets[end + 1]!++;
  for (let i = 0; i < nodeCount; i++) offsets[i + 1]! += offsets[i]!;
  const neighbours = new Int32Array(ends.length);
  const edges = new Int32Array(ends.length);
  const entryStated = new Uint8Array(ends.length);
  const filled = offsets.slice(0, nodeCount);
  const place = (from: number, to: number, edge: number): void => {
    const entry = filled[from]!++;
    neighbours[entry] = to;
    edges[entry] = edge;
    entryStated[entry] = stated[edge]!;
  };
  for (let edge = 0; edge < ends.length / 2; edge++) {
    place(ends[2 * edge]!, ends[2 * edge + 1]!, edge);
    place(ends[2 * edge + 1]!, ends[2 * edge]!, edge);
  }
  return { offsets, neighbours, edges, stated: entryStated };
}
