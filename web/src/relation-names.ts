/** How the kinds of relation, link and payment read on screen, in the order the filters offer them. */
import type { EdgeKind, PaymentKind, RelationRole, RelationType } from "./api.js";

export const RELATION_TYPE_NAMES: readonly [RelationType, string][] = [
  ["meeting", "Meeting"],
  ["payment", "Payment"],
  ["affiliation", "Affiliation"],
  ["reporting", "Reporting line"],
  ["recruitment", "Recruitment"],
  ["restriction", "Handling restriction"],
];

export const EDGE_KIND_NAMES: readonly [EdgeKind, string][] = [...RELATION_TYPE_NAMES, ["co-occurrence", "Named in the same paragraph"]];

const PAYMENT_KIND_NAMES: Record<PaymentKind, string> = {
  gift: "Gift",
  bribe: "Bribe",
  salary: "Salary",
  expense: "Expense",
  reward: "Reward",
  installment: "Instalment",
  other: "Kind not stated",
};

const ROLE_NAMES: Record<RelationRole, string> = {
  participant: "with",
  place: "at",
  payer: "paid by",
  payee: "paid to",
  intermediary: "through",
  member: "member",
  organization: "of",
  source: "source",
  handler: "handler",
  headquarters: "reporting to",
  recruiter: "recruiter",
  target: "target",
  withheldFrom: "withheld from",
  originator: "originator",
};

export function relationTypeName(type: RelationType): string {
  return RELATION_TYPE_NAMES.find(([candidate]) => candidate === type)?.[1] ?? type;
}

export function edgeKindName(kind: EdgeKind): string {
  return EDGE_KIND_NAMES.find(([candidate]) => candidate === kind)?.[1] ?? kind;
}

export function paymentKindName(kind: PaymentKind): string {
  return PAYMENT_KIND_NAMES[kind] ?? kind;
}

export function roleName(role: RelationRole): string {
  return ROLE_NAMES[role] ?? role;
}
