/**
 * Where each entity of the network sits in the drawing: a d3-force layout
 * run to completion before anything is drawn, from d3's deterministic
 * starting spiral with a seeded random source and a fixed number of ticks,
 * so the same network always comes out the same and nothing moves on screen.
 *
 * @example
 * const positions = layoutNetwork(view, { width: 960, height: 640, radius: (node) => 6 });
 * positions.get(12); // → { x: 431.2, y: 118.9 }
 */
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationLinkDatum, type SimulationNodeDatum } from "d3-force";
import type { GraphNode, NetworkView } from "./api.js";
import { seededRandom } from "../../src/extract/ner/training/seeded-random.js";

export interface LayoutOptions {
  width: number;
  height: number;
  /** Room to keep around the drawing's edge, for circles and labels. */
  margin: number;
  radius(node: GraphNode): number;
}

export interface Point {
  x: number;
  y: number;
}

interface LayoutNode extends SimulationNodeDatum {
  id: number;
  radius: number;
}

/** Enough for a few hundred nodes to settle; more changes nothing visible. */
const TICKS = 300;
const SEED = 0x7e0e;

export function layoutNetwork(view: NetworkView, options: LayoutOptions): Map<number, Point> {
  const nodes: LayoutNode[] = view.nodes.map((node) => ({ id: node.id, radius: options.radius(node) }));
  const present = new Set(nodes.map((node) => node.id));
  const links: SimulationLinkDatum<LayoutNode>[] = view.edges
    .filter((edge) => present.has(edge.source) && present.has(edge.target))
    .map((edge) => ({ source: edge.source, target: edge.target }));
  const heaviest = Math.max(1, ...view.edges.map((edge) => edge.weight));
  const weights = view.edges.map((edge) => edge.weight / heaviest);
  forceSimulation(nodes)
    .randomSource(seededRandom(SEED))
    .force("link", forceLink<LayoutNode, SimulationLinkDatum<LayoutNode>>(links).id((node) => node.id).distance(48).strength((_, index) => 0.15 + 0.6 * (weights[index] ?? 0)))
    .force("charge", forceManyBody<LayoutNode>().strength(-140).distanceMax(420))
    .force("collide", forceCollide<LayoutNode>((node) => node.radius + 3))
    // Pulls unconnected parts of the network in, so that islands do not drift to the edges.
    .force("x", forceX<LayoutNode>(0).strength(0.09))
    .force("y", forceY<LayoutNode>(0).strength(0.12))
    .stop()
    .tick(TICKS);
  return fitted(nodes, options);
}

/** Scales and centres the settled layout into the drawing, keeping its proportions. */
function fitted(nodes: LayoutNode[], options: LayoutOptions): Map<number, Point> {
  const positions = new Map<number, Point>();
  if (nodes.length === 0) return positions;
  const xs = nodes.map((node) => node.x ?? 0);
  const ys = nodes.map((node) => node.y ?? 0);
  const [left, right, top, bottom] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const innerWidth = options.width - 2 * options.margin;
  const innerHeight = options.height - 2 * options.margin;
  // A few nodes would otherwise be blown up to fill the picture; beyond this they keep their natural spacing.
  const scale = Math.min(innerWidth / Math.max(1, right - left), innerHeight / Math.max(1, bottom - top), 3);
  const offsetX = options.margin + (innerWidth - (right - left) * scale) / 2;
  const offsetY = options.margin + (innerHeight - (bottom - top) * scale) / 2;
  for (const node of nodes) positions.set(node.id, { x: offsetX + ((node.x ?? 0) - left) * scale, y: offsetY + ((node.y ?? 0) - top) * scale });
  return positions;
}
