/**
 * The graph suite. It generates a network the way a large leak would give
 * one, from a fixed seed so every run measures the same graph: entities in
 * groups (a ministry, a station and its sources), stated relations and
 * shared paragraphs drawn with a heavy-tailed activity per entity (a few
 * people are in everything), most links inside a group. Then it times what
 * the CLI and the API do with it, with Trove's own code:
 *
 * - building the network from the store's entities and links (in memory: the
 *   store's own SQLite read is not part of this figure);
 * - PageRank, Louvain and betweenness (exact is one breadth-first search per
 *   entity, so on the whole network it is sampled as Trove samples it, and
 *   exact only on a subgraph, where graphology's exact betweenness runs beside
 *   it as a peer);
 * - evidence paths between random pairs, beside graphology's unweighted
 *   bidirectional BFS on the same graph and pairs, with how many hops of each
 *   rest on stated relations;
 * - a cold query as the CLI runs it: build, then one path;
 * - the view a browser asks for, and every export format rendered in memory.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import * as betweennessModule from "graphology-metrics/centrality/betweenness.js";
import { bidirectional as unweightedPath } from "graphology-shortest-path/unweighted.js";
import { seededRandom } from "../src/extract/ner/training/seeded-random.js";
import { betweennessCentrality, weightedPagerank } from "../src/graph/centrality.js";
import { detectCommunities } from "../src/graph/communities.js";
import { csvFiles } from "../src/graph/export/csv.js";
import { gexf } from "../src/graph/export/gexf.js";
import { graphml } from "../src/graph/export/graphml.js";
import { neo4jFiles } from "../src/graph/export/neo4j.js";
import { buildNetwork, type Network, type NetworkSource } from "../src/graph/network.js";
import { evidencePath } from "../src/graph/paths.js";
import { networkView, rankEntities } from "../src/graph/view.js";
import type { EntityType } from "../src/model/entity.js";
import type { EntityRef } from "../src/model/network.js";
import type { RelationType } from "../src/model/relation.js";
import type { CoOccurrenceToSave, NetworkLink, RelationToSave } from "../src/store/relation-store.js";
import { SqliteStore } from "../src/store/sqlite/sqlite-store.js";
import type { SuiteResult, Table } from "./report.js";
import { MB, now, round, settledHeapUsed, summarise, type Summary } from "./stats.js";

const graphologyBetweenness = betweennessModule.default as unknown as typeof betweennessModule.default.default;

export interface GraphSuiteOptions {
  entities: number;
  relationLinks: number;
  coOccurrenceLinks: number;
  /** Random pairs for path queries. */
  pairs: number;
  /** Builds (and cold queries) timed; the median is reported. */
  builds: number;
  /** Entities in the subgraph where exact betweenness is timed against graphology's. */
  exactSubgraph: number;
  seed: number;
}

export const GRAPH_DEFAULTS: GraphSuiteOptions = { entities: 20_000, relationLinks: 100_000, coOccurrenceLinks: 100_000, pairs: 50, builds: 5, exactSubgraph: 2_000, seed: 20261123 };
export const GRAPH_QUICK: GraphSuiteOptions = { entities: 2_000, relationLinks: 10_000, coOccurrenceLinks: 10_000, pairs: 20, builds: 2, exactSubgraph: 500, seed: 20261123 };

/** The target: a graph of 100,000 relations builds and answers a path query within this. */
const TARGET_COLD_QUERY_MS = 1000;
const ENTITIES_PER_GROUP = 100;
const IN_GROUP_RELATIONS = 0.8;
const IN_GROUP_COOCCURRENCES = 0.9;
/** Activity of the entity ranked r is r^-ACTIVITY_EXPONENT: a heavy tail of very active entities. */
const ACTIVITY_EXPONENT = 0.8;
const RELATION_MIX: ReadonlyArray<[RelationType, number]> = [["meeting", 0.35], ["payment", 0.2], ["affiliation", 0.2], ["reporting", 0.15], ["recruitment", 0.05], ["restriction", 0.05]];
const LINKS_PER_DOCUMENT = 5;
const PATH_WARMUPS = 5;
/** Source nodes the sampled-accuracy check draws on the exact subgraph. */
const ACCURACY_PIVOTS = 200;
const TOP_COMPARED = 20;

interface SyntheticNetwork {
  source: NetworkSource;
  entities: Array<EntityRef & { mentions: number }>;
}

/** The same network for the same options, every run. */
export function syntheticNetwork(options: GraphSuiteOptions): SyntheticNetwork {
  const random = seededRandom(options.seed);
  const n = options.entities;
  const types: EntityType[] = ["person", "person", "person", "person", "person", "person", "person", "person", "person", "person", "person", "person", "organization", "organization", "organization", "organization", "organization", "place", "place", "source"];
  const groups = Math.max(1, Math.round(n / ENTITIES_PER_GROUP));
  const groupOf = new Int32Array(n);
  const activity = new Float64Array(n);
  const ranks = Array.from({ length: n }, (_, i) => i + 1);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [ranks[i], ranks[j]] = [ranks[j]!, ranks[i]!];
  }
  const members: number[][] = Array.from({ length: groups }, () => []);
  for (let i = 0; i < n; i++) {
    groupOf[i] = Math.floor(random() * groups);
    activity[i] = ranks[i]! ** -ACTIVITY_EXPONENT;
    members[groupOf[i]!]!.push(i);
  }
  const everyone = sampler(Array.from({ length: n }, (_, i) => i), activity, random);
  const byGroup = members.map((group) => sampler(group, activity, random));

  const entities = Array.from({ length: n }, (_, i) => {
    const type = types[i % types.length]!;
    return { id: i + 1, type, name: `${type} ${i + 1}`, mentions: 1 + Math.round(activity[i]! * 500) };
  });
  const links: NetworkLink[] = [];
  const draw = (inGroup: number): [number, number] => {
    for (;;) {
      const a = everyone();
      const b = random() < inGroup ? byGroup[groupOf[a]!]!() : everyone();
      if (a !== b) return [a + 1, b + 1];
    }
  };
  const cumulativeMix = RELATION_MIX.map((_, index) => RELATION_MIX.slice(0, index + 1).reduce((sum, [, share]) => sum + share, 0));
  for (let i = 0; i < options.relationLinks; i++) {
    const [a, b] = draw(IN_GROUP_RELATIONS);
    const pick = random();
    const kind = RELATION_MIX[Math.min(RELATION_MIX.length - 1, cumulativeMix.findIndex((bound) => pick < bound))]![0];
    const documentId = Math.floor(i / LINKS_PER_DOCUMENT) + 1;
    const text = `Report ${documentId}: ${kind} between ${entities[a - 1]!.name} and ${entities[b - 1]!.name}.`;
    links.push({ source: a, target: b, kind, relationId: i + 1, documentId, documentTitle: `Report ${documentId}`, evidence: { start: 0, end: text.length, text } });
  }
  for (let i = 0; i < options.coOccurrenceLinks; i++) {
    const [a, b] = draw(IN_GROUP_COOCCURRENCES);
    const documentId = Math.floor(i / LINKS_PER_DOCUMENT) + 1;
    const text = `Paragraph ${i} of report ${documentId} names ${entities[a - 1]!.name} and ${entities[b - 1]!.name}.`;
    links.push({ source: a, target: b, kind: "co-occurrence", relationId: null, documentId, documentTitle: `Report ${documentId}`, evidence: { start: i * 200, end: i * 200 + text.length, text } });
  }
  // Every synthetic link carries its text, as a relation's does.
  return { entities, source: { networkEntities: () => entities, networkLinks: () => links, linkEvidence: ({ evidence }) => ({ ...evidence, text: evidence.text ?? "" }) } };
}

/** Draws from `items` with probability proportional to their activity. */
function sampler(items: readonly number[], activity: Float64Array, random: () => number): () => number {
  const cumulative = new Float64Array(items.length);
  let total = 0;
  items.forEach((item, index) => (cumulative[index] = total += activity[item]!));
  return () => {
    const target = random() * total;
    let low = 0;
    let high = items.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return items[low]!;
  };
}

function timeIt<T>(work: () => T): { result: T; ms: number } {
  const start = now();
  const result = work();
  return { result, ms: now() - start };
}

function median(values: readonly number[]): number {
  return summarise(values).p50;
}

/**
 * The network of the first `size` entities a breadth-first walk from the
 * best-linked one reaches, and the links among them: a connected piece of the
 * whole, built as Trove builds any network.
 */
function connectedPiece(network: Network, source: NetworkSource, size: number): Network {
  const { offsets, neighbours } = network.adjacency;
  let start = 0;
  for (let p = 1; p < network.nodes.length; p++) if (offsets[p + 1]! - offsets[p]! > offsets[start + 1]! - offsets[start]!) start = p;
  const kept = new Set([start]);
  const queue = [start];
  for (let head = 0; head < queue.length && kept.size < size; head++) {
    const v = queue[head]!;
    for (let j = offsets[v]!; j < offsets[v + 1]! && kept.size < size; j++) {
      if (kept.has(neighbours[j]!)) continue;
      kept.add(neighbours[j]!);
      queue.push(neighbours[j]!);
    }
  }
  const ids = new Set([...kept].map((position) => network.nodes[position]!.id));
  return buildNetwork({
    networkEntities: () => [...source.networkEntities()].filter((entity) => ids.has(entity.id)),
    networkLinks: () => [...source.networkLinks()].filter((link) => ids.has(link.source) && ids.has(link.target)),
    linkEvidence: (link) => source.linkEvidence(link),
  });
}

interface PathRecord {
  times: number[];
  hops: number[];
  statedHops: number;
  totalHops: number;
  unreachable: number;
}

function stated(network: Network, a: string, b: string): boolean {
  return network.edge(Number(a), Number(b))!.relations > 0;
}

export function runGraphSuite(options: GraphSuiteOptions): SuiteResult {
  const startedAt = new Date().toISOString();
  const loadAtStart = os.loadavg()[0]!;
  log(`graph: generating ${options.entities.toLocaleString("en-US")} entities, ${options.relationLinks.toLocaleString("en-US")} relation links, ${options.coOccurrenceLinks.toLocaleString("en-US")} co-occurrence links`);
  const generated = timeIt(() => syntheticNetwork(options));
  const { source } = generated.result;
  const heapBefore = settledHeapUsed();

  const builds: number[] = [];
  let network: Network | undefined;
  for (let i = 0; i < options.builds; i++) {
    // The previous network is dropped first, so that every build starts from the same heap.
    network = undefined;
    const built = timeIt(() => buildNetwork(source, { seed: options.seed }));
    builds.push(built.ms);
    network = built.result;
  }
  const heapAfterBuild = settledHeapUsed();
  const nodeCount = network!.nodes.length;
  const edgeCount = network!.edges.length;
  log(`graph: ${nodeCount.toLocaleString("en-US")} nodes, ${edgeCount.toLocaleString("en-US")} edges, built in ${round(median(builds))} ms (median of ${options.builds})`);
  const graphology = timeIt(() => network!.graph);
  const graph = graphology.result;

  const random = seededRandom(options.seed + 1);
  const keys = network!.nodes.map((node) => String(node.id));
  const pairs = Array.from({ length: options.pairs + PATH_WARMUPS }, () => [keys[Math.floor(random() * keys.length)]!, keys[Math.floor(random() * keys.length)]!] as const);
  const ref = (key: string): EntityRef => network!.entity(Number(key))!;

  const evidence: PathRecord = { times: [], hops: [], statedHops: 0, totalHops: 0, unreachable: 0 };
  const breadthFirst: PathRecord = { times: [], hops: [], statedHops: 0, totalHops: 0, unreachable: 0 };
  for (const [index, [a, b]] of pairs.entries()) {
    const warm = index < PATH_WARMUPS;
    const found = timeIt(() => evidencePath(network!, ref(a), ref(b)));
    const plain = timeIt(() => unweightedPath(graph, a, b));
    if (warm) continue;
    evidence.times.push(found.ms);
    breadthFirst.times.push(plain.ms);
    const hops = found.result.hops;
    if (hops === null) evidence.unreachable++;
    else {
      evidence.hops.push(hops.length);
      evidence.totalHops += hops.length;
      evidence.statedHops += hops.filter((hop) => hop.kind !== "co-occurrence").length;
    }
    const nodes = plain.result;
    if (nodes === null) breadthFirst.unreachable++;
    else {
      breadthFirst.hops.push(nodes.length - 1);
      breadthFirst.totalHops += nodes.length - 1;
      for (let i = 1; i < nodes.length; i++) if (stated(network!, nodes[i - 1]!, nodes[i]!)) breadthFirst.statedHops++;
    }
  }
  log(`graph: ${options.pairs} path queries, evidence p50 ${round(median(evidence.times))} ms, BFS p50 ${round(median(breadthFirst.times))} ms`);

  const cold: number[] = [];
  for (let i = 0; i < options.builds; i++) {
    const [a, b] = pairs[PATH_WARMUPS + i]!;
    cold.push(
      timeIt(() => {
        const fresh = buildNetwork(source, { seed: options.seed });
        return evidencePath(fresh, fresh.entity(Number(a))!, fresh.entity(Number(b))!);
      }).ms,
    );
  }

  const pagerank = timeIt(() => weightedPagerank(graph));
  const louvain = timeIt(() => detectCommunities(network!, pagerank.result));
  const pivots = network!.options.betweennessPivots;
  const sampled = timeIt(() => betweennessCentrality(network!.adjacency, pivots, options.seed));
  const metrics = timeIt(() => network!.metrics);
  const view = timeIt(() => networkView(network!, { limit: 200 }));
  const ranking = timeIt(() => rankEntities(network!, { by: "pagerank", limit: 20 }));
  log(`graph: PageRank ${round(pagerank.ms)} ms, Louvain ${round(louvain.ms)} ms (${louvain.result.communities.length} communities), betweenness from ${pivots} sources ${round(sampled.ms)} ms`);

  const piece = connectedPiece(network!, source, options.exactSubgraph);
  const pieceGraph = piece.graph;
  const exact = timeIt(() => betweennessCentrality(piece.adjacency, Number.POSITIVE_INFINITY, options.seed));
  const peer = timeIt(() => graphologyBetweenness(pieceGraph, { getEdgeWeight: null, normalized: true }));
  const estimate = betweennessCentrality(piece.adjacency, ACCURACY_PIVOTS, options.seed);
  const maxDifference = Math.max(...piece.nodes.map((node, position) => Math.abs(exact.result.scores[position]! - peer.result[String(node.id)]!)));
  const top = (scores: Float64Array) => new Set([...scores.keys()].sort((a, b) => scores[b]! - scores[a]! || a - b).slice(0, TOP_COMPARED));
  const exactTop = top(exact.result.scores);
  const topOverlap = [...top(estimate.scores)].filter((position) => exactTop.has(position)).length;
  const projectedExactMs = (sampled.ms / pivots) * nodeCount;
  log(`graph: exact betweenness on ${piece.nodes.length} entities: Trove ${round(exact.ms)} ms, graphology ${round(peer.ms)} ms`);

  const fullView = networkView(network!);
  const exports = [
    ["gexf", () => [...gexf(fullView)]],
    ["graphml", () => [...graphml(fullView)]],
    ["csv", () => csvFiles(fullView).flatMap((file) => [...file.content])],
    ["neo4j", () => neo4jFiles(fullView).flatMap((file) => [...file.content])],
  ] as const;
  const exportTimes = exports.map(([format, render]) => {
    const rendered = timeIt(render);
    return { format, ms: rendered.ms, bytes: rendered.result.reduce((sum, chunk) => sum + Buffer.byteLength(chunk), 0) };
  });

  log("graph: writing the network into an SQLite archive");
  const archived = archiveColdQuery(generated.result, pairs.slice(PATH_WARMUPS, PATH_WARMUPS + options.builds), options);
  log(`graph: from the archive, read ${round(archived.readMs)} ms, cold query p50 ${round(archived.cold.p50)} ms`);

  const loadAtEnd = os.loadavg()[0]!;
  const evidenceSummary = summarise(evidence.times);
  const bfsSummary = summarise(breadthFirst.times);
  const coldSummary = summarise(cold);
  const buildSummary = summarise(builds);
  const sizes = `${nodeCount.toLocaleString("en-US")} entities, ${edgeCount.toLocaleString("en-US")} edges from ${options.relationLinks.toLocaleString("en-US")} relation and ${options.coOccurrenceLinks.toLocaleString("en-US")} co-occurrence links`;
  const mean = (values: readonly number[]) => (values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : Number.NaN);

  const tables: Table[] = [
    {
      title: `Graph: build and measure (${sizes})`,
      columns: ["operation", "ms", "runs", "notes"],
      rows: [
        ["build network", buildSummary.p50, options.builds, `min ${round(buildSummary.min)}, max ${round(buildSummary.max)}; heap +${round((heapAfterBuild - heapBefore) / MB, 1)} MB`],
        ["cold query: build + one evidence path", coldSummary.p50, options.builds, `target < ${TARGET_COLD_QUERY_MS} ms: ${coldSummary.max < TARGET_COLD_QUERY_MS ? "met on every run" : coldSummary.p50 < TARGET_COLD_QUERY_MS ? "met at the median" : "missed"}`],
        ["from an SQLite archive: read entities and links", archived.readMs, 1, `${archived.links.toLocaleString("en-US")} links through the store contract (${round(archived.archiveMb, 1)} MB archive)`],
        ["from an SQLite archive: read + build + one evidence path", archived.cold.p50, options.builds, `target < ${TARGET_COLD_QUERY_MS} ms: ${archived.cold.max < TARGET_COLD_QUERY_MS ? "met on every run" : archived.cold.p50 < TARGET_COLD_QUERY_MS ? "met at the median" : "missed"}`],
        ["graphology graph of the network, first use", graphology.ms, 1, "made for PageRank and Louvain; a path query does without"],
        ["weighted PageRank (graphology)", pagerank.ms, 1, ""],
        ["Louvain, seeded (graphology)", louvain.ms, 1, `${louvain.result.communities.length} communities, modularity ${round(louvain.result.modularity, 3)}`],
        [`betweenness, sampled from ${pivots} sources`, sampled.ms, 1, `exact on all would take ≈ ${round(projectedExactMs / 1000, 1)} s (projected from the time per source)`],
        ["all measures, first use (PageRank + Louvain + betweenness)", metrics.ms, 1, "what the first view or ranking pays"],
        ["view, 200 highest-PageRank entities", view.ms, 1, `${view.result.edges.length.toLocaleString("en-US")} edges among them`],
        ["rank top 20 by PageRank", ranking.ms, 1, ""],
      ],
      notes: [
        "The first rows build in memory from the store contract's shapes; the \"from an SQLite archive\" rows write the same network into a real archive first and read it back through the store.",
        `Load average (1 min) ${round(loadAtStart, 1)} at the start and ${round(loadAtEnd, 1)} at the end, on ${os.availableParallelism()} cores: other work on the machine slows every figure.`,
        `Generated in ${round(generated.ms)} ms from seed ${options.seed}: ${ENTITIES_PER_GROUP} entities a group, ${IN_GROUP_RELATIONS * 100}% of relations and ${IN_GROUP_COOCCURRENCES * 100}% of co-occurrences inside a group, activity ∝ rank^-${ACTIVITY_EXPONENT}.`,
      ],
    },
    {
      title: `Path queries: ${options.pairs} random pairs (after ${PATH_WARMUPS} warm-up)`,
      columns: ["engine", "p50 ms", "p95 ms", "mean ms", "ratio p50", "mean hops", "hops on stated relations", "no path"],
      rows: [
        ["Trove evidencePath (Dijkstra, relation 1 / co-occurrence 3, + evidence)", evidenceSummary.p50, evidenceSummary.p95, evidenceSummary.mean, evidenceSummary.p50 / bfsSummary.p50, mean(evidence.hops), share(evidence), evidence.unreachable],
        ["graphology unweighted bidirectional BFS", bfsSummary.p50, bfsSummary.p95, bfsSummary.mean, 1, mean(breadthFirst.hops), share(breadthFirst), breadthFirst.unreachable],
      ],
      notes: ["The BFS finds the fewest hops whatever they rest on; the evidence path gives up a hop where stated relations make a better account of the link."],
    },
    {
      title: `Exact betweenness on a connected piece (${piece.nodes.length.toLocaleString("en-US")} entities, ${piece.edges.length.toLocaleString("en-US")} edges)`,
      columns: ["engine", "ms", "ratio", "notes"],
      rows: [
        ["Trove (Brandes over typed arrays)", exact.ms, exact.ms / peer.ms, `largest difference from graphology ${maxDifference.toExponential(1)}`],
        ["graphology-metrics betweenness", peer.ms, 1, ""],
        [`Trove sampled from ${ACCURACY_PIVOTS} sources`, null, null, `${topOverlap} of the exact top ${TOP_COMPARED} in its top ${TOP_COMPARED}`],
      ],
    },
    {
      title: "Exports of the whole network, rendered in memory",
      columns: ["format", "ms", "MB"],
      rows: exportTimes.map(({ format, ms, bytes }) => [format, ms, bytes / MB]),
    },
  ];

  return {
    suite: "graph",
    startedAt,
    finishedAt: new Date().toISOString(),
    tables,
    data: {
      options,
      packages: packageVersions(["graphology", "graphology-metrics", "graphology-communities-louvain", "graphology-shortest-path"]),
      network: { nodes: nodeCount, edges: edgeCount, heapBytes: heapAfterBuild - heapBefore, generateMs: generated.ms, graphologyMs: graphology.ms },
      buildMs: builds,
      coldQueryMs: cold,
      archive: { writeMs: archived.writeMs, readMs: archived.readMs, coldQueryMs: archived.coldMs, links: archived.links, megabytes: archived.archiveMb },
      targetColdQueryMs: TARGET_COLD_QUERY_MS,
      loadAverage: { start: loadAtStart, end: loadAtEnd },
      pagerankMs: pagerank.ms,
      louvain: { ms: louvain.ms, communities: louvain.result.communities.length, modularity: louvain.result.modularity },
      betweenness: { pivots, sampledMs: sampled.ms, projectedExactMs, subgraph: { nodes: piece.nodes.length, edges: piece.edges.length, troveMs: exact.ms, graphologyMs: peer.ms, maxDifference, sampledPivots: ACCURACY_PIVOTS, topOverlap, topCompared: TOP_COMPARED } },
      metricsFirstUseMs: metrics.ms,
      viewMs: view.ms,
      rankMs: ranking.ms,
      paths: { evidence: { ...summaryOf(evidenceSummary), hops: evidence.hops, statedHops: evidence.statedHops, totalHops: evidence.totalHops, unreachable: evidence.unreachable, times: evidence.times }, breadthFirst: { ...summaryOf(bfsSummary), hops: breadthFirst.hops, statedHops: breadthFirst.statedHops, totalHops: breadthFirst.totalHops, unreachable: breadthFirst.unreachable, times: breadthFirst.times } },
      exports: exportTimes,
    },
  };
}

/**
 * The same network in a real archive: one document per five relation links,
 * each relation with its two participants resolved to entities, and the
 * co-occurrences beside them; then the cold query as the CLI and the server
 * run it, reading everything back through the store contract.
 */
function archiveColdQuery(network: SyntheticNetwork, pairs: ReadonlyArray<readonly [string, string]>, options: GraphSuiteOptions) {
  const folder = mkdtempSync(path.join(os.tmpdir(), "trove-graph-bench-"));
  try {
    const store = SqliteStore.open(path.join(folder, "archive.db"));
    const written = timeIt(() => {
      const ids = new Map<number, number>();
      for (const entity of network.entities) ids.set(entity.id, store.entities.createEntity(entity.type, entity.name));
      const byDocument = new Map<number, { relations: RelationToSave[]; coOccurrences: CoOccurrenceToSave[] }>();
      const entry = (documentId: number) => byDocument.get(documentId) ?? byDocument.set(documentId, { relations: [], coOccurrences: [] }).get(documentId)!;
      for (const link of network.source.networkLinks()) {
        const a = ids.get(link.source)!;
        const b = ids.get(link.target)!;
        if (link.kind === "co-occurrence") {
          entry(link.documentId).coOccurrences.push({ a: Math.min(a, b), b: Math.max(a, b), start: link.evidence.start, end: link.evidence.end });
          continue;
        }
        const party = (entityId: number, name: string) => ({ role: "participant" as const, name, entityType: "person" as const, start: null, end: null, entityId });
        entry(link.documentId).relations.push({
          type: link.kind, roles: {}, participants: [party(a, String(link.source)), party(b, String(link.target))], date: null, place: null, amount: null, currency: null, quality: null, evidence: network.source.linkEvidence(link), confidence: 1,
        });
      }
      for (const [documentId, { relations, coOccurrences }] of byDocument) {
        const text = `Report ${documentId}`;
        const saved = store.saveDocument({
          locator: `/bench/report-${documentId}.txt`, rootPath: `/bench/report-${documentId}.txt`, name: `report-${documentId}.txt`,
          sha256: createHash("sha256").update(text).digest("hex"), size: text.length, type: "text", mime: "text/plain", title: text, text, language: "en", metadata: {},
        });
        // Co-occurrence rows are unique per paragraph and pair; the synthetic offsets are per link, so a repeated pair in one report is kept once.
        const unique = [...new Map(coOccurrences.map((pair) => [`${pair.start}:${pair.a}:${pair.b}`, pair])).values()];
        store.relations.saveRelations(saved.id, 1, relations, unique);
      }
      store.commit();
      return ids;
    });
    const ids = written.result;
    const read = timeIt(() => [store.relations.networkEntities().length, [...store.relations.networkLinks()].length] as const);
    const coldMs = pairs.map(([a, b]) => timeIt(() => {
      const fresh = buildNetwork(store.relations, { seed: options.seed });
      return evidencePath(fresh, fresh.entity(ids.get(Number(a))!)!, fresh.entity(ids.get(Number(b))!)!);
    }).ms);
    const archiveMb = store.stats().archiveBytes / MB;
    store.close();
    return { writeMs: written.ms, readMs: read.ms, links: read.result[1], coldMs, cold: summarise(coldMs), archiveMb };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function share(record: PathRecord): string {
  return record.totalHops === 0 ? "—" : `${Math.round((100 * record.statedHops) / record.totalHops)}%`;
}

function summaryOf(summary: Summary): Summary {
  return Object.fromEntries(Object.entries(summary).map(([key, value]) => [key, round(value, 3)])) as unknown as Summary;
}

function packageVersions(names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, (JSON.parse(readFileSync(new URL(`../node_modules/${name}/package.json`, import.meta.url), "utf8")) as { version: string }).version]));
}

function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}
