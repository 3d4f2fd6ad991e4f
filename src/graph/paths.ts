/**
 * How two entities are connected, with the evidence for every step: the
 * chain a reporter can check sentence by sentence before writing "A is linked
 * to B through C".
 *
 * The path is the cheapest by Dijkstra, where a step the text states (a
 * meeting, a payment) costs 1 and a step resting only on two names in one
 * paragraph costs 3, mirroring the weights: two stated steps are a better
 * account of a link than one shared paragraph. Among paths of equal cost the
 * one through lower entity ids wins, so the same archive gives the same path.
 */
import type { EntityRef, EvidencePath, PathHop } from "../model/network.js";
import type { Adjacency } from "./adjacency.js";
import type { Network } from "./network.js";

export const RELATION_COST = 1;
export const CO_OCCURRENCE_COST = 3;

/**
 * The evidence path from one entity to another: `hops` is null when no chain
 * of links joins them (or when either takes part in no link), and empty from
 * an entity of the network to itself. Each hop carries its best evidence: the
 * lowest-numbered stated relation between the two, else the first paragraph
 * naming both.
 *
 * @example
 * const path = evidencePath(network, soleimani, zubaidi);
 * for (const hop of path.hops ?? []) console.log(`${hop.from.name} —${hop.kind}→ ${hop.to.name}: ${hop.evidence.text}`);
 */
export function evidencePath(network: Network, from: EntityRef, to: EntityRef): EvidencePath {
  const source = network.position(from.id);
  const target = network.position(to.id);
  if (source === undefined || target === undefined) return { from, to, hops: null };
  const steps = cheapestPath(network.adjacency, source, target);
  if (!steps) return { from, to, hops: null };
  const hops: PathHop[] = steps.map(({ position, edge }, index) => {
    const a = network.nodes[index === 0 ? source : steps[index - 1]!.position]!.id;
    const b = network.nodes[position]!.id;
    const [link] = network.edges[edge]!.links;
    return {
      from: network.entity(a)!,
      to: network.entity(b)!,
      kind: link!.kind,
      relationId: link!.relationId,
      documentId: link!.documentId,
      documentTitle: link!.documentTitle,
      evidence: network.source.linkEvidence(link!),
    };
  });
  return { from, to, hops };
}

/**
 * Dijkstra from `source`, stopping when `target` is settled: each step after
 * the source, as the node reached and the edge taken. The queue holds
 * `distance × n + position` as one number, so that equal distances come out
 * lowest position first without a comparator.
 */
function cheapestPath({ offsets, neighbours, edges, stated }: Adjacency, source: number, target: number): Array<{ position: number; edge: number }> | null {
  const n = offsets.length - 1;
  const distance = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const previous = new Int32Array(n).fill(-1);
  const through = new Int32Array(n).fill(-1);
  const queue = new MinHeap();
  distance[source] = 0;
  queue.push(source);
  while (queue.size > 0) {
    const entry = queue.pop();
    const v = entry % n;
    const d = (entry - v) / n;
    if (d > distance[v]!) continue;
    if (v === target) break;
    for (let j = offsets[v]!; j < offsets[v + 1]!; j++) {
      const w = neighbours[j]!;
      const candidate = d + (stated[j] ? RELATION_COST : CO_OCCURRENCE_COST);
      if (candidate < distance[w]!) {
        distance[w] = candidate;
        previous[w] = v;
        through[w] = edges[j]!;
        queue.push(candidate * n + w);
      }
    }
  }
  if (distance[target] === Number.POSITIVE_INFINITY) return null;
  const steps: Array<{ position: number; edge: number }> = [];
  for (let v = target; v !== source; v = previous[v]!) steps.push({ position: v, edge: through[v]! });
  return steps.reverse();
}

/** A binary min-heap of numbers. */
class MinHeap {
  readonly #items: number[] = [];

  get size(): number {
    return this.#items.length;
  }

  push(value: number): void {
    const items = this.#items;
    let i = items.push(value) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (items[parent]! <= value) break;
      items[i] = items[parent]!;
      i = parent;
    }
    items[i] = value;
  }

  pop(): number {
    const items = this.#items;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length > 0) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= items.length) break;
        const child = left + 1 < items.length && items[left + 1]! < items[left]! ? left + 1 : left;
        if (items[child]! >= last) break;
        items[i] = items[child]!;
        i = child;
      }
      items[i] = last;
    }
    return top;
  }
}
