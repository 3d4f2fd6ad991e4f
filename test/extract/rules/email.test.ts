import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findEmailMentions } from "../../../src/extract/rules/email.js";
import { assertSaneMentions, onlyMention, pairs } from "./mention-invariants.js";

function emails(text: string) {
  const found = findEmailMentions(text);
  assertSaneMentions(text, found, ["email"]);
  return found;
}

describe("e-mail addresses", () => {
  it("reads addresses in running text in any language and lower-cases the normalised form", () => {
    for (const [text, written] of [
      ["write to Desk.Editor@Example.NET.", "Desk.Editor@Example.NET"],
      ["نشانی ایمیل او reporter.one@example.org است", "reporter.one@example.org"],
      ["البريد: <a.reporter+leaks@mail.example.co.uk>", "a.reporter+leaks@mail.example.co.uk"],
      ["(mailto:desk_2015@example.com)", "desk_2015@example.com"],
    ] as const) {
      const mention = onlyMention(text, emails(text), written);
      assert.equal(mention.normalized, written.toLowerCase());
    }
  });

  it("trims dots before the address and rejects malformed ones", () => {
    assert.deepEqual(pairs(emails("...desk@example.com")), [["desk@example.com", "desk@example.com"]]);
    for (const text of ["desk@example", "desk@.com", "desk.@example.com", "de..sk@example.com", "@example.com", "desk@example.c0m", "desk@-example.com"]) {
      assert.deepEqual(emails(text), [], text);
    }
  });

  it("skips message identifiers in mail headers, folded lines included", () => {
    const headers = [
      "Message-ID: <55ACB3E1.3010507@example.org>",
      "From: A Reporter <a.reporter@example.org>",
      "References: <55B0F1A2.9030104@example.org>",
      " <CAF7tq0w2.reply@mail.example.net>",
      "In-Reply-To: <55AF5E3B.7060808@example.org>",
    ].join("\n");
    assert.deepEqual(pairs(emails(headers)), [["a.reporter@example.org", "a.reporter@example.org"]]);
  });

  it("gives sane output on empty, huge and odd text", () => {
    for (const text of ["", "@".repeat(100_000), "a".repeat(100_000) + "@example.com", `a@${"b.".repeat(50_000)}com`, "x@y.com\uD800", "a@b.c".repeat(20_000)]) emails(text);
    assert.deepEqual(emails("a".repeat(100_000) + "@example.com"), []);
  });
});
