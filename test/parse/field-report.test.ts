import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import fc from "fast-check";
import type { Cable, ParseInput } from "../../src/model/cable.js";
import { classificationLevel, fieldReportParser, findSources } from "../../src/parse/field-report.js";

const REPORTS = path.resolve("samples/reports");
const REPORT_NAMES = readdirSync(path.join(REPORTS, "fa")).map((file) => file.replace(/\.fa\.txt$/, ""));

function input(text: string, name = "report.txt"): ParseInput {
  return { text, name, type: "text", metadata: {} };
}

function sample(name: string, language: "fa" | "en"): { text: string; cable: Cable; recognised: boolean } {
  const text = readFileSync(path.join(REPORTS, language, `${name}.${language}.txt`), "utf8");
  return { text, cable: fieldReportParser.parse(input(text, `${name}.${language}.txt`)), recognised: fieldReportParser.recognises(input(text)) };
}

/** Every offset a cable gives points at the text it claims. */
function assertTraceable(cable: Cable, text: string): void {
  for (const paragraph of cable.paragraphs) {
    assert.ok(paragraph.start >= 0 && paragraph.start <= paragraph.end && paragraph.end <= text.length);
    assert.equal(text.slice(paragraph.start, paragraph.end), paragraph.text);
  }
  for (const date of [cable.date, ...cable.otherDates]) {
    if (date?.start === undefined || date.end === undefined) continue;
    assert.ok(date.start >= 0 && date.end <= text.length && date.start <= date.end);
  }
}

const FULL_HEADER_FA = ["تاریخ: ۱۳۹۳/۰۷/۱۵", "شماره: ک/۴۱۷/۹۳", "طبقه‌بندی: سری", "موضوع: دیدار در کربلا", "از: دفتر کربلا — نوید", "به: ستاد مرکزی"];

describe("fieldReportParser on the sample reports", () => {
  it("reads the Persian original of the Karbala report of 1393/07/15", () => {
    const { text, cable, recognised } = sample("report-1393-07-15-karbala", "fa");
    assert.equal(recognised, true);
    assert.equal(cable.layout, "field-report");
    assert.equal(cable.reference, "ک/۴۱۷/۹۳");
    assert.equal(cable.date?.text, "۱۳۹۳/۰۷/۱۵");
    assert.equal(cable.date?.calendar, "jalali");
    assert.equal(cable.date?.iso, "2014-10-07");
    assert.equal(text.slice(cable.date!.start, cable.date!.end), "۱۳۹۳/۰۷/۱۵");
    assert.equal(cable.classification, "سری");
    assert.equal(cable.classificationLevel, "SECRET");
    assert.equal(cable.subject, "دیدار با ابوکرار تمیمی و پیشنهاد او برای معرفی یک نمایندهٔ مجلس عراق");
    assert.equal(cable.origin, "دفتر کربلا");
    assert.equal(cable.sender, "نوید");
    assert.deepEqual(cable.to, ["ستاد مرکزی، تهران — ادارهٔ عراق"]);
    assert.deepEqual(cable.info, ["ایستگاه بغداد"]);
    assert.deepEqual(cable.paragraphs.map((paragraph) => paragraph.number), ["۱", "۲", "۳", "۴", "۵", "۶", "۷"]);
    assert.ok(cable.paragraphs[0]!.text.startsWith("ساعت ۲۱ روز یکشنبه"));
    assert.deepEqual(cable.sources, ["134617", "نخل", "134905"]);
    assert.equal(cable.signer, "نوید");
    assert.equal(cable.language, "fa");
    assert.deepEqual(cable.warnings, []);
    assertTraceable(cable, text);
  });

  it("reads its English translation: both dates of the Date field and the translator's credit", () => {
    const { text, cable, recognised } = sample("report-1393-07-15-karbala", "en");
    assert.equal(recognised, true);
    assert.equal(cable.reference, "K/417/93");
    assert.deepEqual([cable.date?.text, cable.date?.calendar, cable.date?.iso], ["1393/07/15", "jalali", "2014-10-07"]);
    assert.deepEqual(cable.otherDates.map((date) => [date.text, date.calendar, date.iso]), [["2014-10-07", "gregorian", "2014-10-07"]]);
    assert.equal(text.slice(cable.otherDates[0]!.start, cable.otherDates[0]!.end), "2014-10-07");
    assert.equal(cable.classification, "Secret");
    assert.equal(cable.classificationLevel, "SECRET");
    assert.equal(cable.subject, "Meeting with Abu Karrar Tamimi and his proposal to introduce a member of the Iraqi parliament");
    assert.equal(cable.origin, "Karbala Office");
    assert.equal(cable.sender, "Navid");
    assert.deepEqual(cable.info, ["Baghdad Station"]);
    assert.equal(cable.paragraphs.length, 7);
    assert.deepEqual(cable.sources, ["134617", "Nakhl", "134905"]);
    assert.deepEqual(cable.translation, { translator: "Translator 2 (Persian desk)", reviewer: "Reviewer 1 (Persian desk)" });
    assert.equal(cable.language, "en");
    assert.deepEqual(cable.warnings, []);
    assertTraceable(cable, text);
  });

  it("reads every report and translation whole, with the same source numbers on both sides", () => {
    assert.equal(REPORT_NAMES.length, 13);
    for (const name of REPORT_NAMES) {
      const original = sample(name, "fa");
      const translation = sample(name, "en");
      for (const { cable, recognised, text } of [original, translation]) {
        assert.equal(recognised, true, name);
        assert.deepEqual(cable.warnings, [], name);
        assert.ok(cable.reference && cable.subject && cable.origin && cable.classificationLevel, name);
        assert.equal(cable.date?.calendar, "jalali", name);
        assert.match(cable.date?.iso ?? "", /^201[45]-\d\d-\d\d$/, name);
        assert.ok(cable.paragraphs.length >= 6 && cable.paragraphs.every((paragraph) => paragraph.number !== undefined), name);
        assertTraceable(cable, text);
      }
      assert.equal(original.cable.date?.iso, translation.cable.date?.iso, name);
      assert.equal(translation.cable.otherDates[0]?.iso, translation.cable.date?.iso, `${name}: the Gregorian day in brackets agrees`);
      const numbers = (cable: Cable) => cable.sources.filter((source) => /^\d+$/.test(source));
      assert.deepEqual(numbers(original.cable), numbers(translation.cable), name);
      assert.ok(translation.cable.translation?.translator && translation.cable.translation.reviewer, name);
    }
  });

  it("keeps the paragraphs typed with Arabic ي and ك", () => {
    const { cable } = sample("report-1393-08-20-najaf", "fa");
    assert.equal(cable.paragraphs.length, 7);
    assert.ok(cable.paragraphs[2]!.text.startsWith("شكار كبك"), "stored as written, not normalised");
  });

  it("maps the Iranian markings to levels: خیلی سری is TOP SECRET, محرمانه CONFIDENTIAL", () => {
    assert.equal(sample("report-1393-07-28-baghdad", "fa").cable.classificationLevel, "TOP SECRET");
    assert.equal(sample("report-1393-07-28-baghdad", "en").cable.classificationLevel, "TOP SECRET");
    assert.equal(sample("report-1393-08-12-erbil-expenses", "fa").cable.classificationLevel, "CONFIDENTIAL");
    assert.equal(sample("report-1393-08-12-erbil-expenses", "en").cable.classificationLevel, "CONFIDENTIAL");
  });

  it("lifts the handling restriction on the Fajr Headquarters from the header and the body", () => {
    const original = sample("report-1393-09-30-baghdad", "fa").cable;
    assert.deepEqual(original.caveats, ["این گزارش به هیچ وجه نباید در اختیار قرارگاه فجر قرار گیرد", "نباید با قرارگاه فجر به اشتراک گذاشته شود"]);
    const translation = sample("report-1393-09-30-baghdad", "en").cable;
    assert.deepEqual(translation.caveats, ["under no circumstances is this report to be made available to the Fajr Headquarters", "not to be shared with the Fajr Headquarters"]);
  });

  it("lists sources with their code names, but not a real name given in brackets", () => {
    const { cable } = sample("report-1394-03-10-baghdad", "en");
    assert.deepEqual(cable.sources, ["134905", "Golestan", "134250", "138012", "Shahin", "134617", "Nakhl", "136220", "Sepid", "137441", "Darya"]);
    assert.ok(!cable.sources.some((source) => source.includes("Tamimi")));
    assert.deepEqual(sample("report-1394-03-10-baghdad", "fa").cable.sources.filter((source) => !/^\d+$/.test(source)), ["گلستان", "شاهین", "نخل", "سپید", "دریا"]);
  });

  it("recognises no cable, memo or e-mail of the sample archive", () => {
    const others = ["cables", "crest", "notes"].flatMap((folder) => readdirSync(path.resolve("samples", folder)).map((file) => path.resolve("samples", folder, file)));
    assert.ok(others.length >= 9);
    for (const file of others) {
      const text = readFileSync(file, "latin1");
      assert.equal(fieldReportParser.recognises(input(text, path.basename(file))), false, file);
    }
    const email = ["From: a@example.org", "To: b@example.org", "Date: Thu, 09 Jul 2015 10:42:17 +0200", "Subject: Number and classification", "", "Body"].join("\n");
    assert.equal(fieldReportParser.recognises({ ...input(email), type: "email" }), false);
  });
});

describe("fieldReportParser on damaged and variant headers", () => {
  it("reads a header typed with Arabic ي and ك, without ZWNJ, with a full-width colon", () => {
    const text = ["تاريخ： ۱۳۹۳/۰۷/۱۵", "شماره: ک/۴۱۷/۹۳", "طبقه بندي: سري", "موضوع: ديدار با منبع ۱۳۴۶۱۷ (نخل)", "از: دفتر كربلا — نويد", "به: ستاد مركزي", "", "۱- ديدار شد.", "۲- هديه داده شد."].join("\n");
    assert.equal(fieldReportParser.recognises(input(text)), true);
    const cable = fieldReportParser.parse(input(text));
    assert.equal(cable.date?.iso, "2014-10-07");
    assert.equal(cable.classification, "سري", "kept as written");
    assert.equal(cable.classificationLevel, "SECRET");
    assert.equal(cable.origin, "دفتر كربلا");
    assert.equal(cable.sender, "نويد");
    assert.deepEqual(cable.sources, ["134617", "نخل"]);
    assert.deepEqual(cable.paragraphs.map((paragraph) => paragraph.text), ["ديدار شد.", "هديه داده شد."]);
    assert.deepEqual(cable.warnings, []);
  });

  it("reads half a header and says which fields are missing", () => {
    const text = ["تاریخ: ۱۳۹۳/۰۷/۱۵", "شماره: ک/۴۱۷/۹۳", "موضوع: دیدار", "", "۱- دیدار شد."].join("\n");
    assert.equal(fieldReportParser.recognises(input(text)), true);
    const cable = fieldReportParser.parse(input(text));
    assert.equal(cable.reference, "ک/۴۱۷/۹۳");
    assert.equal(cable.subject, "دیدار");
    assert.equal(cable.classification, undefined);
    assert.equal(cable.origin, undefined);
    assert.equal(cable.warnings.length, 3);
    assert.ok(["Classification", "From", "To"].every((field) => cable.warnings.some((warning) => warning.includes(field))), cable.warnings.join("; "));
  });

  it("warns of an impossible date and gives it no ISO day", () => {
    const text = [...FULL_HEADER_FA.slice(1), "تاریخ: ۱۳۹۳/۱۲/۳۱", "", "۱- دیدار شد."].join("\n");
    const cable = fieldReportParser.parse(input(text));
    assert.equal(cable.date?.iso, undefined);
    assert.ok(cable.warnings.some((warning) => warning.includes("۱۳۹۳/۱۲/۳۱")), cable.warnings.join("; "));
    assert.equal(cable.reference, "ک/۴۱۷/۹۳", "the rest of the header is still read");
  });

  it("reads mixed Persian and ASCII digits in dates, sources and paragraph numbers", () => {
    const text = ["Date: ۱۳۹۳/07/۱۵", "Number: K/417/93", "Classification: Secret", "Subject: Meeting with source no. ۱۳4617", "", "۱. First.", "2- Second, with Source 134905 (\"Golestan\")."].join("\n");
    const cable = fieldReportParser.parse(input(text));
    assert.equal(cable.date?.iso, "2014-10-07");
    assert.deepEqual(cable.paragraphs.map((paragraph) => [paragraph.number, paragraph.text]), [["۱", "First."], ["2", "Second, with Source 134905 (\"Golestan\")."]]);
    assert.deepEqual(cable.sources, ["134617", "134905", "Golestan"]);
  });

  it("says where a header was cut off", () => {
    const text = ["بسمه تعالی", "تاریخ: ۱۳۹۳/۰۷/۱۵", "شماره: ک/۴۱۷/۹۳", "طبقه‌"].join("\n");
    const cable = fieldReportParser.parse(input(text));
    assert.equal(cable.reference, "ک/۴۱۷/۹۳");
    assert.deepEqual(cable.paragraphs, []);
    assert.ok(cable.warnings.some((warning) => /cut off after شماره/.test(warning)), cable.warnings.join("; "));
    const whole = fieldReportParser.parse(input([...FULL_HEADER_FA, "", "۱- دیدار شد."].join("\n")));
    assert.ok(!whole.warnings.some((warning) => /cut off/.test(warning)));
  });

  it("reads a scanned header with blank lines between its fields", () => {
    const text = ["تاریخ: ۱۳۹۳/۰۷/۱۵", "", "شماره: ک/۴۱۷/۹۳", "", "طبقه‌بندی: سری", "", "۱- دیدار شد."].join("\n");
    const cable = fieldReportParser.parse(input(text));
    assert.deepEqual([cable.reference, cable.classification], ["ک/۴۱۷/۹۳", "سری"]);
    assert.equal(fieldReportParser.recognises(input(text)), true);
  });

  it("joins an indented continuation of a wrapped subject", () => {
    const text = ["Date: 1393/07/15", "Number: K/417/93", "Subject: Meeting with the office director", "   of the MP", "Classification: Secret", "", "1. Met."].join("\n");
    assert.equal(fieldReportParser.parse(input(text)).subject, "Meeting with the office director of the MP");
  });

  it("finds handling restrictions phrased in the text, in English and in Persian", () => {
    const text = [...FULL_HEADER_FA, "", "۱- این گزارش در اختیار قرارگاه فجر قرار نگیرد.", "2. Not to be shared with the Quds Force, under any circumstances."].join("\n");
    assert.deepEqual(fieldReportParser.parse(input(text)).caveats, ["در اختیار قرارگاه فجر قرار نگیرد", "Not to be shared with the Quds Force"]);
  });

  it("reads what it can from a text with no header at all", () => {
    const cable = fieldReportParser.parse(input("Nothing here but prose.\n\nAnd a second block."));
    assert.equal(cable.reference, undefined);
    assert.equal(cable.paragraphs.length, 2);
    assert.equal(cable.warnings.length, 6);
  });
});

describe("classificationLevel", () => {
  it("maps Persian, Arabic-typed and English markings", () => {
    const levels: [string, Cable["classificationLevel"]][] = [
      ["محرمانه", "CONFIDENTIAL"],
      ["خیلی محرمانه", "SECRET"],
      ["سری", "SECRET"],
      ["خیلی‌سری", "TOP SECRET"],
      ["به‌کلی سری", "TOP SECRET"],
      ["بكلي سري", "TOP SECRET"],
      ["Top Secret — Immediate", "TOP SECRET"],
      ["SECRET//NOFORN", "SECRET"],
      ["S E C R E T", "SECRET"],
      ["Confidential", "CONFIDENTIAL"],
      ["Unclassified", "UNCLASSIFIED"],
      ["Restricted to the desk", undefined],
    ];
    for (const [marking, level] of levels) assert.equal(classificationLevel(marking), level, marking);
  });
});

describe("findSources", () => {
  it("reads the ways informants are numbered, in order of first mention, each once", () => {
    assert.deepEqual(findSources("Met source no. 134832 and informant number 135000; later Source 134832 again."), ["134832", "135000"]);
    assert.deepEqual(findSources("Sources 134905, 134617 and 136220 were paid."), ["134905", "134617", "136220"]);
    assert.deepEqual(findSources("منابع ۱۳۴۶۱۷ (نخل)، ۱۳۶۲۲۰ (سپید) و المصدر 137441"), ["134617", "نخل", "136220", "سپید", "137441"]);
    assert.deepEqual(findSources("known by the code name \"Shahin\" and نام رمز «شاهین»"), ["Shahin", "شاهین"]);
    assert.deepEqual(findSources("Source 2014 met in room 134617; resources 123456"), [], "too short a number, no keyword, a longer word");
  });
});

describe("fieldReportParser never throws", () => {
  const pieces = fc.constantFrom(
    "تاریخ: ", "Date: ", "۱۳۹۳/۱۲/۳۱", "1393/07/15 (2014-10-07)", "شماره: ", "طبقه‌بندی: ", "سري", "Subject：", "از: ", "To: ", "هشدار: ",
    "\n", "\n\n", "\r\n", "   ", "۱- ", "1. ", "5. 500 ", "Source 134832 (\"X\")", "منبع ۱۳۴۸۳۲ (نخل)", "Sources 1, 134617 and ", "Translated by: ",
    "Checked by:", "\u200c", "ي", "ك", "not to be shared with ", "نباید با ", " به اشتراک گذاشته شود", "(", ")", "—", ":", "«", "»",
  );
  const texts = fc.oneof(fc.string({ unit: "binary" }), fc.array(pieces, { maxLength: 60 }).map((parts) => parts.join("")));

  it("returns a traceable cable for any text", () => {
    fc.assert(
      fc.property(texts, (text) => {
        fieldReportParser.recognises(input(text));
        const cable = fieldReportParser.parse(input(text));
        assert.equal(cable.layout, "field-report");
        assertTraceable(cable, text);
      }),
      { numRuns: 500 },
    );
  });
});
