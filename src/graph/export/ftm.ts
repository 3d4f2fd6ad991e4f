/**
 * FollowTheMoney entities, one JSON object a line, for Aleph, OpenAleph and
 * the `ftm` tools. Entities become Person, Organization, LegalEntity (an
 * informant known by number: FtM's party whose nature is not known) and
 * Address (FtM has no place schema; an Address holds a place's name as its
 * `full` text). Relations become the schema FtM has for them:
 *
 * | relation    | schema                                   | when the schema cannot hold it |
 * |-------------|------------------------------------------|--------------------------------|
 * | meeting     | Event (involved, location, date, proof)  | —                              |
 * | payment     | Payment (payer → beneficiary, amount …)  | UnknownLink `payment`          |
 * | affiliation | Membership (member → organization, role) | UnknownLink `affiliation`      |
 * | reporting   | UnknownLink `reports to`, one per step   |                                |
 * | recruitment | UnknownLink `recruited`                  |                                |
 * | restriction | UnknownLink `withheld from`              |                                |
 * | co-occurrence | UnknownLink `named together`, one per pair |                            |
 *
 * A Payment needs a payer and a payee that are parties (people, organisations,
 * informants), a Membership an organisation: a relation whose participants
 * do not fit falls back to UnknownLinks between them rather than being lost.
 * Every document that states a relation is a Document, and every party it
 * names in one is a Mention resolved to that party. Only participants resolved
 * to an entity of the network take part; names the text gives without an
 * entity stay in the evidence. Ids are Trove's own (`trove-person-12`,
 * `trove-payment-7`), stable as long as the archive's ids are.
 */
import type { EntityType } from "../../model/entity.js";
import type { GraphNode, NetworkView } from "../../model/network.js";
import type { Relation, RelationRole, RelationType } from "../../model/relation.js";

/** An entity as FtM's JSON has it: every property a list of strings. */
export interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
}

/** What FtM's Document needs to know about a document of the archive. */
export interface FtmDocumentInfo {
  title: string;
  fileName: string;
  mimeType?: string;
  /** ISO date. */
  date?: string;
}

export interface FtmSource {
  view: NetworkView;
  relations: Iterable<Relation>;
  document(id: number): FtmDocumentInfo;
}

/** The schema each entity type becomes; types not listed (money, dates, phones, e-mails) are values in FtM, not entities. */
const NODE_SCHEMATA: Partial<Record<EntityType, string>> = {
  person: "Person",
  organization: "Organization",
  source: "LegalEntity",
  place: "Address",
};

/** Schemata that are FtM legal entities: they can pay, be paid, meet and belong. */
const PARTIES = new Set(["Person", "Organization", "LegalEntity"]);

const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/**
 * Every entity of the export, parties first, then for each relation its
 * document (the first time it is needed), mentions and the relation itself,
 * then a link for each pair named together.
 *
 * @example
 * for (const line of ftmLines(source)) process.stdout.write(line);
 */
export function* ftmEntities(source: FtmSource): Generator<FtmEntity> {
  const nodes = new Map<number, GraphNode>();
  for (const node of source.view.nodes) {
    const schema = NODE_SCHEMATA[node.type];
    if (!schema) continue;
    nodes.set(node.id, node);
    yield { id: nodeId(node), schema, properties: schema === "Address" ? { name: [node.name], full: [node.name] } : { name: [node.name] } };
  }
  const documents = new Set<number>();
  const mentions = new Set<string>();
  for (const relation of source.relations) {
    const documentId = `trove-document-${relation.documentId}`;
    const parts = new RelationParts(relation, nodes);
    const entities = relationEntities(parts, documentId);
    if (entities.length === 0) continue;
    if (!documents.has(relation.documentId)) {
      documents.add(relation.documentId);
      yield documentEntity(documentId, source.document(relation.documentId));
    }
    for (const participant of parts.resolved) {
      const node = nodes.get(participant.entityId)!;
      const id = `trove-mention-${relation.documentId}-${node.id}`;
      if (!PARTIES.has(NODE_SCHEMATA[node.type]!) || mentions.has(id)) continue;
      mentions.add(id);
      yield { id, schema: "Mention", properties: { document: [documentId], name: [participant.name], resolved: [nodeId(node)] } };
    }
    yield* entities;
  }
  for (const edge of source.view.edges) {
    const a = nodes.get(edge.source);
    const b = nodes.get(edge.target);
    if (!a || !b || edge.cooccurrences === 0) continue;
    yield {
      id: `trove-cooccurrence-${a.id}-${b.id}`,
      schema: "UnknownLink",
      properties: { subject: [nodeId(a)], object: [nodeId(b)], role: ["named together"], description: [`named together in ${edge.cooccurrences} paragraph${edge.cooccurrences === 1 ? "" : "s"}`] },
    };
  }
}

/** The entities as JSON lines. */
export function* ftmLines(source: FtmSource): Generator<string> {
  for (const entity of ftmEntities(source)) yield `${JSON.stringify(entity)}\n`;
}

function nodeId(node: GraphNode): string {
  return `trove-${node.type}-${node.id}`;
}

function documentEntity(id: string, info: FtmDocumentInfo): FtmEntity {
  const properties: Record<string, string[]> = { title: [info.title], fileName: [info.fileName] };
  if (info.mimeType) properties.mimeType = [info.mimeType];
  if (info.date && ISO_DATE.test(info.date)) properties.date = [info.date];
  return { id, schema: "Document", properties };
}

interface ResolvedParticipant {
  role: RelationRole;
  name: string;
  entityId: number;
}

/** A relation, and those of its participants that resolved to a node of the export. */
class RelationParts {
  readonly relation: Relation;
  readonly resolved: ResolvedParticipant[];
  readonly #nodes: ReadonlyMap<number, GraphNode>;

  constructor(relation: Relation, nodes: ReadonlyMap<number, GraphNode>) {
    this.relation = relation;
    this.#nodes = nodes;
    const seen = new Set<string>();
    this.resolved = [];
    for (const { role, name, entityId } of relation.participants) {
      if (entityId === null || !nodes.has(entityId) || seen.has(`${role}:${entityId}`)) continue;
      seen.add(`${role}:${entityId}`);
      this.resolved.push({ role, name, entityId });
    }
  }

  /** FtM ids of the participants in these roles, those of the given schemata only when given. */
  ids(roles: readonly RelationRole[], schemata?: ReadonlySet<string>): string[] {
    const ids: string[] = [];
    for (const participant of this.resolved) {
      if (!roles.includes(participant.role)) continue;
      const node = this.#nodes.get(participant.entityId)!;
      if (schemata && !schemata.has(NODE_SCHEMATA[node.type]!)) continue;
      const id = nodeId(node);
      if (!ids.includes(id)) ids.push(id);
    }
    return ids;
  }

  /** Names as the text gives them, resolved or not. */
  names(roles: readonly RelationRole[]): string[] {
    return this.relation.participants.filter((participant) => roles.includes(participant.role)).map((participant) => participant.name);
  }
}

const LINK_ROLES: Record<Exclude<RelationType, "meeting" | "payment" | "affiliation">, string> = {
  reporting: "reports to",
  recruitment: "recruited",
  restriction: "withheld from",
};

function relationEntities(parts: RelationParts, documentId: string): FtmEntity[] {
  const { relation } = parts;
  const common: Record<string, string[]> = { summary: [relation.evidence.text] };
  if (relation.date && ISO_DATE.test(relation.date)) common.date = [relation.date];
  const prefix = `trove-${relation.type}-${relation.id}`;
  switch (relation.type) {
    case "meeting": {
      const involved = parts.ids(["participant"], PARTIES);
      if (involved.length === 0) return [];
      // Of the relations, only an Event is a Thing in FtM, and only a Thing can cite its Document as proof.
      const properties: Record<string, string[]> = { ...common, name: [meetingName(parts)], involved, proof: [documentId] };
      const places = parts.ids(["place", "participant"], new Set(["Address"]));
      if (places.length > 0) properties.addressEntity = places;
      const location = relation.place ?? parts.names(["place"])[0];
      if (location) properties.location = [location];
      const details = [relation.cover && `cover: ${relation.cover}`, relation.counterSurveillance && `counter-surveillance: ${relation.counterSurveillance}`].filter(Boolean) as string[];
      if (details.length > 0) properties.description = [details.join("; ")];
      return [{ id: prefix, schema: "Event", properties }];
    }
    case "payment": {
      const [payer] = parts.ids(["payer"], PARTIES);
      const [beneficiary] = parts.ids(["payee"], PARTIES);
      if (!payer || !beneficiary) return unknownLinks(prefix, parts.ids(["payer", "intermediary", "payee"]), "payment", common);
      const properties: Record<string, string[]> = { ...common, payer: [payer], beneficiary: [beneficiary] };
      if (relation.amount !== null) properties.amount = [String(relation.amount)];
      if (relation.currency) properties.currency = [relation.currency];
      const purpose = relation.purpose ?? (relation.kind && relation.kind !== "other" ? relation.kind : undefined);
      if (purpose) properties.purpose = [purpose];
      const intermediaries = parts.names(["intermediary"]);
      const description = [relation.kind && relation.kind !== "other" && `kind: ${relation.kind}`, intermediaries.length > 0 && `through ${intermediaries.join(", ")}`].filter(Boolean) as string[];
      if (description.length > 0) properties.description = [description.join("; ")];
      return [{ id: prefix, schema: "Payment", properties }];
    }
    case "affiliation": {
      const [member] = parts.ids(["member"], PARTIES);
      const [organization] = parts.ids(["organization"], new Set(["Organization"]));
      if (!member || !organization) return unknownLinks(prefix, parts.ids(["member", "organization"]), relation.quality ?? "affiliation", common);
      const properties: Record<string, string[]> = { ...common, member: [member], organization: [organization] };
      if (relation.quality) properties.role = [relation.quality];
      return [{ id: prefix, schema: "Membership", properties }];
    }
    case "reporting":
      return unknownLinks(prefix, parts.ids(["source", "handler", "headquarters"]), LINK_ROLES.reporting, common, "chain");
    case "recruitment":
      return unknownLinks(prefix, [...parts.ids(["recruiter"]), ...parts.ids(["target"])], LINK_ROLES.recruitment, common);
    case "restriction":
      return unknownLinks(prefix, [...parts.ids(["originator"]), ...parts.ids(["withheldFrom"])], LINK_ROLES.restriction, common);
  }
}

/**
 * UnknownLinks from the first id to each other one (`star`), or from each id
 * to the next (`chain`: a source reports to a handler, who reports to headquarters).
 */
function unknownLinks(prefix: string, ids: string[], role: string, common: Record<string, string[]>, shape: "star" | "chain" = "star"): FtmEntity[] {
  const links: FtmEntity[] = [];
  for (let i = 1; i < ids.length; i++) {
    const subject = shape === "chain" ? ids[i - 1]! : ids[0]!;
    const object = ids[i]!;
    links.push({ id: `${prefix}-${subject.replace(/^trove-/, "")}-${object.replace(/^trove-/, "")}`, schema: "UnknownLink", properties: { ...common, role: [role], subject: [subject], object: [object] } });
  }
  return links;
}

function meetingName(parts: RelationParts): string {
  const { relation } = parts;
  const names = parts.names(["participant"]);
  const place = relation.place ?? parts.names(["place"])[0];
  return `Meeting of ${names.join(", ")}${place ? ` in ${place}` : ""}`;
}
