import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { extractRelations } from "../../../src/extract/relations/index.js";
import type { ExtractedRelation, RelationType } from "../../../src/model/relation.js";
import { mentionsFor, type NamedSpan } from "./build-mentions.js";

const HEADER = "From: Embassy Valdoria\nTo: Secretary of State\n\n";

function read(body: string, names: readonly NamedSpan[] = []): ExtractedRelation[] {
  const text = HEADER + body;
  return extractRelations(text, mentionsFor(text, names), { language: "en" });
}

function pairs(relations: readonly ExtractedRelation[], type: RelationType): string[] {
  return relations.filter((relation) => relation.type === type).map((relation) => Object.values(relation.roles).map((names) => names!.join("+")).join(" | "));
}

describe("affiliation from an office beside a name", () => {
  it("reads an acronym or a named organisation that opens a title", () => {
    const relations = read(
      "Poloff met FNB Deputy Assistant Administrator Olga Brisk and Harbour Authority spokesman Pavel Dorn. Later, ZTU Office Director for the Americas Ines Varga joined them.",
      [{ text: "Olga Brisk", type: "person" }, { text: "Pavel Dorn", type: "person" }, { text: "Ines Varga", type: "person" }, { text: "Harbour Authority", type: "organization" }],
    );
    assert.deepEqual(pairs(relations, "affiliation"), ["Olga Brisk | FNB", "Pavel Dorn | Harbour Authority", "Ines Varga | ZTU"]);
  });

  it("reads no affiliation from a title that carries only a country or nothing", () => {
    const relations = read(
      "UAE Deputy Prime Minister Omar Qasil told Poloff the talks went well. Defense Minister Lev Arno and Colombian DCM Rita Sol were present. PolOff Minister Ada Kern spoke first.",
      [{ text: "Omar Qasil", type: "person" }, { text: "Lev Arno", type: "person" }, { text: "Rita Sol", type: "person" }, { text: "Ada Kern", type: "person" }, { text: "UAE", type: "place" }],
    );
    assert.deepEqual(pairs(relations, "affiliation"), []);
  });

  it("reads an organisation in an apposition or in brackets, but not the title of the next person in a list", () => {
    const relations = read(
      "We saw Dario Venn, Liberty Front commander on the northern front. Two staff favour Lena Ostrova (KRT) over the others. The team included Ana Mol, Harbour Authority Director Bo Lind, and others.",
      [{ text: "Dario Venn", type: "person" }, { text: "Lena Ostrova", type: "person" }, { text: "Ana Mol", type: "person" }, { text: "Bo Lind", type: "person" }, { text: "Liberty Front", type: "organization" }, { text: "Harbour Authority", type: "organization" }],
    );
    assert.deepEqual(pairs(relations, "affiliation"), ["Dario Venn | Liberty Front", "Lena Ostrova | KRT", "Bo Lind | Harbour Authority"]);
  });
});

describe("cables written in capitals", () => {
  it("finds the name after a rank, the office of the organisation before it, and the meeting with the writer's officer", () => {
    const relations = read("2. HEAD OF BORDER GUARD MAJ GEN TOMAS VELIKOV ASSURED EMBOFF MAY 3 THAT THE CROSSINGS ARE CALM.\n3. IN DISCUSSION WITH EMBOFF VELIKOV DREW NO CONCLUSIONS FROM THE SHOOTING AT THE BORDER POST.");
    assert.deepEqual(pairs(relations, "affiliation"), ["TOMAS VELIKOV | BORDER GUARD"]);
    assert.deepEqual(pairs(relations, "meeting"), ["TOMAS VELIKOV+EMBOFF", "VELIKOV+EMBOFF"]);
  });
});

describe("fronted meetings", () => {
  it("takes the name right after the other side as the subject when no comma stands between", () => {
    const relations = read("During a meeting with PolOff Minister Ada Kern praised the new budget.", [{ text: "Ada Kern", type: "person" }]);
    assert.deepEqual(pairs(relations, "meeting"), ["Ada Kern+PolOff"]);
  });
});
