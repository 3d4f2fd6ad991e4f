import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { ruleMention, withoutOverlaps } from "../../../src/extract/rules/rule-mention.js";
import type { Mention } from "../../../src/model/entity.js";

const TEXT = "x".repeat(200);
const mention = (start: number, length: number, normalized = `${start}`): Mention => ruleMention(TEXT, "money", start, start + length, normalized, {});

/** The same rule, stated plainly: each list in turn, each mention in text order, kept unless it overlaps one kept before. */
function reference(lists: Mention[][]): Mention[] {
  const kept: Mention[] = [];
  for (const list of lists) {
    for (const candidate of [...list].sort((a, b) => a.start - b.start || b.end - a.end)) {
      if (!kept.some((other) => other.start < candidate.end && candidate.start < other.end)) kept.push(candidate);
    }
  }
  return kept.sort((a, b) => a.start - b.start);
}

describe("withoutOverlaps", () => {
  it("keeps the mention from the earlier list, then the earlier and longer one", () => {
    const email = mention(10, 20, "email");
    const phone = mention(12, 11, "phone");
    const date = mention(40, 5, "date");
    assert.deepEqual(withoutOverlaps([[email], [phone, date]]), [email, date]);
    const short = mention(50, 3, "short");
    const long = mention(50, 9, "long");
    assert.deepEqual(withoutOverlaps([[short, long]]), [long]);
  });

  it("agrees with the plain quadratic rule on any lists of mentions", () => {
    const mentions = fc.array(fc.tuple(fc.integer({ min: 0, max: 180 }), fc.integer({ min: 1, max: 19 })).map(([start, length]) => mention(start, length)), { maxLength: 30 });
    fc.assert(
      fc.property(fc.array(mentions, { maxLength: 5 }), (lists) => {
        assert.deepEqual(withoutOverlaps(lists), reference(lists));
      }),
    );
  });

  it("makes mentions whose text is their slice, marked as from a rule", () => {
    const made = ruleMention("paid $5 today", "money", 5, 7, "5 USD", { amount: 5, currency: "USD" }, 0.9);
    assert.deepEqual(made, { type: "money", text: "$5", start: 5, end: 7, normalized: "5 USD", attributes: { amount: 5, currency: "USD" }, origin: "rule", confidence: 0.9 });
  });
});
