/**
 * DATE mentions: the dates `findDates` reads (Gregorian, Solar Hijri and
 * lunar Hijri, in any digit script, numeric or with month names, date-time
 * groups of cables), as mentions. A date read to one day, month or year
 * carries its Gregorian ISO form; an ambiguous one (`03/04/2014`) or an
 * impossible one (`1393/12/30`) is still a date in the text, so it is kept,
 * with less confidence, no ISO form, and its text (digits in ASCII) as the
 * normalised value.
 *
 * @example
 * findDateMentions("Tehran, ۱۵ مهر ۱۳۹۳")
 * // → [{ type: "date", text: "۱۵ مهر ۱۳۹۳", normalized: "2014-10-07",
 * //      attributes: { date: "2014-10-07", calendar: "solar-hijri" }, start: 8, end: 19, … }]
 */
import type { Calendar } from "../../model/cable.js";
import type { Mention } from "../../model/entity.js";
import { findDates, type DateOptions } from "../../text/calendars.js";
import { toAsciiDigits } from "./digits.js";
import { ruleMention } from "./rule-mention.js";

/** The calendar names of `MentionAttributes.calendar`. */
const CALENDAR_NAMES: Record<Calendar, string> = {
  gregorian: "gregorian",
  jalali: "solar-hijri",
  hijri: "lunar-hijri",
};

/** Two or more readings: the reporter has to choose, so a timeline should not. */
const AMBIGUOUS = 0.6;
/** A day that does not exist (30 Esfand of a common year): a date, but a suspect one. */
const IMPOSSIBLE = 0.4;

/** Every date in a text, in order. `options.calendar` is passed to `findDates` (two-digit years, Hijri for 1300–1450). */
export function findDateMentions(text: string, options: DateOptions = {}): Mention[] {
  return findDates(text, options).flatMap((date) => {
    const { start, end } = date;
    if (start === undefined || end === undefined) return [];
    const calendar = CALENDAR_NAMES[date.calendar];
    if (date.iso) return [ruleMention(text, "date", start, end, date.iso, { date: date.iso, calendar })];
    const confidence = date.candidates ? AMBIGUOUS : IMPOSSIBLE;
    return [ruleMention(text, "date", start, end, toAsciiDigits(date.text), { calendar }, confidence)];
  });
}
