import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import type { Cable, CableParagraph } from "../../../src/model/cable.js";
import { archiveSpan, datesOutsideSpan, translationStructure } from "../../../src/publish/verification/consistency.js";

function cable(numbers: string[], language: Cable["language"]): Cable {
  let offset = 0;
  const paragraphs = numbers.map((number): CableParagraph => {
    const paragraph = { number, text: `paragraph ${number}`, start: offset, end: offset + 12 };
    offset += 13;
    return paragraph;
  });
  return { layout: "field-report", otherDates: [], to: [], info: [], caveats: [], tags: [], references: [], paragraphs, sources: [], language, warnings: [] };
}

const dayAfter = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe("the archive's span of dates", () => {
  const reports = Array.from({ length: 40 }, (_, index) => dayAfter("2014-09-16", index * 8));

  it("spans where the documents are dated and leaves a far outlier outside its fences", () => {
    const span = archiveSpan([...reports, "1986-03-14"])!;
    assert.equal(span.first, "2014-09-16");
    assert.equal(span.last, reports.at(-1));
    assert.equal(span.dated, 41);
    assert.ok(span.lowerFence > "1986-03-14" && span.lowerFence < "2014-09-16");
    const findings = datesOutsideSpan(
      [
        { id: 1, date: "2014-10-01", title: "a report" },
        { id: 2, date: "1986-03-14", title: "Iran: networks among exiles" },
      ],
      span,
    );
    assert.equal(findings.length, 1);
    assert.deepEqual(findings[0]!.documentIds, [2]);
    assert.equal(findings[0]!.severity, "info");
    assert.match(findings[0]!.message, /Dated 1986-03-14, far before the archive's other documents \(2014-09-16 to /);
  });

  it("does not call a handful of dated documents an archive", () => {
    assert.equal(archiveSpan(["2014-10-01", "2014-10-02", "1986-03-14"]), undefined);
  });

  it("property: the fences always enclose the middle half of the dates, and a month more", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20_000 }), { minLength: 8, maxLength: 200 }), (offsets) => {
        const dates = offsets.map((days) => dayAfter("1970-01-01", days));
        const span = archiveSpan(dates)!;
        const sorted = [...dates].sort();
        const [q1, q3] = [sorted[Math.floor(0.25 * (sorted.length - 1))]!, sorted[Math.floor(0.75 * (sorted.length - 1))]!];
        return span.lowerFence <= dayAfter(q1, -31) && span.upperFence >= dayAfter(q3, 31) && span.first >= span.lowerFence && span.last <= span.upperFence;
      }),
    );
  });
});

describe("original and translation structure", () => {
  it("accepts a translation with the same numbered paragraphs in other digits", () => {
    assert.equal(translationStructure(1, 2, cable(["۱", "۲", "۳"], "fa"), cable(["1", "2", "3"], "en")), undefined);
  });

  it("names the paragraphs one side lacks", () => {
    const finding = translationStructure(1, 2, cable(["۱", "۲", "۳", "۴", "۵"], "fa"), cable(["1", "2", "3", "4"], "en"))!;
    assert.equal(finding.kind, "translation-structure");
    assert.equal(finding.severity, "warning");
    assert.deepEqual(finding.documentIds, [1, 2]);
    assert.match(finding.message, /5 numbered paragraphs and its translation 4: paragraph ۵ of the original is not in the translation/);
    assert.equal(finding.evidence, "original: ۱ ۲ ۳ ۴ ۵ | translation: 1 2 3 4");
    assert.match(translationStructure(1, 2, cable(["1", "2"], "fa"), cable(["1", "2", "3"], "en"))!.message, /paragraph 3 of the translation is not in the original/);
  });
});
