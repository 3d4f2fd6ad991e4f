/**
 * Finds the date a document is about, for sorting and the `date:` filter.
 * Cables carry it in a `Date:` field, a date-time group (`071204Z OCT 14`) or
 * in the Iranian solar calendar (۱۳۹۳/۰۷/۱۵); e-mails in their headers, which
 * their reader supplies.
 */
import { isValidJalaaliDate, toGregorian } from "jalaali-js";
import { normalise } from "./normalise.js";

const HEAD_CHARS = 4000;
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH_NAME = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

interface DatePattern {
  pattern: RegExp;
  toIso(match: RegExpExecArray): string | undefined;
}

const PATTERNS: DatePattern[] = [
  {
    pattern: /(?<![\d/])(1[34]\d\d)[/.-](\d{1,2})[/.-](\d{1,2})(?![\d/])/g,
    toIso: (m) => jalaliToIso(Number(m[1]), Number(m[2]), Number(m[3])),
  },
  {
    pattern: /(?<!\d)((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)/g,
    toIso: (m) => isoIfValid(Number(m[1]), Number(m[2]), Number(m[3])),
  },
  {
    pattern: /\b(\d\d)\d{4}Z\s+([A-Z]{3})\s+(\d\d)\b/g,
    toIso: (m) => isoIfValid(twoDigitYear(Number(m[3])), monthNumber(m[2]!), Number(m[1])),
  },
  {
    pattern: new RegExp(`\\b(\\d{1,2})\\s+${MONTH_NAME}\\.?,?\\s+((?:19|20)\\d\\d)\\b`, "gi"),
    toIso: (m) => isoIfValid(Number(m[3]), monthNumber(m[2]!), Number(m[1])),
  },
  {
    pattern: new RegExp(`\\b${MONTH_NAME}\\.?\\s+(\\d{1,2}),?\\s+((?:19|20)\\d\\d)\\b`, "gi"),
    toIso: (m) => isoIfValid(Number(m[3]), monthNumber(m[1]!), Number(m[2])),
  },
];

const DATE_LINE = /^\s*(?:date|dated|تاریخ)\s*[:：]?(.*)$/im;

/** The ISO date (YYYY-MM-DD) a text is about, from a `Date:` line first, else the first date in its head. */
export function findDocumentDate(text: string): string | undefined {
  const head = normalise(text.slice(0, HEAD_CHARS));
  const dateLine = DATE_LINE.exec(head)?.[1];
  return (dateLine && firstDate(dateLine)) || firstDate(head);
}

function firstDate(text: string): string | undefined {
  let best: { index: number; iso: string } | undefined;
  for (const { pattern, toIso } of PATTERNS) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      if (best && match.index >= best.index) break;
      const iso = toIso(match);
      if (iso) {
        best = { index: match.index, iso };
        break;
      }
    }
  }
  return best?.iso;
}

function jalaliToIso(year: number, month: number, day: number): string | undefined {
  if (!isValidJalaaliDate(year, month, day)) return undefined;
  const { gy, gm, gd } = toGregorian(year, month, day);
  return isoIfValid(gy, gm, gd);
}

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

function twoDigitYear(year: number): number {
  return year < 50 ? 2000 + year : 1900 + year;
}

/** `YYYY-MM-DD`, or undefined for an impossible date such as 2014-02-30. */
export function isoIfValid(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}
