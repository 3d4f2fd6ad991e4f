/**
 * Reading US State Department telegrams, shared by the Cablegate and PlusD
 * parsers: the routing header (`DE RUEHBO #1165`, the date-time group, `FM`,
 * `TO`, `INFO`), the classification line, handling caveats, `E.O.`, `TAGS`,
 * `SUBJECT`, `REF`, numbered paragraphs and the signer.
 *
 * Telegrams reach Trove in three shapes, and every reader here copes with all
 * of them:
 * - lines as sent (CRLF, `¶` before paragraph numbers);
 * - `pdftotext -layout` lines, with layout spaces;
 * - bodies flattened to one line by a scraper: newlines dropped, so that
 *   labels are glued to the words before them (`TUSUBJECT:`), case changed
 *   (`C o n f i d e n t i a l`) and page headers glued in
 *   (`DUBAI 00000177 001.2 OF 003`).
 *
 * Every offset handed out is into the text given, plus `base`, so that a
 * parser reading a slice of a page still points into the whole document.
 */
import type { Cable, CableParagraph, CableReference, DateMention, ParseInput } from "../model/cable.js";
import { parseDate } from "../text/calendars.js";
import { detectLanguage } from "../text/language.js";

export type ClassificationLevel = NonNullable<Cable["classificationLevel"]>;

/** `CONFIDENTIAL SECTION 01 OF 08 NEW DELHI 005135`: the line that also numbers the cable. */
export interface ClassificationLine {
  /** The marking, letter spacing closed up, with `//NOFORN` when the cable is marked NOFORN: `CONFIDENTIAL`, `UNCLAS`, `SECRET//NOFORN`. */
  marking: string;
  level: ClassificationLevel;
  /** The post that numbered the cable, as written: `NEW DELHI`, `UNVIE VIENNA`. */
  office: string;
  /** The post's serial number as written: `005135`. */
  serial: string;
  /** A two-digit year written before the post, as in `75 LIBREVILLE 1895`. */
  year?: string;
}

/** A `REF:` entry before it is resolved to a cable id. */
export interface WrittenReference {
  label?: string;
  text: string;
}

/** Everything a telegram's text says about itself. */
export interface TelegramReading {
  /** `DE RUEHBO #1165`: the sending station's routing indicator and its serial. */
  routing?: { station: string; serial: string };
  dateTimeGroup?: DateMention;
  origin?: string;
  to: string[];
  info: string[];
  classification?: ClassificationLine;
  caveats: string[];
  tags: string[];
  subject?: string;
  references: WrittenReference[];
  paragraphs: CableParagraph[];
  signer?: string;
  /** The declassification date of the `E.O.` line and the like. */
  otherDates: DateMention[];
  warnings: string[];
}

/** What a flattened routing header (a scraper's one-line `VZCZC… FM … TO … INFO …`) yields. */
export interface FlatRouting {
  dateTimeGroup?: DateMention;
  origin?: string;
  to: string[];
  info: string[];
}

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
/** How far into a telegram its header may reach; the longest INFO lists run to about 4,000 characters. */
const HEAD_CHARS = 8000;
/** Where to look for a date-time group when no classification line closes the routing lines. */
const ROUTING_CHARS = 1500;
/** `161902Z FEB 07`; PlusD writes `221828 Z MAY 73`, scrapers `201247Z Jan 04`. */
const DATE_TIME_GROUP = /(?<!\d)(\d{2})(\d{2})(\d{2}) ?Z\s+(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\s+(\d{4}|\d{2})(?!\d)/gi;
const ROUTING_LINE = /\bDE\s+([A-Z]{4,7})\s+#\s?(\d{3,5})/;
const LEVEL_WORDS: [string, ClassificationLevel][] = [
  ["TOP SECRET", "TOP SECRET"],
  ["UNCLASSIFIED", "UNCLASSIFIED"],
  ["UNCLAS", "UNCLASSIFIED"],
  // Limited Official Use is an administrative control on unclassified information.
  ["LIMITED OFFICIAL USE", "UNCLASSIFIED"],
  ["CONFIDENTIAL", "CONFIDENTIAL"],
  ["SECRET", "SECRET"],
];
const CAVEATS = ["NOFORN", "NODIS", "EXDIS", "LIMDIS", "STADIS", "SIPDIS", "ROGER CHANNEL", "DISSENT CHANNEL", "SENSITIVE", "EFTO", "ORCON", "PROPIN", "CHEROKEE"];
const PORTION_MARKING = String.raw`\(\s*(?:U|C|S|SBU|TS|LOU|S\/NF|C\/NF|S\/\/NF|C\/\/NF|U\/\/FOUO|S\/REL)\s*\)`;
/**
 * `DUBAI 00000177 001.2 OF 003`: the header of a continuation page, glued into
 * flattened bodies. Each word must end in a space: were the space optional, a
 * run of capitals would split into words in exponentially many ways.
 */
const PAGE_HEADER = String.raw`(?:[A-Z]{2,}[ \t])*\d{8}\s+\d{3}(?:\.\d)?\s+OF\s+\d{3}`;
/** Where a subject ends inside a line: a REF, a portion marking, a classified-by line, a paragraph, a page header. */
const SUBJECT_END = new RegExp(
  String.raw`REFS?\s*:|REFTELS?\s*:|${PORTION_MARKING}|Classified\s+By|¶|(?:^|\s)Summary\s*:|(?<![\w.])\d{1,2}\.\s?\(|${PAGE_HEADER}`,
  "i",
);
/** A line that cannot continue a subject or a REF list. */
const HEADER_STOP_LINE = new RegExp(
  String.raw`^[ \t]*(?:REFS?\b|REFTELS?\b|REFERENCES?\b|Classified\s+By|${PORTION_MARKING}|¶?\d{1,3}\.\s|-{3,}|(?:BEGIN\s+)?SUMMARY\b|E\.\s?O\.|TAGS\b|PAGE\s+\d|[.…]+[ \t]*\r?$|[A-Z ]+\d{8}\s+\d{3}|(?:UNCLAS\w*|CONFIDENTIAL|SECRET)[ \t]*\r?$)`,
  "i",
);
/** A lettered REF entry on a line of its own: `(B) PRETORIA 6497`, `¶B. UNVIE 201`. */
const REF_CONTINUATION = /^\s*¶?(?:\(?[A-Z][.)]\)?\s*){1,2}(?:\d{2}\s+)?[A-Z][A-Z .'-]*\s-?\d/;
/** A REF entry longer than this has run into the text after it (a corrupt head). */
const MAX_REFERENCE_CHARS = 120;
const REF_LABEL = /(?:REFTELS?|REFERENCES?|REFS?)\s*:/i;
/** An addressee line: capitals, digits and the punctuation of office names (`RUEKJCS/SECDEF WASHDC//USDP ADMIN//`). */
const ADDRESSEE_LINE = /^[ \t]*[A-Z0-9][A-Z0-9 ./,&()'-]*\r?$/;
const OFFICE_PREFIXES = /^(?:AMEMBASSY|AMEMB|EMBASSY|AMCONSUL|CONSULATE|USMISSION|MISSION|USOFFICE|AMCONGEN|CONGEN)\s+/;
/** Short forms posts use for each other in REF lines, mapped to the letters of their cable ids. */
const OFFICE_ALIASES: Record<string, string> = {
  SECSTATE: "STATE",
  UNVIE: "UNVIEVIENNA",
  USUN: "USUNNEWYORK",
  ADDIS: "ADDISABABA",
  USEU: "USEUBRUSSELS",
};

const CLASSIFICATION_LINE = buildClassificationLine();

/** A regular expression for the classification line, tolerant of spaced letters (`S E C R E T`) and changed case. */
function buildClassificationLine(): RegExp {
  const spaced = (word: string) => word.split("").join("[ \\t]?");
  const levels = LEVEL_WORDS.map(([words]) => words.split(" ").map(spaced).join("[ \\t]+")).join("|");
  const slashCaveats = String.raw`(?:[ \t]*\/\/?[ \t]*(?:NOFORN|NF|ORCON|NODIS|EXDIS|LIMDIS|FOUO|SBU|REL(?:[ \t]+TO)?[ \t]+[A-Z]{3}(?:,[ \t]*[A-Z]{3})*))*`;
  const wordCaveats = String.raw`(?:[ \t]+(?:NOFORN|NODIS|EXDIS|LIMDIS|STADIS|EFTO|E[ \t]F[ \t]T[ \t]O|SENSITIVE))*`;
  // `SECTION` itself is sometimes lost: `S E C R E T 01 OF 02 RPO DUBAI 000288`.
  const section = String.raw`(?:[ \t]+(?:SECTION[ \t]+)?\d+[ \t]+OF[ \t]+\d+)?`;
  const office = String.raw`([A-Z][A-Z'.-]*(?:[ \t]+[A-Z][A-Z'.-]*){0,3}?)`;
  return new RegExp(String.raw`(?<![A-Za-z])(${levels})(${slashCaveats})(${wordCaveats})${section}(?:[ \t]+(\d{2}))?[ \t]+${office}[ \t]+(\d{2,7})(?!\d)`, "gi");
}

/** A cable with nothing read yet, for a parser to fill. */
export function blankCable(layout: Cable["layout"], text: string): Cable {
  return { layout, otherDates: [], to: [], info: [], caveats: [], tags: [], references: [], paragraphs: [], sources: [], language: detectLanguage(text), warnings: [] };
}

/**
 * Runs a layout's reader and turns an unexpected failure into a partial cable
 * with a warning, so that a parser keeps its promise never to throw.
 */
export function readSafely(layout: Cable["layout"], what: string, input: ParseInput, read: (input: ParseInput) => Cable): Cable {
  try {
    return read(input);
  } catch (error) {
    return { ...blankCable(layout, input.text), warnings: [`${what} could not be read: ${(error as Error).message}`] };
  }
}

/** Reads a telegram: header fields, paragraphs and signer. Never throws; what is missing becomes a warning. */
export function readTelegram(text: string, base = 0): TelegramReading {
  const reading: TelegramReading = { to: [], info: [], caveats: [], tags: [], references: [], paragraphs: [], otherDates: [], warnings: [] };
  const flat = isFlattened(text);
  const head = text.slice(0, HEAD_CHARS);

  const routing = ROUTING_LINE.exec(head);
  if (routing) reading.routing = { station: routing[1]!, serial: routing[2]! };
  const classification = findClassificationLine(head);
  // The date-time group belongs to the routing lines; one in the body is a reference's.
  const dateTimeGroup = findDateTimeGroup(head.slice(0, classification?.start ?? ROUTING_CHARS), base);
  if (dateTimeGroup) reading.dateTimeGroup = dateTimeGroup;
  const addressees = flat ? undefined : readAddressees(head, classification?.start ?? head.length);
  if (addressees) {
    if (addressees.origin) reading.origin = addressees.origin;
    reading.to = addressees.to;
    reading.info = addressees.info;
  }

  const zoneStart = classification?.end ?? addressees?.end ?? 0;
  const subjectLabel = findLabel(head, /SUBJ(?:ECT)?\s*:/i, zoneStart);
  const tagsLabel = findLabel(head, /TAGS\s*:|(?<![A-Za-z])TAGS[ \t]+(?=[A-Za-z]{2})/i, zoneStart);
  // `E.0.` (a zero) occurs in the originals.
  const orderLabel = findLabel(head, /E\.?\s?[O0]\.?\s*(?=1[0-3]\d{3})/i, zoneStart);
  const firstLabel = Math.min(subjectLabel?.start ?? Infinity, tagsLabel?.start ?? Infinity, orderLabel?.start ?? Infinity);

  if (classification) {
    // Caveats stand between the classification line and the first label: `NOFORN`, `SIPDIS`, `SENSITIVE`.
    const caveatZone = head.slice(classification.end, Math.min(firstLabel, classification.end + 1500));
    reading.caveats = [...new Set([...classification.caveats, ...findCaveats(caveatZone)])];
    const noforn = reading.caveats.includes("NOFORN") && !/NOFORN|\bNF\b/.test(classification.line.marking);
    reading.classification = noforn ? { ...classification.line, marking: `${classification.line.marking}//NOFORN` } : classification.line;
  }
  if (orderLabel) {
    const declassify = readOrderDate(head, orderLabel.end, flat, base);
    if (declassify) reading.otherDates.push(declassify);
  }
  if (tagsLabel) reading.tags = readTags(head, tagsLabel.end, subjectLabel && subjectLabel.start > tagsLabel.start ? subjectLabel.start : undefined);

  let headerEnd = Math.max(zoneStart, tagsLabel?.end ?? 0);
  if (subjectLabel) {
    const subject = readSubject(head, subjectLabel.end, flat);
    if (subject.value) reading.subject = subject.value;
    const references = readReferences(text, subject.end, flat);
    reading.references = references.items;
    headerEnd = Math.max(subject.end, references.end);
  }

  // A signer above the end of the header is an addressee of a cable cut off after its routing lines.
  const found = findSigner(text, flat);
  const signer = found && found.start >= headerEnd && found.start >= (addressees?.end ?? 0) ? found : undefined;
  if (signer) reading.signer = signer.name;
  reading.paragraphs = readParagraphs(text, headerEnd, signer?.start ?? text.length, flat, base);
  reading.warnings = headerWarnings(reading, Boolean(addressees?.origin || routing));
  return reading;
}

/** Reads a scraper's flattened routing header, whose words run into each other (`FM AMEMBASSY ANKARATO RUEHC/SECSTATE …`). */
export function readFlatRouting(header: string, base = 0): FlatRouting {
  const routing: FlatRouting = { to: [], info: [] };
  const dateTimeGroup = findDateTimeGroup(header, base);
  if (dateTimeGroup) routing.dateTimeGroup = dateTimeGroup;
  // `06FM`, `ZDKFM` (a date-time group's suffix), `WASHDCTO`: labels glued to what comes before them.
  const from = /(?<![A-Z])FM\s+(.+?)\s*TO\s/.exec(header) ?? /(?<=\d{4}\s?Z\s+[A-Z]{3}\s+\d{2}\s?(?:Z[A-Z0-9]{2,3}\s?)*)FM\s+(.+?)\s*TO\s/i.exec(header);
  if (!from) return routing;
  routing.origin = from[1]!.trim();
  const afterTo = header.slice(from.index + from[0].length);
  const infoAt = afterTo.search(/INFO\s/);
  routing.to = splitFlatAddressees(infoAt >= 0 ? afterTo.slice(0, infoAt) : afterTo);
  if (infoAt >= 0) routing.info = splitFlatAddressees(afterTo.slice(infoAt + 4));
  return routing;
}

/** The first date-time group (`161902Z FEB 07`) in a text; an impossible one comes back with a warning and no `iso`. */
export function findDateTimeGroup(text: string, base = 0): DateMention | undefined {
  DATE_TIME_GROUP.lastIndex = 0;
  const match = DATE_TIME_GROUP.exec(text);
  if (!match) return undefined;
  const [written, dayText, hourText, minuteText, monthText, yearText] = match as unknown as [string, string, string, string, string, string];
  const year = yearText.length === 2 ? fullYear(yearText) : Number(yearText);
  const month = MONTHS.indexOf(monthText.toUpperCase()) + 1;
  const day = Number(dayText);
  const mention: DateMention = { text: written, calendar: "gregorian", precision: "day", start: base + match.index, end: base + match.index + written.length };
  const iso = isoDate(year, month, day);
  if (!iso) mention.warning = `date-time group ${written}: ${monthText.toUpperCase()} ${year} has no day ${day}`;
  else if (Number(hourText) > 23 || Number(minuteText) > 59) mention.warning = `date-time group ${written}: no time ${hourText}${minuteText}Z`;
  if (iso) mention.iso = iso;
  return mention;
}

/** Reads a date given by a reader or a page field: ISO (`1972-02-25 09:30`), US (`11/2/2006 13:51`) or written out. */
export function readFieldDate(value: string): DateMention | undefined {
  const text = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (iso) return dayMention(text, isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3])));
  const american = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})\b/.exec(text);
  if (american) return dayMention(text, isoDate(yearOf(american[3]!), Number(american[1]), Number(american[2])));
  // PlusD writes `1974 May 17, 16:00 (Friday)`.
  const yearFirst = /^(\d{4})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2})\b/.exec(text);
  if (yearFirst) return dayMention(text, isoDate(Number(yearFirst[1]), MONTHS.indexOf(yearFirst[2]!.toUpperCase()) + 1, Number(yearFirst[3])));
  const parsed = parseDate(text);
  return parsed && { ...parsed, text };
}

/** The two-digit year a cable id starts with, from its date. */
export function cableYear(date: DateMention | undefined): string | undefined {
  const year = date?.iso?.slice(0, 4);
  return year ? year.slice(2) : undefined;
}

/** A cable id as Cablegate forms it: two-digit year, the post's letters, the serial without zeros: `06NEWDELHI5135`. */
export function cableId(year: string, office: string, serial: string): string | undefined {
  const letters = officeLetters(office);
  const number = Number(serial);
  return letters && Number.isFinite(number) && number > 0 ? `${year}${letters}${number}` : undefined;
}

/** The letters a post contributes to cable ids: `AMEMBASSY NEW DELHI` → `NEWDELHI`, `SECSTATE WASHDC` → `STATE`. */
function officeLetters(office: string): string {
  const upper = office.toUpperCase().replace(/\s+/g, " ").trim().replace(OFFICE_PREFIXES, "");
  if (/^SECSTATE\b/.test(upper)) return "STATE";
  const letters = upper.replace(/[^A-Z]/g, "");
  return OFFICE_ALIASES[letters] ?? letters;
}

/**
 * Resolves `REF:` entries to cable ids where they name a cable: `BAGHDAD 98`
 * in a 2014 cable is `14BAGHDAD98`; `09 STATE 96625` carries its own year. A
 * post citing its own earlier cables shortens its name (`UNVIE 109` from UNVIE
 * Vienna), so a post that is the start or end of the cable's own post is
 * taken to be it.
 */
export function resolveReferences(written: WrittenReference[], year: string | undefined, ownOffice: string | undefined): CableReference[] {
  const own = ownOffice ? officeLetters(ownOffice) : undefined;
  return written.map(({ label, text }) => {
    const reference: CableReference = label ? { label, text } : { text };
    const cable = /^(?:(\d{2})\s+)?([A-Z][A-Z'.\- ]*?[A-Z])\s*-?\s*(\d{1,7})(?:\s*\(?(?:NOTAL|CIRCULAR|EXDIS|NODIS|LIMDIS)\)?)*[.,;]?$/i.exec(text);
    if (!cable) return reference;
    const refYear = cable[1] ?? year;
    let letters = officeLetters(cable[2]!);
    if (own && letters !== own && isShortFormOf(cable[2]!, letters, own)) letters = own;
    const canonical = refYear ? cableId(refYear, letters, cable[3]!) : undefined;
    if (canonical) reference.canonical = canonical;
    return reference;
  });
}

/**
 * `UNVIE` for UNVIE Vienna, `RPO DUBAI` for Iran RPO Dubai; but not `DUBAI`
 * (the consulate) or `EMBASSY VIENNA` (another post) in a cable from them.
 */
function isShortFormOf(written: string, letters: string, own: string): boolean {
  if (OFFICE_PREFIXES.test(written.toUpperCase())) return false;
  if (letters.length >= 4 && own.startsWith(letters)) return true;
  return written.trim().split(/\s+/).length >= 2 && own.endsWith(letters);
}

/** The Cable model's level for a marking. */
export function levelOf(marking: string): ClassificationLevel | undefined {
  const closed = closeLetterSpacing(marking).toUpperCase();
  return LEVEL_WORDS.find(([words]) => closed.startsWith(words))?.[1];
}

/** Closes up letter-spaced words: `C O N F I D E N T I A L` → `CONFIDENTIAL`. */
function closeLetterSpacing(text: string): string {
  return text.replace(/\b(?:[A-Za-z][ \t](?=[A-Za-z]\b))+[A-Za-z]\b/g, (spaced) => spaced.replace(/[ \t]/g, "")).replace(/\s+/g, " ").trim();
}

/** Two-digit years of cables: Cablegate runs from 1966 to 2010. */
export function fullYear(twoDigits: string): number {
  const year = Number(twoDigits);
  return year < 50 ? 2000 + year : 1900 + year;
}

/** `YYYY-MM-DD` when the day exists, else undefined. */
export function isoDate(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1) return undefined;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return undefined;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** True when newlines were lost: a scraper's one-line body. */
function isFlattened(text: string): boolean {
  const head = text.slice(0, 3000);
  return head.length > 300 && (head.match(/\n/g) ?? []).length <= 2;
}

function findLabel(text: string, pattern: RegExp, from: number): { start: number; end: number } | undefined {
  const match = new RegExp(pattern.source, pattern.flags.replace("g", "")).exec(text.slice(from));
  return match ? { start: from + match.index, end: from + match.index + match[0].length } : undefined;
}

interface FoundClassification {
  line: ClassificationLine;
  caveats: string[];
  start: number;
  end: number;
}

function findClassificationLine(head: string): FoundClassification | undefined {
  CLASSIFICATION_LINE.lastIndex = 0;
  for (let match = CLASSIFICATION_LINE.exec(head); match; match = CLASSIFICATION_LINE.exec(head)) {
    const [, levelText, slashText, wordText, year, office, serial] = match as unknown as [string, string, string, string, string | undefined, string, string];
    const officeUpper = office.toUpperCase().replace(/\s+/g, " ");
    if (/^(?:PAGE|SECTION|OF)\b/.test(officeUpper)) continue;
    const level = levelOf(levelText)!;
    const slashParts = slashText.split("/").map((part) => part.trim().toUpperCase()).filter(Boolean);
    const line: ClassificationLine = {
      marking: [closeLetterSpacing(levelText).toUpperCase(), ...slashParts].join("//"),
      level,
      office: officeUpper,
      serial,
    };
    if (year) line.year = year;
    const caveats = [...slashParts.map((part) => (part === "NF" ? "NOFORN" : part)), ...findCaveats(wordText)];
    return { line, caveats, start: match.index, end: match.index + match[0].length };
  }
  return undefined;
}

function findCaveats(zone: string): string[] {
  const found: { index: number; caveat: string }[] = [];
  for (const caveat of CAVEATS) {
    // Upper case may be glued to what follows (`SIPDISE.O.`); mixed case is a scraper's (`Sipdis`).
    const upper = caveat === "EFTO" ? "E ?F ?T ?O" : caveat.replace(" ", "\\s+");
    const mixed = caveat.charAt(0) + caveat.slice(1).toLowerCase();
    for (const pattern of [new RegExp(`${upper}(?![a-z])`, "g"), new RegExp(`(?<![A-Za-z])${mixed}(?![a-z])`, "g")]) {
      for (const match of zone.matchAll(pattern)) found.push({ index: match.index, caveat });
    }
  }
  return found.sort((a, b) => a.index - b.index).map(({ caveat }) => caveat);
}

interface Addressees {
  origin?: string;
  to: string[];
  info: string[];
  end: number;
}

/** `FM`, then the `TO` and `INFO` lines, one addressee a line, up to the classification line or a blank line. */
function readAddressees(head: string, limit: number): Addressees | undefined {
  const from = /^[ \t]*FM[ \t]+(\S[^\r\n]*)/m.exec(head.slice(0, limit));
  if (!from) return undefined;
  const addressees: Addressees = { origin: from[1]!.replace(/\s+/g, " ").trim(), to: [], info: [], end: from.index + from[0].length };
  let list: string[] | undefined;
  for (let start = head.indexOf("\n", addressees.end) + 1; start > 0 && start < limit; ) {
    const newline = head.indexOf("\n", start);
    const end = newline < 0 || newline > limit ? limit : newline;
    const line = head.slice(start, end).replace(/\r$/, "");
    const labelled = /^[ \t]*(TO|INFO)[ \t]+(\S.*)$/.exec(line);
    if (labelled) list = labelled[1] === "TO" ? addressees.to : addressees.info;
    else if (!list || !line.trim() || !ADDRESSEE_LINE.test(line)) break;
    const addressee = cleanAddressee(labelled ? labelled[2]! : line);
    if (addressee) list!.push(addressee);
    addressees.end = end;
    start = end + 1;
  }
  return addressees;
}

/** `RUEHC/SECSTATE WASHDC IMMEDIATE 6818` → `SECSTATE WASHDC`: no routing indicator, precedence or serial. */
function cleanAddressee(line: string): string {
  let addressee = line.replace(/\s+/g, " ").trim().replace(/^[A-Z0-9]{4,8}\//, "");
  for (let previous = ""; previous !== addressee; ) {
    previous = addressee;
    addressee = addressee.replace(/ ?\d{1,5}$/, "").replace(/ ?\b(?:NIACT|IMMEDIATE|PRIORITY|ROUTINE|FLASH)$/, "").trim();
  }
  return addressee;
}

/** Splits `RUEHC/SECSTATE WASHDC PRIORITY 4548RUEKJCS/SECDEF WASHDC…`, or, without routing indicators, at the posts' titles. */
function splitFlatAddressees(segment: string): string[] {
  const indicator = /R[A-Z]{3,6}(?=\/)/g;
  const starts = [...segment.matchAll(indicator)].map((match) => match.index);
  const pieces = starts.length > 0
    ? starts.map((start, index) => segment.slice(start, starts[index + 1]))
    : segment
        .replace(/(\d)(?=[A-Z])/g, "$1\n")
        .replace(/\s(?=(?:AMEMBASSY|AMCONSUL|SECSTATE|SECDEF|USMISSION|USDOC|CIA|DIA|NSC|JOINT STAFF|USCINC[A-Z]*)\b)/g, "\n")
        .split("\n");
  return pieces.map(cleanAddressee).filter((addressee) => addressee.length > 1);
}

function readOrderDate(head: string, from: number, flat: boolean, base: number): DateMention | undefined {
  const rest = head.slice(from, from + 120);
  const value = flat ? rest.split(/TAGS/i)[0]! : rest.split(/\r?\n/)[0]!;
  const numeric = /(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?!\d)/.exec(value);
  if (numeric) {
    const mention = dayMention(numeric[0], isoDate(yearOf(numeric[3]!), Number(numeric[1]), Number(numeric[2])));
    return { ...mention, start: base + from + numeric.index, end: base + from + numeric.index + numeric[0].length };
  }
  const written = /\b(?:\d{1,2}\s+[A-Z]{3,9}\.?,?\s+\d{4}|[A-Z]{3,9}\.?\s+\d{1,2},?\s+\d{4})\b/i.exec(value);
  const parsed = written && parseDate(written[0]);
  return parsed ? { ...parsed, start: base + from + written.index, end: base + from + written.index + written[0].length } : undefined;
}

function readTags(head: string, from: number, subjectStart: number | undefined): string[] {
  let value: string;
  if (subjectStart !== undefined && subjectStart - from < 400) value = head.slice(from, subjectStart);
  else value = head.slice(from).split(/\r?\n/)[0]!;
  // A continuation line with lower-case words or a label is no longer tags.
  value = value.split(/\r?\n/).filter((line, index) => index === 0 || !/[a-z]{3}|:/.test(line)).join(" ");
  const tags: string[] = [];
  const pattern = /\(([^()]{2,60})\)|([A-Za-z]{2,8})/g;
  for (const match of value.matchAll(pattern)) {
    const tag = (match[1] ?? match[2]!).replace(/\s+/g, " ").trim().toUpperCase();
    if (tag && !tags.includes(tag)) tags.push(tag);
  }
  return tags;
}

function readSubject(head: string, from: number, flat: boolean): { value?: string; end: number } {
  let block: string;
  if (flat) block = head.slice(from, from + 600);
  else {
    const lines = head.slice(from).split("\n");
    const kept = [lines[0]!];
    for (const line of lines.slice(1)) {
      if (!line.trim() || HEADER_STOP_LINE.test(line)) break;
      kept.push(line);
    }
    block = kept.join("\n");
  }
  const leading = new RegExp(`^\\s*(?:${PORTION_MARKING})?`).exec(block)![0].length;
  const stops = [block.slice(leading).search(SUBJECT_END)];
  if (flat) stops.push(caseChangeAfterGap(block.slice(leading)));
  const stop = Math.min(...stops.map((at) => (at < 0 ? Infinity : at)));
  const raw = Number.isFinite(stop) ? block.slice(0, leading + stop) : block;
  return { value: joinLines(raw) || undefined, end: from + raw.length };
}

/**
 * In a flattened body a blank line became two spaces; an upper-case subject
 * followed, after such a gap, by a word in lower case has ended there
 * (`… NOVEMBER 4, 2009  Media Highlights: …`).
 */
function caseChangeAfterGap(block: string): number {
  const gap = / {2,}(?=\S*[a-z])/.exec(block);
  return gap && !/[a-z]/.test(block.slice(0, gap.index)) ? gap.index : -1;
}

/** Joins wrapped header lines: a line ending in a hyphen runs on (`COMMANDER-` + `IN-CHIEF`). */
function joinLines(raw: string): string {
  return raw.replace(/(\w-)[ \t]*\r?\n\s*/g, "$1").replace(/\s+/g, " ").trim();
}

/** The REF list between the subject and the first paragraph, where there is one. */
function readReferences(text: string, subjectEnd: number, flat: boolean): { items: WrittenReference[]; end: number } {
  const firstParagraph = findParagraphStarts(text, subjectEnd, flat)[0]?.index ?? Math.min(text.length, subjectEnd + 2000);
  const label = findLabel(text.slice(0, firstParagraph), REF_LABEL, subjectEnd);
  return label ? readReferenceList(text, label.end, firstParagraph, flat) : { items: [], end: subjectEnd };
}

function readReferenceList(text: string, from: number, limit: number, flat: boolean): { items: WrittenReference[]; end: number } {
  let block: string;
  if (flat) {
    const window = text.slice(from, Math.min(limit, from + 600));
    const stop = window.search(new RegExp(`${PORTION_MARKING}|Classified\\s+By|¶\\s*\\d|(?<![\\w.])\\d{1,2}\\.\\s?\\(|${PAGE_HEADER}`, "i"));
    block = stop >= 0 ? window.slice(0, stop) : window;
  } else {
    const lines = text.slice(from, limit).split("\n");
    const kept = [lines[0]!];
    for (const line of lines.slice(1)) {
      if (!line.trim() || (HEADER_STOP_LINE.test(line) && !REF_CONTINUATION.test(line))) break;
      // Running prose ends a REF list whose blank line was lost.
      if (/[a-z]{4,}/.test(line) && !REF_CONTINUATION.test(line)) break;
      kept.push(line);
    }
    block = kept.join("\n");
  }
  return { items: splitReferences(block), end: from + block.length };
}

/**
 * Splits a REF list into entries: `A. BAGHDAD 98 B. STATE 4567`,
 * `TEHRAN 1091: TEHRAN 263`, `REF A: DUBAI 006053, REF B: IRPO 0009`,
 * `09 STATE 96625; A. A)STATE 70789`.
 */
export function splitReferences(block: string): WrittenReference[] {
  const text = block.replace(/¶/g, " ").replace(/\bREF\s+([A-Z])\s*:/gi, "$1. ").replace(/\s+/g, " ").trim();
  const entries: WrittenReference[] = [];
  for (const chunk of text.split(/\s*[;:]\s*/)) {
    const labelled = chunk.split(/(?:^|[\s,]+)(?=\(?[A-Z][.)](?:\s|[A-Z(]))/);
    for (const piece of labelled) {
      let rest = piece.trim();
      let label: string | undefined;
      for (let match = /^\(?([A-Z])[.)]\)?\s*/.exec(rest); match; match = /^\(?([A-Z])[.)]\)?\s*/.exec(rest)) {
        if (label && match[1] !== label) break;
        label = match[1];
        rest = rest.slice(match[0].length);
      }
      for (const entry of splitCommaList(rest)) {
        const text = entry.length > MAX_REFERENCE_CHARS ? `${entry.slice(0, MAX_REFERENCE_CHARS - 1)}…` : entry;
        if (text) entries.push(label ? { label, text } : { text });
      }
    }
  }
  return entries;
}

/** `MADRID 5426, MADRID 5425` is two references; `STATE CA-3400 NOV 2, 1966` is one. */
function splitCommaList(entry: string): string[] {
  const cleaned = entry.replace(/[\s,.;]+$/, "").trim();
  const parts = cleaned.split(/\s*,\s*/);
  const looksLikeCable = (part: string) => /^(?:\d{2}\s+)?[A-Z][A-Z'. -]*\s-?\d{1,7}$/i.test(part);
  return parts.length > 1 && parts.every(looksLikeCable) ? parts : [cleaned];
}

interface ParagraphStart {
  index: number;
  number: number;
  marking?: string;
  length: number;
}

/**
 * Numbered paragraph starts: `¶1.`, `1. (C)` at a line start, or inline in a
 * flattened body. Numbers must follow on (1, 2, 3 …): Cablegate's converter
 * put `¶` before any line that began with a number, so `¶2007.` and `¶24.`
 * occur mid-paragraph.
 */
function findParagraphStarts(text: string, from: number, flat: boolean): ParagraphStart[] {
  const patterns = [/¶[ \t]*(\d{1,3})\.[ \t]*(?:\(([A-Z/]{1,8})\))?/g];
  if (flat) patterns.push(/(?<![\w.,¶])(\d{1,3})\.\s?\(([A-Z/]{1,8})\)/g);
  else patterns.push(/^[ \t]*(\d{1,3})\.(?=[ \t])[ \t]*(?:\(([A-Z/]{1,8})\))?/gm);
  const candidates = new Map<number, ParagraphStart>();
  for (const pattern of patterns) {
    for (const match of text.slice(from).matchAll(pattern)) {
      const leading = match[0].length - match[0].trimStart().length;
      const index = from + match.index + leading;
      if (candidates.has(index)) continue;
      const start: ParagraphStart = { index, number: Number(match[1]), length: match[0].length - leading };
      if (match[2]) start.marking = match[2];
      candidates.set(index, start);
    }
  }
  const sorted = [...candidates.values()].sort((a, b) => a.index - b.index);
  // A corrupt head may lose paragraph 1: start at the first of 1, 2 or 3.
  const first = sorted.findIndex((start) => start.number === 1);
  const begin = first >= 0 ? first : sorted.findIndex((start) => start.number <= 3);
  if (begin < 0) return [];
  const accepted = [sorted[begin]!];
  for (const start of sorted.slice(begin + 1)) {
    if (start.number === accepted[accepted.length - 1]!.number + 1) accepted.push(start);
  }
  return accepted;
}

function readParagraphs(text: string, from: number, bodyEnd: number, flat: boolean, base: number): CableParagraph[] {
  const starts = findParagraphStarts(text.slice(0, bodyEnd), from, flat);
  if (starts.length === 0) return unnumberedParagraphs(text, from, bodyEnd, flat, base);
  return starts.map((start, index) => {
    // As everywhere in Trove, a numbered paragraph's span starts after its number and marking.
    let from = start.index + start.length;
    while (/\s/.test(text[from] ?? "")) from++;
    const end = Math.max(from, trimmedEnd(text, from, starts[index + 1]?.index ?? bodyEnd));
    const paragraph: CableParagraph = { number: String(start.number), text: text.slice(from, end), start: base + from, end: base + end };
    if (start.marking) paragraph.marking = start.marking;
    return paragraph;
  });
}

/** A cable without numbered paragraphs: its body's blocks between blank lines. */
function unnumberedParagraphs(text: string, from: number, bodyEnd: number, flat: boolean, base: number): CableParagraph[] {
  const bounds: [number, number][] = [];
  let blockStart = from;
  if (!flat) {
    for (const gap of text.slice(from, bodyEnd).matchAll(/\r?\n[ \t]*\r?\n/g)) {
      bounds.push([blockStart, from + gap.index]);
      blockStart = from + gap.index + gap[0].length;
    }
  }
  bounds.push([blockStart, bodyEnd]);
  const paragraphs: CableParagraph[] = [];
  for (const [blockFrom, blockTo] of bounds) {
    let start = blockFrom;
    while (start < blockTo && /\s/.test(text[start]!)) start++;
    const end = trimmedEnd(text, start, blockTo);
    if (/[A-Za-z]{2}/.test(text.slice(start, end))) paragraphs.push({ text: text.slice(start, end), start: base + start, end: base + end });
  }
  return paragraphs;
}

function trimmedEnd(text: string, start: number, end: number): number {
  let cut = end;
  while (cut > start && /\s/.test(text[cut - 1]!)) cut--;
  return cut;
}

const FOOTER_LINE = /^\s*(?:\*{3}.*|UNCLASSIFIED|UNCLAS|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE|C O N F I D E N T I A L|S E C R E T|NNNN?|BT|>|#\d+|NMAFVVZCZ|EXEMPT|\d{4}[A-Z]+\d+\s*-.*|[-\s]*|.*END OF (?:ERRORED )?MESSAGE.*|\.{3})\s*$/i;
const NOT_NAMES = new Set(["END", "SUMMARY", "COMMENT", "NOTE", "SIPDIS", "TEXT", "STAFF"]);

/** The signer: a name alone on the last line before the footers (`CROCKER`, `Speckhard`), or after a flattened body's last sentence. */
function findSigner(text: string, flat: boolean): { name: string; start: number } | undefined {
  if (flat) {
    const body = text.replace(/\s*B\s?T\s*#\d+.*$/s, "").trimEnd();
    const tail = /[.!?"”)\]]\s*([A-Z][A-Za-z'’-]+(?:\s+[A-Z][A-Za-z'’.-]+){0,2})$/.exec(body);
    return tail && isName(tail[1]!) ? { name: tail[1]!, start: tail.index + tail[0].length - tail[1]!.length } : undefined;
  }
  let end = text.length;
  for (let guard = 0; guard < 12 && end > 0; guard++) {
    const start = text.lastIndexOf("\n", end - 1) + 1;
    const line = text.slice(start, end);
    end = start - 1;
    if (FOOTER_LINE.test(line)) continue;
    const name = line.trim();
    return isName(name) ? { name, start: start + line.indexOf(name) } : undefined;
  }
  return undefined;
}

function isName(candidate: string): boolean {
  return candidate.length <= 30 && /^[A-Z][A-Za-z'’.-]+(?:\s+[A-Z][A-Za-z'’.-]+){0,2}$/.test(candidate) && !NOT_NAMES.has(candidate.toUpperCase());
}

function headerWarnings(reading: TelegramReading, routed: boolean): string[] {
  const missing = [
    !reading.classification && "classification line",
    reading.tags.length === 0 && "TAGS",
    !reading.subject && "SUBJECT",
  ].filter((part): part is string => Boolean(part));
  if (missing.length === 3) return [routed ? "header cut off after the routing lines: no classification line, TAGS or SUBJECT" : "no telegram header: no classification line, TAGS or SUBJECT"];
  return missing.map((part) => `no ${part}`);
}

function dayMention(text: string, iso: string | undefined): DateMention {
  const mention: DateMention = { text, calendar: "gregorian", precision: "day" };
  if (iso) mention.iso = iso;
  else mention.warning = `${text} is not a date that exists`;
  return mention;
}

function yearOf(text: string): number {
  return text.length === 2 ? fullYear(text) : Number(text);
}
