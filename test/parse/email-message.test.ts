import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import fc from "fast-check";
import type { Cable, ParseInput } from "../../src/model/cable.js";
import type { ExtractedDocument } from "../../src/model/document.js";
import { emailMessageParser } from "../../src/parse/email-message.js";
import { extractForTest } from "../helpers/extract.js";

function asInput(document: ExtractedDocument): ParseInput {
  return { text: document.text, name: document.name, type: document.type, metadata: document.metadata };
}

function assertTraceable(cable: Cable, text: string): void {
  for (const paragraph of cable.paragraphs) assert.equal(text.slice(paragraph.start, paragraph.end), paragraph.text);
  if (cable.date?.start !== undefined) assert.equal(text.slice(cable.date.start, cable.date.end), cable.date.text);
}

describe("emailMessageParser on the sample e-mails", () => {
  let thread: ExtractedDocument[];

  before(async () => {
    thread = (await extractForTest("samples/email/partner-thread-2015.mbox")).documents.filter((document) => document.type === "email");
  });

  it("reads the fields of a plain message from its metadata and headers", async () => {
    const [document] = (await extractForTest("samples/email/2015-07-09-translation-query.eml")).documents;
    const input = asInput(document!);
    assert.equal(emailMessageParser.recognises(input), true);
    const cable = emailMessageParser.parse(input);
    assert.equal(cable.layout, "email");
    assert.equal(cable.reference, "<55ACB3E1.3010507@example.org>");
    assert.equal(cable.date?.iso, "2015-07-09");
    assert.equal(cable.date?.calendar, "gregorian");
    assert.equal(cable.sender, '"Leila Rahnavard" <leila.rahnavard@example.org>');
    assert.equal(cable.origin, cable.sender);
    assert.deepEqual(cable.to, ['"Persian desk" <fa-desk@example.org>']);
    assert.deepEqual(cable.info, []);
    assert.equal(cable.subject, 'Report 1393/07/15 (Karbala): "National Reform Bloc" and the Tamimi spellings');
    assert.ok(cable.paragraphs.some((paragraph) => paragraph.text === "Hi Translator 2,"));
    assert.ok(cable.paragraphs.every((paragraph) => paragraph.start > input.text.indexOf("\n\n")), "no header line is a paragraph");
    assert.equal(cable.language, "en");
    assert.deepEqual(cable.warnings, []);
    assertTraceable(cable, input.text);
  });

  it("reads an Arabic message in Windows-1256 with its numbered paragraphs", async () => {
    const [document] = (await extractForTest("samples/email/2015-07-14-basra-stringer.eml")).documents;
    const cable = emailMessageParser.parse(asInput(document!));
    assert.equal(cable.subject, "صرافة النخيل - معلومات (خاص)");
    assert.equal(cable.language, "ar");
    assert.deepEqual(cable.paragraphs.filter((paragraph) => paragraph.number).map((paragraph) => paragraph.number), ["1", "2", "3", "4", "5"]);
  });

  it("takes Cc as information addressees and the thread's Message-IDs as references", () => {
    assert.equal(thread.length, 5);
    const reply = emailMessageParser.parse(asInput(thread[1]!));
    assert.deepEqual(reply.info, ['"Tom Castellan" <tom.castellan@example.org>']);
    assert.deepEqual(reply.references, [{ text: "<55B0F1A2.9030104@example.org>", canonical: "<55B0F1A2.9030104@example.org>" }]);
    const toTwo = emailMessageParser.parse(asInput(thread[2]!));
    assert.deepEqual(toTwo.to, ['"Leila Rahnavard" <leila.rahnavard@example.org>', '"Ines Okoro" <i.okoro@example.net>']);
  });

  it("leaves the quoted earlier message out of the reply's paragraphs", () => {
    const document = thread[1]!;
    assert.ok(document.text.includes("\n> "), "the sample reply quotes its predecessor");
    const cable = emailMessageParser.parse(asInput(document));
    assert.ok(cable.paragraphs.length >= 4);
    assert.ok(cable.paragraphs.every((paragraph) => !paragraph.text.startsWith(">")));
  });

  it("finds the source numbers a message mentions", () => {
    assert.deepEqual(emailMessageParser.parse(asInput(thread[0]!)).sources, ["134250", "134905", "138012"]);
  });
});

describe("emailMessageParser on odd messages", () => {
  const message = (metadata: Record<string, unknown>, text: string): ParseInput => ({ text, name: "message.eml", type: "email", metadata });

  it("recognises only documents of type email", () => {
    assert.equal(emailMessageParser.recognises({ ...message({}, "From: a@x\n\nHi"), type: "text" }), false);
  });

  it("falls back on the headers of the text when the metadata lacks a field", () => {
    const text = "From: desk@example.org\nTo: a@example.org, \"Okoro, Ines\" <i@example.net>\nDate: 2 Jun 2015 10:00:00 +0430\nSubject: Meeting\n\nFirst.\n\nSecond.";
    const cable = emailMessageParser.parse(message({}, text));
    assert.equal(cable.sender, "desk@example.org");
    assert.deepEqual(cable.to, ["a@example.org", '"Okoro, Ines" <i@example.net>']);
    assert.equal(cable.subject, "Meeting");
    assert.equal(cable.date?.iso, "2015-06-02");
    assert.deepEqual(cable.paragraphs.map((paragraph) => paragraph.text), ["First.", "Second."]);
    assertTraceable(cable, text);
  });

  it("uses the reader's UTC date when the Date header cannot be read, and warns when there is none", () => {
    const unreadable = emailMessageParser.parse(message({ date: "2015-07-09T08:42:17.000Z" }, "Date: sometime soon\n\nBody"));
    assert.equal(unreadable.date?.iso, "2015-07-09");
    const none = emailMessageParser.parse(message({}, "Just a body with no headers."));
    assert.equal(none.date, undefined);
    assert.equal(none.warnings.length, 1);
    assert.deepEqual(none.paragraphs.map((paragraph) => paragraph.text), ["Just a body with no headers."]);
  });

  it("ignores metadata of the wrong types", () => {
    const cable = emailMessageParser.parse(message({ messageId: 42, from: ["x"], to: null, subject: {}, references: [1, "<a@x>"] }, ""));
    assert.equal(cable.reference, undefined);
    assert.equal(cable.sender, undefined);
    assert.deepEqual(cable.references, [{ text: "<a@x>", canonical: "<a@x>" }]);
  });

  it("never throws, whatever the text and metadata", () => {
    const metadata = fc.dictionary(fc.constantFrom("messageId", "from", "to", "cc", "date", "subject", "references", "inReplyTo"), fc.oneof(fc.string(), fc.integer(), fc.array(fc.string()), fc.constant(null)));
    const text = fc.oneof(fc.string({ unit: "binary" }), fc.array(fc.constantFrom("From: a@x", "Date: ", "Thu, 09 Jul 2015", "\n", "\n\n", "> quoted", "1. ", "Source 134832"), { maxLength: 30 }).map((parts) => parts.join("")));
    fc.assert(
      fc.property(text, metadata, (body, fields) => {
        const cable = emailMessageParser.parse(message(fields, body));
        assertTraceable(cable, body);
      }),
      { numRuns: 300 },
    );
  });
});
