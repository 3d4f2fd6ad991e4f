import assert from "node:assert/strict";
import path from "node:path";
import { describe, it } from "node:test";
import { spanInContext } from "../../../src/publish/redaction/context.js";
import { reviewSuggestions, type ReviewAnswer, type ReviewItem } from "../../../src/publish/redaction/review.js";
import { addSuggestions } from "../../../src/publish/redaction/suggestions.js";
import { SqliteStore } from "../../../src/store/sqlite/sqlite-store.js";
import { extracted } from "../../helpers/documents.js";
import { tempDir } from "../../helpers/temp-dir.js";

const NOTE = "Source 134832 gave his number, 07712640388, and his e-mail, desk@example.org. He drives a car with Karbala plate 45821.\n";

function archive(): SqliteStore {
  const store = SqliteStore.open(path.join(tempDir(), "review.db"));
  store.saveDocument(extracted("/leak/note.txt", NOTE));
  addSuggestions(store);
  return store;
}

/** Answers in turn, recording what was shown. */
function scripted(answers: ReviewAnswer[], shown: ReviewItem[]): (item: ReviewItem) => Promise<ReviewAnswer> {
  return async (item) => {
    shown.push(item);
    return answers.shift() ?? "quit";
  };
}

describe("reviewing suggestions one at a time", () => {
  it("shows each suggestion in its context and records each answer as it is given", async () => {
    const store = archive();
    const shown: ReviewItem[] = [];
    const summary = await reviewSuggestions(store, scripted(["accept", "skip", "reject", "quit"], shown), { author: "a reporter" });
    assert.deepEqual(summary, { accepted: 1, rejected: 1, skipped: 1, left: 2 });
    assert.deepEqual(shown.map((item) => item.redaction.text), ["134832", "07712640388", "desk@example.org", "45821"]);
    assert.deepEqual(shown.map((item) => item.position), [1, 2, 3, 4]);
    assert.equal(shown[0]!.total, 4);
    assert.equal(shown[0]!.context.span, "134832");
    assert.match(shown[0]!.context.after, /^ gave his number/);
    assert.equal(shown[0]!.documentTitle, NOTE.split("\n")[0]);
    const statuses = store.redactions.listRedactions().map((redaction) => [redaction.text, redaction.status, redaction.decidedBy]);
    assert.deepEqual(statuses, [
      ["134832", "accepted", "a reporter"],
      ["07712640388", "suggested", null],
      ["desk@example.org", "rejected", "a reporter"],
      ["45821", "suggested", null],
    ]);
    store.close();
  });

  it("reviews only the reason asked for, and ends when the queue does", async () => {
    const store = archive();
    const shown: ReviewItem[] = [];
    const summary = await reviewSuggestions(store, scripted(["accept", "accept"], shown), { author: "a reporter", reason: "phone" });
    assert.deepEqual(shown.map((item) => item.redaction.reason), ["phone"]);
    assert.deepEqual(summary, { accepted: 1, rejected: 0, skipped: 0, left: 0 });
    store.close();
  });
});

describe("a span in its context", () => {
  it("shows a few words on each side on one line, with marks where the text goes on", () => {
    const text = "He left with Karbala\nplate 45821. A local journalist saw him.";
    assert.deepEqual(spanInContext(text, 27, 32, 3), { before: "…with Karbala plate ", span: "45821", after: ". A local journalist…" });
    assert.deepEqual(spanInContext(text, 0, 2, 2), { before: "", span: "He", after: " left with…" });
    assert.deepEqual(spanInContext("x".repeat(500) + "SPAN", 500, 504, 3).before.length, 81, "a side is cut however long its words");
  });
});
