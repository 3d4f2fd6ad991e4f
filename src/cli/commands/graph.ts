import { Command, InvalidArgumentError, Option } from "commander";
import { NotFoundError } from "../../errors.js";
import { EXPORT_FORMATS, exportNetwork, type ExportFormat } from "../../graph/export/export-network.js";
import type { FtmDocumentInfo } from "../../graph/export/ftm.js";
import { EDGE_KINDS, buildNetwork, type Network } from "../../graph/network.js";
import { evidencePath } from "../../graph/paths.js";
import { networkView, rankEntities } from "../../graph/view.js";
import { ENTITY_TYPES, type EntityType } from "../../model/entity.js";
import type { Centrality, EdgeKind, EntityRef, EvidencePath, GraphNode, NetworkView } from "../../model/network.js";
import type { Relation } from "../../model/relation.js";
import { findEntitiesByName } from "../../search/entity-lookup.js";
import type { SqliteStore } from "../../store/sqlite/sqlite-store.js";
import { archiveOption, openArchiveForReading } from "../archive-option.js";
import { recordFromCli } from "../cli-audit.js";
import { formatTable } from "../format.js";
import { clip, requireRelations } from "./timeline.js";

const CENTRALITIES: readonly Centrality[] = ["pagerank", "degree", "betweenness"];
/** Communities listed by `trove graph`; the rest are counted. */
const COMMUNITIES_SHOWN = 20;
const RELATIONS_PAGE = 500;
const NAME_WIDTH = 40;

export function graphCommand(): Command {
  return new Command("graph")
    .description("the network of people, organisations and places: who is central, which groups form, how two entities are linked and on what evidence")
    .addHelpText(
      "after",
      `
Edges join two entities the archive links: a stated relation (meeting,
payment, affiliation, reporting, recruitment, restriction) weighs 3, a
paragraph naming both weighs 1. PageRank and Louvain communities use these
weights; betweenness counts steps, estimated from a sample of 500 entities on
larger networks. Nothing is cached: each command reads the archive afresh.

Examples:
  trove graph
  trove graph top --by betweenness --type person --limit 10
  trove graph path "Harith al-Zubaidi" "Abu Karrar al-Tamimi"
  trove graph export --format gexf --out network.gexf`,
    )
    .addCommand(showCommand(), { isDefault: true })
    .addCommand(topCommand())
    .addCommand(pathCommand())
    .addCommand(exportCommand());
}

function showCommand(): Command {
  return new Command("show")
    .description("the network in summary (the default): entities, edges by kind, communities with their leading members")
    .addOption(archiveOption())
    .addOption(new Option("-t, --type <types>", `only entities of these types, comma-separated: ${ENTITY_TYPES.join(", ")}`).argParser(entityTypes))
    .addOption(new Option("-k, --kind <kinds>", `only edges with links of these kinds, comma-separated: ${EDGE_KINDS.join(", ")}`).argParser(edgeKinds))
    .addOption(new Option("-c, --community <id>", "only the members of this community").argParser(wholeNumber))
    .addOption(new Option("-w, --min-weight <n>", "only edges of at least this weight (a relation counts 3, a shared paragraph 1)").argParser(wholeNumber))
    .addOption(new Option("-n, --limit <n>", "at most this many entities, the highest-PageRank ones").argParser(wholeNumber))
    .option("--json", "print the view as JSON: {nodes, edges, communities, omittedNodes}")
    .action((options: { archive: string; type?: EntityType[]; kind?: EdgeKind[]; community?: number; minWeight?: number; limit?: number; json?: boolean }) => {
      withNetwork(options.archive, (_store, network) => {
        const view = networkView(network, {
          ...(options.type && { types: options.type }),
          ...(options.kind && { kinds: options.kind }),
          ...(options.community !== undefined && { community: options.community }),
          ...(options.minWeight !== undefined && { minWeight: options.minWeight }),
          ...(options.limit !== undefined && { limit: options.limit }),
        });
        process.stdout.write(options.json ? `${JSON.stringify(view, null, 2)}\n` : renderView(view));
      });
    });
}

function topCommand(): Command {
  return new Command("top")
    .description("entities ranked by a centrality, with every score and their community")
    .addOption(archiveOption())
    .addOption(new Option("-b, --by <centrality>", "rank by").choices(CENTRALITIES).default("pagerank"))
    .addOption(new Option("-t, --type <types>", `only entities of these types, comma-separated: ${ENTITY_TYPES.join(", ")}`).argParser(entityTypes))
    .addOption(new Option("-n, --limit <n>", "entities to show").default(20).argParser(wholeNumber))
    .option("--json", "print {by, nodes: [{id, type, name, mentions, degree, pagerank, betweenness, community}]} as JSON")
    .action((options: { archive: string; by: Centrality; type?: EntityType[]; limit: number; json?: boolean }) => {
      withNetwork(options.archive, (_store, network) => {
        const nodes = rankEntities(network, { by: options.by, limit: options.limit, ...(options.type && { types: options.type }) });
        process.stdout.write(options.json ? `${JSON.stringify({ by: options.by, nodes }, null, 2)}\n` : renderRanking(network, options.by, nodes));
      });
    });
}

function pathCommand(): Command {
  return new Command("path")
    .description("the chain of evidence between two entities: each step with the sentence and document that state it")
    .argument("<from>", "an entity id, or a name in any script and spelling (quote names of several words)")
    .argument("<to>", "the other entity, likewise")
    .addOption(archiveOption())
    .option("--json", "print {from, to, hops: [{from, to, kind, relationId, documentId, documentTitle, evidence}] or null} as JSON")
    .addHelpText(
      "after",
      `
The path takes stated relations over shared paragraphs: a step the text
states costs 1, a step resting only on two names in one paragraph costs 3.`,
    )
    .action((fromName: string, toName: string, options: { archive: string; json?: boolean }) => {
      withNetwork(options.archive, (store, network) => {
        const path = evidencePath(network, entityNamed(store, network, fromName), entityNamed(store, network, toName));
        process.stdout.write(options.json ? `${JSON.stringify(path, null, 2)}\n` : renderPath(network, path));
      });
    });
}

function exportCommand(): Command {
  return new Command("export")
    .description("write the whole network for Gephi (gexf), yEd and NetworkX (graphml), spreadsheets (csv), Aleph (ftm) or Neo4j (neo4j)")
    .addOption(archiveOption())
    .addOption(new Option("-f, --format <format>", "the format").choices(EXPORT_FORMATS).makeOptionMandatory())
    .requiredOption("-o, --out <path>", "where to write: a file for gexf, graphml and ftm; a directory for csv and neo4j (created if needed)")
    .addHelpText(
      "after",
      `
Formats:
  gexf     GEXF 1.3: entities with type, mentions, centralities and community; weighted edges with their kinds
  graphml  GraphML with a key declared for every attribute
  csv      nodes.csv and edges.csv (RFC 4180, UTF-8)
  ftm      FollowTheMoney entities, one JSON object a line: Person, Organization, LegalEntity (sources),
           Address (places), Event (meetings), Payment, Membership, UnknownLink, Document, Mention
  neo4j    nodes.csv, edges.csv and load.cypher (LOAD CSV; copy into Neo4j's import directory)

Files are written whole or not at all: an export that fails leaves no partial file.`,
    )
    .action((options: { archive: string; format: ExportFormat; out: string }) => {
      withNetwork(options.archive, (store, network) => {
        const view = networkView(network);
        exportNetwork(options.format, { view, relations: allRelations(store), document: documentInfo(store) }, options.out);
        process.stdout.write(`Wrote ${view.nodes.length.toLocaleString("en-US")} entities and ${view.edges.length.toLocaleString("en-US")} edges as ${options.format} to ${options.out}\n`);
      });
      recordFromCli(options.archive, "graph-export", options.out, { format: options.format });
    });
}

function withNetwork(archive: string, work: (store: SqliteStore, network: Network) => void): void {
  const store = openArchiveForReading(archive);
  try {
    requireRelations(store, archive);
    work(store, buildNetwork(store.relations));
  } finally {
    store.close();
  }
}

/**
 * The entity a name or id stands for, following merges. Of several entities
 * with the name, the first that takes part in the network: the one a path
 * can run through.
 */
function entityNamed(store: SqliteStore, network: Network, value: string): EntityRef {
  const ids = /^\d+$/.test(value) ? [Number(value)] : findEntitiesByName(store.entities, value, { tolerant: false });
  if (ids.length === 0) throw new NotFoundError(`no entity called ${JSON.stringify(value)} in this archive; try: trove entities, or trove search 'name~${value}'`);
  const entities = ids.map((id) => store.entities.getEntity(id, { mentionLimit: 0, coOccurrenceLimit: 0 }));
  const { id, type, name } = entities.find((entity) => network.entity(entity.id)) ?? entities[0]!;
  return { id, type, name };
}

function* allRelations(store: SqliteStore): Generator<Relation> {
  for (let offset = 0; ; offset += RELATIONS_PAGE) {
    const page = store.relations.listRelations({ limit: RELATIONS_PAGE, offset });
    yield* page;
    if (page.length < RELATIONS_PAGE) return;
  }
}

function documentInfo(store: SqliteStore): (id: number) => FtmDocumentInfo {
  return (id) => {
    const document = store.getDocument(id);
    return { title: document.title ?? document.name, fileName: document.name, mimeType: document.mime, ...(document.date && { date: document.date }) };
  };
}

function renderView(view: NetworkView): string {
  if (view.nodes.length === 0) return view.omittedNodes > 0 ? "No entities left within the limit.\n" : "The network is empty: no entities match, or the archive links none yet.\n";
  const kinds = EDGE_KINDS.map((kind) => [kind, view.edges.filter((edge) => edge.kinds.includes(kind)).length] as const).filter(([, count]) => count > 0);
  const lines = [
    `${count(view.nodes.length, "entity", "entities")} and ${count(view.edges.length, "edge", "edges")}${view.omittedNodes > 0 ? ` (${count(view.omittedNodes, "more entity", "more entities")} past the limit)` : ""}`,
    `Edges with: ${kinds.map(([kind, edges]) => `${kind} ${edges.toLocaleString("en-US")}`).join(" · ")}`,
    "",
    `${count(view.communities.length, "community", "communities")}:`,
    formatTable([["id", "size", "leading members"], ...view.communities.slice(0, COMMUNITIES_SHOWN).map((community) => [community.id, community.size, community.label])]),
  ];
  if (view.communities.length > COMMUNITIES_SHOWN) lines.push(`… and ${view.communities.length - COMMUNITIES_SHOWN} more (trove graph --json)`);
  lines.push("", "Central entities: trove graph top; a community's members: trove graph --community ID --json");
  return `${lines.join("\n")}\n`;
}

function renderRanking(network: Network, by: Centrality, nodes: GraphNode[]): string {
  if (nodes.length === 0) return "No entities match.\n";
  const rows = nodes.map((node, index) => [index + 1, node.id, node.type, clip(node.name, NAME_WIDTH), node.pagerank.toFixed(4), node.degree, node.betweenness.toFixed(4), node.community]);
  const lines = [`Ranked by ${by}:`, formatTable([["#", "id", "type", "name", "pagerank", "degree", "betweenness", "community"], ...rows])];
  const pivots = network.metrics.centrality.betweennessPivots;
  if (pivots !== null) lines.push("", `Betweenness is estimated from shortest paths out of ${pivots.toLocaleString("en-US")} of ${network.graph.order.toLocaleString("en-US")} entities.`);
  return `${lines.join("\n")}\n`;
}

function renderPath(network: Network, path: EvidencePath): string {
  const from = `${path.from.name} (${path.from.id})`;
  const to = `${path.to.name} (${path.to.id})`;
  if (path.hops === null) {
    const unlinked = [path.from, path.to].filter((entity) => !network.entity(entity.id));
    const why = unlinked.length > 0 ? `: ${unlinked.map((entity) => entity.name).join(" and ")} take${unlinked.length === 1 ? "s" : ""} part in no relation or shared paragraph` : "";
    return `No path links ${from} and ${to} in the network${why}.\n`;
  }
  if (path.hops.length === 0) return `${path.from.name} (${path.from.id}) is the same entity at both ends.\n`;
  const lines = [`${count(path.hops.length, "step", "steps")} from ${from} to ${to}:`];
  for (const [index, hop] of path.hops.entries()) {
    lines.push(
      "",
      `${index + 1}. ${hop.from.name} —${hop.kind}→ ${hop.to.name}`,
      `   “${hop.evidence.text.replace(/\s+/g, " ").trim()}”`,
      `   [${hop.documentId}] ${hop.documentTitle}`,
    );
  }
  lines.push("", "Read a document with: trove show ID");
  return `${lines.join("\n")}\n`;
}

function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}

function listOf<T extends string>(allowed: readonly T[], what: string): (value: string) => T[] {
  return (value) => {
    const items = value.split(",").map((item) => item.trim()).filter((item) => item !== "");
    const unknown = items.filter((item) => !(allowed as readonly string[]).includes(item));
    if (unknown.length > 0 || items.length === 0) throw new InvalidArgumentError(`expected ${what} among ${allowed.join(", ")}; got '${value}'`);
    return items as T[];
  };
}

const entityTypes = listOf(ENTITY_TYPES, "entity types");
const edgeKinds = listOf(EDGE_KINDS, "edge kinds");

function wholeNumber(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError(`expected a whole number; got '${value}'`);
  return Number(value);
}
