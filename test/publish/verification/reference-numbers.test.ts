import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import type { Finding } from "../../../src/publish/verification/finding.js";
import { parseReference, referenceAnachronisms, referenceSequenceFindings, type ReferencedDocument } from "../../../src/publish/verification/reference-numbers.js";

const unrelated = () => 0.1;
const ofKind = (findings: Finding[], kind: Finding["kind"]) => findings.filter((finding) => finding.kind === kind);

function karbala(documentId: number, number: number, date: string): ReferencedDocument {
  return { documentId, reference: `ک/${number}/۹۳`, origin: "دفتر کربلا", date, calendar: "jalali" };
}

describe("reading reference numbers", () => {
  it("takes cable ids and report numbers apart, in any digits", () => {
    assert.deepEqual(parseReference("14BAGHDAD1523"), { series: "BAGHDAD", number: 1523, year: "14", form: "cable" });
    assert.deepEqual(parseReference("1974ATHENS02959_b"), { series: "ATHENS", number: 2959, year: "1974", form: "cable" });
    assert.deepEqual(parseReference("ک/۵۰۲/۹۳"), { series: "K", number: 502, year: "93", form: "report" });
    assert.deepEqual(parseReference("K/502/93"), { series: "K", number: 502, year: "93", form: "report" });
    assert.equal(parseReference("CIA-RDP88T00412R000300410002-9"), undefined);
    assert.equal(parseReference("<55ACB3E1.3010507@example.org>"), undefined);
  });
});

describe("reference number series", () => {
  it("says which numbers are missing between those the archive holds", () => {
    const findings = referenceSequenceFindings([karbala(1, 701, "2014-11-22"), karbala(2, 702, "2014-11-24"), karbala(3, 705, "2014-12-01")], unrelated);
    const [gap] = ofKind(findings, "reference-gap");
    assert.equal(gap?.severity, "info");
    assert.match(gap!.message, /3 numbers from 701 to 705; 2 between them are missing \(703–704\)/);
    assert.deepEqual(gap!.documentIds, [2, 3], "the documents either side of the gap");
    assert.equal(findings.length, 1);
  });

  it("keeps series apart by station and by year", () => {
    const findings = referenceSequenceFindings(
      [
        { documentId: 1, reference: "14BAGHDAD100", date: "2014-01-10" },
        { documentId: 2, reference: "14BASRAH101", date: "2014-01-11" },
        { documentId: 3, reference: "15BAGHDAD101", date: "2015-01-11" },
      ],
      unrelated,
    );
    assert.deepEqual(findings, []);
  });

  it("reports only the misdated number, not every number after it", () => {
    const documents = [1, 2, 3, 4, 5, 6].map((number) => ({ documentId: number, reference: `09PARIS${number}`, date: `2009-07-0${number}` }));
    documents[2]!.date = "2009-09-30";
    const [late, ...others] = ofKind(referenceSequenceFindings(documents, unrelated), "reference-order");
    assert.deepEqual(others, []);
    assert.equal(late!.documentIds[0], 3);
    assert.match(late!.message, /09PARIS3 is dated 2009-09-30/);
  });

  it("property: a series whose dates rise with its numbers is never out of order, in whatever order it is read", () => {
    const dayOf = (number: number) => new Date(Date.UTC(2014, 0, 1 + Math.floor(number / 20))).toISOString().slice(0, 10);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 40 }), (numbers) => {
        const documents = numbers.map((number, index) => ({ documentId: index + 1, reference: `14BAGHDAD${number}`, date: dayOf(number) }));
        return ofKind(referenceSequenceFindings(documents, unrelated), "reference-order").length === 0;
      }),
    );
  });

  it("tells two copies of one document under one number from two different documents", () => {
    const twins = [karbala(1, 701, "2014-11-22"), karbala(2, 701, "2014-11-22")];
    const [copies] = referenceSequenceFindings(twins, () => 0.93);
    assert.equal(copies?.kind, "reference-duplicate");
    assert.equal(copies?.severity, "info");
    const [different] = referenceSequenceFindings(twins, () => 0.2);
    assert.equal(different?.severity, "warning");
    assert.deepEqual(different?.documentIds, [1, 2]);
  });

  it("checks the year of a number against the year of the date, in the document's calendar", () => {
    assert.deepEqual(referenceSequenceFindings([karbala(1, 701, "2014-11-22")], unrelated), [], "1393 is 93");
    const [jalali] = referenceSequenceFindings([{ ...karbala(1, 701, "2015-04-01") }], unrelated);
    assert.equal(jalali?.kind, "reference-year", "1 April 2015 is in 1394");
    const [cable] = referenceSequenceFindings([{ documentId: 9, reference: "00HANOI686", date: "2020-03-21", dateText: "00" }], unrelated);
    assert.equal(cable?.kind, "reference-year");
    assert.match(cable!.message, /carries the year 00, but the document is dated 2020-03-21/);
    assert.match(cable!.evidence!, /date as written: 00/);
  });
});

describe("citations of later documents", () => {
  it("finds a cable citing a reference from a later year", () => {
    const [finding] = referenceAnachronisms([{ documentId: 95, reference: "00ATHENS1501", date: "2000-09-23", citedText: "09 STATE 96625", citedKey: "09STATE96625" }]);
    assert.equal(finding?.kind, "reference-anachronism");
    assert.match(finding!.message, /cites 09 STATE 96625, a reference from 2009/);
  });

  it("finds a cable citing a document of the archive dated after it", () => {
    const [finding] = referenceAnachronisms([{ documentId: 1, reference: "14ERBIL412", date: "2014-11-06", citedText: "BAGHDAD 1911", citedKey: "14BAGHDAD1911", citedDocumentId: 2, citedDate: "2014-12-10" }]);
    assert.deepEqual(finding?.documentIds, [1, 2]);
  });

  it("accepts citations of earlier documents and of the same year", () => {
    assert.deepEqual(
      referenceAnachronisms([
        { documentId: 1, date: "2009-07-31", citedText: "PARIS 997", citedKey: "09PARIS997", citedDocumentId: 2, citedDate: "2009-07-23" },
        { documentId: 3, date: "1999-12-20", citedText: "99 STATE 1", citedKey: "99STATE1" },
        { documentId: 4, date: "2000-01-03", citedText: "99 STATE 1", citedKey: "99STATE1" },
      ]),
      [],
    );
  });
});
