/**
 * How a meeting was hidden: the cover or pretext it was held under (`under
 * cover of a hunting trip`, `at the photo exhibition "Footsteps to Karbala"`,
 * `در پوشش …`), and the counter-surveillance the writer describes, usually in
 * a sentence of its own next to the meeting (`switched taxis twice and walked
 * the last part of the way`, `دو بار تاکسی عوض کردم`).
 */
import { anyArabicScriptSpelling } from "../rules/arabic-script.js";
import { NOT_LETTER_BEFORE, persianStems } from "./persian.js";
import { mayHold, type Hint, type Sentence } from "./sentence.js";

const EXPLICIT_COVER = /\b(?:under (?:the )?(?:cover|guise|pretext) (?:of|as)|on the pretext of|as a cover for|posing as|disguised as|in the guise of)\s+(?:an?\s+|the\s+)?["“]?(?<cover>[^,.;()"”]{2,60})/iu;
const EVENT_NOUNS = [
  "photo exhibition", "exhibition", "birthday party", "wedding party", "party", "wedding", "funeral", "hunting trip", "hunting excursion", "hunt",
  "excursion", "picnic", "reception", "banquet", "memorial service", "mourning ceremony", "ceremony", "celebration", "trade fair",
  "book fair", "fair", "festival", "football match", "match", "concert", "majlis", "iftar", "dinner party",
].join("|");
const EVENT_COVER = new RegExp(
  `\\b(?:at|during|on|attendance at)\\s+(?:an?\\s+|the\\s+|his\\s+|her\\s+)?(?<cover>(?:[\\p{L}'’-]+\\s+){0,3}?(?:${EVENT_NOUNS})(?:\\s+["“][^"”]{1,60}["”])?)(?![\\p{L}])`,
  "iu",
);
const COVER_END = /\s+(?:in|at|near|on|with|to|from|during|which|that|held|organi[sz]ed|of)\s.*$/isu;

const PERSIAN_EXPLICIT_COVER = new RegExp(
  `${NOT_LETTER_BEFORE}(?:${anyArabicScriptSpelling(["به بهانه", "در پوشش", "تحت پوشش", "زیر پوشش", "با پوشش", "به عنوان پوشش", "با عنوان"])})[\\u0654\\u06C0\\u200C\\u06CC]?\\s+(?<cover>[^\\u060C.\\u061B:()]{2,50})`,
  "u",
);
const PERSIAN_EVENT_COVER = new RegExp(
  `${NOT_LETTER_BEFORE}(?:${anyArabicScriptSpelling(["در", "طی"])})\\s+(?<cover>(?:${anyArabicScriptSpelling(["نمایشگاه", "مهمانی", "جشن", "مراسم", "شکار", "سفر شکار", "عروسی", "ضیافت", "همایش", "جلسه عزاداری"])})[^\\u060C.\\u061B:()]{0,45})`,
  "u",
);
const PERSIAN_COVER_END = new RegExp(`\\s+(?:${anyArabicScriptSpelling(["که", "در", "با", "به", "از", "دیدار", "ملاقات"])})(?![\\p{L}]).*$`, "su");

const COUNTER_SURVEILLANCE = new RegExp(
  [
    "\\b(?:switch(?:ed|ing)|chang(?:ed|ing))\\s+(?:taxis|cabs|cars|vehicles|buses|trains)\\b", "\\bdoubl(?:ed|ing) back\\b",
    "\\bwalked the (?:last|final) (?:part|stretch|leg)\\b", "\\bdrove (?:twice |several times |three times )?(?:around|in circles)\\b",
    "\\bwent back the way\\b", "\\bturned back\\b", "\\bcame back down\\b", "\\bmake sure (?:that )?(?:there was no surveillance|(?:he|she|we|I|they) (?:was|were) not (?:being )?followed)",
    "\\bcounter-?surveillance\\b", "\\bsurveillance detection\\b", "\\bmeandering route\\b", "\\bno following vehicle\\b", "\\bnot being followed\\b",
    "\\bshake (?:off )?(?:any )?(?:surveillance|a tail)\\b",
  ].join("|"),
  "i",
);
const PERSIAN_COUNTER_SURVEILLANCE = new RegExp(
  [
    anyArabicScriptSpelling(["تاکسی عوض", "تاکسی را عوض", "خودرو عوض", "نبود تعقیب", "عدم تعقیب", "تعقیب نمی", "ضد مراقبت", "مراقبت نشدن", "دور زدم", "بازگشتم", "برگشتم", "پیاده طی کردم", "پیاده از"]),
  ].join("|"),
  "u",
);
const COUNTER_SURVEILLANCE_HINT: Hint = {
  english: /taxi|cab|back|walk|drove|surveil|follow|route|tail|circle|meander/i,
  persian: persianStems(["تاکسی", "خودرو", "تعقیب", "مراقبت", "دور زدم", "بازگشتم", "برگشتم", "پیاده"]),
};
const WRITER_SUBJECT = /\b(?:the undersigned|this officer)\s+/iu;
const PERSIAN_WRITER_SUBJECT = new RegExp(`(?:${anyArabicScriptSpelling(["این جانب", "اینجانب"])})\\s*`, "u");

/** The cover a meeting sentence names, trimmed to the event itself. */
export function findCover(sentence: Sentence): string | undefined {
  if (sentence.persian) {
    const match = PERSIAN_EXPLICIT_COVER.exec(sentence.body) ?? PERSIAN_EVENT_COVER.exec(sentence.body);
    return tidy(match?.groups?.cover?.replace(PERSIAN_COVER_END, ""));
  }
  const explicit = EXPLICIT_COVER.exec(sentence.body);
  if (explicit) return tidy(explicit.groups?.cover?.replace(COVER_END, ""));
  const event = EVENT_COVER.exec(sentence.body)?.groups?.cover;
  if (event === undefined) return undefined;
  const quoted = /\s+["“][^"”]*["”]$/u.exec(event)?.[0] ?? "";
  return tidy(event.slice(0, event.length - quoted.length).replace(COVER_END, "") + quoted);
}

/** The counter-surveillance a sentence describes, from after the writer ("the undersigned …") to its end. */
export function findCounterSurveillance(sentence: Sentence): string | undefined {
  if (!mayHold(sentence, COUNTER_SURVEILLANCE_HINT)) return undefined;
  const pattern = sentence.persian ? PERSIAN_COUNTER_SURVEILLANCE : COUNTER_SURVEILLANCE;
  const match = pattern.exec(sentence.body);
  if (!match) return undefined;
  const subject = (sentence.persian ? PERSIAN_WRITER_SUBJECT : WRITER_SUBJECT).exec(sentence.body);
  const from = subject ? subject.index + subject[0].length : 0;
  return tidy(sentence.body.slice(from));
}

function tidy(text: string | undefined): string | undefined {
  const trimmed = text?.replace(/[\s.\u061F!,\u060C]+$/u, "").replace(/\s+/gu, " ").trim();
  return trimmed ? trimmed : undefined;
}
