/** The redaction routes of the JSON API: the review queue, decisions, a reporter's own spans and whole entities. */
import { getJson, sendJson } from "./api.js";
import type {
  BulkDecisionView,
  DocumentRedactionsView,
  EntityRedactionPlanView,
  EntityRedactionView,
  Redaction,
  RedactionReason,
  RedactionsChangedView,
  RedactionStatus,
  RedactionsView,
  SuggestionReportView,
} from "./api.js";

export interface RedactionFilter {
  status?: RedactionStatus;
  reason?: RedactionReason;
  limit: number;
  offset: number;
}

export type Decision = "accept" | "reject";

export const redactionApi = {
  list(filter: RedactionFilter, signal?: AbortSignal): Promise<RedactionsView> {
    const query = new URLSearchParams({ limit: String(filter.limit), offset: String(filter.offset) });
    if (filter.status) query.set("status", filter.status);
    if (filter.reason) query.set("reason", filter.reason);
    return getJson(`/api/redactions?${query}`, signal);
  },
  suggest(signal?: AbortSignal): Promise<SuggestionReportView> {
    return sendJson("/api/redactions/suggest", {}, signal);
  },
  decide(id: number, decision: Decision, signal?: AbortSignal): Promise<Redaction> {
    return sendJson(`/api/redactions/${id}/${decision}`, {}, signal);
  },
  decideAllSuggested(decision: Decision, reason: RedactionReason, signal?: AbortSignal): Promise<BulkDecisionView> {
    return sendJson(`/api/redactions/${decision}`, { allSuggested: true, reason }, signal);
  },
  addSpan(documentId: number, start: number, end: number, signal?: AbortSignal): Promise<RedactionsChangedView> {
    return sendJson("/api/redactions", { documentId, start, end }, signal);
  },
  ofDocument(documentId: number, signal?: AbortSignal): Promise<DocumentRedactionsView> {
    return getJson(`/api/documents/${documentId}/redactions`, signal);
  },
  entityPlan(entityId: number, signal?: AbortSignal): Promise<EntityRedactionPlanView> {
    return getJson(`/api/entities/${entityId}/redaction-plan`, signal);
  },
  redactEntity(entityId: number, note: string | undefined, signal?: AbortSignal): Promise<EntityRedactionView> {
    return sendJson(`/api/entities/${entityId}/redact`, note ? { note } : {}, signal);
  },
};

/** Why a span is redacted, in words. */
export const REASON_NAMES: Record<RedactionReason, string> = {
  source: "Informant number or code name",
  "linked-to-source": "Linked to a source",
  email: "E-mail address",
  phone: "Phone number",
  address: "Exact address",
  plate: "Vehicle plate",
  manual: "A reporter's own",
};

/** The reasons in the order the queue groups them: the rules' strongest first, then a reporter's own. */
export const REASON_ORDER: readonly RedactionReason[] = ["source", "linked-to-source", "email", "phone", "address", "plate", "manual"];
