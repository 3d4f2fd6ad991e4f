/** How numbers, sizes, dates, languages and calendars read on screen. */

const NUMBER = new Intl.NumberFormat("en-GB");

export function formatNumber(value: number): string {
  return NUMBER.format(value);
}

const MONEY = new Intl.NumberFormat("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const WHOLE_MONEY = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });

/**
 * An amount with its currency as the archive records it, the code or word
 * after the number: `87.50 EUR`, `16,000,000 USD`, `500,000 toman`. Cents
 * appear only when there are any; a sum with no currency stated says so.
 */
export function formatMoney(amount: number | null, currency: string | null): string {
  if (amount === null) return currency ? `an unstated sum in ${currency}` : "an unstated sum";
  const number = Number.isInteger(amount) ? WHOLE_MONEY.format(amount) : MONEY.format(amount);
  return currency ? `${number} ${currency}` : `${number} (currency not stated)`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 10 ? Math.round(value) : Math.round(value * 10) / 10} ${units[unit]}`;
}

/** `95` → `1 min 35 s`. */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.max(0, Math.round(seconds))} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** `2014-12-05` → `5 December 2014`; `2014-12` → `December 2014`; `2014` → `2014`. */
export function formatIsoDate(iso: string): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match;
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  if (!monthName) return year!;
  return day ? `${Number(day)} ${monthName} ${year}` : `${monthName} ${year}`;
}

const LANGUAGES: Record<string, string> = { en: "English", fa: "Persian", ar: "Arabic", und: "undetermined" };

export function languageName(code: string): string {
  return LANGUAGES[code] ?? code;
}

const CALENDARS: Record<string, string> = { gregorian: "Gregorian", jalali: "Solar Hijri", hijri: "lunar Hijri" };

export function calendarName(calendar: string): string {
  return CALENDARS[calendar] ?? calendar;
}

/** The writing direction of a language: Persian and Arabic right to left; undetermined text decides for itself. */
export function directionOf(language: string): "rtl" | "ltr" | "auto" {
  if (language === "fa" || language === "ar") return "rtl";
  return language === "en" ? "ltr" : "auto";
}

/** A `lang` attribute value for a language code; none for undetermined text. */
export function langAttribute(language: string): string | undefined {
  return language === "und" || language === "" ? undefined : language;
}
