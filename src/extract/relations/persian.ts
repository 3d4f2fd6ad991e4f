/**
 * The Persian lexicon of the relation readers: titles that may stand inside a
 * group of names, the words for "I" and "we", and the verb forms that tell a
 * meeting that took place (`دیدار شد`, `ملاقات کردم`) from one that is
 * proposed or to come (`دیدار انجام شود`, `خواهد شد`).
 *
 * Every spelling accepts the Arabic letter forms (ي, ك, ة) and non-joiners
 * that Persian typed on an Arabic keyboard carries: the sample reports mix
 * both within one paragraph.
 */
import { normalise } from "../../text/normalise.js";
import { anyArabicScriptSpelling } from "../rules/arabic-script.js";

/** Before and after a whole word in Arabic script (the rules assert no boundaries themselves). */
export const NOT_LETTER_BEFORE = "(?<![\\p{L}\\p{M}\\u200C])";
export const NOT_LETTER_AFTER = "(?![\\p{L}\\p{M}])";

/** A pattern matching any of `spellings` as a whole word, in any letter form. */
export function persianWords(spellings: readonly string[], flags = "u"): RegExp {
  return new RegExp(`${NOT_LETTER_BEFORE}(?:${anyArabicScriptSpelling(spellings)})${NOT_LETTER_AFTER}`, flags);
}

/** Titles that the name model leaves outside a name, and so stand in the gap before it: `با آقای X`. */
export const PERSIAN_TITLES = persianWords([
  "آقای", "آقا", "شیخ", "دکتر", "سردار", "حاج", "حاجی", "سید", "مهندس", "خانم", "جناب", "کاک", "ملا", "سرلشکر", "سرتیپ", "سرهنگ", "سرگرد", "سروان",
  "استاد", "آیت الله", "حجت الاسلام", "الشيخ", "السيد", "الدكتور", "الحاج", "اللواء",
]);

/** Words that end a name read without the model: numbers, prepositions, the object marker, the payment verbs. */
const PERSIAN_STOP = anyArabicScriptSpelling(["یک", "دو", "سه", "چند", "مبلغ", "هدیه", "هدایا", "را", "و", "در", "از", "با", "تحویل", "داده", "پرداخت", "تقدیم", "اهدا", "منظور", "واریز", "ارسال", "به", "که", "نیز", "هم"]);
/** One to three words ended by a word that starts something else: `به تمیمی یک جعبه پسته …`, `به دعوت تمیمی و …`. */
export const PERSIAN_RAW_NAME = new RegExp(`^\\s*(?<name>[\\p{L}\\u200C]+(?:\\s+[\\p{L}\\u200C]+){0,2}?)(?=\\s+(?:${PERSIAN_STOP})(?![\\p{L}])|\\s*[\\u060C,.])`, "u");
/** A title and the name after it, which the model may have missed: `کاک ریبوار حمه‌صالح`. */
export const PERSIAN_TITLED_NAME = new RegExp(`${NOT_LETTER_BEFORE}(?:${anyArabicScriptSpelling(["آقای", "کاک", "شیخ", "دکتر", "سردار", "حاج", "سید", "مهندس", "خانم", "سرلشکر", "سرتیپ", "سرهنگ", "سرگرد", "سروان", "ملا"])})\\s+(?<name>[\\p{L}\\u200C]+(?:\\s+[\\p{L}\\u200C]+){0,2}?)(?=\\s+(?:${PERSIAN_STOP})(?![\\p{L}])|\\s*[\\u060C,.():«»]|$)`, "gu");

/** `و` and the Persian comma: what joins names into one group. */
export const PERSIAN_JOINING = /^(?:[\s\u200C]|\u060C|,|\u0648(?![\p{L}\p{M}]))*$/u;

/** The writer: `اینجانب`, `این‌جانب`, and `ما` (we, us). */
export const PERSIAN_WRITER_WORDS = new RegExp(`${NOT_LETTER_BEFORE}(?:${anyArabicScriptSpelling(["این جانب", "اینجانب", "ما", "نگارنده"])})${NOT_LETTER_AFTER}`, "gu");

/** Verbs in the first person that make the writer a participant without naming him: `ملاقات کردم`, `دیدار داشتیم`. */
export const PERSIAN_FIRST_PERSON_VERB = persianWords([
  "کردم", "کردیم", "نمودم", "نمودیم", "داشتم", "داشتیم", "شدم", "شدیم", "رفتم", "رفتیم", "دادم", "دادیم", "کرده ام", "کرده ایم", "پرداختم", "پرداختیم",
]);

/** A verb that says the event took place: past forms, active or passive. */
export const PERSIAN_PAST_VERB = persianWords([
  "شد", "شدند", "کرد", "کردند", "کردم", "کردیم", "نمود", "نمودند", "نمودم", "داشت", "داشتند", "داشتم", "داشتیم", "گرفت", "صورت گرفت", "انجام شد",
  "برگزار شد", "به عمل آمد", "داد", "دادند", "دادیم", "دادم", "پرداخت شد", "گردید", "رسید", "بود", "است", "کرده", "شده", "گذاشت", "یافت",
]);

/** A verb that says the event is to come or is only wished for: present, subjunctive, future. */
export const PERSIAN_NON_PAST_VERB = new RegExp(
  `${NOT_LETTER_BEFORE}(?:${anyArabicScriptSpelling([
    "شود", "بشود", "گردد", "کند", "کنند", "نماید", "دهد", "بدهد", "گیرد", "بگیرد", "خواهد", "خواهند", "خواهیم", "خواهم", "باید", "بپردازد", "بپردازند", "دارد", "دارند",
  ])})${NOT_LETTER_AFTER}|${NOT_LETTER_BEFORE}(?:می|نمی)[\\u200C\\s]?(?:شود|کند|کنند|دهد|گیرد|پردازد|رسد)`,
  "u",
);

/** Words that make the clause around a cue a plan or a wish: `پیشنهاد شد`, `قرار است`, `بعدی`. */
export const PERSIAN_HYPOTHETICAL = persianWords([
  "پیشنهاد", "قرار است", "قرار شد", "بعدی", "آینده", "باید", "درخواست", "خواستار", "خواهشمند", "در صورت", "اگر", "چنانچه", "نیاز", "تصمیم",
]);

/** A negated verb or clause: `نکرد`, `نشد`, `هرگز`. */
export const PERSIAN_NEGATED = new RegExp(`${NOT_LETTER_BEFORE}(?:${anyArabicScriptSpelling(["هرگز", "هیچ گاه", "نه"])}|ن(?:کرد|شد|داشت|پرداخت|دید|نمود|گرفت|رسید)[\\p{L}]*)${NOT_LETTER_AFTER}`, "u");

/** Where a Persian clause begins: after `که`, a colon, a semicolon. */
export const PERSIAN_CLAUSE_START = new RegExp(`${NOT_LETTER_BEFORE}(?:${anyArabicScriptSpelling(["که"])})${NOT_LETTER_AFTER}|[:\\u061B;]`, "gu");

/**
 * A Persian sentence folded for quick look-ups: letters unified, marks and
 * non-joiners dropped (see normalise.ts), spaces removed, so that `گفت‌وگو`,
 * `گفت و گو` and `گفتوگو` read alike.
 */
export function persianKey(text: string): string {
  return normalise(text).replace(/\s+/gu, "");
}

/** Word stems in the form `persianKey` gives, to look for in a sentence's key. */
export function persianStems(stems: readonly string[]): readonly string[] {
  return stems.map(persianKey);
}
