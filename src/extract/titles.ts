/**
 * Titles, ranks and roles of people, kept beside the name instead of in it:
 * `Maj. Gen. Qassem X` is X with the title `Maj. Gen.`; `سردار`, `آیت‌الله`,
 * `حجت‌الاسلام`, `اللواء`, `الشيخ` likewise. The statistical model finds the
 * name; it may or may not include the title in its span, so a title is looked
 * for both just before the span and at its start (and cut from the span).
 *
 * A role is read only where the text states it in apposition, and only when
 * the role word is the head of the phrase, so that a reporter can trust it:
 * - `X, minister of transportation,` / `X, the Iraqi transportation minister,`
 * - `The minister of transportation, X, …` (the phrase opening a sentence)
 * - `Iraqi Transportation Minister X` (capitalised words before the title)
 * - `وزیر حمل و نقل، X` / `وزير النقل العراقي X` (Persian and Arabic put
 *   the role word first, so the role runs from it to the name)
 * - `X، وزیر حمل و نقل،` / `X وزیر …`
 * `X, who met the minister,` and `the minister's brother, X` give no role.
 *
 * @example
 * const text = "Maj. Gen. Qassem Example, the Iraqi transportation minister, said";
 * // the model found "Maj. Gen. Qassem Example" (0–24)
 * attachTitleAndRole(text, { type: "person", text: "Maj. Gen. Qassem Example", start: 0, end: 24, … })
 * // → { …, text: "Qassem Example", start: 10, attributes: { title: "Maj. Gen.", role: "Iraqi transportation minister" } }
 *
 * stripTitles("Grand Ayatollah Sheikh Ali Example") // → { name: "Ali Example", titles: ["Grand Ayatollah", "Sheikh"] }
 */
import type { Mention } from "../model/entity.js";
import { anyArabicScriptSpelling } from "./rules/arabic-script.js";

/** A bare name and the titles that stood before it, as written. */
export interface StrippedName {
  name: string;
  titles: string[];
}

/** English titles as written in title case (and matched in capitals too); a `.` after any of them is optional and kept with the title. */
const LATIN_TITLES = [
  "Grand Ayatollah", "Ayatollah", "Ayatullah", "Ayatolah",
  "Hojatoleslam wal-Moslemin", "Hojjatoleslam", "Hojatoleslam", "Hojatolislam", "Hojjat ol-Eslam", "Hojjat al-Islam", "Hujjat al-Islam",
  "Sheikh", "Shaikh", "Shaykh", "Sheik", "Hajji", "Haji", "Hajj", "Haj", "Hajjah",
  "Sayyed", "Sayyid", "Seyyed", "Seyed", "Sayed", "Syed", "Imam", "Mullah", "Mulla",
  "Staff Lieutenant General", "Staff Major General", "Staff Brigadier General", "Staff Maj. Gen", "Staff Brig. Gen", "Staff Lt. Gen",
  "Lieutenant General", "Lt. Gen", "Lt Gen", "Lt.-Gen", "Major General", "Maj. Gen", "Maj Gen", "Maj.-Gen",
  "Brigadier General", "Brig. Gen", "Brig Gen", "Lieutenant Colonel", "Lt. Col", "Lt Col",
  "Rear Admiral", "Vice Admiral", "Admiral", "Adm", "General", "Gen", "Colonel", "Col", "Major", "Maj", "Captain", "Capt",
  "Second Lieutenant", "First Lieutenant", "Lieutenant", "Lt", "Brigadier", "Brig", "Sergeant", "Sgt",
  "Mr", "Mrs", "Ms", "Miss", "Dr", "Doctor", "Prof", "Professor", "Eng", "Engineer",
  "Deputy Prime Minister", "Prime Minister", "Deputy Minister", "Minister", "Ambassador", "Amb", "Vice President", "President",
  "Crown Prince", "King", "Queen", "Prince", "Princess", "Emir", "Senator", "Sen", "Governor", "Gov",
];

/** Persian and Arabic titles, with every letter variant allowed; an abbreviation keeps its `.`. */
const ARABIC_SCRIPT_TITLES = [
  "سردار سرلشکر پاسدار", "سردار سرلشکر", "سردار سرتیپ پاسدار", "سردار سرتیپ دوم پاسدار", "سردار سرتیپ", "سردار",
  "سرلشکر پاسدار", "سرلشکر", "سرتیپ دوم پاسدار", "سرتیپ دوم", "سرتیپ پاسدار", "سرتیپ", "سرهنگ دوم پاسدار", "سرهنگ دوم", "سرهنگ پاسدار", "سرهنگ",
  "سرگرد", "سروان", "ستوان یکم", "ستوان دوم", "ستوان سوم", "ستوان", "سپهبد", "ارتشبد", "دریادار", "دریابان",
  "آیت الله العظمی", "آیت الله", "حجت الاسلام و المسلمین", "حجت الاسلام والمسلمین", "حجت الاسلام", "ثقه الاسلام",
  "شیخ", "حاج آقا", "حاجی", "حاجیه", "حاج", "سیده", "سید", "دکتر", "مهندس", "جناب آقای", "جناب", "آقای", "سرکار خانم", "خانم", "استاد", "امام", "ملا", "شهید",
  "نخست وزیر", "رئیس جمهور", "رییس جمهور",
  "الفريق أول الركن", "الفريق أول", "الفريق الركن", "الفريق", "اللواء الركن", "اللواء", "العميد الركن", "العميد", "العقيد الركن", "العقيد",
  "المقدم", "الرائد", "النقيب", "الملازم أول", "الملازم",
  "آية الله العظمى", "آية الله", "حجة الإسلام والمسلمين", "حجة الإسلام", "الشيخ", "السيدة", "السيد", "الحاجة", "الحاج", "الدكتورة", "الدكتور",
  "المهندس", "الأستاذ", "الإمام", "الملا", "سماحة", "فضيلة", "معالي", "سيادة", "فخامة", "الرئيس", "الملك", "الأمير", "ولي العهد", "رئيس الوزراء",
];

/** Latin titles as written in running text and in the capitals of cables, never in lower case (`we miss Ali`). */
const LATIN_TITLE_SOURCE = LATIN_TITLES.flatMap((title) => [title, title.toUpperCase()])
  .sort((a, b) => b.length - a.length)
  .map((title) => title.replace(/\./g, "\\.?").replace(/ /g, "[\\s\\u00A0]+").replace(/-/g, "[-\\s]?"))
  .join("|");
/** One title and what separates it from the next word: `Maj. Gen. `, `آیت‌الله `, `د.`. */
const TITLE = `(?:(?:${LATIN_TITLE_SOURCE})(?![\\p{L}\\p{M}])\\.?|(?:${anyArabicScriptSpelling(ARABIC_SCRIPT_TITLES)})(?![\\p{L}\\p{M}])|د\\.)`;
/** After a title: white space, which may be left out after a dot (`Dr.Salah`); the two forms exclude each other so that matching cannot go exponential. */
const TITLE_GAP = "(?:(?<=\\.)[\\s\\u00A0\\u200C]*|(?<!\\.)[\\s\\u00A0\\u200C]+)";
/** Titles at the start of a name: `Grand Ayatollah Sheikh …`. */
const TITLE_AT_START = new RegExp(`(?<title>${TITLE})${TITLE_GAP}`, "uy");
/** The same in any case, for normalised names, which are lower-cased (`maj. gen. qassem …`). */
const TITLE_AT_START_ANY_CASE = new RegExp(TITLE_AT_START.source, "iuy");
/** Titles ending right before a name. */
const TITLES_AT_END = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${TITLE}(?:${TITLE_GAP}${TITLE}){0,4}${TITLE_GAP}$`, "u");

const WINDOW = 120;
/** A role between commas may be long (`Minister of State for Provincial Affairs in the new Iraqi cabinet`). */
const MAX_ROLE_WORDS = 12;
/** Without a comma to close it, a Persian or Arabic role is read only this far. */
const MAX_OPEN_ROLE_WORDS = 6;
const MAX_TITLES = 5;

const ENGLISH_ROLE_WORDS = new Set([
  "minister", "ambassador", "governor", "commander", "chief", "head", "director", "chairman", "chairwoman", "chair", "president",
  "spokesman", "spokeswoman", "spokesperson", "envoy", "consul", "adviser", "advisor", "secretary", "mayor", "speaker", "leader",
  "deputy", "representative", "member", "MP", "attaché", "attache", "officer", "general", "manager", "editor", "judge", "prosecutor",
]);
/** Words that show a phrase is a clause, not a role: `X, who met the minister,`. */
const ENGLISH_CLAUSE_WORDS = new Set([
  "who", "whom", "whose", "which", "that", "when", "where", "while", "after", "before", "with", "without", "by", "said", "says",
  "told", "met", "meets", "is", "was", "are", "were", "has", "had", "have", "will", "would", "his", "her", "their", "our", "my", "your",
  "also", "as", "because", "but", "if", "not", "reportedly", "according", "and", "or", "it", "he", "she", "they", "we", "i", "you",
]);
const PREPOSITIONS_AFTER_ROLE = new Set(["of", "for", "to", "at", "in", "on"]);
/** Capitalised words that open a sentence rather than qualify a role: `In Minister X`. */
const ENGLISH_OPENERS = new Set(["The", "A", "An", "In", "On", "At", "When", "After", "Before", "Yesterday", "Today", "And", "But", "Then", "Meanwhile", "Former", "Later"]);

const ARABIC_SCRIPT_ROLE_WORDS = anyArabicScriptSpelling([
  "وزیر", "معاون", "سفیر", "استاندار", "فرماندار", "فرمانده", "رئیس", "رییس", "دبیرکل", "دبیر کل", "سخنگوی", "سخنگو", "مدیرکل", "مدیر",
  "نماینده", "رهبر", "دبیر", "مشاور", "شهردار", "سرکنسول", "کنسول", "نایب رئیس", "مسئول", "عضو", "قائم مقام", "جانشین", "فرمانده کل",
  "الوزير", "وزير", "نائب", "النائب", "السفير", "سفير", "المحافظ", "محافظ", "القائد", "قائد", "الرئيس", "رئيس", "المدير", "مدير",
  "المتحدث", "متحدث", "الناطق", "ناطق", "الأمين العام", "أمين عام", "المستشار", "مستشار", "عضو", "زعيم", "القنصل", "قنصل", "ممثل", "مسؤول",
]);
const ARABIC_SCRIPT_ROLE_START = new RegExp(`^(?:${ARABIC_SCRIPT_ROLE_WORDS})(?![\\p{L}\\p{M}])`, "u");
/** Particles, prepositions and verbs that end a Persian or Arabic role phrase: `با وزیر دیدار کرد و X`. */
const ARABIC_SCRIPT_STOP_WORDS = new RegExp(
  `^(?:${anyArabicScriptSpelling([
    "را", "به", "که", "از", "با", "برای", "تا", "اما", "ولی", "گفت", "کرد", "است", "بود", "شد", "هم", "نیز", "این", "آن", "او", "وی", "دیدار", "ملاقات",
    "درباره", "دربارهٔ", "بین", "میان", "نزد", "توسط", "پیش", "پس", "بر", "روی", "بدون", "جز", "مانند", "مثل", "چون", "اگر", "هر", "همه", "چند", "گزارش",
    "التي", "الذي", "قال", "مع", "إلى", "على", "عن", "أن", "إن", "ثم", "لكن", "هذا", "هذه", "التقى", "هو", "هي", "حول", "بين", "عند", "لدى", "بعد", "قبل", "خلال", "ضد",
  ])})$`,
  "u",
);
/** "In": inside a role between commas (`وزیر مشاور در امور استان‌ها`), but after an open one it starts an adverbial (`X وزیر نفت در بغداد گفت`). */
const OPEN_ROLE_STOP_WORDS = new RegExp(`^${anyArabicScriptSpelling(["در", "في"])}$`, "u");
/** The Persian object marker: `علی وزیر را دید` is "Ali saw the minister", not Ali the minister. */
const OBJECT_MARKER = new RegExp(`^${anyArabicScriptSpelling(["را"])}$`, "u");
const ARABIC_SCRIPT_WORD = /(?=\p{Script=Arabic})\p{L}/u;
const PHRASE_BREAK = /[.!?;:()\[\]"«»\n\u061F\u061B\u06D4]/;

/**
 * Titles at the start of a bare name, removed.
 *
 * @example
 * stripTitles("Maj. Gen. Qassem Example") // → { name: "Qassem Example", titles: ["Maj. Gen."] }
 * stripTitles("سردار سرتیپ پاسدار رضا نمونه") // → { name: "رضا نمونه", titles: ["سردار سرتیپ پاسدار"] }
 * stripTitles("Sheikh") // → { name: "Sheikh", titles: [] } (a title alone is left as it is)
 */
export function stripTitles(name: string): StrippedName {
  const { consumed, titles } = leadingTitles(name, true);
  return consumed > 0 ? { name: name.slice(consumed), titles } : { name, titles: [] };
}

/**
 * A person mention with its title and role read from the text around it; a
 * title inside the span is cut from it (and from its normalised name).
 * Other mentions, and mentions whose offsets do not fit the text, are
 * returned as they are.
 */
export function attachTitleAndRole(text: string, mention: Mention): Mention {
  const { start, end } = mention;
  if (mention.type !== "person" || !(start >= 0 && end <= text.length && start < end)) return mention;
  const inside = leadingTitles(text.slice(start, end), true);
  const windowStart = Math.max(0, start - WINDOW);
  const before = text.slice(windowStart, start);
  const outside = titlesEndingBefore(before);
  const titles = [...outside.titles, ...inside.titles];
  const untitled = before.slice(0, before.length - outside.length);
  const role =
    roleBefore(untitled, windowStart === 0, outside.titles) ?? roleAfter(text.slice(end, end + WINDOW), end + WINDOW >= text.length);
  const attributes = { ...mention.attributes };
  if (titles.length > 0) attributes.title = titles.join(" ");
  if (role) attributes.role = role;
  if (inside.consumed === 0) return { ...mention, attributes };
  const trimmedStart = start + inside.consumed;
  const normalized = mention.normalized.slice(leadingTitles(mention.normalized, true, TITLE_AT_START_ANY_CASE).consumed);
  return { ...mention, start: trimmedStart, text: text.slice(trimmedStart, end), normalized, attributes };
}

/** The titles at the start of a text and how many characters they take; with `leaveName`, at least one word must remain after them. */
function leadingTitles(text: string, leaveName: boolean, pattern: RegExp = TITLE_AT_START): { consumed: number; titles: string[] } {
  const titles: string[] = [];
  let consumed = 0;
  for (let count = 0; count < MAX_TITLES; count++) {
    pattern.lastIndex = consumed;
    const match = pattern.exec(text);
    const title = match?.groups?.title;
    if (!match || !title || (leaveName && !/[\p{L}\p{N}]/u.test(text.slice(pattern.lastIndex)))) break;
    titles.push(title.trim());
    consumed = pattern.lastIndex;
  }
  return { consumed, titles };
}

/** The titles right before a name, and the length of text they take (with the space after them). */
function titlesEndingBefore(before: string): { titles: string[]; length: number } {
  const match = TITLES_AT_END.exec(before);
  if (!match) return { titles: [], length: 0 };
  return { titles: leadingTitles(match[0], false).titles, length: match[0].length };
}

/** A role stated before the name (and its titles), or undefined. */
function roleBefore(before: string, atTextStart: boolean, titles: string[]): string | undefined {
  return roleBeforeWithComma(before, atTextStart) ?? capitalisedRoleTitle(before, titles) ?? arabicScriptRoleBefore(before);
}

/** `The minister of transportation, X`: a phrase opening a sentence with `the`, then a comma. */
function roleBeforeWithComma(before: string, atTextStart: boolean): string | undefined {
  const pattern = atTextStart ? /(?:^|[.!?;:\n]\s*)[Tt]he\s+(?<phrase>[^,.!?;:()\n]{2,100}),\s*$/u : /[.!?;:\n]\s*[Tt]he\s+(?<phrase>[^,.!?;:()\n]{2,100}),\s*$/u;
  const phrase = pattern.exec(before)?.groups?.phrase;
  return phrase && !ARABIC_SCRIPT_WORD.test(phrase) ? englishRole(phrase) : undefined;
}

/** `Iraqi Transportation Minister X`: capitalised words before a title that is a post. */
function capitalisedRoleTitle(before: string, titles: string[]): string | undefined {
  const post = titles.at(-1);
  if (!post || !/(?:minister|ambassador|governor|president)$/i.test(post)) return undefined;
  const words = before.trimEnd().split(/\s+/);
  const qualifiers: string[] = [];
  for (let index = words.length - 1; index >= 0 && qualifiers.length < 3; index--) {
    const word = words[index]!;
    const isAbbreviation = /^(?:\p{Lu}\.){1,3}$/u.test(word);
    if (!isAbbreviation && (!/^\p{Lu}[\p{L}'’-]*$/u.test(word) || ENGLISH_OPENERS.has(word))) break;
    qualifiers.unshift(word);
  }
  return qualifiers.length > 0 ? `${qualifiers.join(" ")} ${post}` : undefined;
}

/** `وزیر حمل و نقل، X`, `وزير النقل العراقي X`: from the first role word to the name, within one phrase. */
function arabicScriptRoleBefore(before: string): string | undefined {
  const comma = /[،,][\s\u00A0\u200C]*$/u.exec(before);
  const words = lastPhraseWords(comma ? before.slice(0, comma.index) : before);
  const first = words.findIndex((_, index) => ARABIC_SCRIPT_ROLE_START.test(words.slice(index).join(" ")));
  if (first < 0 || words.length - first > (comma ? MAX_ROLE_WORDS : MAX_OPEN_ROLE_WORDS)) return undefined;
  return words.slice(first).join(" ");
}

/** The words after the last punctuation or stop word, Persian and Arabic words only. */
function lastPhraseWords(text: string): string[] {
  const words = text.split(/[\s\u00A0]+/).filter((word) => word !== "");
  const kept: string[] = [];
  for (let index = words.length - 1; index >= 0 && kept.length <= MAX_ROLE_WORDS; index--) {
    const word = words[index]!;
    if (PHRASE_BREAK.test(word) || /[،,]/.test(word) || !ARABIC_SCRIPT_WORD.test(word) || ARABIC_SCRIPT_STOP_WORDS.test(word)) break;
    kept.unshift(word);
  }
  return kept;
}

/** A role stated after the name, or undefined. */
function roleAfter(after: string, atTextEnd: boolean): string | undefined {
  const english = (atTextEnd ? /^,\s*(?:(?:the|a|an)\s+)?(?<phrase>[^,.!?;:()\n]{2,100}?)\s*(?:[,.;:)\n]|$)/u : /^,\s*(?:(?:the|a|an)\s+)?(?<phrase>[^,.!?;:()\n]{2,100}?)\s*[,.;:)\n]/u).exec(after);
  const phrase = english?.groups?.phrase;
  if (phrase && !ARABIC_SCRIPT_WORD.test(phrase)) return englishRole(phrase);
  return arabicScriptRoleAfter(after);
}

/** `X، وزیر حمل و نقل،` (up to the next punctuation) or `X وزیر نفت گفت` (up to a stop word). */
function arabicScriptRoleAfter(after: string): string | undefined {
  const comma = /^[\s\u00A0\u200C]*[،,][\s\u00A0\u200C]*/u.exec(after);
  if (!comma && !/^[\s\u00A0]/u.test(after)) return undefined;
  const rest = after.slice(comma ? comma[0].length : 0).trimStart();
  if (!ARABIC_SCRIPT_ROLE_START.test(rest)) return undefined;
  const role: string[] = [];
  let closed = false;
  for (const word of rest.split(/[\s\u00A0]+/)) {
    const breakAt = word.search(/[،,.!?;:()\[\]"«»\n\u061F\u061B\u06D4]/u);
    const part = breakAt >= 0 ? word.slice(0, breakAt) : word;
    if (!comma && role.length > 0 && (ARABIC_SCRIPT_STOP_WORDS.test(part) || OPEN_ROLE_STOP_WORDS.test(part))) {
      if (OBJECT_MARKER.test(part)) return undefined;
      closed = true;
      break;
    }
    if (part !== "") {
      if (!ARABIC_SCRIPT_WORD.test(part) || role.length >= (comma ? MAX_ROLE_WORDS : MAX_OPEN_ROLE_WORDS)) break;
      role.push(part);
    }
    if (breakAt >= 0) {
      closed = true;
      break;
    }
  }
  return closed && role.length > 0 ? role.join(" ") : undefined;
}

/**
 * An English phrase as a role when a role word is its head: the last word
 * (`Iraqi transportation minister`) or followed by a preposition (`minister
 * of transportation`), with no clause word in it.
 */
function englishRole(phrase: string): string | undefined {
  const words = phrase.trim().split(/\s+/);
  if (words.length === 0 || words.length > MAX_ROLE_WORDS) return undefined;
  const head = words.findIndex((word, index) => isRoleWord(word) && (index === words.length - 1 || PREPOSITIONS_AFTER_ROLE.has(words[index + 1]!.toLowerCase())));
  if (head < 0 || words.some((word) => ENGLISH_CLAUSE_WORDS.has(word.toLowerCase()) || /\d/.test(word))) return undefined;
  return words.join(" ");
}

function isRoleWord(word: string): boolean {
  return ENGLISH_ROLE_WORDS.has(word) || ENGLISH_ROLE_WORDS.has(word.toLowerCase());
}
