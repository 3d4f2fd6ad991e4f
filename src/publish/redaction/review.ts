/**
 * The review queue, one suggestion at a time: a reporter reads each in its
 * context and accepts, rejects or skips it. Every decision is saved as it is
 * made, so stopping half-way loses nothing.
 *
 * @example
 * await reviewSuggestions(store, async (item) => (item.redaction.reason === "phone" ? "accept" : "skip"), { author: "a reporter" });
 * // → { accepted: 11, rejected: 0, skipped: 80, left: 80 }
 */
import type { Redaction, RedactionReason } from "../../model/redaction.js";
import type { RedactionQuery } from "../../store/redaction-store.js";
import type { ArchiveStore } from "../../store/store.js";
import { spanInContext, type SpanInContext } from "./context.js";

export type ReviewAnswer = "accept" | "reject" | "skip" | "quit";

/** A suggestion as shown to the reviewer. */
export interface ReviewItem {
  redaction: Redaction;
  documentTitle: string;
  context: SpanInContext;
  /** 1 for the first suggestion shown, and so on. */
  position: number;
  /** Suggestions in the queue when the review began. */
  total: number;
}

export interface ReviewOptions {
  /** Who decides. */
  author: string;
  /** Only this document's suggestions. */
  documentId?: number;
  /** Only suggestions made for this reason. */
  reason?: RedactionReason;
}

export interface ReviewSummary {
  accepted: number;
  rejected: number;
  skipped: number;
  /** Suggestions still waiting for a decision. */
  left: number;
}

/** Shows each suggestion to `ask` and records the answer, until the queue is done or the answer is `quit`. */
export async function reviewSuggestions(store: ArchiveStore, ask: (item: ReviewItem) => Promise<ReviewAnswer>, options: ReviewOptions): Promise<ReviewSummary> {
  const query: RedactionQuery = { status: "suggested", ...(options.documentId !== undefined && { documentId: options.documentId }), ...(options.reason && { reason: options.reason }) };
  const summary: ReviewSummary = { accepted: 0, rejected: 0, skipped: 0, left: 0 };
  const total = store.redactions.countRedactions(query);
  for (let position = 1; ; position++) {
    // Decided suggestions leave the queue; skipped ones stay at its head.
    const [redaction] = store.redactions.listRedactions({ ...query, limit: 1, offset: summary.skipped });
    if (!redaction) break;
    const context = spanInContext(store.redactions.documentText(redaction.documentId), redaction.start, redaction.end);
    const document = store.getDocument(redaction.documentId);
    const answer = await ask({ redaction, documentTitle: document.title ?? document.name, context, position, total });
    if (answer === "quit") break;
    if (answer === "skip") {
      summary.skipped++;
      continue;
    }
    store.redactions.decideRedaction(redaction.id, answer === "accept" ? "accepted" : "rejected", options.author);
    store.commit();
    if (answer === "accept") summary.accepted++;
    else summary.rejected++;
  }
  summary.left = store.redactions.countRedactions(query);
  return summary;
}
