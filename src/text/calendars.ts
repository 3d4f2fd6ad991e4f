/**
 * Dates in the calendars of the archive: Gregorian, Solar Hijri (Jalali) and
 * lunar Hijri, in Persian, Arabic-Indic or ASCII digits (mixed, too), with
 * month names in Persian, Arabic and English. Every date keeps its text as
 * written, its calendar and its offsets; an ambiguous date stays ambiguous
 * (`candidates`) and an impossible one is reported (`warning`), never moved to
 * a neighbouring day.
 *
 * What is read, and how:
 * - ISO and year-first numbers, `2014-10-07`, `۱۳۹۳/۰۷/۱۵`, and year-last
 *   numbers, `15/07/1393`, `03/04/2014`. The year tells the calendar: 1300–1450
 *   is Jalali (lunar Hijri with `options.calendar: "hijri"`), 1900–2100
 *   Gregorian, unless a marker after the date says otherwise. A year-last
 *   Jalali or Hijri date is day first, as Iranians and Arabs write it; a
 *   year-last Gregorian date is day first or month first, so `03/04/2014` has
 *   two candidates and no `iso`, unless one part is over 12.
 * - Month names of every calendar (see month-names.ts): `7 October 2014`,
 *   `October 7, 2014`, `07-OCT-2014`, `1974 May 17` (PlusD), `۱۵ مهر ۱۳۹۳`, `15 Mehr 1393`,
 *   `۱۲ صفر ۱۴۳۶`; and month and year alone, `Mehr 1393`, at month precision.
 * - Date-time groups of cables, `161902Z FEB 07`: the only form read with a
 *   two-digit year, which is 20xx below 50 and 19xx from 50.
 * - A year alone only when a marker says its calendar: `1393 ه.ش`, `1436 AH`.
 * - Markers after a date: ه.ش, شمسی, AP, SH (solar); ه.ق, هـ, قمری, AH,
 *   Hijri (lunar); م, میلادی, AD, CE (Gregorian). A marker is part of the
 *   mention's text when it agrees with the date.
 *
 * A date at month or year precision has the `iso` of its first day's
 * Gregorian month or year: `Mehr 1393` (23 September – 22 October 2014) is
 * `2014-09`, `1436 AH` (25 October 2014 – 13 October 2015) is `2014`. Jalali
 * and Hijri months and years straddle Gregorian ones; the first day is what a
 * timeline sorts by, and the mention keeps the text for the reader.
 *
 * Lunar Hijri dates follow the Umm al-Qura calendar (see hijri.ts) and may
 * differ by a day from the local sighting a document was dated by.
 *
 * @example
 * findDates("Tehran, ۱۵ مهر ۱۳۹۳ — R 071204Z OCT 14")
 * // → [{ text: "۱۵ مهر ۱۳۹۳", calendar: "jalali", iso: "2014-10-07", precision: "day", start: 8, end: 19 },
 * //    { text: "071204Z OCT 14", calendar: "gregorian", iso: "2014-10-07", precision: "day", start: 24, end: 38 }]
 */
import { MAX_JALAALI_YEAR, MIN_JALAALI_YEAR, isLeapJalaaliYear, isValidJalaaliDate, jalaaliMonthLength, toGregorian } from "jalaali-js";
import type { Calendar, DateMention } from "../model/cable.js";
import { HIJRI_YEARS, hijriMonthLength, hijriToGregorian, type YearMonthDay } from "./hijri.js";
import { MONTH_NAME_SOURCE, monthLabel, namedMonth } from "./month-names.js";

export interface DateOptions {
  /**
   * The calendar to assume where the text does not tell. A numeric date with
   * a year in 1300–1450 is Jalali unless this is `hijri`; a numeric date with
   * a two-digit year (`15/07/93`, `93/07/15`) is read only when this is given.
   */
  calendar?: Calendar;
}

/** The years a date is recognised in, per calendar: wide enough for the archive, narrow enough to skip stray numbers. */
const YEARS: Record<Calendar, { first: number; last: number }> = {
  gregorian: { first: 1900, last: 2100 },
  jalali: { first: 1300, last: 1500 },
  hijri: HIJRI_YEARS,
};
/** A four-digit year here with no marker is Jalali (1300 AP is 1921 AD; 1450 AP is 2071). */
const UNMARKED_IRANIAN_YEARS = { first: 1300, last: 1450 };

/** Reads one date written on its own (a `Date:` field's value): the first date in it. Undefined when it holds none. */
export function parseDate(text: string, options: DateOptions = {}): DateMention | undefined {
  return findDates(text, options)[0];
}

/**
 * Every date in a text, in order, with offsets into the text as given.
 * Never throws: text that holds no date gives an empty list.
 */
export function findDates(text: string, options: DateOptions = {}): DateMention[] {
  const folded = foldDigits(text);
  const found = DATE_FORMS.flatMap((form) => matchesOf(form, folded, text, options));
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: LocatedMention[] = [];
  for (const mention of found) {
    if (mention.start >= (kept.at(-1)?.end ?? 0)) kept.push(mention);
  }
  return kept;
}

/**
 * The Gregorian `YYYY-MM-DD` of a day written in a calendar; undefined when
 * the day does not exist or, for lunar Hijri, lies outside 1300–1500 AH.
 *
 * @example
 * toIsoDate("jalali", 1393, 7, 15)  // → "2014-10-07"
 * toIsoDate("hijri", 1436, 1, 1)    // → "2014-10-25"
 * toIsoDate("jalali", 1393, 12, 30) // → undefined: 1393 is not a leap year
 */
export function toIsoDate(calendar: Calendar, year: number, month: number, day: number): string | undefined {
  if (![year, month, day].every(Number.isInteger)) return undefined;
  switch (calendar) {
    case "gregorian":
      return isoIfValid(year, month, day);
    case "jalali":
      return isValidJalaaliDate(year, month, day) ? isoOf(fromJalaali(toGregorian(year, month, day))) : undefined;
    case "hijri": {
      const gregorian = hijriToGregorian(year, month, day);
      return gregorian && isoOf(gregorian);
    }
  }
}

/**
 * The number of days in a month of a calendar; undefined for a month that is
 * not 1–12 or a year the calendar is not converted for.
 *
 * @example
 * daysInMonth("jalali", 1395, 12) // → 30 (1395 is a leap year)
 * daysInMonth("hijri", 1436, 9)   // → 29 (Ramadan 1436, Umm al-Qura)
 */
export function daysInMonth(calendar: Calendar, year: number, month: number): number | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) return undefined;
  switch (calendar) {
    case "gregorian":
      return month === 2 ? (isGregorianLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
    case "jalali":
      return year >= MIN_JALAALI_YEAR && year <= MAX_JALAALI_YEAR ? jalaaliMonthLength(year, month) : undefined;
    case "hijri":
      return hijriMonthLength(year, month);
  }
}

/**
 * `YYYY-MM-DD` of a Gregorian date, or undefined for an impossible one.
 *
 * @example
 * isoIfValid(2016, 2, 29) // → "2016-02-29"
 * isoIfValid(2014, 2, 30) // → undefined
 */
export function isoIfValid(year: number, month: number, day: number): string | undefined {
  const length = daysInMonth("gregorian", year, month);
  if (length === undefined || !Number.isInteger(day) || day < 1 || day > length) return undefined;
  return isoOf({ year, month, day });
}

/** One way to read a date: a year, with a month unless at year precision, with a day unless at month precision. */
interface Reading {
  calendar: Calendar;
  year: number;
  month?: number;
  day?: number;
}

type LocatedMention = DateMention & { start: number; end: number };

type Groups = Partial<Record<string, string>>;

/** A pattern for one way of writing dates, run on the text with its digits folded to ASCII. */
interface DateForm {
  /** Flags `giud`; a `date` group spans the date itself, a `solar`, `lunar` or `gregorian` marker may follow it. */
  pattern: RegExp;
  /** The readings of a match, or undefined when the match is not a date after all (month 13, year 1750). */
  read(groups: Groups, options: DateOptions): Reading[] | undefined;
}

const GAP = "[\\s\\u200C\\u200E\\u200F]*";
/** Between the day, month name and year: `7 October 2014`, `07-OCT-2014`, `October 7, 2014`. */
const SEPARATOR = `${GAP}(?:[-/.,]${GAP})?`;
/** Between numbers: `/`, `-`, `.`, and ؍, the Arabic date separator. */
const NUMBER_SEPARATOR = "(?<separator>[/.\\-\\u060D])";
/** Numbers that run on (`1393/07/15/2`, a phone number) are not dates. */
const NUMBERS_BEFORE = "(?<![\\d\\u060D]|\\d[/.\\-\\u060D])";
const NUMBERS_AFTER = "(?!\\d|[/.\\-\\u060D]\\d)";
const DAY = "(?<!\\d)(?<day>\\d{1,2})(?!\\d)(?:st|nd|rd|th)?";
const YEAR = "(?<year>\\d{4})(?!\\d)";
const MONTH_NAME = `(?<![\\p{L}\\p{M}])(?<name>${MONTH_NAME_SOURCE})(?![\\p{L}\\p{M}])\\.?`;
const YEH = "[یيى]";
const MARKER = [
  `(?<solar>هـ?\\.?${GAP}ش|(?:هجر${YEH}${GAP})?شمس${YEH}|A\\.P\\.|AP|S\\.H\\.|SH)`,
  `(?<lunar>هـ?\\.?${GAP}ق|(?:هجر${YEH}${GAP})?قمر${YEH}|هجر${YEH}|هـ|ه|A\\.H\\.|AH|Hijri)`,
  `(?<gregorian>م${YEH}لاد${YEH}|م|A\\.D\\.|AD|C\\.E\\.|CE)`,
].join("|");
const MARKER_AFTER = `${GAP}(?:${MARKER})(?![\\p{L}\\p{M}])`;
const MARKED = `(?:${MARKER_AFTER})?`;

const form = (source: string, read: DateForm["read"]): DateForm => ({ pattern: new RegExp(source, "giud"), read });

const DATE_FORMS: DateForm[] = [
  form(`${NUMBERS_BEFORE}(?<date>(?<year>\\d{4})${NUMBER_SEPARATOR}(?<month>\\d{1,2})\\k<separator>(?<day>\\d{1,2})${NUMBERS_AFTER})${MARKED}`, readYearFirst),
  form(`${NUMBERS_BEFORE}(?<date>(?<first>\\d{1,2})${NUMBER_SEPARATOR}(?<second>\\d{1,2})\\k<separator>(?<year>\\d{4})${NUMBERS_AFTER})${MARKED}`, readYearLast),
  form(`${NUMBERS_BEFORE}(?<date>(?<first>\\d{1,2})${NUMBER_SEPARATOR}(?<second>\\d{1,2})\\k<separator>(?<third>\\d{2})${NUMBERS_AFTER})`, readTwoDigitYear),
  form(`(?<date>(?<!\\d)(?<day>\\d{2})(?:[01]\\d|2[0-3])[0-5]\\dZ${GAP}(?<name>JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)${GAP}(?<year>\\d{4}|\\d{2})(?!\\d))`, readDateTimeGroup),
  form(`(?<date>${DAY}${SEPARATOR}(?:of\\s+)?${MONTH_NAME}${SEPARATOR}${YEAR})${MARKED}`, readNamedMonth),
  form(`(?<date>${MONTH_NAME}${SEPARATOR}${DAY}${SEPARATOR}${YEAR})${MARKED}`, readNamedMonth),
  form(`(?<date>(?<!\\d)${YEAR}${SEPARATOR}${MONTH_NAME}${SEPARATOR}${DAY})`, readNamedMonth),
  form(`(?<date>${MONTH_NAME}${SEPARATOR}${YEAR})${MARKED}`, readNamedMonth),
  form(`${NUMBERS_BEFORE}(?<date>${YEAR}${NUMBERS_AFTER})${MARKER_AFTER}`, readMarkedYear),
];

function matchesOf({ pattern, read }: DateForm, folded: string, text: string, options: DateOptions): LocatedMention[] {
  const mentions: LocatedMention[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(folded); match; match = pattern.exec(folded)) {
    const groups: Groups = match.groups ?? {};
    const readings = read(groups, options);
    const [start, dateEnd] = match.indices?.groups?.date ?? [match.index, match.index + match[0].length];
    if (!readings?.[0]) {
      pattern.lastIndex = match.index + 1; // a longer non-date must not hide a date inside it
      continue;
    }
    const end = markerCalendar(groups) === readings[0].calendar ? match.index + match[0].length : dateEnd;
    const written = text.slice(start, end);
    mentions.push({ text: written, ...describeReadings(readings, written), start, end });
  }
  return mentions;
}

function readYearFirst(groups: Groups, options: DateOptions): Reading[] | undefined {
  const year = Number(groups.year);
  const calendar = calendarOfYear(year, markerCalendar(groups), options);
  return calendar && plausible([{ calendar, year, month: Number(groups.month), day: Number(groups.day) }]);
}

function readYearLast(groups: Groups, options: DateOptions): Reading[] | undefined {
  const year = Number(groups.year);
  const calendar = calendarOfYear(year, markerCalendar(groups), options);
  return calendar && dayFirstOrMonthFirst(calendar, year, Number(groups.first), Number(groups.second));
}

/** `15/07/93` or, when the first number cannot be a day, `93/07/15`; only in the calendar the caller names. */
function readTwoDigitYear(groups: Groups, options: DateOptions): Reading[] | undefined {
  const { calendar } = options;
  if (!calendar) return undefined;
  const [first, second, third] = [groups.first, groups.second, groups.third].map(Number) as [number, number, number];
  if (first > 31) return plausible([{ calendar, year: fullYear(first, calendar), month: second, day: third }]);
  return dayFirstOrMonthFirst(calendar, fullYear(third, calendar), first, second);
}

function readDateTimeGroup(groups: Groups): Reading[] | undefined {
  const digits = groups.year ?? "";
  const year = digits.length === 2 ? fullYear(Number(digits), "gregorian") : Number(digits);
  if (!isInYears("gregorian", year)) return undefined;
  return plausible([{ calendar: "gregorian", year, month: namedMonth(groups.name ?? "")?.month, day: Number(groups.day) }]);
}

function readNamedMonth(groups: Groups): Reading[] | undefined {
  const month = namedMonth(groups.name ?? "");
  const year = Number(groups.year);
  if (!month || !isInYears(month.calendar, year)) return undefined;
  if (groups.day === undefined) return [{ calendar: month.calendar, year, month: month.month }];
  return plausible([{ calendar: month.calendar, year, month: month.month, day: Number(groups.day) }]);
}

function readMarkedYear(groups: Groups): Reading[] | undefined {
  const calendar = markerCalendar(groups);
  const year = Number(groups.year);
  return calendar && isInYears(calendar, year) ? [{ calendar, year }] : undefined;
}

/** The calendar a marker after the date names, if any. */
function markerCalendar(groups: Groups): Calendar | undefined {
  if (groups.solar !== undefined) return "jalali";
  if (groups.lunar !== undefined) return "hijri";
  return groups.gregorian !== undefined ? "gregorian" : undefined;
}

/** A marker decides when the year fits its calendar; otherwise the year's range does. */
function calendarOfYear(year: number, marker: Calendar | undefined, options: DateOptions): Calendar | undefined {
  if (marker && isInYears(marker, year)) return marker;
  if (year >= UNMARKED_IRANIAN_YEARS.first && year <= UNMARKED_IRANIAN_YEARS.last) return options.calendar === "hijri" ? "hijri" : "jalali";
  return isInYears("gregorian", year) ? "gregorian" : undefined;
}

function isInYears(calendar: Calendar, year: number): boolean {
  return year >= YEARS[calendar].first && year <= YEARS[calendar].last;
}

/** Day first; for Gregorian also month first (the American order), which `describeReadings` turns into candidates. */
function dayFirstOrMonthFirst(calendar: Calendar, year: number, first: number, second: number): Reading[] | undefined {
  const dayFirst = { calendar, year, month: second, day: first };
  return plausible(calendar === "gregorian" ? [dayFirst, { calendar, year, month: first, day: second }] : [dayFirst]);
}

/** Two-digit years: 00–49 are this century's (2000s, 1400s), 50–99 the last one's. */
function fullYear(twoDigits: number, calendar: Calendar): number {
  const century = calendar === "gregorian" ? 1900 : 1300;
  return century + twoDigits + (twoDigits < 50 ? 100 : 0);
}

/** The readings whose month and day could be a month and a day at all; a 13th month is not a date, 30 February is an impossible one. */
function plausible(readings: Reading[]): Reading[] | undefined {
  const kept = readings.filter(({ month = 0, day = 0 }) => month >= 1 && month <= 12 && day >= 1 && day <= 31);
  return kept.length > 0 ? kept : undefined;
}

function describeReadings(readings: Reading[], written: string): Omit<DateMention, "text"> {
  const first = readings[0]!;
  const precision = first.day !== undefined ? "day" : first.month !== undefined ? "month" : "year";
  const isos = [...new Set(readings.map(isoOfReading).filter((iso) => iso !== undefined))];
  const described = { calendar: first.calendar, precision } as const;
  if (isos.length === 1) return { ...described, iso: isos[0] };
  if (isos.length > 1) return { ...described, candidates: isos };
  return { ...described, warning: impossibleDateWarning(first, written) };
}

/** The Gregorian date, or its month or year at lower precision: that of the first day. */
function isoOfReading({ calendar, year, month, day }: Reading): string | undefined {
  const iso = toIsoDate(calendar, year, month ?? 1, day ?? 1);
  return day !== undefined ? iso : iso?.slice(0, month !== undefined ? 7 : 4);
}

/** E.g. `1393/12/30 does not exist: Esfand 1393 has 29 days (1393 is not a leap year)`. */
function impossibleDateWarning({ calendar, year, month = 1, day = 1 }: Reading, written: string): string {
  const reckoning = calendar === "hijri" ? " in the Umm al-Qura calendar" : "";
  return `${written} does not exist: ${monthLabel(calendar, month)} ${year} has ${daysInMonth(calendar, year, month)} days${reckoning}${leapYearNote(calendar, year, month, day)}`;
}

/** Says why a leap day is missing: 30 Esfand and 29 February exist only in leap years. */
function leapYearNote(calendar: Calendar, year: number, month: number, day: number): string {
  const isLeapDay = calendar === "jalali" ? month === 12 && day === 30 : calendar === "gregorian" && month === 2 && day === 29;
  if (!isLeapDay) return "";
  const isLeapYear = calendar === "jalali" ? isLeapJalaaliYear(year) : isGregorianLeapYear(year);
  return isLeapYear ? "" : ` (${year} is not a leap year)`;
}

function isGregorianLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function fromJalaali({ gy, gm, gd }: { gy: number; gm: number; gd: number }): YearMonthDay {
  return { year: gy, month: gm, day: gd };
}

function isoOf({ year, month, day }: YearMonthDay): string {
  return [String(year).padStart(4, "0"), String(month).padStart(2, "0"), String(day).padStart(2, "0")].join("-");
}

/** Persian (۰–۹) and Arabic-Indic (٠–٩) digits to ASCII, one character for one, so that offsets hold. */
function foldDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (digit) => {
    const code = digit.charCodeAt(0);
    return String(code - (code >= 0x06f0 ? 0x06f0 : 0x0660));
  });
}
