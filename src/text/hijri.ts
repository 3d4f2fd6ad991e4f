/**
 * The lunar Hijri calendar, as the Umm al-Qura calendar of Saudi Arabia
 * reckons it.
 *
 * Why Umm al-Qura: the lunar calendar has no single arithmetic rule. Months
 * begin when the new crescent is sighted, so the same day can be 29 Safar in
 * Najaf and 1 Rabi al-Awwal in Riyadh. Umm al-Qura is the one published,
 * tabulated reckoning, and ICU ships its table (`islamic-umalqura`), so no
 * table of our own has to be kept. A Hijri date read from an Iraqi or Iranian
 * document may therefore differ by a day from the local sighting it was
 * written by; the mention keeps the text as written, so a reader can check.
 *
 * ICU is asked month by month: for each year the first day of Muharram is
 * found once, then each month's length (29 or 30) is read off by looking at
 * the day 29 days after its first. The answers are cached per year, lazily.
 *
 * @example
 * hijriToGregorian(1436, 1, 1) // → { year: 2014, month: 10, day: 25 }
 * hijriMonthLength(1436, 9)    // → 29 (Ramadan 1436)
 */

/** The years the conversion answers for: ICU's Umm al-Qura table covers them (1882–2077 AD). */
export const HIJRI_YEARS = { first: 1300, last: 1500 } as const;

/** A day as year, month (1–12) and day of month, in whichever calendar the function says. */
export interface YearMonthDay {
  year: number;
  month: number;
  day: number;
}

const DAY_MS = 86_400_000;
/** A known new year to estimate others from: 1 Muharram 1436 was 25 October 2014. */
const ANCHOR = { year: 1436, epochDay: Date.UTC(2014, 9, 25) / DAY_MS };
/** The mean length of a lunar year (10631/30 days, the 30-year arithmetic cycle). */
const MEAN_YEAR_DAYS = 10631 / 30;
/** The estimate from the mean year is within a couple of days of Umm al-Qura; this bounds the search. */
const MAX_CORRECTION_DAYS = 15;

let umalquraFormat: Intl.DateTimeFormat | undefined;
/** For each year looked up: the epoch day of the first of each month, then of the next year's first. */
const monthStartsByYear = new Map<number, number[]>();

/** The Gregorian day of a Hijri date, or undefined when the date does not exist or is out of range. */
export function hijriToGregorian(year: number, month: number, day: number): YearMonthDay | undefined {
  const length = hijriMonthLength(year, month);
  if (length === undefined || !Number.isInteger(day) || day < 1 || day > length) return undefined;
  const starts = monthStarts(year);
  return gregorianOf(starts[month - 1]! + day - 1);
}

/** 29 or 30, or undefined outside {@link HIJRI_YEARS} or for a month that is not 1–12. */
export function hijriMonthLength(year: number, month: number): number | undefined {
  if (!Number.isInteger(year) || year < HIJRI_YEARS.first || year > HIJRI_YEARS.last) return undefined;
  if (!Number.isInteger(month) || month < 1 || month > 12) return undefined;
  const starts = monthStarts(year);
  return starts[month]! - starts[month - 1]!;
}

function monthStarts(year: number): number[] {
  const cached = monthStartsByYear.get(year);
  if (cached) return cached;
  const starts = [newYearDay(year)];
  for (let month = 1; month <= 12; month++) {
    const start = starts[month - 1]!;
    // Day 29 after the first is either the 30th of the month or the 1st of the next.
    starts.push(hijriOf(start + 29).day === 1 ? start + 29 : start + 30);
  }
  monthStartsByYear.set(year, starts);
  return starts;
}

function newYearDay(year: number): number {
  let epochDay = Math.round(ANCHOR.epochDay + (year - ANCHOR.year) * MEAN_YEAR_DAYS);
  for (let step = 0; step < MAX_CORRECTION_DAYS; step++) {
    const date = hijriOf(epochDay);
    const order = Math.sign(date.year - year) || Math.sign(date.month - 1) || Math.sign(date.day - 1);
    if (order === 0) return epochDay;
    epochDay -= order;
  }
  throw new RangeError(`ICU's Umm al-Qura calendar has no 1 Muharram ${year} near its expected day`);
}

function hijriOf(epochDay: number): YearMonthDay {
  umalquraFormat ??= new Intl.DateTimeFormat("en-u-ca-islamic-umalqura", { timeZone: "UTC", year: "numeric", month: "numeric", day: "numeric" });
  const date = { year: 0, month: 0, day: 0 };
  for (const part of umalquraFormat.formatToParts(epochDay * DAY_MS)) {
    if (part.type === "year" || part.type === "month" || part.type === "day") date[part.type] = Number.parseInt(part.value, 10);
  }
  return date;
}

function gregorianOf(epochDay: number): YearMonthDay {
  const date = new Date(epochDay * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}
