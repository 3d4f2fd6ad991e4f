import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findDateMentions } from "../../../src/extract/rules/date.js";
import { findDates } from "../../../src/text/calendars.js";
import { assertSaneMentions, onlyMention } from "./mention-invariants.js";

function dates(text: string, calendar?: "jalali" | "hijri" | "gregorian") {
  const found = findDateMentions(text, calendar ? { calendar } : {});
  assertSaneMentions(text, found, ["date"]);
  return found;
}

describe("date mentions", () => {
  it("wraps Solar Hijri, lunar Hijri and Gregorian dates with their ISO date and calendar", () => {
    for (const [text, written, iso, calendar] of [
      ["تاریخ: ۱۳۹۳/۰۶/۲۵", "۱۳۹۳/۰۶/۲۵", "2014-09-16", "solar-hijri"],
      ["روز ۱۵ مهر ۱۳۹۳ در کربلا", "۱۵ مهر ۱۳۹۳", "2014-10-07", "solar-hijri"],
      ["في ١٢ صفر ١٤٣٦ هـ", "١٢ صفر ١٤٣٦ هـ", "2014-12-04", "lunar-hijri"],
      ["met on 7 October 2014 in Najaf", "7 October 2014", "2014-10-07", "gregorian"],
      ["R 071204Z OCT 14", "071204Z OCT 14", "2014-10-07", "gregorian"],
      ["during Mehr 1393", "Mehr 1393", "2014-09", "solar-hijri"],
    ] as const) {
      const mention = onlyMention(text, dates(text), written);
      assert.deepEqual(mention.attributes, { date: iso, calendar }, text);
      assert.equal(mention.normalized, iso);
      assert.equal(mention.confidence, 1);
    }
  });

  it("keeps an ambiguous or impossible date as a mention with less confidence and no ISO date", () => {
    const ambiguous = onlyMention("on 03/04/2014", dates("on 03/04/2014"), "03/04/2014");
    assert.equal(ambiguous.attributes.date, undefined);
    assert.equal(ambiguous.attributes.calendar, "gregorian");
    assert.equal(ambiguous.normalized, "03/04/2014");
    assert.ok(ambiguous.confidence < 1);
    const impossible = onlyMention("۱۳۹۳/۱۲/۳۰", dates("۱۳۹۳/۱۲/۳۰"), "۱۳۹۳/۱۲/۳۰");
    assert.equal(impossible.normalized, "1393/12/30");
    assert.ok(impossible.confidence < ambiguous.confidence);
  });

  it("passes the calendar option on to the date reader", () => {
    assert.deepEqual(dates("15/07/93"), []);
    assert.equal(dates("15/07/93", "jalali")[0]?.attributes.date, "2014-10-07");
  });

  it("finds exactly the dates the calendar module finds, at the same offsets", () => {
    const text = "Report 1393/07/15 (2014-10-07), sent 071204Z OCT 14, about ۱۲ صفر ۱۴۳۶ and 03/04/2014.";
    assert.deepEqual(
      dates(text).map(({ start, end }) => [start, end]),
      findDates(text).map(({ start, end }) => [start, end]),
    );
  });

  it("gives sane output on empty, huge and odd text", () => {
    for (const text of ["", "1".repeat(100_000), "۱۳۹۳/".repeat(20_000), "\uD800۱۳۹۳/۰۷/۱۵\uDC00", "2014-10-07".repeat(10_000)]) dates(text);
  });
});
