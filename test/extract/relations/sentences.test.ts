import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { splitSentences } from "../../../src/text/sentences.js";

function sentencesOf(text: string): string[] {
  return splitSentences(text).map((span) => text.slice(span.start, span.end));
}

describe("splitSentences", () => {
  it("does not end a sentence after a title, an initialism, a number sign or a decimal", () => {
    assert.deepEqual(sentencesOf("Maj. Gen. Qassem Doe met the U.S. envoy in Bldg. No. 3 at 9 a.m. today. He paid 87.5 euros."), [
      "Maj. Gen. Qassem Doe met the U.S. envoy in Bldg. No. 3 at 9 a.m. today.",
      "He paid 87.5 euros.",
    ]);
  });

  it("ends a sentence after an initialism when a new sentence plainly starts", () => {
    assert.deepEqual(sentencesOf("The money went to the U.S. The minister denied it."), ["The money went to the U.S.", "The minister denied it."]);
  });

  it("keeps a cable's subject line whole over the lines it was wrapped onto, and a short one alone", () => {
    const cable = "SUBJECT: BASRA: CENTRAL BANK SCRUTINY OF FOUR EXCHANGE HOUSES; AL-ZAHRA\nMOVES CASH NORTH\nREF: A. 14 BAGHDAD 1\n\n1. Text.";
    assert.deepEqual(sentencesOf(cable), ["SUBJECT: BASRA: CENTRAL BANK SCRUTINY OF FOUR EXCHANGE HOUSES; AL-ZAHRA\nMOVES CASH NORTH", "REF: A. 14 BAGHDAD 1", "Text."]);
    assert.deepEqual(sentencesOf("Subject: Meeting with X\nThe minister came."), ["Subject: Meeting with X", "The minister came."]);
  });

  it("leaves paragraph marks out and starts a sentence at each: 1., ¶2., ۱-, (a)", () => {
    const text = "1. First point.\n¶2. Second point\n۱- نکتهٔ سوم.\n(a) Fourth point";
    assert.deepEqual(sentencesOf(text), ["First point.", "Second point", "نکتهٔ سوم.", "Fourth point"]);
  });

  it("joins the hard-wrapped lines of a cable and ends a sentence at a blank line", () => {
    const text = "¶1. (C) On July 25, Poloff met with the\r\nUndersecretary to discuss aid\r\n \r\nDRUCKER";
    assert.deepEqual(sentencesOf(text), ["(C) On July 25, Poloff met with the\r\nUndersecretary to discuss aid", "DRUCKER"]);
  });

  it("keeps header lines apart, cable headers included", () => {
    assert.deepEqual(sentencesOf("Subject: Meeting with the source\nFrom: Baghdad Station\nFM AMEMBASSY BAGHDAD\nTO SECSTATE WASHDC 5347\nBody text."), [
      "Subject: Meeting with the source",
      "From: Baghdad Station",
      "FM AMEMBASSY BAGHDAD",
      "TO SECSTATE WASHDC 5347",
      "Body text.",
    ]);
  });

  it("splits Persian at the full stop and the Arabic question mark, and keeps a closing quote with its sentence", () => {
    assert.deepEqual(sentencesOf("او گفت: «من یکی از شما هستم.» منبع پرسید: چرا؟ پاسخی نداد."), ["او گفت: «من یکی از شما هستم.»", "منبع پرسید: چرا؟", "پاسخی نداد."]);
  });

  it("splits a flattened cable at every pilcrow", () => {
    assert.deepEqual(sentencesOf("Subject: Talks ¶1. (C) Summary: the talks went well ¶2. (C) More"), ["Subject: Talks", "(C) Summary: the talks went well", "(C) More"]);
  });

  it("gives spans inside the text, in order, trimmed and never empty, whatever the text", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "B", " ", ".", "\n", "¶", "1", "-", "؟", "«", "»", "\r", "M", "r", "ی", ":", "(", ")") }), (text) => {
        let previousEnd = 0;
        for (const span of splitSentences(text)) {
          assert.ok(span.start >= previousEnd && span.start < span.end && span.end <= text.length);
          assert.equal(text.slice(span.start, span.end).trim(), text.slice(span.start, span.end));
          previousEnd = span.end;
        }
      }),
    );
  });
});
