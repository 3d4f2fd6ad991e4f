import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, it } from "node:test";
import { ftmEntities, ftmLines, type FtmEntity, type FtmSource } from "../../../src/graph/export/ftm.js";
import { buildNetwork } from "../../../src/graph/network.js";
import { networkView } from "../../../src/graph/view.js";
import type { EntityType } from "../../../src/model/entity.js";
import type { Relation, RelationRole, RelationType } from "../../../src/model/relation.js";
import type { NetworkLink } from "../../../src/store/relation-store.js";
import { entity, link, networkSource, person } from "../fixtures.js";

interface SchemaDefinition {
  extends?: string[];
  abstract?: boolean;
  required?: string[];
  properties: Record<string, { type: string; range?: string }>;
}
const model = JSON.parse(readFileSync(createRequire(import.meta.url).resolve("@alephdata/followthemoney/dist/defaultModel.json"), "utf8")) as { schemata: Record<string, SchemaDefinition> };

/** A schema's properties, its ancestors' included. */
function properties(schema: string): Map<string, { type: string; range?: string }> {
  const definition = model.schemata[schema]!;
  const inherited = (definition.extends ?? []).flatMap((parent) => [...properties(parent)]);
  return new Map([...inherited, ...Object.entries(definition.properties)]);
}

function isA(schema: string, ancestor: string): boolean {
  return schema === ancestor || (model.schemata[schema]!.extends ?? []).some((parent) => isA(parent, ancestor));
}


const ENTITIES: Array<[number, EntityType, string]> = [
  [1, "organization", "Northgate Trading Company"],
  [2, "person", "Harith al-Zubaidi"],
  [3, "person", "قاسم سلیمانی"],
  [4, "place", "Karbala"],
  [5, "source", "Source 134832"],
  [6, "organization", "Quds Force"],
  [7, "person", "Mara Quell"],
  [8, "money", "16000000 USD"],
];

let nextId = 1;
function relation(type: RelationType, participants: Array<[RelationRole, number | null, string?]>, extra: Partial<Relation> = {}): Relation {
  const id = nextId++;
  return {
    id,
    type,
    documentId: 10 + (id % 3),
    documentTitle: `Report ${10 + (id % 3)}`,
    roles: {},
    date: null,
    place: null,
    amount: null,
    currency: null,
    quality: null,
    evidence: { start: 0, end: 20, text: `Evidence of ${type} ${id}.` },
    confidence: 0.9,
    participants: participants.map(([role, entityId, name]) => ({
      role,
      name: name ?? ENTITIES.find(([known]) => known === entityId)?.[2] ?? "someone unnamed",
      entityType: null,
      start: null,
      end: null,
      entityId,
    })),
    ...extra,
  };
}

const RELATIONS: Relation[] = [
  relation("meeting", [["participant", 2], ["participant", 3], ["participant", null, "an aide"], ["place", 4]], { date: "2014-11-03", place: "Karbala", cover: "a photo exhibition" }),
  relation("payment", [["payer", 1], ["payee", 2], ["intermediary", null, "a courier"]], { amount: 16_000_000, currency: "USD", kind: "bribe", date: "2014-11", purpose: "a vote" }),
  relation("payment", [["payer", 3], ["payee", 4]], { amount: 500_000, currency: "toman", kind: "gift" }),
  relation("affiliation", [["member", 2], ["organization", 1]], { quality: "one of our people" }),
  relation("affiliation", [["member", 7], ["organization", 4]], { quality: "very close" }),
  relation("reporting", [["source", 5], ["handler", 7], ["headquarters", 6]], { date: "2015" }),
  relation("recruitment", [["recruiter", 7], ["target", 2]], { purpose: "pistachios" }),
  relation("restriction", [["originator", 7], ["withheldFrom", 6]]),
  relation("payment", [["payer", 2], ["payee", 8]]),
  relation("meeting", [["participant", 99], ["participant", null, "Nobody Known"]]),
];

/** The links the store would give for these relations, and a paragraph naming 3 and 7. */
function links(): NetworkLink[] {
  const result: NetworkLink[] = [link(3, 7, "co-occurrence", { documentId: 12 })];
  for (const stated of RELATIONS) {
    const ids = [...new Set(stated.participants.flatMap((participant) => (participant.entityId !== null && ENTITIES.some(([id]) => id === participant.entityId) ? [participant.entityId] : [])))];
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) result.push(link(ids[i]!, ids[j]!, stated.type, { relationId: stated.id, documentId: stated.documentId }));
  }
  return result;
}

function source(): FtmSource {
  const network = buildNetwork(networkSource(ENTITIES.map(([id, type, name]) => (type === "person" ? person(id, name) : entity(id, type, name))), links()));
  return { view: networkView(network), relations: RELATIONS, document: (id) => ({ title: `Report ${id}`, fileName: `report-${id}.txt`, mimeType: "text/plain", date: "2014-11-20" }) };
}

describe("FollowTheMoney export", () => {
  const entities = [...ftmEntities(source())];
  const byId = new Map(entities.map((emitted) => [emitted.id, emitted]));
  const ofSchema = (schema: string) => entities.filter((emitted) => emitted.schema === schema);

  it("uses only schemata of the model, and only properties of each schema or its ancestors", () => {
    for (const emitted of entities) {
      const definition = model.schemata[emitted.schema];
      assert.ok(definition, `schema ${emitted.schema}`);
      assert.notEqual(definition.abstract, true, `${emitted.schema} is abstract`);
      const known = properties(emitted.schema);
      for (const [name, values] of Object.entries(emitted.properties)) {
        assert.ok(known.has(name), `${emitted.schema} has no property ${name}`);
        assert.ok(Array.isArray(values) && values.length > 0 && values.every((value) => typeof value === "string" && value !== ""), `${emitted.id}.${name}`);
      }
      // As in the model's own library, a schema lists all it requires: an Address needs no name although Thing does.
      for (const name of definition.required ?? []) assert.ok(emitted.properties[name], `${emitted.id} lacks required ${name}`);
    }
  });

  it("points entity properties only at entities of the export, of the schema the property takes", () => {
    assert.equal(byId.size, entities.length, "ids are unique");
    for (const emitted of entities) {
      const known = properties(emitted.schema);
      for (const [name, values] of Object.entries(emitted.properties)) {
        const property = known.get(name)!;
        if (property.type !== "entity") continue;
        for (const value of values) {
          const target = byId.get(value);
          assert.ok(target, `${emitted.id}.${name} → ${value} is not in the export`);
          assert.ok(isA(target.schema, property.range!), `${emitted.id}.${name} → ${target.schema}, not a ${property.range}`);
        }
      }
    }
  });

  it("writes dates as ISO dates", () => {
    const dates = entities.flatMap((emitted) => Object.entries(emitted.properties).filter(([name]) => properties(emitted.schema).get(name)!.type === "date").flatMap(([, values]) => values));
    assert.ok(dates.length >= 4);
    for (const date of dates) assert.match(date, /^\d{4}(-\d{2}(-\d{2})?)?$/);
  });

  it("maps entity types to Person, Organization, LegalEntity and Address, leaving values such as money out", () => {
    assert.deepEqual(byId.get("trove-person-3")?.properties.name, ["قاسم سلیمانی"]);
    assert.equal(byId.get("trove-organization-1")?.schema, "Organization");
    assert.equal(byId.get("trove-source-5")?.schema, "LegalEntity");
    assert.deepEqual(byId.get("trove-place-4"), { id: "trove-place-4", schema: "Address", properties: { name: ["Karbala"], full: ["Karbala"] } });
    assert.equal(byId.has("trove-money-8"), false);
  });

  it("makes a meeting an Event with the people involved, the place, the date and its document as proof", () => {
    const meeting = byId.get(`trove-meeting-${RELATIONS[0]!.id}`)!;
    assert.equal(meeting.schema, "Event");
    assert.deepEqual(meeting.properties.involved, ["trove-person-2", "trove-person-3"]);
    assert.deepEqual(meeting.properties.addressEntity, ["trove-place-4"]);
    assert.deepEqual(meeting.properties.location, ["Karbala"]);
    assert.deepEqual(meeting.properties.date, ["2014-11-03"]);
    assert.deepEqual(meeting.properties.proof, [`trove-document-${RELATIONS[0]!.documentId}`]);
    assert.match(meeting.properties.name![0]!, /an aide/);
    assert.deepEqual(meeting.properties.description, ["cover: a photo exhibition"]);
  });

  it("makes a payment between parties a Payment, and one to a place UnknownLinks", () => {
    const payment = byId.get(`trove-payment-${RELATIONS[1]!.id}`)!;
    assert.equal(payment.schema, "Payment");
    const { payer, beneficiary, amount, currency, date, purpose, description } = payment.properties;
    assert.deepEqual({ payer, beneficiary, amount, currency, date, purpose }, { payer: ["trove-organization-1"], beneficiary: ["trove-person-2"], amount: ["16000000"], currency: ["USD"], date: ["2014-11"], purpose: ["a vote"] });
    assert.deepEqual(description, ["kind: bribe; through a courier"]);
    const toPlace = ofSchema("UnknownLink").filter((emitted) => emitted.id.startsWith(`trove-payment-${RELATIONS[2]!.id}-`));
    assert.deepEqual(toPlace.map((emitted) => [emitted.properties.subject, emitted.properties.object, emitted.properties.role]), [[["trove-person-3"], ["trove-place-4"], ["payment"]]]);
  });

  it("makes an affiliation with an organisation a Membership, and one with a place an UnknownLink", () => {
    const membership = byId.get(`trove-affiliation-${RELATIONS[3]!.id}`)!;
    assert.equal(membership.schema, "Membership");
    assert.deepEqual([membership.properties.member, membership.properties.organization, membership.properties.role], [["trove-person-2"], ["trove-organization-1"], ["one of our people"]]);
    assert.ok(ofSchema("UnknownLink").some((emitted) => emitted.properties.subject?.[0] === "trove-person-7" && emitted.properties.object?.[0] === "trove-place-4" && emitted.properties.role?.[0] === "very close"));
  });

  it("makes a reporting line a chain of UnknownLinks, and recruitment and restriction one each", () => {
    const links = (relationIndex: number) =>
      ofSchema("UnknownLink")
        .filter((emitted) => emitted.id.startsWith(`trove-${RELATIONS[relationIndex]!.type}-${RELATIONS[relationIndex]!.id}-`))
        .map((emitted) => [emitted.properties.subject![0], emitted.properties.role![0], emitted.properties.object![0]]);
    assert.deepEqual(links(5), [["trove-source-5", "reports to", "trove-person-7"], ["trove-person-7", "reports to", "trove-organization-6"]]);
    assert.deepEqual(links(6), [["trove-person-7", "recruited", "trove-person-2"]]);
    assert.deepEqual(links(7), [["trove-person-7", "withheld from", "trove-organization-6"]]);
  });

  it("makes a pair named together an UnknownLink, and each document and the parties it names Documents and Mentions", () => {
    const together = byId.get("trove-cooccurrence-3-7")!;
    assert.deepEqual([together.properties.subject, together.properties.object, together.properties.role], [["trove-person-3"], ["trove-person-7"], ["named together"]]);
    const documents = ofSchema("Document");
    assert.deepEqual(documents.map((document) => document.id).sort(), ["trove-document-10", "trove-document-11", "trove-document-12"]);
    assert.deepEqual(documents[0]!.properties.fileName?.[0]?.startsWith("report-"), true);
    const meetingDocument = `trove-document-${RELATIONS[0]!.documentId}`;
    const mention = ofSchema("Mention").find((found) => found.properties.document![0] === meetingDocument && found.properties.resolved![0] === "trove-person-3");
    assert.deepEqual(mention?.properties.name, ["قاسم سلیمانی"]);
  });

  it("skips relations with nothing to link among the entities of the export", () => {
    assert.equal(entities.some((emitted) => emitted.id.startsWith(`trove-meeting-${RELATIONS[9]!.id}`)), false);
    assert.equal(entities.some((emitted) => emitted.id.startsWith(`trove-payment-${RELATIONS[8]!.id}`)), false);
  });

  it("writes one JSON entity a line, the same on every run", () => {
    const lines = [...ftmLines(source())].join("");
    assert.equal(lines, [...ftmLines(source())].join(""));
    const parsed = lines.trimEnd().split("\n").map((line) => JSON.parse(line) as FtmEntity);
    assert.deepEqual(parsed, entities);
  });
});
