/**
 * Dates a document's text contradicts itself on: a weekday written next to a
 * date that fell on another day, a Jalali or Hijri date given with a
 * Gregorian equivalent that is not the same day, and dates that do not exist
 * at all. Forgers and careless retypists make exactly these slips, and each
 * can be checked without knowing anything beyond the text.
 */
import type { Calendar, DateMention } from "../../model/cable.js";
import { findDates } from "../../text/calendars.js";
import type { Finding } from "./finding.js";

/** A date the text writes to the day, with the offsets `findDates` always gives. */
type LocatedDate = DateMention & { start: number; end: number };

const WEEKDAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

/** Persian letters also typed with their Arabic forms (ي for ی, ك for ک), as in many Iranian originals. */
const YEH = "[یيى]";
const KEHEH = "[کك]";
const JOINER = "[\\s\\u200C]?";

/** Weekday names in English, Persian and Arabic, each with the day of the week it is (0 is Sunday). */
const WEEKDAY_FORMS: { pattern: string; day: number }[] = [
  ...WEEKDAY_NAMES.map((name, day) => ({ pattern: name, day })),
  { pattern: `${YEH}${KEHEH}${JOINER}شنبه`, day: 0 },
  { pattern: `دو${JOINER}شنبه`, day: 1 },
  { pattern: `سه${JOINER}شنبه`, day: 2 },
  { pattern: `چهار${JOINER}شنبه`, day: 3 },
  { pattern: `پنج${JOINER}شنبه`, day: 4 },
  { pattern: "جمعه|آدینه", day: 5 },
  { pattern: "شنبه", day: 6 },
  // Arabic names only with the article: bare أحد is also "one" and جمعة "gathering".
  { pattern: "الأحد|الاحد", day: 0 },
  { pattern: `الاثن${YEH}ن|الإثن${YEH}ن`, day: 1 },
  { pattern: "الثلاثاء|الثلثاء", day: 2 },
  { pattern: "الأربعاء|الاربعاء", day: 3 },
  { pattern: `الخم${YEH}س`, day: 4 },
  { pattern: "الجمعة", day: 5 },
  { pattern: "السبت", day: 6 },
];

/** Longer names first, so that یکشنبه is not read as شنبه. */
const WEEKDAY_PATTERN = new RegExp(
  `(?<![\\p{L}\\p{M}])(?:${WEEKDAY_FORMS.map((form, index) => `(?<d${index}>${form.pattern})`).join("|")})(?![\\p{L}\\p{M}])`,
  "giu",
);

/** Between a weekday and the date it names: a word or two (`evening`, `الموافق`) and no sentence break. */
const MAX_WEEKDAY_GAP_CHARS = 24;
const MAX_WEEKDAY_GAP_WORDS = 2;
const SENTENCE_BREAK = /[\n.;!?؟؛]/;
/**
 * A weekday after its date, set off by a comma or bracket: `2014-12-04
 * (Thursday)`, `4 December 2014, Thursday`. A bare space is not enough:
 * `March 5, 2007 Sunday Telegraph` names a newspaper.
 */
const WEEKDAY_AFTER_DATE = /^\s?[,،([]\s?$|^\)\s?[,،([]\s?$/;

/**
 * Between a date and its equivalent in another calendar: a bracket, a slash,
 * an equals sign or words that say so (`corresponding to`, `مطابق با`,
 * `الموافق`). Mere spaces are not enough: two dates side by side in a table
 * are in different columns.
 */
const EQUIVALENT_GAP = /^\s*(?:[([]\s*=?|=|\/|–|-{1,2}|corresponding to|equivalent to|i\.e\.|مطابق(?:\s+با)?|برابر(?:\s+با)?|الموافق(?:\s+ل)?)\s*[([]?\s*$/iu;
/** Between the dates of a list: `1393/09/10, 1393/10/07 and 1393/11/14`. */
const LIST_GAP = /^\s*(?:,|،|;|and|و)\s*$/iu;
const MAX_EQUIVALENT_GAP_CHARS = 24;

const CALENDAR_NAMES: Record<Calendar, string> = { gregorian: "Gregorian", jalali: "Jalali", hijri: "lunar Hijri" };
const EXCERPT_CONTEXT = 40;
const DAY_MS = 86_400_000;

/** Every contradiction in the dates of one document's text. */
export function textDateFindings(documentId: number, text: string): Finding[] {
  const dates = findDates(text).filter((date): date is LocatedDate => date.start !== undefined && date.end !== undefined);
  return [...impossibleDates(documentId, text, dates), ...calendarMismatches(documentId, text, dates), ...weekdayMismatches(documentId, text, dates)];
}

function impossibleDates(documentId: number, text: string, dates: LocatedDate[]): Finding[] {
  return dates
    .filter((date) => date.warning !== undefined)
    .map((date) => ({
      kind: "impossible-date",
      severity: "warning",
      documentIds: [documentId],
      message: `${date.warning}. Check the original: a date that never existed is a typing slip or a sign the document was made up.`,
      evidence: excerpt(text, date.start, date.end),
    }));
}

/**
 * Dates given with their equivalents: one date and the next in brackets, or
 * a list of dates followed by the list of their equivalents, compared in turn.
 */
function calendarMismatches(documentId: number, text: string, dates: LocatedDate[]): Finding[] {
  const runs = listsOf(text, dates);
  const findings: Finding[] = [];
  for (let index = 1; index < runs.length; index++) {
    const written = runs[index - 1]!;
    const equivalents = runs[index]!;
    const gap = text.slice(written.at(-1)!.end, equivalents[0]!.start);
    if (written[0]!.calendar === equivalents[0]!.calendar || gap.length > MAX_EQUIVALENT_GAP_CHARS || !EQUIVALENT_GAP.test(gap)) continue;
    const pairs = written.length === equivalents.length ? written.map((date, position) => [date, equivalents[position]!] as const) : [[written.at(-1)!, equivalents[0]!] as const];
    for (const [first, second] of pairs) {
      const finding = disagreement(documentId, text, first, second);
      if (finding) findings.push(finding);
    }
  }
  return findings;
}

/** Consecutive dates of one calendar written as a list, each list in reading order. */
function listsOf(text: string, dates: LocatedDate[]): LocatedDate[][] {
  const runs: LocatedDate[][] = [];
  for (const date of dates) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    if (run && last && last.calendar === date.calendar && LIST_GAP.test(text.slice(last.end, date.start))) run.push(date);
    else runs.push([date]);
  }
  return runs;
}

function disagreement(documentId: number, text: string, first: LocatedDate, second: LocatedDate): Finding | undefined {
  if (first.precision !== "day" || second.precision !== "day") return undefined;
  const firstDays = readingsOf(first);
  const secondDays = readingsOf(second);
  if (firstDays.length === 0 || secondDays.length === 0) return undefined;
  const closest = Math.min(...firstDays.flatMap((a) => secondDays.map((b) => Math.abs(dayNumber(a) - dayNumber(b)))));
  // Umm al-Qura, which lunar dates are converted by, may be a day off the local sighting a document was dated by.
  const tolerance = first.calendar === "hijri" || second.calendar === "hijri" ? 1 : 0;
  if (closest <= tolerance) return undefined;
  const [written, converted] = first.calendar === "gregorian" ? [second, first] : [first, second];
  return {
    kind: "calendar-mismatch",
    severity: "warning",
    documentIds: [documentId],
    message:
      `${written.text} (${CALENDAR_NAMES[written.calendar]}) is ${readingsOf(written).join(" or ")} in the ${CALENDAR_NAMES[converted.calendar]} calendar, but the text gives ${converted.text}` +
      `, ${closest} day${closest === 1 ? "" : "s"} apart. One of the two was converted or typed wrongly; check which the original has.`,
    evidence: excerpt(text, Math.min(first.start, second.start), Math.max(first.end, second.end)),
  };
}

function weekdayMismatches(documentId: number, text: string, dates: LocatedDate[]): Finding[] {
  const findings: Finding[] = [];
  for (const match of text.matchAll(WEEKDAY_PATTERN)) {
    const start = match.index!;
    const end = start + match[0].length;
    const named = weekdayOf(match);
    const date = dateAttachedTo(text, dates, start, end);
    if (!date) continue;
    const days = readingsOf(date);
    if (days.length === 0) continue;
    const weekdays = days.map((iso) => new Date(`${iso}T00:00:00Z`).getUTCDay());
    const offBy = Math.min(...weekdays.map((day) => Math.min((day - named + 7) % 7, (named - day + 7) % 7)));
    const tolerance = date.calendar === "hijri" ? 1 : 0;
    if (offBy <= tolerance) continue;
    const actual = days.map((iso, index) => `${iso}, a ${WEEKDAY_NAMES[weekdays[index]!]}`).join(" or ");
    const name = /^[a-z]+$/i.test(match[0]) ? match[0] : `${match[0]} (${WEEKDAY_NAMES[named]})`;
    findings.push({
      kind: "weekday-mismatch",
      severity: "warning",
      documentIds: [documentId],
      message: `The text names ${name} for ${date.text}, but that day was ${actual}. Check the date against the original and other accounts of the event.`,
      evidence: excerpt(text, Math.min(start, date.start), Math.max(end, date.end)),
    });
  }
  return findings;
}

function weekdayOf(match: RegExpMatchArray): number {
  const index = WEEKDAY_FORMS.findIndex((_, position) => match.groups?.[`d${position}`] !== undefined);
  return WEEKDAY_FORMS[index]!.day;
}

/** The date a weekday name belongs to: the next date within a word or two, else a date just before it. */
function dateAttachedTo(text: string, dates: LocatedDate[], start: number, end: number): LocatedDate | undefined {
  const after = dates.find((date) => date.start >= end);
  if (after && after.precision === "day") {
    const gap = text.slice(end, after.start);
    const words = gap.split(/[\s,،()[\]]+/).filter(Boolean);
    if (gap.length <= MAX_WEEKDAY_GAP_CHARS && !SENTENCE_BREAK.test(gap) && words.length <= MAX_WEEKDAY_GAP_WORDS) return after;
  }
  let before: LocatedDate | undefined;
  for (const date of dates) if (date.end <= start) before = date;
  if (before && before.precision === "day" && WEEKDAY_AFTER_DATE.test(text.slice(before.end, start))) return before;
  return undefined;
}

/** Every Gregorian day a date can be: one, or more when it is ambiguous (03/04/2014). */
function readingsOf(date: DateMention): string[] {
  if (date.iso !== undefined) return date.iso.length === 10 ? [date.iso] : [];
  return (date.candidates ?? []).filter((iso) => iso.length === 10);
}

function dayNumber(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
}

/** The passage that shows a finding: the span itself with a little context on either side, on one line. */
export function excerpt(text: string, start: number, end: number, context = EXCERPT_CONTEXT): string {
  const from = Math.max(0, start - context);
  const to = Math.min(text.length, end + context);
  const passage = text.slice(from, to).replace(/\s+/g, " ").trim();
  return `${from > 0 ? "…" : ""}${passage}${to < text.length ? "…" : ""}`;
}
