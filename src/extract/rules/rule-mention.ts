/**
 * What every rule returns: `Mention`s whose text is exactly the slice of the
 * input they were found in, marked as coming from a rule, and kept apart from
 * each other.
 */
import type { EntityType, Mention, MentionAttributes } from "../../model/entity.js";

/** Confidence of a pattern strict enough to be taken as read. */
export const STRICT = 1;

/** A rule mention of `text.slice(start, end)`. */
export function ruleMention(
  text: string,
  type: EntityType,
  start: number,
  end: number,
  normalized: string,
  attributes: MentionAttributes,
  confidence: number = STRICT,
): Mention {
  return { type, text: text.slice(start, end), start, end, normalized, attributes, origin: "rule", confidence };
}

/**
 * Merges lists of mentions into one, in text order, without overlaps: a
 * mention that overlaps one from an earlier list is dropped, and within a
 * list the earlier (then the longer) mention wins. Linear in the number of
 * mentions per list, so that a document with a hundred thousand numbers does
 * not stall ingest.
 *
 * @example
 * withoutOverlaps([emails, sources, phones]) // an e-mail beats a phone number inside it
 */
export function withoutOverlaps(listsByPriority: Mention[][]): Mention[] {
  let kept: Mention[] = [];
  for (const list of listsByPriority) {
    const candidates = [...list].sort((a, b) => a.start - b.start || b.end - a.end);
    const admitted: Mention[] = [];
    let blocker = 0;
    let lastEnd = -1;
    for (const mention of candidates) {
      if (mention.start < lastEnd) continue;
      while (blocker < kept.length && kept[blocker]!.end <= mention.start) blocker++;
      const next = kept[blocker];
      if (next && next.start < mention.end) continue;
      admitted.push(mention);
      lastEnd = mention.end;
    }
    kept = mergeByStart(kept, admitted);
  }
  return kept;
}

function mergeByStart(a: Mention[], b: Mention[]): Mention[] {
  const merged: Mention[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]!.start <= b[j]!.start)) merged.push(a[i++]!);
    else merged.push(b[j++]!);
  }
  return merged;
}
