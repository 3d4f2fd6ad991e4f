/**
 * The pieces every screen about relations shows: the sentence a relation was
 * read from, with the document it came from, and who took part, each a link
 * to their profile. Evidence is document text: it is set as text, never parsed.
 */
import type { EntityRef, Evidence, Relation, StoredParticipant } from "../api.js";
import { h, type Child } from "../dom.js";
import { formatIsoDate, formatMoney } from "../format.js";
import { paymentKindName, relationTypeName, roleName } from "../relation-names.js";
import { entityTypeName, entityUrl, nameSpan, separated } from "./entities.js";

export function documentUrl(id: number): string {
  return `/documents/${id}`;
}

/** The evidence sentence, quoted, and a link to its document. */
export function evidenceQuote(evidence: Evidence | null, documentId: number, documentTitle: string): HTMLElement {
  return h(
    "figure",
    { class: "evidence" },
    evidence ? h("blockquote", { dir: "auto" }, evidence.text) : null,
    h("figcaption", {}, h("a", { href: documentUrl(documentId), dir: "auto" }, documentTitle || `document #${documentId}`)),
  );
}

/** A link to an entity's profile in its type's colour and underline. */
export function entityLink(entity: EntityRef): HTMLAnchorElement {
  return h("a", { href: entityUrl(entity.id), class: `entity-link type-${entity.type}`, title: entityTypeName(entity.type) }, nameSpan(entity.name));
}

/** A participant by the name the text gives: a link when it resolved to an entity, plain otherwise. */
function participantName(participant: StoredParticipant): Child {
  if (participant.entityId === null) return nameSpan(participant.name, { class: "unresolved" });
  return h("a", { href: entityUrl(participant.entityId), class: `entity-link${participant.entityType ? ` type-${participant.entityType}` : ""}` }, nameSpan(participant.name));
}

/** `Meeting · 3 November 2014`, then who took part by role, then the stated details. */
export function relationSummary(relation: Relation): HTMLElement {
  const byRole = new Map<StoredParticipant["role"], StoredParticipant[]>();
  for (const participant of relation.participants) byRole.set(participant.role, [...(byRole.get(participant.role) ?? []), participant]);
  const details: string[] = [];
  if (relation.type === "payment") details.push(formatMoney(relation.amount, relation.currency), paymentKindName(relation.kind ?? "other"));
  if (relation.purpose) details.push(`for ${relation.purpose}`);
  if (relation.cover) details.push(`cover: ${relation.cover}`);
  if (relation.counterSurveillance) details.push(relation.counterSurveillance);
  if (relation.quality) details.push(`“${relation.quality}”`);
  return h(
    "div",
    { class: "relation-summary" },
    h(
      "p",
      { class: "relation-head" },
      h("span", { class: `relation-type relation-${relation.type}` }, relationTypeName(relation.type)),
      " · ",
      relation.date ? h("time", { attrs: { datetime: relation.date } }, formatIsoDate(relation.date)) : "undated",
    ),
    h(
      "p",
      { class: "participants" },
      ...separated([
        ...[...byRole].map(([role, participants]) => h("span", { class: "role" }, h("span", { class: "role-name" }, `${roleName(role)} `), ...separated(participants.map(participantName)))),
        relation.place && !byRole.has("place") ? h("span", { class: "role" }, h("span", { class: "role-name" }, "at "), nameSpan(relation.place)) : null,
      ].filter((part) => part !== null)),
    ),
    details.length ? h("p", { class: "relation-details", dir: "auto" }, details.join(" · ")) : null,
  );
}
