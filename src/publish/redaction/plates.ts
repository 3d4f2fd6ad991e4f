/**
 * Vehicle plates: `Karbala plate 45821`, `plate Karbala 45821`, `licence plate
 * 12 B 345`, `پلاک کربلا ۴۵۸۲۱`, `با پلاک بغداد ۱۱۸۳۷۷`, `پلاک ۱۲ ب ۳۴۵ ایران ۶۷`,
 * `رقم اللوحة ٤٥٨٢١`. The span is what identifies the car: the province or
 * city written after the word for plate, and the plate's numbers and letters;
 * the word itself stays, so an excerpt still reads "plate ██".
 *
 * Persian writes a house number with the same word (`پلاک ۳`), so a bare
 * number after پلاک is a plate only when the plate also has a letter or a
 * city, or a vehicle is named just before it; addresses are found first (see
 * addresses.ts) and a plate inside one is not a plate. A plate needs three
 * digits or more.
 *
 * @example
 * findPlates("left in Tamimi's black GMC with Karbala plate 45821.")
 * // → [{ start: 46, end: 51 }] ("45821")
 */
import { anyArabicScriptSpelling } from "../../extract/rules/arabic-script.js";
import { DIGIT, digitsOf } from "../../extract/rules/digits.js";
import type { TextSpan } from "./addresses.js";

const NOT_WORD_BEFORE = "(?<![\\p{L}\\p{M}\\p{N}_])";
const NOT_WORD_AFTER = "(?![\\p{L}\\p{M}\\p{N}_])";
const SPACE = "[ \\t\\u00A0\\u200C]";
const MIN_DIGITS = 3;
/** How far before a bare Persian plate number a vehicle must be named. */
const VEHICLE_WINDOW = 60;

const LATIN_PLATE = "(?:(?:[Ll]icen[cs]e|LICEN[CS]E|[Nn]umber|NUMBER|[Rr]egistration|REGISTRATION)[ \\t\\u00A0]{1,3})?(?:[Pp]lates?|PLATES?)(?:[ \\t\\u00A0]{1,3}(?:[Nn]umber|NUMBER|[Nn]o\\.?|NO\\.?))?";
const ARABIC_SCRIPT_PLATE = anyArabicScriptSpelling(["شماره پلاک", "پلاک", "رقم اللوحة", "لوحة رقم", "اللوحة", "لوحة", "رقم السيارة"]);
/** The province or city on a plate: one capitalised Latin word, or one Arabic-script word. */
const CITY = "(?<city>\\p{Lu}\\p{Ll}{2,20}|(?:(?=\\p{L})\\p{Script=Arabic}|\\p{M}){2,20})";
const GAP = `(?:${SPACE}{1,2}|-)`;
const COUNTRY = `(?:${anyArabicScriptSpelling(["ایران"])}|IRAN|Iran)`;
/**
 * Groups of digits with single letters between them: `45821`, `12 B 345`,
 * `۱۲ ب ۳۴۵`, `12-B-345`, and an Iranian plate's closing `ایران ۶۷`.
 */
const BODY = `(?<body>${DIGIT}{1,7}(?:${GAP}(?:\\p{L}(?![\\p{L}\\p{M}])${GAP})?${DIGIT}{1,7}){0,3}(?:${GAP}${COUNTRY}${GAP}${DIGIT}{2,3})?)${NOT_WORD_AFTER}`;

const PLATE = new RegExp(
  `${NOT_WORD_BEFORE}(?<keyword>${LATIN_PLATE}|${ARABIC_SCRIPT_PLATE})${NOT_WORD_AFTER}[ \\t\\u00A0:#]{0,3}(?<identifier>(?:${CITY}${SPACE}{1,3})?${BODY})`,
  "gud",
);
const PERSIAN_HOUSE_WORD = new RegExp(`^(?:${anyArabicScriptSpelling(["پلاک"])})$`, "u");
const HAS_LETTER = /\p{L}/u;
const COUNTRY_WORD = new RegExp(COUNTRY, "gu");
const VEHICLE = new RegExp(
  `${NOT_WORD_BEFORE}(?:${anyArabicScriptSpelling(["خودرو", "خودروی", "ماشین", "اتومبیل", "سواری", "وانت", "تاکسی", "موتور", "سيارة", "سيارته", "مركبة"])}|car|vehicle|truck|van|taxi|GMC|Toyota|Land Cruiser)`,
  "iu",
);

/** Every vehicle plate in a text, in order, outside the given address spans. Never throws. */
export function findPlates(text: string, addresses: readonly TextSpan[] = []): TextSpan[] {
  const found: TextSpan[] = [];
  PLATE.lastIndex = 0;
  for (let match = PLATE.exec(text); match; match = PLATE.exec(text)) {
    const indices = match.indices?.groups;
    const identifier = indices?.identifier;
    const body = match.groups?.body ?? "";
    if (!identifier || digitsOf(body).length < MIN_DIGITS) continue;
    const span = { start: identifier[0], end: identifier[1] };
    if (addresses.some((address) => address.start < span.end && span.start < address.end)) continue;
    const bare = match.groups?.city === undefined && !HAS_LETTER.test(body.replace(COUNTRY_WORD, ""));
    if (bare && PERSIAN_HOUSE_WORD.test((match.groups?.keyword ?? "").trim()) && !namesVehicleBefore(text, match.index)) continue;
    found.push(span);
  }
  return found;
}

function namesVehicleBefore(text: string, position: number): boolean {
  const window = text.slice(Math.max(0, position - VEHICLE_WINDOW), position);
  return VEHICLE.test(window.slice(window.lastIndexOf("\n") + 1));
}
