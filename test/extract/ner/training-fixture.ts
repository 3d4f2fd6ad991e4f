import type { TrainingDocument } from "../../../src/extract/ner/training/resources.js";

const FIRST = ["Zorbo", "Quilla", "Fennick", "Darvo", "Mirabel", "Blorf", "Orlo", "Vesna"];
const LAST = ["Wobblebottom", "Marrowby", "Quistleton", "Snorkelwick", "Pemberfizz", "Fizzlewhit", "Oddsock", "Crumblehorn"];
const TOWNS = ["Gloomhaven", "Tinkerton", "Oxmoor", "Brambleford", "Wyrmwood", "Saltmarsh"];
const VERBS = ["visited", "left", "praised", "toured"];

/** Small made-up documents: "<First> <Last> visited <Town> ." and "In <Town> , <Last> spoke ." with PER and LOC spans. */
export function fixtureDocuments(count: number): TrainingDocument[] {
  const documents: TrainingDocument[] = [];
  for (let d = 0; d < count; d++) {
    const document: TrainingDocument = [];
    for (let s = 0; s < 4; s++) {
      const k = d * 4 + s;
      const first = FIRST[k % FIRST.length] ?? "";
      const last = LAST[(k * 3) % LAST.length] ?? "";
      const town = TOWNS[(k * 5) % TOWNS.length] ?? "";
      const verb = VERBS[k % VERBS.length] ?? "";
      document.push(
        s % 2 === 0
          ? { words: [first, last, verb, town, "."], spans: [{ start: 0, end: 2, type: "PER" }, { start: 3, end: 4, type: "LOC" }] }
          : { words: ["In", town, ",", last, "spoke", "."], spans: [{ start: 1, end: 2, type: "LOC" }, { start: 3, end: 4, type: "PER" }] },
      );
    }
    documents.push(document);
  }
  return documents;
}
