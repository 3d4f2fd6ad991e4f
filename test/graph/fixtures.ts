/** Small networks written out by hand, in the shapes the store hands the graph stage. */
import type { EntityType } from "../../src/model/entity.js";
import type { EdgeKind, EntityRef } from "../../src/model/network.js";
import type { NetworkLink } from "../../src/store/relation-store.js";
import type { NetworkSource } from "../../src/graph/network.js";

export type EntitySpec = EntityRef & { mentions?: number };

export function person(id: number, name = `Person ${id}`): EntitySpec {
  return { id, type: "person", name };
}

export function entity(id: number, type: EntityType, name: string): EntitySpec {
  return { id, type, name };
}

let nextRelation = 1;

/** A link between two entities; relations get a fresh relation id unless one is given. */
export function link(source: number, target: number, kind: EdgeKind = "meeting", options: Partial<NetworkLink> = {}): NetworkLink {
  const relationId = kind === "co-occurrence" ? null : (options.relationId ?? nextRelation++);
  const documentId = options.documentId ?? 100 + source;
  const text = options.evidence?.text ?? `${source} and ${target}: ${kind}.`;
  return {
    source,
    target,
    kind,
    relationId,
    documentId,
    documentTitle: options.documentTitle ?? `Report ${documentId}`,
    evidence: options.evidence ?? { start: (source * 1000 + target) % 9973, end: ((source * 1000 + target) % 9973) + text.length, text },
  };
}

export function networkSource(entities: readonly EntitySpec[], links: readonly NetworkLink[]): NetworkSource {
  return {
    networkEntities: () => entities.map((spec) => ({ ...spec, mentions: spec.mentions ?? 1 })),
    networkLinks: () => links,
    linkEvidence: ({ evidence }) => ({ ...evidence, text: evidence.text ?? "" }),
  };
}

/** Every pair of `ids` linked by a meeting. */
export function clique(ids: readonly number[]): NetworkLink[] {
  return ids.flatMap((a, i) => ids.slice(i + 1).map((b) => link(a, b, "meeting")));
}

/** `ids[0]` linked to each of the others. */
export function star(ids: readonly number[]): NetworkLink[] {
  return ids.slice(1).map((leaf) => link(ids[0]!, leaf, "meeting"));
}
