/**
 * Exact addresses: a house number together with a street, an alley or a
 * district, as field reports write them — `No. 14, Alley 7, Jadriya`,
 * `House 12, Street 52`, `14 Hamra Street`, `خیابان فلسطین، کوچهٔ ۱۲، پلاک ۳`,
 * `شارع ٥٢، زقاق ٧، دار ١٤`. A street alone (`in a side alley off Karrada
 * Dakhil Street`) or a number alone is no exact address and is left alone:
 * it locates a meeting, not a home.
 *
 * An address is a chain of parts separated by commas or spaces; it counts
 * when at least one part is a house number (`No. 14`, `پلاک ۳`, `منزل
 * شماره ۵`, `دار ١٤`) and another names or numbers a street, an alley or a
 * district. A Latin address may end with the district after a comma
 * (`…, Jadriya`). Every repetition is bounded, so the patterns stay linear
 * whatever the text.
 *
 * @example
 * findAddresses("met at No. 14, Alley 7, Jadriya, at noon")
 * // → [{ start: 7, end: 31 }] ("No. 14, Alley 7, Jadriya")
 */
import { anyArabicScriptSpelling } from "../../extract/rules/arabic-script.js";
import { DIGIT } from "../../extract/rules/digits.js";

/** A span of the text: offsets (UTF-16, end exclusive). */
export interface TextSpan {
  start: number;
  end: number;
}

/** English words in the case a text may write them: `Street`, `street`, `STREET`. */
function anyCase(words: readonly string[]): string {
  return words
    .flatMap((word) => [`[${word[0]!.toUpperCase()}${word[0]!.toLowerCase()}]${escape(word.slice(1))}`, escape(word.toUpperCase())])
    .join("|");
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const NOT_WORD_BEFORE = "(?<![\\p{L}\\p{M}\\p{N}_])";
const NOT_WORD_AFTER = "(?![\\p{L}\\p{M}\\p{N}_])";
const SPACE = "[ \\t\\u00A0\\u200C]";

/** A house or street number: `14`, `14/2`, `12B`, `۱۲`. */
const NUMBER = `${DIGIT}{1,5}(?:[/-]${DIGIT}{1,4}|[A-Za-z](?![\\p{L}]))?${NOT_WORD_AFTER}`;

const LATIN_STREETS = anyCase([
  "street", "st.", "road", "rd.", "alley", "lane", "avenue", "ave.", "boulevard", "blvd.", "square", "highway",
  "kuche", "kucheh", "koocheh", "kooche", "zuqaq", "zukak", "mahalla", "mahallah", "mahala", "district", "sector", "block",
]);
const LATIN_HOUSE_WORDS = anyCase(["house", "building", "bldg.", "apartment", "apt.", "flat", "villa", "unit"]);
const LATIN_NUMBER_SIGN = `(?:${anyCase(["no.", "no", "number", "nr."])}|#)`;
/** A capitalised word of a street's name: `Hamra`, `Abu`, `al-Rashid`. */
const LATIN_NAME_WORD = "(?:\\p{Lu}|al-|el-)[\\p{L}'’-]{1,30}";

const LATIN_HOUSE = `(?:(?:${LATIN_HOUSE_WORDS})${SPACE}{1,3})?${LATIN_NUMBER_SIGN}${SPACE}{0,3}${NUMBER}|(?:${LATIN_HOUSE_WORDS})${SPACE}{1,3}${NUMBER}`;
const LATIN_STREET_NUMBERED = `(?:${LATIN_STREETS})${NOT_WORD_AFTER}${SPACE}{1,3}(?:${LATIN_NUMBER_SIGN}${SPACE}{0,3})?${NUMBER}`;
const LATIN_STREET_NAMED = `(?:${LATIN_NAME_WORD}${SPACE}{1,3}){1,3}(?:${LATIN_STREETS})${NOT_WORD_AFTER}`;
/** `14 Hamra Street`: a number before a named street is a house number. */
const LATIN_NUMBER_AND_STREET = `${NUMBER}${SPACE}{1,3}${LATIN_STREET_NAMED}`;

const ARABIC_SCRIPT_STREETS = anyArabicScriptSpelling([
  "خیابان", "کوچه", "بن بست", "بلوار", "میدان", "محله", "کوی", "شهرک", "شارع", "زقاق", "محلة", "حی", "منطقه", "منطقة",
]);
const ARABIC_SCRIPT_HOUSES = anyArabicScriptSpelling([
  "پلاک", "منزل شماره", "ساختمان شماره", "شماره", "منزل", "ساختمان", "واحد", "طبقه", "دار رقم", "رقم الدار", "منزل رقم", "بناية رقم", "بيت رقم", "دار", "رقم",
]);
/** The ezafe after a street word: `کوچهٔ` (a mark, allowed anyway), `کوچه‌ی`, `خیابانِ`. */
const EZAFE = "(?:\\u200C?[یي])?";
/** Words that end a street's name: particles and the verbs that follow an address (`… قرار دارد`). */
const ARABIC_SCRIPT_NOT_NAMES = anyArabicScriptSpelling([
  "در", "به", "از", "با", "و", "که", "را", "تا", "یا", "این", "آن", "است", "بود", "شد", "قرار", "دارد", "داشت", "کرد", "رفت", "آمد", "هست",
  "في", "من", "الى", "إلى", "على", "عن", "مع", "هو", "هي", "كان",
]);
/** A word of a street's name in Arabic script; never a street or house word itself, nor a particle or a verb. */
const ARABIC_SCRIPT_NAME_WORD = `(?!(?:${ARABIC_SCRIPT_STREETS}|${ARABIC_SCRIPT_HOUSES}|${ARABIC_SCRIPT_NOT_NAMES})${NOT_WORD_AFTER})(?:(?=\\p{L})\\p{Script=Arabic}|\\p{M}){2,30}`;

const ARABIC_SCRIPT_HOUSE = `(?:${ARABIC_SCRIPT_HOUSES})${SPACE}{0,3}${NUMBER}`;
const ARABIC_SCRIPT_STREET = `(?:${ARABIC_SCRIPT_STREETS})${EZAFE}${SPACE}{1,3}(?:${NUMBER}|${ARABIC_SCRIPT_NAME_WORD}(?:${SPACE}{1,3}${ARABIC_SCRIPT_NAME_WORD}){0,2})`;

const SEPARATOR = `(?:${SPACE}{0,3}[,،]${SPACE}{0,3}|${SPACE}{1,3})`;
const PART = `(?:${LATIN_NUMBER_AND_STREET}|${LATIN_HOUSE}|${LATIN_STREET_NUMBERED}|${LATIN_STREET_NAMED}|${ARABIC_SCRIPT_HOUSE}|${ARABIC_SCRIPT_STREET})`;
/** Capitalised words that start a sentence or a clause, never a district. */
const NOT_A_DISTRICT = "The|This|That|These|Those|He|She|They|We|It|His|Her|Their|On|In|At|And|But|Then|When|Where|Which|Who|After|Before";
/** A district after a comma ending a Latin address: `…, Jadriya`. */
const DISTRICT = `(?:${SPACE}{0,3},${SPACE}{0,3}(?!(?:${LATIN_STREETS}|${LATIN_HOUSE_WORDS}|${NOT_A_DISTRICT})${NOT_WORD_AFTER})\\p{Lu}\\p{Ll}{2,30}(?:[ -]\\p{Lu}\\p{Ll}{2,30})?${NOT_WORD_AFTER})?`;

const ADDRESS = new RegExp(`${NOT_WORD_BEFORE}${PART}(?:${SEPARATOR}${PART}){0,5}${DISTRICT}`, "gu");
const HAS_HOUSE = new RegExp(`${NOT_WORD_BEFORE}(?:${LATIN_HOUSE}|${ARABIC_SCRIPT_HOUSE}|${LATIN_NUMBER_AND_STREET})`, "u");
const HAS_STREET = new RegExp(`${NOT_WORD_BEFORE}(?:${LATIN_STREET_NUMBERED}|${LATIN_STREET_NAMED}|${ARABIC_SCRIPT_STREET})`, "u");

/** Every exact address in a text, in order. Never throws. */
export function findAddresses(text: string): TextSpan[] {
  const found: TextSpan[] = [];
  ADDRESS.lastIndex = 0;
  for (let match = ADDRESS.exec(text); match; match = ADDRESS.exec(text)) {
    const written = match[0];
    if (HAS_HOUSE.test(written) && HAS_STREET.test(written) && (parts(written) >= 2 || new RegExp(`^${LATIN_NUMBER_AND_STREET}`, "u").test(written))) {
      found.push({ start: match.index, end: match.index + written.length });
    }
  }
  return found;
}

const ONE_PART = new RegExp(`${NOT_WORD_BEFORE}${PART}`, "gu");

/** How many parts an address is made of. */
function parts(written: string): number {
  return written.match(ONE_PART)?.length ?? 0;
}
