import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findDocumentDate, isoIfValid } from "../../src/text/dates.js";

describe("findDocumentDate", () => {
  it("reads a Solar Hijri date in Persian digits", () => {
    assert.equal(findDocumentDate("تاریخ: ۱۳۹۳/۰۷/۱۵\nموضوع: دیدار"), "2014-10-07");
  });

  it("prefers the Date: line over dates earlier in the text", () => {
    assert.equal(findDocumentDate("Ref: meeting of 2013-01-02\nDate: 1393/07/15 (2014-10-07)\n"), "2014-10-07");
  });

  it("reads ISO dates, written-out dates and date-time groups", () => {
    assert.equal(findDocumentDate("Filed 2015-03-31 by the station"), "2015-03-31");
    assert.equal(findDocumentDate("Baghdad, 7 October 2014"), "2014-10-07");
    assert.equal(findDocumentDate("on October 7, 2014 the minister"), "2014-10-07");
    assert.equal(findDocumentDate("R 161902Z FEB 07\nFM AMEMBASSY NEW DELHI"), "2007-02-16");
  });

  it("ignores impossible dates", () => {
    assert.equal(findDocumentDate("2014-02-30 and nothing else"), undefined);
    assert.equal(findDocumentDate("1393/13/40"), undefined);
    assert.equal(isoIfValid(2016, 2, 29), "2016-02-29");
    assert.equal(isoIfValid(2015, 2, 29), undefined);
  });

  it("passes over ambiguous and impossible dates, and months or years alone, to the next real day", () => {
    assert.equal(findDocumentDate("Date: 1393/12/31\nSent 2015-03-22"), "2015-03-22");
    assert.equal(findDocumentDate("03/04/2014, then 2014-05-06"), "2014-05-06");
    assert.equal(findDocumentDate("Mehr 1393, 1393 ه.ش"), undefined);
  });

  it("reads Arabic date lines and lunar Hijri dates", () => {
    assert.equal(findDocumentDate("التاريخ: ١٢ صفر ١٤٣٦ هـ\nالموضوع: اجتماع"), "2014-12-04");
  });

  it("says nothing when there is no date", () => {
    assert.equal(findDocumentDate("no date here, only 12 pistachios"), undefined);
  });
});
