import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildNetwork } from "../../src/graph/network.js";
import { evidencePath } from "../../src/graph/paths.js";
import { entity, link, networkSource, person } from "./fixtures.js";

const soleimani = person(1, "Qassem Soleimani");
const zubaidi = person(2, "Harith al-Zubaidi");
const bank = entity(3, "organization", "Rafidain Bank");
const karrar = person(4, "Abu Karrar");
const stranger = person(5, "Omid Farzan");
const other = person(6, "Laleh Amini");

const ref = ({ id, type, name }: { id: number; type: string; name: string }) => ({ id, type, name });

describe("evidencePath", () => {
  const network = buildNetwork(
    networkSource(
      [soleimani, zubaidi, bank, karrar, stranger, other],
      [
        link(1, 2, "co-occurrence", { documentId: 40, documentTitle: "Cable 40", evidence: { start: 10, end: 60, text: "Soleimani and al-Zubaidi were both in Baghdad." } }),
        link(1, 3, "meeting", { relationId: 7, documentId: 41, documentTitle: "Field report 41", evidence: { start: 0, end: 45, text: "Soleimani met the bank's director in Karbala." } }),
        link(3, 2, "payment", { relationId: 9, documentId: 42, documentTitle: "Field report 42", evidence: { start: 5, end: 50, text: "The bank paid al-Zubaidi $16 million." } }),
        link(3, 2, "co-occurrence", { documentId: 43 }),
        link(4, 2, "co-occurrence", { documentId: 44 }),
        link(5, 6, "recruitment", { relationId: 11 }),
      ],
    ),
  );

  it("prefers two stated relations to one shared paragraph, with the evidence of each hop", () => {
    const path = evidencePath(network, soleimani, zubaidi);
    assert.deepEqual(path.from, soleimani);
    assert.deepEqual(path.hops, [
      { from: ref(soleimani), to: ref(bank), kind: "meeting", relationId: 7, documentId: 41, documentTitle: "Field report 41", evidence: { start: 0, end: 45, text: "Soleimani met the bank's director in Karbala." } },
      { from: ref(bank), to: ref(zubaidi), kind: "payment", relationId: 9, documentId: 42, documentTitle: "Field report 42", evidence: { start: 5, end: 50, text: "The bank paid al-Zubaidi $16 million." } },
    ]);
  });

  it("walks a shared paragraph when nothing better links two entities, and reads either way", () => {
    const path = evidencePath(network, karrar, soleimani);
    assert.deepEqual(path.hops?.map((hop) => [hop.from.name, hop.kind, hop.to.name]), [
      ["Abu Karrar", "co-occurrence", "Harith al-Zubaidi"],
      ["Harith al-Zubaidi", "payment", "Rafidain Bank"],
      ["Rafidain Bank", "meeting", "Qassem Soleimani"],
    ]);
    assert.equal(path.hops?.[0]?.relationId, null);
    assert.equal(path.hops?.[0]?.documentId, 44);
  });

  it("answers null hops when no chain of links joins the two", () => {
    assert.equal(evidencePath(network, soleimani, stranger).hops, null);
    assert.equal(evidencePath(network, soleimani, person(99, "Not In The Network")).hops, null);
  });

  it("answers no hops from an entity to itself", () => {
    assert.deepEqual(evidencePath(network, zubaidi, zubaidi).hops, []);
  });
});
