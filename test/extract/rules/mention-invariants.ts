import assert from "node:assert/strict";
import type { EntityType, Mention } from "../../../src/model/entity.js";

/**
 * What every rule mention must satisfy whatever the input: offsets inside the
 * text and on its slice, rule origin, a confidence in (0, 1], mentions in text
 * order and never overlapping; money with a finite positive amount.
 */
export function assertSaneMentions(text: string, mentions: Mention[], types?: readonly EntityType[]): void {
  let previousEnd = 0;
  for (const mention of mentions) {
    assert.ok(Number.isInteger(mention.start) && Number.isInteger(mention.end), "integer offsets");
    assert.ok(mention.start >= 0 && mention.end <= text.length && mention.start < mention.end, `offsets ${mention.start}-${mention.end} in a text of ${text.length}`);
    assert.equal(mention.text, text.slice(mention.start, mention.end));
    assert.ok(mention.start >= previousEnd, `mentions in order without overlap at ${mention.start}`);
    previousEnd = mention.end;
    assert.equal(mention.origin, "rule");
    assert.ok(mention.confidence > 0 && mention.confidence <= 1);
    assert.ok(mention.normalized.length > 0);
    if (types) assert.ok(types.includes(mention.type), `type ${mention.type}`);
    if (mention.type === "money") {
      const { amount, currency } = mention.attributes;
      assert.ok(typeof amount === "number" && Number.isFinite(amount) && amount > 0, `amount ${amount}`);
      assert.ok(currency && currency.length > 0);
      assert.equal(mention.normalized, `${amount} ${currency}`);
    }
    if (mention.type === "source") assert.ok(mention.normalized.startsWith("source:") && mention.attributes.sourceId);
    if (mention.type === "phone") assert.match(mention.attributes.phone ?? "", /^\+?\d{7,15}$/);
    if (mention.type === "date") assert.ok(mention.attributes.calendar);
  }
}

/** Mentions as `[text, normalized]` pairs, for compact expectations. */
export function pairs(mentions: Mention[]): Array<[string, string]> {
  return mentions.map((mention) => [mention.text, mention.normalized]);
}

/** The one mention found, checked to span `expected` at its first occurrence in `text`. */
export function onlyMention(text: string, mentions: Mention[], expected: string): Mention {
  assert.equal(mentions.length, 1, `one mention in ${JSON.stringify(text)}, found ${JSON.stringify(pairs(mentions))}`);
  const mention = mentions[0]!;
  assert.equal(mention.text, expected);
  assert.equal(mention.start, text.indexOf(expected));
  assert.equal(mention.end, text.indexOf(expected) + expected.length);
  return mention;
}
