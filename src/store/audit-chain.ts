/**
 * The audit trail's hash chain. Each entry's hash is SHA-256 over the hash
 * before it and a canonical JSON of the entry, and the archive keeps the last
 * entry's seq and hash apart from the entries (the head). Walking the chain
 * then shows the first entry that was edited, removed from the middle
 * (a gap in seq) or removed from the end (the head names an entry that is no
 * longer there).
 *
 * What the chain cannot do on its own: someone who can write the archive file
 * can rewrite every hash after an edit, and the head with them, and the chain
 * verifies again. Only a head copied somewhere they cannot reach (an anchor:
 * `trove audit verify --anchor SEQ:HASH`) shows that. docs/security.md has the
 * whole threat model.
 */
import { createHash } from "node:crypto";
import type { AuditEvent } from "../model/user.js";

/** The `previousHash` of the first entry. */
export const GENESIS_HASH = "0".repeat(64);

export type AuditFields = Omit<AuditEvent, "previousHash" | "hash">;

/** JSON with object keys sorted at every level, so that the same entry always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, field]) => field !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, field]) => `${JSON.stringify(key)}:${canonicalJson(field)}`).join(",")}}`;
}

export function auditHash(previousHash: string, fields: AuditFields): string {
  const { seq, at, actor, action, target, detail, from } = fields;
  return createHash("sha256").update(previousHash).update("\n").update(canonicalJson({ seq, at, actor, action, target, detail, from })).digest("hex");
}

export interface AuditHead {
  seq: number;
  hash: string;
}

export type AuditBreak =
  | { seq: number; problem: "edited"; message: string }
  | { seq: number; problem: "missing"; message: string }
  | { seq: number; problem: "relinked"; message: string }
  | { seq: number; problem: "head-mismatch"; message: string }
  | { seq: number; problem: "anchor-mismatch"; message: string };

export interface AuditVerification {
  ok: boolean;
  /** Entries read. */
  entries: number;
  /** The last entry as the chain ends; keep it elsewhere to anchor a later verification. */
  head: AuditHead | null;
  /** The first place the chain is broken; absent when it is whole. */
  broken?: AuditBreak;
}

/**
 * Walks `events` in seq order and checks every link, then the stored head,
 * then `anchor` (a head noted earlier, which the chain must still pass through).
 */
export function verifyAuditChain(events: Iterable<AuditEvent>, storedHead: AuditHead | null, anchor?: AuditHead): AuditVerification {
  let previous = GENESIS_HASH;
  let expectedSeq = 1;
  let entries = 0;
  let anchorSeen = false;
  const result = (broken?: AuditBreak): AuditVerification => {
    const head = entries === 0 ? null : { seq: expectedSeq - 1, hash: previous };
    return broken ? { ok: false, entries, head, broken } : { ok: true, entries, head };
  };
  for (const event of events) {
    if (event.seq !== expectedSeq) return result({ seq: expectedSeq, problem: "missing", message: `entry ${expectedSeq} is missing: the trail goes from ${expectedSeq - 1} to ${event.seq}` });
    if (event.previousHash !== previous) return result({ seq: event.seq, problem: "relinked", message: `entry ${event.seq} does not follow from entry ${event.seq - 1}: its previous hash differs` });
    if (auditHash(previous, event) !== event.hash) return result({ seq: event.seq, problem: "edited", message: `entry ${event.seq} was changed after it was written: its hash no longer matches its content` });
    if (anchor && anchor.seq === event.seq) {
      if (anchor.hash !== event.hash) return result({ seq: event.seq, problem: "anchor-mismatch", message: `entry ${event.seq} is not the one anchored: the trail up to it was rewritten` });
      anchorSeen = true;
    }
    previous = event.hash;
    expectedSeq += 1;
    entries += 1;
  }
  const lastSeq = expectedSeq - 1;
  if (storedHead === null ? entries > 0 : storedHead.seq !== lastSeq || storedHead.hash !== previous) {
    const seq = storedHead && storedHead.seq > lastSeq ? lastSeq + 1 : lastSeq;
    const message = storedHead && storedHead.seq > lastSeq
      ? `entries ${lastSeq + 1} to ${storedHead.seq} are missing from the end of the trail`
      : `the trail's recorded head (entry ${storedHead?.seq ?? "none"}) does not match its last entry (${lastSeq})`;
    return result({ seq, problem: storedHead && storedHead.seq > lastSeq ? "missing" : "head-mismatch", message });
  }
  if (anchor && !anchorSeen) {
    return result({ seq: anchor.seq, problem: "missing", message: `the anchored entry ${anchor.seq} is no longer in the trail, which ends at ${lastSeq}` });
  }
  return result();
}
