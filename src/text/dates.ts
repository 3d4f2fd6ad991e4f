/**
 * Finds the date a document is about, for sorting and the `date:` filter.
 * Cables carry it in a `Date:` field, a date-time group (`071204Z OCT 14`) or
 * in the Iranian solar calendar (۱۳۹۳/۰۷/۱۵); e-mails in their headers, which
 * their reader supplies. The dates themselves are read by calendars.ts.
 *
 * @example
 * findDocumentDate("تاریخ: ۱۳۹۳/۰۷/۱۵\nموضوع: دیدار") // → "2014-10-07"
 */
import { findDates } from "./calendars.js";

export { isoIfValid } from "./calendars.js";

const HEAD_CHARS = 4000;
const DATE_LINE = /^[^\S\n]*(?:date|dated|(?:ال)?تار[یي]خ)[^\S\n]*[:：]?(.*)$/im;

/**
 * The ISO date (YYYY-MM-DD) a text is about, from a `Date:` line first, else
 * the first date in its head. Only a date read to the day counts: ambiguous
 * (03/04/2014) and impossible (1393/12/31) dates, and months or years alone,
 * are passed over.
 */
export function findDocumentDate(text: string): string | undefined {
  const head = text.slice(0, HEAD_CHARS);
  const dateLine = DATE_LINE.exec(head)?.[1];
  return (dateLine && firstDay(dateLine)) || firstDay(head);
}

function firstDay(text: string): string | undefined {
  return findDates(text).find((date) => date.precision === "day" && date.iso)?.iso;
}
