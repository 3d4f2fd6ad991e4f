import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildExcerpt, ExcerptError, segmentsText, UNTITLED, type Excerpt } from "../../../src/publish/export/excerpt.js";
import { REDACTION_MARK } from "../../../src/publish/leak-check/check.js";
import { acceptedRedaction, storedDocument } from "./documents.js";

const REPORT = [
  "Meeting at the Karbala exhibition",
  "",
  "1. On 4 December the officer met Sheikh Harith al-Zubaidi at the photo exhibition.",
  "2. The sheikh (حارث نوري الزبيدي in the Arabic press) asked for the first instalment.",
  "3. The money went through Harith\nal-Zubaidi's office director, and Source 134250 confirmed it.",
  "4. The officer left by taxi.",
].join("\n");

const ZUBAIDI_FORMS = [
  { form: "Harith al-Zubaidi", redactionId: 1 },
  { form: "حارث نوری الزبیدی", redactionId: 1 },
];

function passageText(excerpt: Excerpt): string {
  return excerpt.parts.map((part) => segmentsText(part.segments)).join("");
}

describe("buildExcerpt", () => {
  const document = storedDocument(5, REPORT, { title: "Payments to Harith al-Zubaidi" });
  const redactions = [acceptedRedaction(1, document, "Harith al-Zubaidi"), acceptedRedaction(2, document, "134250")];

  it("removes the accepted redactions, and the name wherever else it stands: in Arabic script, across a line break", () => {
    const excerpt = buildExcerpt({ document, redactions, forms: ZUBAIDI_FORMS });
    const text = passageText(excerpt);
    for (const leaked of ["Zubaidi", "الزبيدي", "حارث", "134250"]) assert.ok(!text.includes(leaked), `${leaked} survived in: ${text}`);
    assert.match(text, new RegExp(`met Sheikh ${REDACTION_MARK} at the photo exhibition`));
    assert.match(text, new RegExp(`The sheikh \\(${REDACTION_MARK} in the Arabic press\\)`));
    assert.match(text, new RegExp(`through ${REDACTION_MARK}'s office director, and Source ${REDACTION_MARK} confirmed`));
  });

  it("writes every span as the same block, whatever its length, and merges the words of one name", () => {
    const short = storedDocument(6, "Ali met Harith al-Zubaidi.", { title: "Notes" });
    const excerpt = buildExcerpt({ document: short, redactions: [acceptedRedaction(3, short, "Ali"), acceptedRedaction(4, short, "Harith"), acceptedRedaction(5, short, "al-Zubaidi")], forms: [] });
    assert.equal(passageText(excerpt), `${REDACTION_MARK} met ${REDACTION_MARK}.`);
    assert.equal(excerpt.blocks, 2);
  });

  it("redacts the title, and never falls back on the original's file name", () => {
    assert.equal(buildExcerpt({ document, redactions, forms: ZUBAIDI_FORMS }).title, `Payments to ${REDACTION_MARK}`);
    const untitled = storedDocument(7, "Harith al-Zubaidi was paid.", { title: "", name: "zubaidi-payments.txt" });
    assert.equal(buildExcerpt({ document: untitled, redactions: [], forms: ZUBAIDI_FORMS }).title, UNTITLED);
  });

  it("chooses a passage by character range, by paragraphs with their numbers, or whole", () => {
    const start = REPORT.indexOf("2. The sheikh");
    const byRange = buildExcerpt({ document, redactions, forms: ZUBAIDI_FORMS }, { range: { start, end: start + 13 } });
    assert.equal(passageText(byRange), "2. The sheikh");
    const byParagraphs = buildExcerpt({ document, redactions, forms: ZUBAIDI_FORMS }, { paragraphs: { first: 3, last: 4 } });
    assert.match(passageText(byParagraphs), /^2\. The sheikh[^]*3\. The money[^]*it\.$/);
    assert.deepEqual([buildExcerpt({ document, redactions, forms: [] }).start, buildExcerpt({ document, redactions, forms: [] }).end], [0, REPORT.length]);
  });

  it("removes the part of a name that a passage's edge cuts", () => {
    const end = REPORT.indexOf("Zubaidi at the photo") + 3;
    const excerpt = buildExcerpt({ document, redactions: [], forms: ZUBAIDI_FORMS }, { range: { start: REPORT.indexOf("1. On"), end } });
    assert.ok(passageText(excerpt).endsWith(`Sheikh ${REDACTION_MARK}`), passageText(excerpt));
  });

  it("keeps a redaction's words as a form after re-ingest detached it, but does not cut at its stale offsets", () => {
    const detached = { ...acceptedRedaction(8, document, "officer left"), start: 0, end: 7, detachedAt: "2015-07-02T00:00:00Z" };
    const text = passageText(buildExcerpt({ document, redactions: [detached], forms: [] }));
    assert.ok(text.startsWith("Meeting at"));
    assert.match(text, new RegExp(`4\\. The ${REDACTION_MARK} by taxi\\.`));
  });

  it("refuses a passage that takes part of a scanned page, whose image shows it all", () => {
    const scanned = storedDocument(9, "page one text\n\npage two text", {
      type: "pdf",
      pages: [
        { number: 1, start: 0, end: 13, ocr: true, ocrLanguages: "eng" },
        { number: 2, start: 15, end: 28, ocr: true, ocrLanguages: "eng" },
      ],
    });
    assert.throws(() => buildExcerpt({ document: scanned, redactions: [], forms: [] }, { range: { start: 0, end: 5 } }), ExcerptError);
    const page = buildExcerpt({ document: scanned, redactions: [], forms: [] }, { pages: { first: 2, last: 2 } });
    assert.deepEqual(page.parts.map((part) => part.kind === "scan" && part.page), [2]);
  });

  it("refuses a passage outside the document, or chosen two ways", () => {
    assert.throws(() => buildExcerpt({ document, redactions, forms: [] }, { range: { start: 0, end: REPORT.length + 1 } }), ExcerptError);
    assert.throws(() => buildExcerpt({ document, redactions, forms: [] }, { paragraphs: { first: 9, last: 9 } }), ExcerptError);
    assert.throws(() => buildExcerpt({ document, redactions, forms: [] }, { range: { start: 0, end: 5 }, paragraphs: { first: 1, last: 1 } }), ExcerptError);
  });
});
