/**
 * Field reports: the Persian originals written by officers at a station
 * (تاریخ، شماره، طبقه‌بندی، موضوع، از، به …, Jalali dates, paragraphs `۱-`)
 * and their English translations (Date, Number, Classification, Subject,
 * From, To …, paragraphs `1.`, a "Translated by … Checked by …" credit).
 *
 * Labels are matched after normalisation, so a header typed with Arabic ي/ك,
 * with or without ZWNJ, with Persian or ASCII digits and with `:` or `：`
 * reads the same. What is stored is always the text as written.
 *
 * @example
 * fieldReportParser.parse({ text: "تاریخ: ۱۳۹۳/۰۷/۱۵\nشماره: ک/۴۱۷/۹۳\n…", name: "r.fa.txt", type: "text", metadata: {} })
 * // → { reference: "ک/۴۱۷/۹۳", date: { text: "۱۳۹۳/۰۷/۱۵", calendar: "jalali", iso: "2014-10-07", … }, … }
 */
import type { Cable, CableParser, Calendar, DateMention, ParseInput, TranslationCredit } from "../model/cable.js";
import { parseDate } from "../text/calendars.js";
import { detectLanguage } from "../text/language.js";
import { normalise } from "../text/normalise.js";
import { isNumberedParagraphLine, linesOf, splitParagraphs, type Line } from "./paragraphs.js";

type FieldName = "date" | "reference" | "classification" | "subject" | "origin" | "to" | "info" | "caveat";

/**
 * Header labels by their match key (see `labelKey`), in English, Persian and
 * Arabic. `REF` is left out on purpose: in cables it lists other cables, not
 * the report's own number.
 */
const LABELS = new Map<string, FieldName>([
  ...["date", "dated", "تاریخ", "التاریخ"].map((label) => [label, "date"] as const),
  ...["number", "no", "reportno", "reportnumber", "refno", "referenceno", "referencenumber", "شماره", "شمارهگزارش", "الرقم"].map((label) => [label, "reference"] as const),
  ...["classification", "securityclassification", "طبقهبندی", "التصنیف", "درجهالسریه"].map((label) => [label, "classification"] as const),
  ...["subject", "subj", "موضوع", "الموضوع"].map((label) => [label, "subject"] as const),
  ...["from", "از", "من"].map((label) => [label, "origin"] as const),
  ...["to", "به", "گیرنده", "الی"].map((label) => [label, "to"] as const),
  ...["copy", "copyto", "cc", "info", "رونوشت"].map((label) => [label, "info"] as const),
  ...["warning", "caveat", "caveats", "handling", "هشدار", "تحذیر"].map((label) => [label, "caveat"] as const),
]);

/** The fields every report header should carry, with the names that warnings use. */
const EXPECTED_FIELDS: readonly (readonly [FieldName, string])[] = [
  ["date", "Date (تاریخ)"],
  ["reference", "Number (شماره)"],
  ["classification", "Classification (طبقه‌بندی)"],
  ["subject", "Subject (موضوع)"],
  ["origin", "From (از)"],
  ["to", "To (به)"],
];

/** How many lines may precede the header (letterhead, invocation, a translator's line) before Trove stops looking. */
const PREAMBLE_LINES = 40;

/** How many blank lines in a row a header may hold between two of its fields. */
const BLANK_LINES_IN_HEADER = 2;

/** A labelled line: a short label, then a colon in any of its forms. */
const LABELLED_LINE = /^[ \t\u200E\u200F]*([^:：﹕\n]{1,40}?)[ \t]*[:：﹕][ \t]*/;

const DIGIT = "[0-9\\u06F0-\\u06F9\\u0660-\\u0669]";

export const fieldReportParser: CableParser = {
  layout: "field-report",

  /**
   * At least three of the core header fields (Date, Number, Classification,
   * Subject, From, To) near the top, one of them Number or Classification:
   * an e-mail or a memo has Date, From, To and Subject too, but not those.
   */
  recognises(input: ParseInput): boolean {
    if (input.type === "email") return false;
    const names = new Set(readHeader(input.text).fields.map((field) => field.name));
    const core = EXPECTED_FIELDS.filter(([name]) => names.has(name)).length;
    return core >= 3 && (names.has("reference") || names.has("classification"));
  },

  parse(input: ParseInput): Cable {
    const { text } = input;
    const language = detectLanguage(text);
    const header = readHeader(text);
    const warnings: string[] = [];
    const first = (name: FieldName) => header.fields.find((field) => field.name === name && field.value !== "");
    const all = (name: FieldName) => header.fields.filter((field) => field.name === name && field.value !== "");

    const dates = readDateField(first("date"), language === "fa" ? "jalali" : undefined, warnings);
    const from = first("origin") && splitSender(first("origin")!.value);
    const classification = first("classification")?.value;
    const level = classification === undefined ? undefined : classificationLevel(classification);
    const bodyStart = header.fields.length > 0 ? header.end : 0;
    const blocks = splitParagraphs(text, bodyStart);
    const numbered = blocks.filter((paragraph) => paragraph.number !== undefined);
    const cutOff = headerCutOff(text, header, numbered.length);
    // A fragment left of a cut-off header is no paragraph.
    const paragraphs = numbered.length > 0 ? numbered : cutOff ? [] : blocks;
    const signer = numbered.length > 0 ? signatureAfter(text, numbered[numbered.length - 1]!.end) : undefined;
    const translation = findTranslationCredit(text);

    for (const field of header.fields) if (field.value === "") warnings.push(`empty field ${field.label}`);
    for (const [name, title] of EXPECTED_FIELDS) if (!header.fields.some((field) => field.name === name)) warnings.push(`missing field ${title}`);
    if (cutOff) warnings.push(cutOff);

    return {
      layout: "field-report",
      ...(first("reference") && { reference: first("reference")!.value }),
      ...(dates.date && { date: dates.date }),
      otherDates: dates.otherDates,
      ...(from?.origin && { origin: from.origin }),
      ...(from?.sender && { sender: from.sender }),
      to: all("to").flatMap((field) => splitRecipients(field.value)),
      info: all("info").flatMap((field) => splitRecipients(field.value)),
      ...(classification !== undefined && { classification }),
      ...(level && { classificationLevel: level }),
      caveats: findCaveats(text, all("caveat").map((field) => field.value)),
      ...(first("subject") && { subject: first("subject")!.value }),
      tags: [],
      references: [],
      paragraphs,
      ...(signer && { signer }),
      sources: findSources(text),
      ...(translation && { translation }),
      language,
      warnings,
    };
  },
};

// ── The header ────────────────────────────────────────────────────────────

interface HeaderField {
  name: FieldName;
  /** The label as written, for warnings. */
  label: string;
  /** The value with its line breaks folded to spaces. */
  value: string;
  /** The value exactly as written, and where it starts in the text. */
  raw: string;
  rawStart: number;
}

interface Header {
  fields: HeaderField[];
  /** Offset just past the header's last line; the body starts here. */
  end: number;
}

/**
 * Reads the block of labelled lines near the top. The block ends at the
 * first numbered paragraph, or at a line that is neither a field nor an
 * indented continuation of one. Blank lines end it too, unless another field
 * follows: OCR puts blank lines between the lines of a scanned header. Lines
 * with labels Trove does not know (`Precedence:`) are passed over inside the
 * block.
 */
function readHeader(text: string): Header {
  const fields: HeaderField[] = [];
  let end = 0;
  let linesBefore = 0;
  let blankLines = 0;
  for (const line of linesOf(text)) {
    if (isNumberedParagraphLine(line.text)) break;
    const field = fieldOf(line);
    if (field) {
      fields.push(field);
      end = line.start + line.text.length;
      blankLines = 0;
      continue;
    }
    if (fields.length === 0) {
      if (++linesBefore > PREAMBLE_LINES) break;
      continue;
    }
    if (line.text.trim() === "") {
      if (++blankLines > BLANK_LINES_IN_HEADER) break;
      continue;
    }
    if (blankLines > 0) break;
    const last = fields[fields.length - 1]!;
    if (/^[ \t]/.test(line.text) && last.rawStart + last.raw.length === end) {
      last.raw = text.slice(last.rawStart, line.start + line.text.length).trimEnd();
      last.value = last.raw.replace(/\s+/g, " ").trim();
    } else if (!LABELLED_LINE.test(line.text)) {
      break;
    }
    end = line.start + line.text.length;
  }
  return { fields, end };
}

function fieldOf(line: Line): HeaderField | undefined {
  const labelled = LABELLED_LINE.exec(line.text);
  if (!labelled) return undefined;
  const name = LABELS.get(labelKey(labelled[1]!));
  if (!name) return undefined;
  const raw = line.text.slice(labelled[0].length).trimEnd();
  return { name, label: labelled[1]!.trim(), value: raw.trim(), raw, rawStart: line.start + labelled[0].length };
}

/** A label as it is matched: letters unified, lower case, without spaces, ZWNJ, dots or quotes (`No.`, `طبقه‌بندی`, `طبقه بندي`). */
function labelKey(label: string): string {
  return normalise(label).toLowerCase().replace(/[\s.'’"\u200C]+/g, "");
}

/**
 * Says how the header was cut off, when the text ends inside it: header
 * fields were found, no paragraph follows, and what follows the last field is
 * at most a fragment of one line (`طبقه‌`), never a blank line and a body.
 */
function headerCutOff(text: string, header: Header, numberedParagraphs: number): string | undefined {
  if (header.fields.length === 0 || numberedParagraphs > 0) return undefined;
  const rest = text.slice(header.end);
  if (/\n[ \t\r]*\n/.test(rest) || rest.trim().includes("\n")) return undefined;
  const last = header.fields[header.fields.length - 1]!;
  const fragment = rest.trim();
  return `header cut off after ${last.label}${fragment ? `: "${fragment}"` : ""}`;
}

// ── Field values ──────────────────────────────────────────────────────────

/**
 * The Date field: its first readable date is the report's date, any other
 * (a translation's `1393/07/15 (2014-10-07)` gives the Gregorian day in
 * brackets) goes to `otherDates`. Offsets point into the document's text.
 */
function readDateField(field: HeaderField | undefined, calendar: Calendar | undefined, warnings: string[]): { date?: DateMention; otherDates: DateMention[] } {
  if (!field) return { otherDates: [] };
  const mentions: DateMention[] = [];
  for (const part of field.raw.matchAll(/[^()（）=;]+/g)) {
    const partText = part[0].trim();
    if (!partText) continue;
    const partStart = field.rawStart + part.index! + part[0].indexOf(partText);
    const mention = parseDate(partText, calendar ? { calendar } : {});
    if (!mention) {
      warnings.push(`date "${partText}" could not be read`);
      continue;
    }
    if (mention.warning) warnings.push(`date "${mention.text}": ${mention.warning}`);
    mentions.push(locate(mention, partText, partStart));
  }
  const [date, ...otherDates] = mentions;
  return { ...(date && { date }), otherDates };
}

/** The mention with offsets into the document: its own, shifted, when the calendar gave them; else where its text sits in the part. */
function locate(mention: DateMention, partText: string, partStart: number): DateMention {
  if (mention.start !== undefined && mention.end !== undefined) return { ...mention, start: partStart + mention.start, end: partStart + mention.end };
  const at = partText.indexOf(mention.text);
  return at >= 0 ? { ...mention, start: partStart + at, end: partStart + at + mention.text.length } : { ...mention, start: partStart, end: partStart + partText.length };
}

/**
 * The Iranian marks mapped to the levels of the model. خیلی سری ("very
 * secret") is taken as TOP SECRET, as the archive's translators render it;
 * خیلی محرمانه ("very confidential") as SECRET. Matched on the start of the
 * marking with letters only, so `S E C R E T`, `Secret//NOFORN` and
 * `خیلی سری — فوری` all read.
 */
const LEVELS: readonly (readonly [RegExp, NonNullable<Cable["classificationLevel"]>])[] = [
  [/^(?:topsecret|verysecret|highlysecret|بهکلیسری|بکلیسری|خیلیسری|سریللغایه|سریجدا)/, "TOP SECRET"],
  [/^(?:secret|veryconfidential|highlyconfidential|خیلیمحرمانه|سری)/, "SECRET"],
  [/^(?:confidential|محرمانه|مکتوم)/, "CONFIDENTIAL"],
  [/^(?:unclassified|عادی|غیرطبقهبندی|غیرسری)/, "UNCLASSIFIED"],
];

/** The normalised level of a marking as written; undefined when it is none Trove knows. */
export function classificationLevel(marking: string): Cable["classificationLevel"] {
  const letters = normalise(marking).toLowerCase().replace(/[^\p{L}]/gu, "");
  return LEVELS.find(([pattern]) => pattern.test(letters))?.[1];
}

/** `Karbala Office — "Navid"` (or `--`, as OCR reads the dash) → the office and the officer; a From with no dash is all origin. */
function splitSender(value: string): { origin?: string; sender?: string } {
  const parts = /^(.*?)\s+(?:[—–]|--?)\s+(.+)$/.exec(value);
  if (!parts) return { origin: value };
  return { ...(parts[1] && { origin: parts[1] }), sender: unquote(parts[2]!) };
}

function unquote(value: string): string {
  const quoted = /^["“«'](.+?)["”»'](.*)$/.exec(value);
  return quoted ? `${quoted[1]}${quoted[2]}`.trim() : value;
}

/** Recipients are split at semicolons only: a comma belongs inside `Headquarters, Tehran — Iraq Department`. */
function splitRecipients(value: string): string[] {
  return value.split(/[;؛]/).map((part) => part.trim()).filter(Boolean);
}

/** The officer's name on a short line of its own after the last paragraph (`Navid`, `نوید`). */
function signatureAfter(text: string, from: number): string | undefined {
  for (const line of linesOf(text, from)) {
    const candidate = line.text.trim();
    if (!candidate) continue;
    const looksLikeName = candidate.length <= 60 && !/^[[(]/.test(candidate) && !LABELLED_LINE.test(candidate) && !isNumberedParagraphLine(candidate);
    return looksLikeName ? candidate : undefined;
  }
  return undefined;
}

// ── Credits, caveats and sources ─────────────────────────────────────────

const REVIEWER_LABEL = "(?:\\b(?:checked|reviewed|revised|verified|proofread)\\s+by\\b[ \\t]*[:：]?|\\breviewer[ \\t]*[:：]|بازبین(?:ی)?[ \\t]*[:：]|ویراستار[ \\t]*[:：])";
const TRANSLATOR = new RegExp(`(?:\\btranslated\\s+by\\b[ \\t]*[:：]?|\\btranslator[ \\t]*[:：]|مترجم[ \\t]*[:：]|ترجمه[ \\t]*[:：])[ \\t]*([^\\n]+?)[ \\t]*(?=[.;,]?[ \\t]*${REVIEWER_LABEL}|[.;]?[ \\t]*\\r?$)`, "imu");
const REVIEWER = new RegExp(`${REVIEWER_LABEL}[ \\t]*([^\\n]+?)[ \\t]*[.;]?[ \\t]*\\r?$`, "imu");

/** `Translated by: Translator 2 (Persian desk). Checked by: Reviewer 1 (Persian desk).` → who translated and who checked. */
function findTranslationCredit(text: string): TranslationCredit | undefined {
  const translator = TRANSLATOR.exec(text)?.[1]?.trim();
  const reviewer = REVIEWER.exec(text)?.[1]?.trim();
  if (!translator && !reviewer) return undefined;
  return { ...(translator && { translator }), ...(reviewer && { reviewer }) };
}

const SHARE_VERB = "(?:shared|passed|disclosed|made\\s+available|shown|given|released|disseminated|forwarded|circulated)";
const ADDRESSEE = "[^.;,:\\n()]{2,80}";

/** Handling restrictions in English: "not to be shared with …", "must not be passed to …", "under no circumstances … to be made available to …". */
const ENGLISH_CAVEAT = new RegExp(
  [
    `\\b(?:not|never)\\s+to\\s+be\\s+${SHARE_VERB}\\s+(?:with|to)\\s+${ADDRESSEE}`,
    `\\b(?:must|should|may|shall|will)\\s+not\\s+be\\s+${SHARE_VERB}\\s+(?:with|to)\\s+${ADDRESSEE}`,
    `\\bunder\\s+no\\s+circumstances\\b[^.;\\n]{0,60}?\\bto\\s+be\\s+${SHARE_VERB}\\s+(?:with|to)\\s+${ADDRESSEE}`,
    `\\b(?:do\\s+not|don['’]t|never)\\s+(?:share|pass|disclose|show|give|release|forward)\\b[^.;\\n]{0,40}?\\b(?:with|to)\\s+${ADDRESSEE}`,
  ].join("|"),
  "giu",
);

/**
 * Handling restrictions in Persian, however typed: «نباید با … به اشتراک
 * گذاشته شود»، «نباید در اختیار … قرار گیرد»، «در اختیار … قرار نگیرد».
 */
const PERSIAN_CAVEAT = new RegExp(
  // Not inside a word: با and به are also letters of other words.
  "(?<![\\p{L}\\p{M}])(?:" +
  [
    `${persianPhrase("نباید")}[\\s\\u200C]+(?:${persianPhrase("با")}|${persianPhrase("به")}|${persianPhrase("در اختیار")})[\\s\\u200C]+[^.،؛:\\n]{2,60}?[\\s\\u200C]+(?:${["به اشتراک گذاشته شود", "قرار گیرد", "قرار بگیرد", "داده شود", "ارسال شود", "منتقل شود"].map(persianPhrase).join("|")})`,
    `${persianPhrase("در اختیار")}[\\s\\u200C]+[^.،؛:\\n]{2,60}?[\\s\\u200C]+(?:${["قرار نگیرد", "قرار داده نشود"].map(persianPhrase).join("|")})`,
    `(?:${persianPhrase("با")}|${persianPhrase("به")})[\\s\\u200C]+[^.،؛:\\n]{2,60}?[\\s\\u200C]+(?:${["به اشتراک گذاشته نشود", "ارسال نشود", "داده نشود"].map(persianPhrase).join("|")})`,
  ].join("|") + ")",
  "gu",
);

/** A Persian phrase as a pattern that accepts Arabic ي/ك for ی/ک and a space, a ZWNJ or nothing between words. */
function persianPhrase(phrase: string): string {
  return phrase
    .split(" ")
    .map((word) => word.replace(/ی/g, "[یيى]").replace(/ک/g, "[کك]"))
    .join("[\\s\\u200C]*");
}

/**
 * Handling caveats: the header's Warning (هشدار) fields as written, then the
 * restrictions phrased in the text. One already covered by a longer caveat
 * (the header's sentence, found again by the patterns) is not repeated.
 */
function findCaveats(text: string, headerCaveats: string[]): string[] {
  const caveats = headerCaveats.map((caveat) => caveat.replace(/[.۔]+$/, "").trim()).filter(Boolean);
  const found = [...text.matchAll(ENGLISH_CAVEAT), ...text.matchAll(PERSIAN_CAVEAT)].sort((a, b) => a.index! - b.index!);
  for (const match of found) {
    const caveat = match[0].trim();
    const key = caveatKey(caveat);
    if (caveats.some((kept) => caveatKey(kept).includes(key))) continue;
    caveats.push(caveat);
  }
  return caveats;
}

function caveatKey(caveat: string): string {
  return normalise(caveat).toLowerCase().replace(/\s+/g, " ");
}

const SOURCE_NUMBER = new RegExp(
  `(?:\\b(?:sources?|informants?)|(?:ال)?مصدر|منبع|منابع)[ \\t]*(?:(?:no|nos|nr|number|#|شمار(?:ه\\u0654?|ۀ)|رقم)\\.?[ \\t]*)?[:：#]?[ \\t]*(${DIGIT}{5,7})(?!${DIGIT})`,
  "giu",
);
/** Further numbers of a list: `Sources 134905, 134617 and 136220`. */
const LISTED_NUMBER = new RegExp(`[ \\t]*(?:,|،|and|&|و)[ \\t]*(${DIGIT}{5,7})(?!${DIGIT})`, "uy");
/** A code name right after a source number: `("Nakhl")`, `(نخل)`, `— "Shahin"`, `— شاهین)`, `("Shahin" — Major …)`. One word only: `(Abu Karrar al-Tamimi)` is a real name, not a code name. */
const CODE_NAME_AFTER = /[ \t]*(?:[(（][ \t]*|[—–][ \t]*)["“”«»']?([\p{L}\p{M}][\p{L}\p{M}\u200C'’-]{1,29}?)["“”«»']?(?=[ \t]*[)）,،.;؛—–]|[ \t]*$)(?:[ \t]*[)）])?/muy;
/** A code name given as such: `the code name "Shahin"`, `نام رمز «شاهین»`. */
const NAMED_CODE_NAME = /(?:\bcode[\s-]?name|\bcryptonym|نام[\s\u200C]*رمز)[ \t]*["“«]([^"”»\n]{1,30})["”»]/giu;

/**
 * Informant numbers (`Source 134832`, `source no. 134832`, `منبع ۱۳۴۸۳۲`,
 * `المصدر 134832`) and code names, in order of first mention. Numbers are
 * given in ASCII digits so that an original and its translation list the
 * same sources.
 */
export function findSources(text: string): string[] {
  const found: { at: number; value: string }[] = [];
  for (const match of text.matchAll(SOURCE_NUMBER)) {
    const at = match.index! + match[0].length;
    found.push({ at: match.index!, value: normalise(match[1]!) });
    LISTED_NUMBER.lastIndex = codeNameAfter(text, at, found);
    for (let listed = LISTED_NUMBER.exec(text); listed; listed = LISTED_NUMBER.exec(text)) {
      found.push({ at: listed.index, value: normalise(listed[1]!) });
      LISTED_NUMBER.lastIndex = codeNameAfter(text, LISTED_NUMBER.lastIndex, found);
    }
  }
  for (const match of text.matchAll(NAMED_CODE_NAME)) found.push({ at: match.index!, value: match[1]!.trim() });

  const seen = new Set<string>();
  return found
    .sort((a, b) => a.at - b.at)
    .map((entry) => entry.value)
    .filter((value) => {
      const key = normalise(value).toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** Records the code name that follows a source number at `at`, if any; returns where reading goes on. */
function codeNameAfter(text: string, at: number, found: { at: number; value: string }[]): number {
  CODE_NAME_AFTER.lastIndex = at;
  const codeName = CODE_NAME_AFTER.exec(text);
  if (!codeName) return at;
  found.push({ at: codeName.index, value: codeName[1]! });
  return CODE_NAME_AFTER.lastIndex;
}
