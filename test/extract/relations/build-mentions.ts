/**
 * Mentions for relation tests, chosen by the test instead of the statistical
 * model, so that a test states exactly which names the extractor is given:
 * the rules find money, dates and informants as in `findMentions`; the test
 * names the people, organisations and places (every occurrence is marked).
 */
import type { FoundMention } from "../../../src/extract/mentions.js";
import { findRuleMentions } from "../../../src/extract/rules/index.js";
import type { EntityType, MentionAttributes } from "../../../src/model/entity.js";

export interface NamedSpan {
  text: string;
  type: EntityType;
  attributes?: MentionAttributes;
}

export function mentionsFor(text: string, names: readonly NamedSpan[] = [], options: { jalali?: boolean } = {}): FoundMention[] {
  const ruled = findRuleMentions(text, options.jalali ? { calendar: "jalali" } : {}).map((mention) => ({ ...mention, name: mention.text }));
  const named: FoundMention[] = [];
  for (const { text: name, type, attributes = {} } of names) {
    for (let start = text.indexOf(name); start >= 0; start = text.indexOf(name, start + 1)) {
      const end = start + name.length;
      if (ruled.some((mention) => mention.start < end && start < mention.end)) continue;
      named.push({ type, text: name, name, start, end, normalized: name.toLowerCase(), attributes, origin: "model", confidence: 1 });
    }
  }
  return [...ruled, ...named].sort((a, b) => a.start - b.start);
}
