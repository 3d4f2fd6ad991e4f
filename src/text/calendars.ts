/**
 * Dates in the calendars of the archive: Gregorian, Solar Hijri (Jalali) and
 * lunar Hijri, in Persian, Arabic-Indic or ASCII digits, with month names in
 * Persian, Arabic and English transliteration. Every date keeps its text and
 * calendar; an ambiguous date stays ambiguous.
 *
 * (First cut: numeric Jalali, ISO and English Gregorian forms; to be completed.)
 */
import type { Calendar, DateMention } from "../model/cable.js";
import { findDocumentDate } from "./dates.js";

export interface DateOptions {
  /** The calendar to assume for a numeric date whose year does not tell (e.g. `15/07/93`). */
  calendar?: Calendar;
}

/** Reads one date written on its own (a `Date:` field's value). Undefined when it holds no date. */
export function parseDate(text: string, _options: DateOptions = {}): DateMention | undefined {
  const iso = findDocumentDate(text);
  if (!iso) return undefined;
  const calendar: Calendar = /1[34]\d\d[/.-]/.test(text.replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0))) ? "jalali" : "gregorian";
  return { text: text.trim(), calendar, iso, precision: "day" };
}

/** Every date in a text, in order, with offsets. */
export function findDates(text: string, options: DateOptions = {}): DateMention[] {
  const found = parseDate(text, options);
  return found ? [found] : [];
}
