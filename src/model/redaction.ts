/**
 * The redaction model: what must never leave the newsroom in a published
 * excerpt. A redaction is a span of one document's text, or a whole entity —
 * every mention of it, in every script and spelling, in the original and in
 * its translation. Suggestions come from rules (informant numbers, people
 * linked to a source, phone numbers, e-mail addresses, addresses, plates); a
 * reporter accepts or rejects each one, and only accepted redactions are
 * applied on export.
 */

export type RedactionStatus = "suggested" | "accepted" | "rejected";

export const REDACTION_STATUSES: readonly RedactionStatus[] = ["suggested", "accepted", "rejected"];

/** Why a span is redacted. Suggestions say which rule made them; a reporter's own redaction is `manual`. */
export type RedactionReason =
  | "source"
  | "linked-to-source"
  | "phone"
  | "email"
  | "address"
  | "plate"
  | "manual";

export const REDACTION_REASONS: readonly RedactionReason[] = [
  "source", "linked-to-source", "phone", "email", "address", "plate", "manual",
];

export interface Redaction {
  id: number;
  documentId: number;
  /** Offsets into the document's text as stored (UTF-16, end exclusive). */
  start: number;
  end: number;
  /** The redacted text, as it stood in the document when the redaction was made. */
  text: string;
  /** Set when the redaction came from an entity: every alias of that entity is then redacted too. */
  entityId: number | null;
  reason: RedactionReason;
  /** A reporter's explanation, or the rule's. */
  note: string | null;
  status: RedactionStatus;
  /** Who made it: a user name, or `trove` for a suggestion. */
  author: string;
  createdAt: string;
  /** Who accepted or rejected it, and when; null while suggested. */
  decidedBy: string | null;
  decidedAt: string | null;
  /**
   * Set when re-ingest replaced the document's text and the redacted words
   * were found nowhere in the new text. The redaction is kept, so that it is
   * never silently lost: it is no longer applied (nothing at its offsets is
   * what it hid), but its text stays among the forms the leak check looks
   * for, and it waits in the review queue until a reporter looks at it.
   */
  detachedAt?: string;
}

/** What happened to a redaction after it was made: a reporter's decision, or re-ingest moving or detaching it. */
export type RedactionEventKind = "accepted" | "rejected" | "moved" | "detached";

/** One line of a redaction's history: who decided what and when, kept for the audit trail. */
export interface RedactionEvent {
  redactionId: number;
  kind: RedactionEventKind;
  /** A user name, or `trove` for what re-ingest did. */
  by: string;
  note: string | null;
  at: string;
}

/** What a leak check found: a redacted string, or a form of one, still present in an exported file. */
export interface Leak {
  /** Where it was found: `text`, `title`, `file name`, `metadata:Author`, `xmp`, `alt`, `image 2 (OCR)` … */
  location: string;
  /** The form that was looked for: the redacted text, an alias, a spelling or a normalised form. */
  form: string;
  /** A little of what was found around it, with the form itself masked, so the report does not leak it again. */
  context: string;
  redactionId: number;
}

/** `trove publish check --json`. */
export interface LeakCheck {
  file: string;
  passed: boolean;
  /** Every place searched, so a reader can see what "passed" covers. */
  searched: string[];
  leaks: Leak[];
}
