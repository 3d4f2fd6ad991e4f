/** Reading relations in tests: every evidence and participant offset checked against the text, and picking by type. */
import assert from "node:assert/strict";
import { extractRelations, type RelationOptions } from "../../../src/extract/relations/index.js";
import type { ExtractedRelation, RelationType } from "../../../src/model/relation.js";
import { mentionsFor, type NamedSpan } from "./build-mentions.js";

export function readChecked(text: string, names: readonly NamedSpan[], options: RelationOptions & { jalali?: boolean }): ExtractedRelation[] {
  const { jalali, ...relationOptions } = options;
  const relations = extractRelations(text, mentionsFor(text, names, { jalali: jalali ?? false }), relationOptions);
  for (const relation of relations) {
    assert.equal(text.slice(relation.evidence.start, relation.evidence.end), relation.evidence.text);
    for (const participant of relation.participants) {
      if (participant.start !== null && participant.end !== null) assert.equal(text.slice(participant.start, participant.end), participant.name);
    }
  }
  return relations;
}

export function ofType(relations: readonly ExtractedRelation[], type: RelationType): ExtractedRelation[] {
  return relations.filter((relation) => relation.type === type);
}

/** The one relation of a type; fails, listing their sentences, when there are none or several. */
export function only(relations: readonly ExtractedRelation[], type: RelationType): ExtractedRelation {
  const found = ofType(relations, type);
  assert.equal(found.length, 1, JSON.stringify(found.map((relation) => relation.evidence.text)));
  return found[0]!;
}
