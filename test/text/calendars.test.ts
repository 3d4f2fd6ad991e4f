import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import type { Calendar, DateMention } from "../../src/model/cable.js";
import { daysInMonth, findDates, parseDate, toIsoDate, type DateOptions } from "../../src/text/calendars.js";

/** The one date in a text, checked to be the whole text. */
function only(text: string, options?: DateOptions): DateMention {
  const found = findDates(text, options);
  assert.equal(found.length, 1, `one date in ${JSON.stringify(text)}, found ${JSON.stringify(found)}`);
  assert.equal(found[0]!.text, text);
  return found[0]!;
}

function isoOf(text: string, options?: DateOptions): string | undefined {
  return only(text, options).iso;
}

const PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹";
const ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩";
const inDigits = (text: string, digits: string) => text.replace(/\d/g, (digit) => digits[Number(digit)]!);

describe("numeric dates", () => {
  it("reads ISO dates as Gregorian", () => {
    assert.deepEqual(only("2014-10-07"), { text: "2014-10-07", calendar: "gregorian", iso: "2014-10-07", precision: "day", start: 0, end: 10 });
  });

  it("reads year-first Jalali dates in Persian, Arabic-Indic, ASCII and mixed digits", () => {
    for (const text of ["1393/07/15", "۱۳۹۳/۰۷/۱۵", "١٣٩٣/٠٧/١٥", "۱۳۹۳/07/۱۵", "1393/7/15", "1393-07-15", "1393.07.15", "۱۳۹۳؍۰۷؍۱۵"]) {
      const date = only(text);
      assert.equal(date.calendar, "jalali", text);
      assert.equal(date.iso, "2014-10-07", text);
    }
  });

  it("reads year-last Jalali dates day first", () => {
    assert.equal(isoOf("15/07/1393"), "2014-10-07");
    assert.equal(isoOf("۱۵/۰۷/۱۳۹۳"), "2014-10-07");
    assert.equal(isoOf("1/2/1393"), toIsoDate("jalali", 1393, 2, 1));
  });

  it("reads Gregorian dates in Arabic-Indic digits", () => {
    assert.equal(isoOf("٢٠١٤-١٠-٠٧"), "2014-10-07");
    assert.equal(isoOf("۰۷/۱۰/۲۰۱۴".replace("۰۷", "۱۷")), "2014-10-17");
  });

  it("keeps a day-month or month-day date ambiguous unless a part is over 12", () => {
    const date = only("03/04/2014");
    assert.equal(date.iso, undefined);
    assert.equal(date.calendar, "gregorian");
    assert.deepEqual(date.candidates, ["2014-04-03", "2014-03-04"]);
    assert.deepEqual(only("07.10.2014").candidates, ["2014-10-07", "2014-07-10"]);
    assert.equal(isoOf("13/04/2014"), "2014-04-13");
    assert.equal(isoOf("04/13/2014"), "2014-04-13");
    assert.equal(isoOf("05/05/2014"), "2014-05-05", "both readings are the same day");
  });

  it("does not read numbers that run on, or years outside the calendars", () => {
    assert.deepEqual(findDates("tel 0912-345-6789, ip 10.12.2014.5, ref 1393/07/15/2, v1.2.3"), []);
    assert.deepEqual(findDates("1750/01/01 and 1600-02-03"), []);
    assert.deepEqual(findDates("1393/13/40"), [], "a thirteenth month is not a date at all");
  });

  it("reads two-digit years only in the calendar the caller names", () => {
    assert.deepEqual(findDates("15/07/93"), []);
    assert.equal(isoOf("15/07/93", { calendar: "jalali" }), "2014-10-07");
    assert.equal(isoOf("۹۳/۷/۱۵", { calendar: "jalali" }), "2014-10-07");
    assert.equal(isoOf("01/01/02", { calendar: "jalali" }), toIsoDate("jalali", 1402, 1, 1));
    assert.equal(isoOf("25/10/14", { calendar: "gregorian" }), "2014-10-25");
    assert.deepEqual(only("03/04/14", { calendar: "gregorian" }).candidates, ["2014-04-03", "2014-03-04"]);
  });
});

describe("calendar markers", () => {
  it("read a year in 1300–1450 as lunar Hijri when the text says so", () => {
    for (const text of ["1436/01/01 هـ", "1436/01/01 ه.ق", "۱۴۳۶/۰۱/۰۱ هـ.ق", "1436/01/01هـ", "01/01/1436 AH", "1436/1/1 A.H.", "1436/01/01 قمری", "1436/01/01 هجری قمری"]) {
      const date = only(text);
      assert.equal(date.calendar, "hijri", text);
      assert.equal(date.iso, "2014-10-25", text);
    }
  });

  it("read it as Jalali when marked solar, or when unmarked", () => {
    for (const text of ["1393/07/15 ه.ش", "۱۳۹۳/۰۷/۱۵ هـ.ش", "1393/07/15 شمسی", "1393/07/15 AP", "1393/07/15"]) {
      assert.equal(only(text).calendar, "jalali", text);
      assert.equal(only(text).iso, "2014-10-07", text);
    }
  });

  it("can be replaced by the caller's calendar for unmarked years", () => {
    const date = only("1436/01/01", { calendar: "hijri" });
    assert.equal(date.calendar, "hijri");
    assert.equal(date.iso, "2014-10-25");
  });

  it("are left out of the date when they do not fit its year", () => {
    const [date] = findDates("1393/07/15 م");
    assert.equal(date?.text, "1393/07/15");
    assert.equal(date?.calendar, "jalali");
    assert.equal(only("2014/10/07 م").calendar, "gregorian");
  });
});

describe("month names", () => {
  const jalaliPersian = ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"];
  const jalaliEnglish = ["Farvardin", "Ordibehesht", "Khordad", "Tir", "Mordad", "Shahrivar", "Mehr", "Aban", "Azar", "Dey", "Bahman", "Esfand"];
  const hijriArabic = ["محرم", "صفر", "ربيع الأول", "ربيع الثاني", "جمادى الأولى", "جمادى الآخرة", "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة"];
  const hijriPersian = ["محرم", "صفر", "ربیع‌الاول", "ربیع‌الثانی", "جمادی‌الاول", "جمادی‌الثانی", "رجب", "شعبان", "رمضان", "شوال", "ذیقعده", "ذیحجه"];
  const hijriEnglish = ["Muharram", "Safar", "Rabi al-Awwal", "Rabi al-Thani", "Jumada al-Awwal", "Jumada al-Thani", "Rajab", "Sha'ban", "Ramadan", "Shawwal", "Dhu al-Qadah", "Dhu al-Hijjah"];
  const gregorianEnglish = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  const gregorianPersian = ["ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن", "ژوئیه", "اوت", "سپتامبر", "اکتبر", "نوامبر", "دسامبر"];
  const gregorianArabic = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"];
  const gregorianLevantine = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"];

  function assertMonths(names: string[], calendar: Calendar, year: number, digits = "0123456789") {
    names.forEach((name, index) => {
      const text = `${inDigits("12", digits)} ${name} ${inDigits(String(year), digits)}`;
      const date = only(text);
      assert.equal(date.calendar, calendar, text);
      assert.equal(date.iso, toIsoDate(calendar, year, index + 1, 12), text);
    });
  }

  it("reads every Jalali month in Persian and English", () => {
    assertMonths(jalaliPersian, "jalali", 1393, PERSIAN_DIGITS);
    assertMonths(jalaliEnglish, "jalali", 1393);
    assert.equal(isoOf("۱۵ مهر ۱۳۹۳"), "2014-10-07");
    assert.equal(isoOf("15 Mehr 1393"), "2014-10-07");
  });

  it("reads every Hijri month in Arabic, Persian and English", () => {
    assertMonths(hijriArabic, "hijri", 1436, ARABIC_DIGITS);
    assertMonths(hijriPersian, "hijri", 1436, PERSIAN_DIGITS);
    assertMonths(hijriEnglish, "hijri", 1436);
    assert.equal(only("12 Safar 1436 AH").iso, only("۱۲ صفر ۱۴۳۶").iso);
  });

  it("reads every Gregorian month in English, Persian, Arabic and Levantine Arabic", () => {
    assertMonths(gregorianEnglish, "gregorian", 2014);
    assertMonths(gregorianEnglish.map((name) => name.slice(0, 3).toUpperCase()), "gregorian", 2014);
    assertMonths(gregorianPersian, "gregorian", 2014, PERSIAN_DIGITS);
    assertMonths(gregorianArabic, "gregorian", 2014, ARABIC_DIGITS);
    assertMonths(gregorianLevantine, "gregorian", 2014);
  });

  it("tells آذر (Jalali) from آذار (Gregorian March)", () => {
    assert.equal(only("۱ آذر ۱۳۹۳").calendar, "jalali");
    assert.equal(only("١ آذار ٢٠١٤").iso, "2014-03-01");
  });

  it("accepts the usual spelling variants, in any case", () => {
    const variants: [string, Calendar, number][] = [
      ["Amordad", "jalali", 5], ["Dei", "jalali", 10], ["Espand", "jalali", 12], ["مهرماه", "jalali", 7], ["مهر ماه", "jalali", 7],
      ["ربيع الآخر", "hijri", 4], ["ربیع الاول", "hijri", 3], ["ذي القعدة", "hijri", 11], ["ذی‌الحجه", "hijri", 12], ["جمادی‌الاولی", "hijri", 5], ["مُحَرَّم", "hijri", 1],
      ["Rabi I", "hijri", 3], ["Rabi' II", "hijri", 4], ["Rabi' ul-Akhir", "hijri", 4], ["Jumada I", "hijri", 5], ["Jumada II", "hijri", 6], ["Jumada al-Ula", "hijri", 5],
      ["Moharram", "hijri", 1], ["Shaban", "hijri", 8], ["Ramazan", "hijri", 9], ["Dhul-Qadah", "hijri", 11], ["Dhu'l-Hijja", "hijri", 12], ["Zul Hijjah", "hijri", 12],
      ["RAMADAN", "hijri", 9], ["sept", "gregorian", 9], ["Oct.", "gregorian", 10],
    ];
    for (const [name, calendar, month] of variants) {
      const year = calendar === "gregorian" ? 2014 : calendar === "jalali" ? 1393 : 1436;
      const date = only(`3 ${name} ${year}`);
      assert.equal(date.calendar, calendar, name);
      assert.equal(date.iso, toIsoDate(calendar, year, month, 3), name);
    }
  });

  it("reads English orders and separators", () => {
    for (const text of ["7 October 2014", "October 7, 2014", "7th of October 2014", "07 OCT 2014", "07-OCT-2014", "7 Oct. 2014", "Oct 7 2014", "2014 Oct 7"]) {
      assert.equal(isoOf(text), "2014-10-07", text);
    }
    assert.equal(isoOf("۷ أكتوبر ۲۰۱۴م"), "2014-10-07", "with the Gregorian marker");
  });

  it("reads a month and year alone at month precision, dated by the month's first day", () => {
    assert.deepEqual(only("Mehr 1393"), { text: "Mehr 1393", calendar: "jalali", iso: "2014-09", precision: "month", start: 0, end: 9 });
    assert.equal(only("مهر ۱۳۹۳").iso, "2014-09");
    assert.equal(only("October 2014").iso, "2014-10");
    assert.equal(only("Safar 1436").iso, toIsoDate("hijri", 1436, 2, 1)!.slice(0, 7));
    assert.equal(only("Safar 1436").precision, "month");
  });

  it("reads a year alone only when a marker labels it", () => {
    assert.deepEqual(only("1393 ه.ش"), { text: "1393 ه.ش", calendar: "jalali", iso: "2014", precision: "year", start: 0, end: 8 });
    assert.equal(only("1436 AH").iso, "2014");
    assert.equal(only("1436 AH").calendar, "hijri");
    assert.equal(only("۲۰۱۴ میلادی").calendar, "gregorian");
    assert.deepEqual(findDates("in 2014 and 1393 the station grew"), []);
  });

  it("does not read a month name without a year, or a year out of its calendar's range", () => {
    assert.deepEqual(findDates("15 Mehr, a Tuesday; 7 October; Mehr 2014; October 1393"), []);
  });
});

describe("date-time groups", () => {
  it("reads cable date-time groups with two-digit years", () => {
    assert.deepEqual(only("161902Z FEB 07"), { text: "161902Z FEB 07", calendar: "gregorian", iso: "2007-02-16", precision: "day", start: 0, end: 14 });
    const [date] = findDates("R 231510Z SEP 00\nFM AMEMBASSY BAGHDAD");
    assert.equal(date?.text, "231510Z SEP 00");
    assert.equal(date?.iso, "2000-09-23");
    assert.equal(date?.start, 2);
    assert.equal(isoOf("071204Z OCT 66"), "1966-10-07");
    assert.equal(isoOf("071204Z OCT 2014"), "2014-10-07");
  });

  it("reads no other two-digit year, nor a group with an impossible time", () => {
    assert.deepEqual(findDates("07 OCT 14"), []);
    assert.deepEqual(findDates("072504Z OCT 14 and 071275Z OCT 14"), []);
  });
});

describe("impossible dates", () => {
  it("are reported with a warning and no iso, never shifted", () => {
    for (const text of ["1393/12/31", "1393/12/30", "۳۰ اسفند ۱۳۹۳", "30 Esfand 1393", "2014-02-30", "02/30/2014", "29 February 2015", "31 Mehr 1393", "30 Ramadan 1436"]) {
      const date = only(text);
      assert.equal(date.iso, undefined, text);
      assert.equal(date.candidates, undefined, text);
      assert.equal(typeof date.warning, "string", text);
    }
  });

  it("are told apart from the real days next to them", () => {
    assert.equal(isoOf("1395/12/30"), "2017-03-20", "1395 is a leap year");
    assert.equal(isoOf("1393/12/29"), "2015-03-20");
    assert.equal(isoOf("29 February 2016"), "2016-02-29");
    assert.equal(only("30 Ramadan 1436").calendar, "hijri");
    assert.equal(daysInMonth("hijri", 1436, 9), 29);
    assert.equal(isoOf("30 Ramadan 1435"), "2014-07-27");
  });
});

describe("findDates", () => {
  it("finds every date in order, with offsets into the original text", () => {
    const text = "گزارش مورخ ۱۳۹۳/۰۷/۱۵ درباره دیدار ۱۲ صفر ۱۴۳۶ ه.ق.\nR 071204Z OCT 14\nMeeting on 7 October 2014 (ambiguous: 03/04/2014), bad: 2014-02-30.";
    const found = findDates(text);
    assert.deepEqual(
      found.map(({ text, iso, calendar }) => [text, calendar, iso]),
      [
        ["۱۳۹۳/۰۷/۱۵", "jalali", "2014-10-07"],
        ["۱۲ صفر ۱۴۳۶ ه.ق", "hijri", toIsoDate("hijri", 1436, 2, 12)],
        ["071204Z OCT 14", "gregorian", "2014-10-07"],
        ["7 October 2014", "gregorian", "2014-10-07"],
        ["03/04/2014", "gregorian", undefined],
        ["2014-02-30", "gregorian", undefined],
      ],
    );
    for (const date of found) assert.equal(text.slice(date.start, date.end), date.text);
    assert.equal(found[0]!.start, text.indexOf("۱۳۹۳"));
  });

  it("keeps the longest reading where forms overlap", () => {
    assert.deepEqual(findDates("15 Mehr 1393 ه.ش").map((date) => date.text), ["15 Mehr 1393 ه.ش"]);
    assert.deepEqual(findDates("161902Z FEB 2007").map((date) => date.precision), ["day"]);
  });

  it("tolerates any text: never throws, offsets in bounds, text as written, in order", () => {
    const pieces = fc.constantFrom(
      ..."0123456789۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩/-.,؍ Z\n\u200C",
      "1393", "۱۳۹۳", "1436", "2014", "12", "31", "30", "29", "161902Z", "OCT", "Mehr", "مهر", "اسفند", "صفر", "ربیع‌الاول", "Rabi I", "آذار", "آذر",
      "ه.ش", "هـ", "ه.ق", "AH", "م", "th", "of ",
    );
    // Any UTF-16 code unit, lone surrogates included (fast-check's "binary" unit costs a second to set up).
    const anyCharacter = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
    const anyText = fc.oneof(
      fc.string({ unit: anyCharacter }),
      fc.array(fc.oneof(pieces, fc.string({ unit: anyCharacter, maxLength: 2 })), { maxLength: 30 }).map((parts) => parts.join("")),
    );
    fc.assert(
      fc.property(anyText, fc.constantFrom<DateOptions>({}, { calendar: "jalali" }, { calendar: "hijri" }, { calendar: "gregorian" }), (text, options) => {
        let previousEnd = 0;
        for (const date of findDates(text, options)) {
          assert.ok(date.start! >= previousEnd && date.end! <= text.length && date.start! < date.end!);
          assert.equal(date.text, text.slice(date.start, date.end));
          assert.ok((date.iso === undefined) !== (date.candidates === undefined && date.warning === undefined));
          previousEnd = date.end!;
        }
        parseDate(text, options);
      }),
      { numRuns: 500 },
    );
  });

  it("reads back any Jalali day however it is written", () => {
    const digits = fc.constantFrom("0123456789", PERSIAN_DIGITS, ARABIC_DIGITS);
    const jalaliDay = fc
      .record({ year: fc.integer({ min: 1300, max: 1450 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
      .filter(({ year, month, day }) => day <= daysInMonth("jalali", year, month)!);
    const layout = fc.constantFrom(
      ({ year, month, day }: { year: number; month: number; day: number }) => `${year}/${String(month).padStart(2, "0")}/${day}`,
      ({ year, month, day }: { year: number; month: number; day: number }) => `${day}/${month}/${year}`,
      ({ year, month, day }: { year: number; month: number; day: number }) => `${day} month${month} ${year}`,
    );
    const persianMonths = ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"];
    fc.assert(
      fc.property(jalaliDay, layout, digits, digits, (date, write, yearDigits, dayDigits) => {
        const [written] = [write(date).replace(/month(\d+)/, (_, month: string) => persianMonths[Number(month) - 1]!)];
        const text = inDigits(written.slice(0, -4), dayDigits) + inDigits(written.slice(-4), yearDigits);
        const found = parseDate(`تاریخ: ${text}.`);
        assert.equal(found?.text, text);
        assert.equal(found?.calendar, "jalali");
        assert.equal(found?.iso, toIsoDate("jalali", date.year, date.month, date.day));
      }),
      { numRuns: 300 },
    );
  });
});

describe("parseDate", () => {
  it("reads the first date of a field value", () => {
    assert.equal(parseDate(" ۱۳۹۳/۰۷/۱۵ (2014-10-07)")?.iso, "2014-10-07");
    assert.equal(parseDate(" ۱۳۹۳/۰۷/۱۵ (2014-10-07)")?.calendar, "jalali");
    assert.equal(parseDate("Wednesday, 11 February 2009, 13:03")?.text, "11 February 2009");
  });

  it("says nothing for a value without a date", () => {
    assert.equal(parseDate(""), undefined);
    assert.equal(parseDate("Source 134832, 12 pistachios"), undefined);
  });
});

const DAY_MS = 86_400_000;

describe("Jalali conversion", () => {
  it("agrees with ICU's Persian calendar on every day from 1370/01/01 to the end of 1420, both ways", () => {
    const persian = new Intl.DateTimeFormat("en-u-ca-persian", { timeZone: "UTC", year: "numeric", month: "numeric", day: "numeric" });
    const icuDays: string[] = [];
    for (let epochDay = Date.UTC(1991, 2, 21) / DAY_MS; ; epochDay++) {
      const parts = Object.fromEntries(persian.formatToParts(epochDay * DAY_MS).map(({ type, value }) => [type, Number(value)]));
      const [year, month, day] = [parts.year!, parts.month!, parts.day!];
      if (year > 1420) break;
      const iso = new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
      if (toIsoDate("jalali", year, month, day) !== iso) assert.fail(`${year}/${month}/${day}: ICU says ${iso}, we say ${toIsoDate("jalali", year, month, day)}`);
      icuDays.push(`${year}/${month}/${day}`);
    }
    const ourDays: string[] = [];
    for (let year = 1370; year <= 1420; year++) {
      for (let month = 1; month <= 12; month++) {
        for (let day = 1; day <= daysInMonth("jalali", year, month)!; day++) ourDays.push(`${year}/${month}/${day}`);
      }
    }
    assert.equal(icuDays[0], "1370/1/1");
    assert.ok(icuDays.length > 18_000);
    assert.deepEqual(ourDays, icuDays);
  });
});

describe("lunar Hijri conversion (Umm al-Qura)", () => {
  it("gives known dates", () => {
    assert.equal(toIsoDate("hijri", 1436, 1, 1), "2014-10-25");
    assert.equal(toIsoDate("hijri", 1435, 9, 1), "2014-06-28");
    assert.equal(toIsoDate("hijri", 1435, 10, 1), "2014-07-28");
    assert.equal(toIsoDate("hijri", 1445, 9, 1), "2024-03-11");
    assert.equal(toIsoDate("hijri", 1444, 12, 10), "2023-06-28");
    assert.equal(isoOf("1 Muharram 1436"), "2014-10-25");
    assert.equal(isoOf("١ رمضان ١٤٣٥"), "2014-06-28");
  });

  it("has months of 29 or 30 days that follow one another without a gap", () => {
    let previous: string | undefined;
    for (let year = 1300; year <= 1500; year++) {
      for (let month = 1; month <= 12; month++) {
        const length = daysInMonth("hijri", year, month)!;
        assert.ok(length === 29 || length === 30, `${year}/${month}: ${length}`);
        const first = toIsoDate("hijri", year, month, 1)!;
        if (previous) assert.equal(Date.parse(first) - Date.parse(previous), DAY_MS, `${year}/${month}/1`);
        previous = toIsoDate("hijri", year, month, length);
        assert.equal(toIsoDate("hijri", year, month, length + 1), undefined);
      }
    }
  });

  it("answers nothing outside 1300–1500 AH", () => {
    assert.equal(toIsoDate("hijri", 1299, 12, 1), undefined);
    assert.equal(toIsoDate("hijri", 1501, 1, 1), undefined);
    assert.equal(daysInMonth("hijri", 1436, 13), undefined);
  });
});

describe("daysInMonth and toIsoDate", () => {
  it("know the month lengths of each calendar", () => {
    assert.equal(daysInMonth("jalali", 1393, 1), 31);
    assert.equal(daysInMonth("jalali", 1393, 7), 30);
    assert.equal(daysInMonth("jalali", 1393, 12), 29);
    assert.equal(daysInMonth("jalali", 1395, 12), 30);
    assert.equal(daysInMonth("gregorian", 2000, 2), 29);
    assert.equal(daysInMonth("gregorian", 1900, 2), 28);
    assert.equal(daysInMonth("gregorian", 2014, 13), undefined);
  });

  it("return undefined rather than a neighbouring day", () => {
    assert.equal(toIsoDate("jalali", 1393, 12, 30), undefined);
    assert.equal(toIsoDate("gregorian", 2014, 2, 29), undefined);
    assert.equal(toIsoDate("gregorian", 2014, 0, 1), undefined);
    assert.equal(toIsoDate("jalali", 1393.5, 1, 1), undefined);
  });
});
