import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { FindingKind } from "../../../src/publish/verification/finding.js";
import { excerpt, textDateFindings } from "../../../src/publish/verification/text-dates.js";

const kinds = (text: string): FindingKind[] => textDateFindings(1, text).map((finding) => finding.kind);
const only = (text: string, kind: FindingKind) => {
  const found = textDateFindings(7, text).filter((finding) => finding.kind === kind);
  assert.equal(found.length, 1, `one ${kind} in ${JSON.stringify(text)}: ${JSON.stringify(found)}`);
  return found[0]!;
};

describe("weekdays against dates", () => {
  it("accepts a weekday that is the date's, in English, Persian and Arabic", () => {
    assert.deepEqual(kinds("On Thursday evening 1393/09/13 (2014-12-04) the meeting took place."), []);
    assert.deepEqual(kinds("۱- عصر پنجشنبه ۱۳۹۳/۰۹/۱۳ در نمایشگاه عکس دیدار شد."), []);
    assert.deepEqual(kinds("۱- عصر پنج‌شنبه ۱۳۹۳/۰۹/۱۳ دیدار شد."), [], "with a ZWNJ");
    assert.deepEqual(kinds("بغداد، يوم الخميس ٢٠١٤/١٢/٠٤ — قال مصدر"), []);
    assert.deepEqual(kinds("The exhibition opened on 4 December 2014, Thursday, in Karbala."), []);
  });

  it("finds a weekday that is not the date's, and says which day it was", () => {
    const english = only("1. On Thursday evening 1393/09/03 (2014-11-24) the source reported.", "weekday-mismatch");
    assert.equal(english.severity, "warning");
    assert.deepEqual(english.documentIds, [7]);
    assert.match(english.message, /Thursday/);
    assert.match(english.message, /2014-11-24, a Monday/);
    assert.match(english.evidence!, /Thursday evening 1393\/09\/03/);

    assert.match(only("۱- عصر پنجشنبه ۱۳۹۳/۰۹/۰۳ منبع گزارش داد.", "weekday-mismatch").message, /پنجشنبه \(Thursday\).*Monday/);
    assert.match(only("بغداد، يوم الخميس ٢٠١٤/١١/٢٥ — قال مصدر", "weekday-mismatch").message, /الخميس \(Thursday\).*Tuesday/);
    assert.match(only("Signed Sunday, 4 December 2014.", "weekday-mismatch").message, /Thursday/);
  });

  it("tells یکشنبه (Sunday) and سه شنبه (Tuesday) from شنبه (Saturday)", () => {
    assert.deepEqual(kinds("روز یکشنبه ۱۳۹۳/۰۹/۱۶ دیدار شد."), [], "1393/09/16 is Sunday 7 December 2014");
    assert.deepEqual(kinds("روز سه شنبه ۱۳۹۳/۰۹/۱۸ دیدار شد."), [], "1393/09/18 is Tuesday 9 December 2014");
    assert.deepEqual(kinds("روز شنبه ۱۳۹۳/۰۹/۱۵ دیدار شد."), [], "1393/09/15 is Saturday 6 December 2014");
    assert.deepEqual(kinds("روز شنبه ۱۳۹۳/۰۹/۱۶ دیدار شد."), ["weekday-mismatch"]);
  });

  it("leaves a weekday alone when no date is attached to it", () => {
    assert.deepEqual(kinds("When asked about the March 5, 2007 Sunday Telegraph story, he declined."), [], "a newspaper, not a weekday");
    assert.deepEqual(kinds("We met on Thursday. On 2014-11-24 the money arrived."), [], "a sentence between them");
    assert.deepEqual(kinds("On Thursday, two days after the visit of 2014-11-24, nothing happened."), [], "too many words between them");
    assert.deepEqual(kinds("Friday prayers were held as usual."), []);
  });
});

describe("Jalali and Gregorian equivalents", () => {
  it("accepts a correct conversion in brackets, after an equals sign or a slash", () => {
    assert.deepEqual(kinds("Date: 1393/09/14 (2014-12-05)"), []);
    assert.deepEqual(kinds("تاریخ: ۱۳۹۳/۰۹/۱۴ = 2014-12-05"), []);
    assert.deepEqual(kinds("1393/09/14 / 5 December 2014"), []);
  });

  it("finds a wrong conversion, however small", () => {
    const finding = only("Date: 1393/09/14 (2014-12-06)", "calendar-mismatch");
    assert.equal(finding.severity, "warning");
    assert.match(finding.message, /1393\/09\/14.*2014-12-05.*2014-12-06.*1 day apart/);
    assert.equal(finding.evidence, "Date: 1393/09/14 (2014-12-06)");
    assert.match(only("Date: 2014-12-06 (1393/09/14)", "calendar-mismatch").message, /2014-12-05/, "the Gregorian written first");
  });

  it("compares a list of dates with the list of their equivalents in turn", () => {
    assert.deepEqual(kinds("Instalments: 1393/09/10, 1393/10/07, 1393/11/14, 1394/02/09 (= 2014-12-01, 2014-12-28, 2015-02-03, 2015-04-29)."), []);
    assert.equal(only("Instalments: 1393/09/10, 1393/10/07 (= 2014-12-01, 2014-12-29).", "calendar-mismatch").message.includes("2014-12-28"), true);
  });

  it("does not compare two dates that merely stand side by side, as in a table", () => {
    assert.deepEqual(kinds("Instalment 2   report 1393/10/22   2015-01-10   Birthday party"), []);
  });

  it("allows a day's difference for lunar Hijri dates, which local sighting may shift", () => {
    assert.deepEqual(kinds("١٢ صفر ١٤٣٦ هـ (2014-12-05)"), [], "Umm al-Qura gives 2014-12-04");
    assert.deepEqual(kinds("١٢ صفر ١٤٣٦ هـ (2014-12-09)"), ["calendar-mismatch"]);
  });
});

describe("impossible dates", () => {
  it("finds 30 Esfand in a year that is not a leap year, in either script", () => {
    assert.match(only("The next instalment will be paid by 1393/12/30.", "impossible-date").message, /1393 is not a leap year/);
    assert.deepEqual(kinds("قسط بعدی تا ۱۳۹۳/۱۲/۳۰ پرداخت خواهد شد."), ["impossible-date"]);
    assert.deepEqual(kinds("1395/12/30 is a leap day that exists."), []);
  });
});

describe("excerpt", () => {
  it("keeps the span whole with some context, on one line, marking what was cut", () => {
    const text = `${"a ".repeat(50)}On Thursday\nevening 1393/09/03${" b".repeat(50)}`;
    const start = text.indexOf("On Thursday");
    const shown = excerpt(text, start, text.indexOf("1393/09/03") + 10, 10);
    assert.match(shown, /^….*On Thursday evening 1393\/09\/03.*…$/);
    assert.equal(excerpt("short", 0, 5), "short");
  });
});
