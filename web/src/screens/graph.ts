/**
 * The network: who is linked to whom, by stated relations and by being named
 * in the same paragraph. Drawn once, after the layout has settled: circles
 * coloured by community and sized by PageRank, lines as thick as the link is
 * strong, the top names labelled. A node opens its profile (click, or Enter
 * once focused; `j`/`k` move between nodes by rank); a line, or two entities
 * picked in the form, shows the chain of evidence between them. The table
 * beside the picture lists every entity drawn.
 */
import { api, type Community, type EdgeKind, type EntityType, type EvidencePath, type GraphEdge, type GraphNode, type NetworkFilter, type NetworkView } from "../api.js";
import { h, replace, svg } from "../dom.js";
import { formatNumber } from "../format.js";
import { layoutNetwork } from "../network-layout.js";
import { EDGE_KIND_NAMES, edgeKindName } from "../relation-names.js";
import { fitLabelPlates, label } from "../svg-labels.js";
import type { ScreenContext, ScreenHandle } from "../router.js";
import { failurePanel, failureScreen, heading, isAbort, loading } from "./common.js";
import { entityTypeName, entityUrl, nameSpan } from "./entities.js";
import { entityLink, evidenceQuote } from "./relation-view.js";

/** Entities drawn at most: the highest-ranked; more would not read as a picture. */
const NODE_LIMIT = 150;
const LABELLED = 12;
const WIDTH = 960;
const HEIGHT = 640;
const MARGIN = 36;
/** Community colours (see the stylesheet); the communities past the last share a neutral grey. */
const COMMUNITY_COLOURS = 8;
const NETWORK_TYPES: readonly EntityType[] = ["person", "organization", "place", "source"];

export function graphUrl(filter: Omit<NetworkFilter, "limit"> = {}): string {
  const params = new URLSearchParams();
  if (filter.types?.length) params.set("types", filter.types.join(","));
  if (filter.kinds?.length) params.set("kinds", filter.kinds.join(","));
  if (filter.community !== undefined) params.set("community", String(filter.community));
  const query = params.toString();
  return query ? `/graph?${query}` : "/graph";
}

function readFilter(query: URLSearchParams): Omit<NetworkFilter, "limit"> {
  const list = <T extends string>(name: string, known: readonly T[]) => (query.get(name) ?? "").split(",").filter((item): item is T => (known as readonly string[]).includes(item));
  const types = list("types", NETWORK_TYPES);
  const kinds = list("kinds", EDGE_KIND_NAMES.map(([kind]) => kind));
  const community = query.get("community") ?? "";
  return { ...(types.length && { types }), ...(kinds.length && { kinds }), ...(/^\d{1,6}$/.test(community) && { community: Number(community) }) };
}

export async function graphScreen(context: ScreenContext): Promise<ScreenHandle | void> {
  const filter = readFilter(context.query);
  context.setTitle("Network");
  loading(context.main, "the network");
  let view: NetworkView;
  try {
    view = await api.network({ ...filter, limit: NODE_LIMIT }, context.signal);
  } catch (error) {
    if (isAbort(error)) throw error;
    failureScreen(context.main, "Network", error);
    return;
  }
  const filtered = filter.types !== undefined || filter.kinds !== undefined || filter.community !== undefined;
  const intro = h("p", { class: "note" }, "Entities linked by what the documents state (meetings, payments, affiliations, reporting lines, recruitment, handling restrictions) and by being named in the same paragraph. A line, or two entities picked below the picture, shows the evidence that links them.");
  if (view.nodes.length === 0) {
    replace(context.main, heading("Network"), intro, filterForm(context, filter, view.communities), emptyNote(filtered));
    return;
  }
  const drawing = new NetworkDrawing(view, (node) => context.navigate(entityUrl(node.id)));
  const pathPanel = h(
    "section",
    { class: "path-panel", attrs: { "aria-labelledby": "path-title", "aria-live": "polite" } },
    h("h2", { id: "path-title" }, "Evidence"),
    h("p", { class: "note" }, "Click a line in the picture, or pick two entities above, to see the sentences that link them."),
  );
  const showPath = (from: number, to: number) => void explainPath(context, drawing, pathPanel, from, to);
  drawing.onEdge = (edge) => showPath(edge.source, edge.target);
  replace(
    context.main,
    heading("Network"),
    intro,
    filterForm(context, filter, view.communities),
    view.omittedNodes > 0
      ? h("p", { class: "note" }, `Showing the ${formatNumber(view.nodes.length)} highest-ranked of ${formatNumber(view.nodes.length + view.omittedNodes)} entities; narrow by type, link or community to see the others.`)
      : null,
    h(
      "div",
      { class: "network-layout" },
      h("figure", { class: "network-figure" }, drawing.element, h("figcaption", {}, legend(view.communities))),
      h("div", { class: "network-side" }, pathForm(view.nodes, showPath), pathPanel),
    ),
    nodeTable(view),
  );
  fitLabelPlates(drawing.element);
  return { move: (step) => drawing.moveFocus(step) };
}

function emptyNote(filtered: boolean): HTMLElement {
  if (filtered) return h("p", { class: "empty" }, "No entity matches these filters. ", h("a", { href: graphUrl() }, "Show the whole network"));
  return h(
    "p",
    { class: "empty" },
    "No network yet: it is made of the relations read from the documents and the names they share a paragraph with, found when documents are ingested with the entity stage. ",
    h("a", { href: "/upload" }, "Add files"),
    " to begin.",
  );
}

function filterForm(context: ScreenContext, filter: Omit<NetworkFilter, "limit">, communities: Community[]): HTMLFormElement {
  const checkbox = (name: string, value: string, label: string, checked: boolean) => h("label", {}, h("input", { attrs: { type: "checkbox", name, value, checked } }), ` ${label}`);
  const types = new Set(filter.types ?? []);
  const kinds = new Set(filter.kinds ?? []);
  const form = h(
    "form",
    { class: "filters", attrs: { "aria-label": "Filter the network" } },
    h("fieldset", { class: "choices" }, h("legend", {}, "Entity types"), ...NETWORK_TYPES.map((type) => checkbox("types", type, entityTypeName(type), types.has(type)))),
    h("fieldset", { class: "choices" }, h("legend", {}, "Links"), ...EDGE_KIND_NAMES.map(([kind, name]) => checkbox("kinds", kind, name, kinds.has(kind)))),
    h(
      "p",
      { class: "field" },
      h("label", { attrs: { for: "community" } }, "Community"),
      h(
        "select",
        { id: "community", attrs: { name: "community" } },
        h("option", { attrs: { value: "" } }, "All"),
        ...communities.map((community) => h("option", { attrs: { value: community.id, selected: community.id === filter.community } }, communityName(community))),
      ),
    ),
    h("p", {}, h("button", { attrs: { type: "submit" } }, "Show")),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const community = String(data.get("community") ?? "");
    context.navigate(
      graphUrl({
        types: data.getAll("types").map(String) as EntityType[],
        kinds: data.getAll("kinds").map(String) as EdgeKind[],
        ...(community !== "" && { community: Number(community) }),
      }),
    );
  });
  return form;
}

function communityName(community: Community): string {
  return `${community.id + 1}: ${community.label} (${formatNumber(community.size)})`;
}

function communityClass(community: number): string {
  return community < COMMUNITY_COLOURS ? `community-${community}` : "community-other";
}

function legend(communities: Community[]): HTMLElement {
  return h(
    "div",
    { class: "network-legend" },
    h("p", { class: "note" }, "Colour: community (entities more linked to each other than to the rest). Size: PageRank. Line: how strongly two are linked; dashed when only named together."),
    h(
      "ul",
      { class: "plain communities" },
      ...communities.slice(0, COMMUNITY_COLOURS).map((community) =>
        h("li", {}, h("span", { class: `swatch ${communityClass(community.id)}`, attrs: { "aria-hidden": "true" } }), ` Community ${communityName(community)}`),
      ),
      communities.length > COMMUNITY_COLOURS ? h("li", {}, h("span", { class: "swatch community-other", attrs: { "aria-hidden": "true" } }), ` ${formatNumber(communities.length - COMMUNITY_COLOURS)} smaller communities`) : null,
    ),
  );
}

/** The picture: built once from the settled layout; nodes and lines answer clicks and keys. */
class NetworkDrawing {
  readonly element: SVGSVGElement;
  onEdge?: (edge: GraphEdge) => void;
  private readonly nodeElements: SVGGElement[] = [];
  private readonly edgeElements = new Map<string, SVGGElement>();
  private readonly byId = new Map<number, SVGGElement>();

  constructor(view: NetworkView, open: (node: GraphNode) => void) {
    const topRank = Math.max(...view.nodes.map((node) => node.pagerank), Number.MIN_VALUE);
    const radius = (node: GraphNode) => 4 + 14 * Math.sqrt(node.pagerank / topRank);
    const positions = layoutNetwork(view, { width: WIDTH, height: HEIGHT, margin: MARGIN, radius });
    const names = new Map(view.nodes.map((node) => [node.id, node.name]));
    const heaviest = Math.max(1, ...view.edges.map((edge) => edge.weight));
    const edges = svg("g", { class: "edges" });
    for (const edge of view.edges) {
      const [from, to] = [positions.get(edge.source), positions.get(edge.target)];
      if (!from || !to) continue;
      const line = (className: string, width?: number) => svg("line", { class: className, x1: round(from.x), y1: round(from.y), x2: round(to.x), y2: round(to.y), "stroke-width": width });
      const group = svg(
        "g",
        { class: edge.relations > 0 ? "edge" : "edge co-occurrence-only" },
        line("edge-line", round(1 + 4 * (edge.weight / heaviest))),
        line("edge-hit"),
        svg("title", {}, `${names.get(edge.source)} — ${names.get(edge.target)}: ${edge.kinds.map(edgeKindName).join(", ")}; ${linkCounts(edge)}. Click for the evidence.`),
      );
      group.addEventListener("click", () => this.onEdge?.(edge));
      edges.append(group);
      this.edgeElements.set(edgeKey(edge.source, edge.target), group);
    }
    const nodes = svg("g", { class: "nodes" });
    view.nodes.forEach((node, rank) => {
      const point = positions.get(node.id)!;
      const group = svg(
        "g",
        { class: `node ${communityClass(node.community)}`, tabindex: rank === 0 ? 0 : -1, role: "link", "aria-label": `${node.name}, ${entityTypeName(node.type).toLowerCase()}, community ${node.community + 1}` },
        svg("circle", { cx: round(point.x), cy: round(point.y), r: round(radius(node)) }),
        svg("title", {}, `${node.name} (${entityTypeName(node.type)}) · community ${node.community + 1} · ${formatNumber(node.degree)} links`),
      );
      group.addEventListener("click", () => open(node));
      group.addEventListener("keydown", (event) => {
        if (event.key !== "Enter") return;
        event.preventDefault();
        open(node);
      });
      group.addEventListener("focus", () => this.makeTabStop(group));
      nodes.append(group);
      this.nodeElements.push(group);
      this.byId.set(node.id, group);
    });
    // Labels are a picture of the names the nodes already carry; screen readers get them from the nodes.
    const labels = svg("g", { class: "node-labels", "aria-hidden": "true" });
    for (const node of view.nodes.slice(0, LABELLED)) {
      const point = positions.get(node.id)!;
      labels.append(label(round(point.x + radius(node) + 4), round(point.y + 4), node.name));
    }
    this.element = svg(
      "svg",
      { class: "network", viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "group", "aria-label": `Network of ${view.nodes.length} entities and ${view.edges.length} links; Tab to the first entity, j and k to move between them, Enter to open one` },
      edges,
      nodes,
      labels,
    );
  }

  /** Moves focus to the next or previous node by rank, starting from the focused one. */
  moveFocus(step: 1 | -1): void {
    const focused = this.nodeElements.findIndex((node) => node === document.activeElement);
    const next = focused < 0 ? 0 : Math.min(this.nodeElements.length - 1, Math.max(0, focused + step));
    this.nodeElements[next]?.focus();
  }

  /** Marks the nodes and lines of a path, and clears the last one's. */
  highlight(ids: number[]): void {
    for (const element of this.element.querySelectorAll(".on-path")) element.classList.remove("on-path");
    ids.forEach((id, index) => {
      this.byId.get(id)?.classList.add("on-path");
      const next = ids[index + 1];
      if (next !== undefined) this.edgeElements.get(edgeKey(id, next))?.classList.add("on-path");
    });
  }

  /** One node at a time is in the Tab order: the last focused. */
  private makeTabStop(current: SVGGElement): void {
    for (const node of this.nodeElements) node.setAttribute("tabindex", node === current ? "0" : "-1");
  }
}

function edgeKey(a: number, b: number): string {
  return a < b ? `${a}-${b}` : `${b}-${a}`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

function linkCounts(edge: GraphEdge): string {
  const parts = [];
  if (edge.relations) parts.push(`${formatNumber(edge.relations)} ${edge.relations === 1 ? "relation" : "relations"}`);
  if (edge.cooccurrences) parts.push(`${formatNumber(edge.cooccurrences)} shared ${edge.cooccurrences === 1 ? "paragraph" : "paragraphs"}`);
  return parts.join(", ");
}

function pathForm(nodes: GraphNode[], showPath: (from: number, to: number) => void): HTMLFormElement {
  const byName = [...nodes].sort((a, b) => a.name.localeCompare(b.name));
  const picker = (id: string, label: string, initial: GraphNode | undefined) =>
    h(
      "p",
      { class: "field" },
      h("label", { attrs: { for: id } }, label),
      h("select", { id, attrs: { name: id } }, ...byName.map((node) => h("option", { attrs: { value: node.id, selected: node === initial } }, `${node.name} (${entityTypeName(node.type).toLowerCase()})`))),
    );
  const form = h(
    "form",
    { class: "path-form", attrs: { "aria-labelledby": "path-form-title" } },
    h("h2", { id: "path-form-title" }, "How are two linked?"),
    picker("path-from", "From", nodes[0]),
    picker("path-to", "To", nodes[1] ?? nodes[0]),
    h("p", {}, h("button", { attrs: { type: "submit" } }, "Show the evidence")),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const data = new FormData(form);
    showPath(Number(data.get("path-from")), Number(data.get("path-to")));
  });
  return form;
}

async function explainPath(context: ScreenContext, drawing: NetworkDrawing, panel: HTMLElement, from: number, to: number): Promise<void> {
  replace(panel, h("h2", { id: "path-title" }, "Evidence"), h("p", { class: "loading" }, "Finding the chain of evidence…"));
  let path: EvidencePath;
  try {
    path = await api.evidencePath(from, to, context.signal);
  } catch (error) {
    if (isAbort(error)) return;
    replace(panel, h("h2", { id: "path-title" }, "Evidence"), failurePanel(error));
    return;
  }
  const title = h("h2", { id: "path-title" }, "From ", nameSpan(path.from.name), " to ", nameSpan(path.to.name));
  if (!path.hops) {
    drawing.highlight([]);
    replace(panel, title, h("p", {}, "Nothing in the archive links them: no chain of relations or shared paragraphs leads from one to the other."));
    return;
  }
  drawing.highlight([path.from.id, ...path.hops.map((hop) => hop.to.id)]);
  replace(
    panel,
    title,
    h("p", { class: "note" }, path.hops.length === 0 ? "The same entity." : `${formatNumber(path.hops.length)} ${path.hops.length === 1 ? "step" : "steps"}, each with the sentence that states it.`),
    h(
      "ol",
      { class: "path-hops" },
      ...path.hops.map((hop) =>
        h(
          "li",
          {},
          h("p", { class: "hop" }, entityLink(hop.from), h("span", { class: "hop-kind" }, ` — ${edgeKindName(hop.kind)} — `), entityLink(hop.to)),
          evidenceQuote(hop.evidence, hop.documentId, hop.documentTitle),
        ),
      ),
    ),
  );
}

function nodeTable(view: NetworkView): HTMLElement {
  const column = (label: string, className?: string) => h("th", { attrs: { scope: "col" }, ...(className && { class: className }) }, label);
  return h(
    "section",
    { attrs: { "aria-labelledby": "network-entities" } },
    h("h2", { id: "network-entities" }, "Entities in the picture"),
    h(
      "table",
      { class: "entity-table network-table" },
      h("caption", { class: "visually-hidden" }, "Entities in the network, highest PageRank first"),
      h("thead", {}, h("tr", {}, column("Name"), column("Type"), column("Community", "number"), column("PageRank", "number"), column("Links", "number"), column("Betweenness", "number"), column("Mentions", "number"))),
      h(
        "tbody",
        {},
        ...view.nodes.map((node) =>
          h(
            "tr",
            {},
            h("th", { attrs: { scope: "row" } }, entityLink(node)),
            h("td", { class: "entity-type" }, entityTypeName(node.type)),
            h("td", { class: "number" }, h("span", { class: `swatch ${communityClass(node.community)}`, attrs: { "aria-hidden": "true" } }), ` ${node.community + 1}`),
            h("td", { class: "number" }, node.pagerank.toFixed(3)),
            h("td", { class: "number" }, formatNumber(node.degree)),
            h("td", { class: "number" }, node.betweenness.toFixed(3)),
            h("td", { class: "number" }, formatNumber(node.mentions)),
          ),
        ),
      ),
    ),
  );
}
