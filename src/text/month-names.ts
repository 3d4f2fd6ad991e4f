/**
 * Month names of the three calendars, as they are spelled in Persian, Arabic
 * and English: the Jalali months (مهر, Mehr), the lunar Hijri months (صفر,
 * Safar, ربیع‌الاول, Rabi' al-Awwal, Rabi I) and the Gregorian months in
 * English (October, OCT), Persian (اکتبر), Arabic (أكتوبر) and the Levantine
 * and Iraqi names (تشرين الأول). Each name belongs to exactly one calendar,
 * so a name tells the calendar of the date it is in: آذر is the ninth Jalali
 * month, آذار is Gregorian March.
 *
 * @example
 * namedMonth("ربيع الأول")  // → { calendar: "hijri", month: 3 }
 * namedMonth("Rabi' I")     // → { calendar: "hijri", month: 3 }
 * namedMonth("آذار")        // → { calendar: "gregorian", month: 3 }
 * namedMonth("Oct")         // → { calendar: "gregorian", month: 10 }
 */
import type { Calendar } from "../model/cable.js";

export interface NamedMonth {
  calendar: Calendar;
  /** 1–12. */
  month: number;
}

/**
 * One month's spellings. Latin spellings are matched case-insensitively, with
 * every apostrophe optional, hyphens and spaces interchangeable or left out,
 * and `?` making the letter before it optional (`Muharr?am` is Muharram or
 * Muharam). Arabic-script spellings are matched with the letters Persian and
 * Arabic spell differently taken as one (ی ي ى, ک ك, ا أ إ آ, ه ة ۀ), with
 * harakat, tatweel and zero-width non-joiners ignored, and a space standing
 * for a space, a non-joiner or nothing (ربیع الاول = ربیع‌الاول = ربيع الأول).
 */
interface MonthSpellings {
  /** The English name used in messages. */
  label: string;
  arabicScript: string[];
  latin: string[];
}

const JALALI_MONTHS: MonthSpellings[] = [
  { label: "Farvardin", arabicScript: ["فروردین"], latin: ["Farvardin", "Farvardeen"] },
  { label: "Ordibehesht", arabicScript: ["اردیبهشت"], latin: ["Ordibehesht"] },
  { label: "Khordad", arabicScript: ["خرداد"], latin: ["Khordad", "Khurdad"] },
  { label: "Tir", arabicScript: ["تیر"], latin: ["Tir"] },
  { label: "Mordad", arabicScript: ["مرداد", "امرداد"], latin: ["Mordad", "Amordad", "Amurdad"] },
  { label: "Shahrivar", arabicScript: ["شهریور"], latin: ["Shahrivar", "Shahrevar"] },
  { label: "Mehr", arabicScript: ["مهر"], latin: ["Mehr"] },
  { label: "Aban", arabicScript: ["آبان"], latin: ["Aban"] },
  { label: "Azar", arabicScript: ["آذر"], latin: ["Azar"] },
  { label: "Dey", arabicScript: ["دی"], latin: ["Dey", "Dei"] },
  { label: "Bahman", arabicScript: ["بهمن"], latin: ["Bahman"] },
  { label: "Esfand", arabicScript: ["اسفند"], latin: ["Esfand", "Espand", "Isfand"] },
];

const HIJRI_MONTHS: MonthSpellings[] = [
  { label: "Muharram", arabicScript: ["محرم"], latin: ["Muharr?am", "Moharr?am"] },
  { label: "Safar", arabicScript: ["صفر"], latin: ["Safar"] },
  {
    label: "Rabi al-Awwal",
    arabicScript: ["ربیع الاول"],
    latin: ["Rabi'a? al-Aww?al", "Rabi'a? ul-Aww?al", "Rabee' al-Aww?al", "Rabi' I"],
  },
  {
    label: "Rabi al-Thani",
    arabicScript: ["ربیع الثانی", "ربیع الآخر"],
    latin: ["Rabi'a? al-Thani", "Rabi'a? ul-Thani", "Rabi'a? al-Akh?ir", "Rabi'a? ul-Akh?ir", "Rabi' al-Akhar", "Rabi' us-Sani", "Rabi' al-Sani", "Rabee' al-Thani", "Rabi' II"],
  },
  {
    label: "Jumada al-Awwal",
    arabicScript: ["جمادی الاول", "جمادی الاولی"],
    latin: ["Jumada al-Aww?al", "Jumada ul-Aww?al", "Jumada al-Ula", "Jumada al-Oula", "Jumada al-Ulaa", "Jumadi al-Aww?al", "Jamadi al-Aww?al", "Jumada I"],
  },
  {
    label: "Jumada al-Thani",
    arabicScript: ["جمادی الثانی", "جمادی الثانیه", "جمادی الآخر", "جمادی الآخره"],
    latin: ["Jumada al-Thaniy?a?h?", "Jumada al-Akhirah?", "Jumada ul-Akhir", "Jumadi al-Thani", "Jamadi al-Thani", "Jamadi al-Sani", "Jumada II"],
  },
  { label: "Rajab", arabicScript: ["رجب"], latin: ["Rajab"] },
  { label: "Sha'ban", arabicScript: ["شعبان"], latin: ["Sha'a?ban"] },
  { label: "Ramadan", arabicScript: ["رمضان"], latin: ["Ramadh?an", "Ramazan", "Ramzan"] },
  { label: "Shawwal", arabicScript: ["شوال"], latin: ["Shaww?al", "Shavv?al"] },
  {
    label: "Dhu al-Qadah",
    arabicScript: ["ذو القعده", "ذی القعده", "ذی قعده"],
    latin: ["Dhu al-Qa'dah?", "Dhu al-Qi'dah?", "Dhu'l-Qa'dah?", "Dhu'l-Qi'dah?", "Zu'l-Qa'dah?", "Zi'l-Qa'dah?", "Zu al-Qa'dah?"],
  },
  {
    label: "Dhu al-Hijjah",
    arabicScript: ["ذو الحجه", "ذی الحجه", "ذی حجه"],
    latin: ["Dhu al-Hijj?ah?", "Dhu'l-Hijj?ah?", "Zu'l-Hijj?ah?", "Zi'l-Hijj?ah?", "Zu al-Hijj?ah?"],
  },
];

/** Persian, Arabic (Egyptian and Gulf) and Levantine or Iraqi names, in that order. */
const GREGORIAN_MONTHS: MonthSpellings[] = [
  { label: "January", arabicScript: ["ژانویه", "يناير", "كانون الثاني"], latin: ["January", "Jan"] },
  { label: "February", arabicScript: ["فوریه", "فبراير", "شباط"], latin: ["February", "Feb"] },
  { label: "March", arabicScript: ["مارس", "آذار"], latin: ["March", "Mar"] },
  { label: "April", arabicScript: ["آوریل", "أبريل", "نيسان"], latin: ["April", "Apr"] },
  { label: "May", arabicScript: ["مه", "می", "مايو", "أيار"], latin: ["May"] },
  { label: "June", arabicScript: ["ژوئن", "يونيو", "يونيه", "حزيران"], latin: ["June", "Jun"] },
  { label: "July", arabicScript: ["ژوئیه", "جولای", "يوليو", "يوليه", "تموز"], latin: ["July", "Jul"] },
  { label: "August", arabicScript: ["اوت", "آگوست", "أغسطس", "آب"], latin: ["August", "Aug"] },
  { label: "September", arabicScript: ["سپتامبر", "سبتمبر", "أيلول"], latin: ["September", "Sept", "Sep"] },
  { label: "October", arabicScript: ["اکتبر", "أكتوبر", "تشرين الأول"], latin: ["October", "Oct"] },
  { label: "November", arabicScript: ["نوامبر", "نوفمبر", "تشرين الثاني"], latin: ["November", "Nov"] },
  { label: "December", arabicScript: ["دسامبر", "ديسمبر", "كانون الأول"], latin: ["December", "Dec"] },
];

const MONTHS_BY_CALENDAR: Record<Calendar, MonthSpellings[]> = {
  gregorian: GREGORIAN_MONTHS,
  jalali: JALALI_MONTHS,
  hijri: HIJRI_MONTHS,
};

/** Letters that Persian and Arabic keyboards and scribes write differently; each stands for its whole group. */
const LETTER_GROUPS = ["یيى", "کك", "اأإآٱ", "هةۀ"];
const LETTER_VARIANTS = new Map(LETTER_GROUPS.flatMap((group) => [...group].map((letter) => [letter, `[${group}]`] as const)));
const IGNORED_MARKS = "[\\u064B-\\u065F\\u0670\\u0640\\u200C]*";
const WORD_GAP = "[\\s\\u200C]*";
/** Persian often adds ماه, "month", to a Jalali month: مهرماه, مهر ماه. */
const MONTH_WORD = `(?:${WORD_GAP}م${IGNORED_MARKS}ا${IGNORED_MARKS}ه)?`;

interface MonthPattern extends NamedMonth {
  source: string;
  whole: RegExp;
}

const MONTH_PATTERNS: MonthPattern[] = (Object.keys(MONTHS_BY_CALENDAR) as Calendar[]).flatMap((calendar) =>
  MONTHS_BY_CALENDAR[calendar].flatMap(({ arabicScript, latin }, index) =>
    [
      ...arabicScript.map((spelling) => arabicScriptPattern(spelling) + (calendar === "jalali" ? MONTH_WORD : "")),
      ...latin.map(latinPattern),
    ].map((source) => ({ calendar, month: index + 1, source, whole: new RegExp(`^(?:${source})$`, "iu") })),
  ),
);

/**
 * A regular expression source (for the `iu` flags) that matches any month
 * name of any calendar, longest spellings first. It asserts no boundaries:
 * the patterns that embed it do.
 */
export const MONTH_NAME_SOURCE = MONTH_PATTERNS.map((pattern) => pattern.source)
  .sort((a, b) => b.length - a.length)
  .join("|");

/** The calendar and number of a month name matched by {@link MONTH_NAME_SOURCE}; undefined for anything else. */
export function namedMonth(name: string): NamedMonth | undefined {
  const pattern = MONTH_PATTERNS.find(({ whole }) => whole.test(name));
  return pattern && { calendar: pattern.calendar, month: pattern.month };
}

/**
 * The English name of a month, for messages.
 *
 * @example
 * monthLabel("jalali", 12) // → "Esfand"
 */
export function monthLabel(calendar: Calendar, month: number): string {
  return MONTHS_BY_CALENDAR[calendar][month - 1]?.label ?? `month ${month}`;
}

function arabicScriptPattern(spelling: string): string {
  return [...spelling].map((character) => (character === " " ? WORD_GAP : (LETTER_VARIANTS.get(character) ?? character) + IGNORED_MARKS)).join("");
}

function latinPattern(spelling: string): string {
  return [...spelling]
    .map((character) => {
      if (character === "'") return "['’‘ʿʾ`]?";
      if (character === " " || character === "-") return "[\\s-]*";
      return character; // letters, and `?` which makes the letter before it optional
    })
    .join("");
}
