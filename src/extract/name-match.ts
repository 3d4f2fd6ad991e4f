/**
 * Decides whether two names can denote the same person, place or
 * organisation, across scripts and spellings: `Qassem Soleimani`,
 * `Ghasem Soleimani` and `قاسم سلیمانی` are one name; `Barzani` is part of
 * `Nechirvan Barzani`; `Mohammad Ali` and `Mohammad Reza` are different names.
 *
 * Each name is split into parts. Leading titles (`Maj. Gen.`, `Ayatollah`,
 * `سردار`) are removed, articles and `bin`/`ibn` set aside, initials set
 * aside, and particles that belong to a neighbour joined to it (`Abdul Rahman`,
 * `Abu Bakr`, `Hossein Zadeh`). Every part is read as sounds
 * (src/text/transliteration.ts) and the parts of the two names are paired,
 * best pairs first and in any order, allowing two adjacent parts on one side to
 * pair with one on the other (`Gholam Reza`, `Gholamreza`). Names whose parts
 * all pair are a `match`; a name whose parts all pair with some of the other's
 * is a `partial`, provided what pairs is more than a common given name; the
 * rest is `no-match`.
 *
 * @example
 * matchNames("Qassem Soleimani", "قاسم سلیمانی").decision   // → "match"
 * matchNames("Barzani", "Nechirvan Barzani").decision       // → "partial"
 * matchNames("Mohammad Ali", "Mohammad Reza").decision      // → "no-match"
 */
import type { NameMatch, NameMatchDecision } from "../model/entity.js";
import { normalise } from "../text/normalise.js";
import { hasDigits, joinPhonetic, phoneticSimilarity, transliterate, type PhoneticToken } from "../text/transliteration.js";

/** The kinds of name the matcher knows about; each has its own titles and generic words. */
export type NameKind = "person" | "place" | "organization";

export interface NameMatchOptions {
  /** What the names are; without it they are treated as person names, the commonest case. */
  type?: NameKind;
  /** Build the `explanation` (default true). Clustering that only needs the decision can skip it. */
  explain?: boolean;
}

/**
 * Two parts pair when they sound at least this alike (0–1, see
 * `phoneticSimilarity`). Across scripts the bar is lower: Arabic script leaves
 * out short vowels and one Arabic spelling stands for several Latin ones, so
 * true pairs sound less alike than two Latin spellings of one name do.
 */
export const PART_SIMILARITY_THRESHOLD = { sameScript: 0.8, crossScript: 0.65 } as const;
/** Scores at or above this are matches; partial matches score from {@link PARTIAL_SCORE} up to it. */
export const MATCH_SCORE = 0.8;
export const PARTIAL_SCORE = 0.5;

/** Names are cut to this many characters and parts; no real name is longer, and it bounds the work. */
const MAX_NAME_LENGTH = 200;
const MAX_PARTS = 12;

/** How much a common given name or a generic word counts beside a distinctive part (1). */
const COMMON_WEIGHT = 0.5;
const GENERIC_WEIGHT = 0.3;

/** Keys also go in cut to this many classes, so that a lost or added last sound (cornet, كورنيه) still meets. */
const KEY_PREFIX_LENGTH = 3;
/** Keys of one name, at most: the distinctive parts' own keys come first, so a long name loses only joined keys. */
const MAX_KEYS_PER_NAME = 32;

const TOKEN_PATTERN = /[^\s\-\u2010-\u2015_,.;:/\\()[\]{}"«»\u060C\u061B+&|!?\u061F*#@<>=~^]+/gu;
const HYPHENS = /^[\-\u2010-\u2015]/u;
const ARABIC_LETTER = /[\u0600-\u06FF]/u;
const APOSTROPHES = /['ʿʾ’‘`´ʼʻ]/gu;
const ACCENTED_LATIN = /[\u00C0-\u024F]/u;
const COMBINING_MARKS = /[\u0300-\u036F]/gu;

/**
 * Titles and honorifics removed from the start of a person's name, compared
 * word by word after the folding every word gets (`wordKey`: so آیت‌الله
 * covers آيت‌الله and ایتالله). A title written apart is a sequence of words;
 * the longest sequence is removed first.
 */
const PERSON_TITLES: readonly string[] = [
  "mr", "mrs", "ms", "miss", "sir", "dr", "doctor", "prof", "professor", "eng", "engineer",
  "sheikh", "shaikh", "shaykh", "sheik", "cheikh", "shaikha", "sheikha",
  "ayatollah", "ayatullah", "ayatolah", "ayatallah", "grand ayatollah", "ayat allah", "ayat ollah",
  "hojatoleslam", "hojjatoleslam", "hojatolislam", "hojjatolislam", "hojjat ol eslam", "hojat ol eslam", "hujjat al islam",
  "hojatoleslam val moslemin", "hojjatoleslam val moslemin", "hojatoleslam valmoslemin",
  "haj", "haji", "hajji", "hadji", "hajj", "al haj", "al hajj", "el hadj", "alhaj", "alhajj",
  "sayyed", "sayyid", "sayed", "seyed", "seyyed", "syed", "sayid", "seyyid", "sayyad", "seied",
  "mullah", "mulla", "molla", "mollah", "maulvi", "mawlawi", "mawlavi", "molvi", "moulvi", "maulavi", "maulana", "mawlana",
  "qari", "mufti", "imam", "ustad", "ustadh", "ostad",
  "general", "gen", "maj gen", "major general", "lt gen", "lieutenant general", "brig gen", "brigadier general", "brigadier",
  "brig", "maj", "major", "lt", "lieutenant", "col", "colonel", "lt col", "lieutenant colonel", "capt", "captain",
  "cmdr", "commander", "admiral", "rear admiral", "vice admiral", "sardar", "sartip", "sarlashkar", "field marshal", "marshal",
  "president", "prime minister", "minister", "ambassador", "prince", "princess", "king", "queen", "emir",
  "سید", "السید", "سیده", "السیدة", "حاج", "حاجی", "الحاج", "شیخ", "الشیخ", "دکتر", "الدکتور", "مهندس", "المهندس",
  "سردار", "سرتیپ", "سرتیپ دوم", "سرلشکر", "سرهنگ", "سرگرد", "سروان", "ستوان", "امیر سرتیپ", "امیر دریادار", "دریادار",
  "آیت‌الله", "آیت الله", "آیت‌الله العظمی", "آیت الله العظمی", "حجت‌الاسلام", "حجت الاسلام", "حجت‌الاسلام والمسلمین",
  "حجت الاسلام والمسلمین", "حجت الاسلام و المسلمین", "آقای", "خانم", "ملا", "مولوی", "مولانا", "قاری", "مفتی", "استاد",
  "العقید", "اللواء", "العمید", "الفریق", "الرئیس", "رئیس", "الأمیر", "السفیر", "الوزیر", "رئیس الوزراء", "رئیس جمهور",
];

/** Articles set aside wherever they stand: `al-Jabouri`, `El Baradei`, `آل الدوره`. */
const ARTICLES = new Set(["al", "el", "ul", "ol", "l", "ال"]);
/** Articles assimilated to a sun letter, set aside only when joined by a hyphen (`ad-Din`, `ash-Shams`). */
const SUN_ARTICLES = new Set(["ad", "ud", "ar", "ur", "as", "us", "ash", "ush", "at", "ut", "az", "uz", "an", "un", "ed", "er", "es", "en", "ez", "ah", "ak"]);
/** "Son of", "daughter of": they link the name to a father's and say nothing of their own. */
const FILIATION = new Set(["bin", "ibn", "ben", "bint", "ibnu", "binti", "ould", "wuld", "بن", "ابن", "بنت"]);
/** Particles that only make a name with the part before them: `Hossein Zadeh`, `Habib Allah`, `Nasir al-Din`. */
const JOIN_PREVIOUS = new Set([
  "zadeh", "zade", "zada", "zadah", "nejad", "nezhad", "nejhad", "nijad", "nezhaad", "pour", "pur", "allah", "ullah", "ollah", "ullá",
  "din", "deen", "uddin", "eddin", "addin", "udin", "زاده", "نژاد", "پور", "الله", "دین", "الدین",
]);
const ABD_SPELLINGS = new Set(["abd", "abdul", "abdel", "abdol", "abdal", "abdil", "abdur", "abdu", "abdus", "abdurr", "abed"]);
const ABU_SPELLINGS = new Set(["abu", "abou", "abo"]);

/** `Abdul`, `Abdel`, `Abdur`… all read as `abd` once the article is set aside; `Abou`, `Abo` as `abu`. */
function canonicalParticle(key: string): string {
  if (ABD_SPELLINGS.has(key)) return "abd";
  if (ABU_SPELLINGS.has(key)) return "abu";
  return key;
}

/** Particles that only make a name with the part after them: `Abdul Rahman`, `Abu Bakr`. */
const JOIN_NEXT = new Set([...ABD_SPELLINGS, ...ABU_SPELLINGS, "عبد", "ابو", "ابی"]);

/** Latin spellings of `Abd` joined to the next part, with the article after it (`Abdulrahman`, `Abdurrahman`). */
const JOINED_ABD = /^'?abd(?:[aeiou]?l(?=[^aeiou])|[aeiou](?=([bcdfghjklmnpqrstvwxyz])\1)|[aeiou]?(?=[^aeiou]))?/u;

/**
 * Very common given names, as spelt in Latin and Arabic script. A name that
 * agrees with another only on one of these is not the same name.
 */
const COMMON_GIVEN_NAMES: readonly string[] = [
  "mohammad", "muhammad", "mohammed", "muhammed", "mohamed", "mohamad", "mehmet", "mohd", "محمد",
  "ahmad", "ahmed", "احمد", "ali", "علی", "hasan", "hassan", "حسن", "hossein", "hussein", "husain", "husayn", "حسین",
  "mahmoud", "mahmud", "محمود", "mustafa", "mostafa", "مصطفی", "ibrahim", "ebrahim", "ابراهیم", "ismail", "esmail", "اسماعیل",
  "yusuf", "yousef", "youssef", "یوسف", "omar", "umar", "عمر", "khalid", "khaled", "خالد", "reza", "رضا", "mehdi", "mahdi", "مهدی",
  "jafar", "jaafar", "جعفر", "karim", "کریم", "hamid", "حمید", "said", "saeed", "سعید", "abdullah", "abdallah", "عبدالله",
  "gul", "گل", "jan", "جان", "khan", "خان", "mir", "میر", "shah", "شاه", "agha", "اقا", "nur", "noor", "نور",
  "fatima", "fatemeh", "فاطمه", "zahra", "زهرا", "maryam", "مریم", "sayed", "سید",
  "abdulrahman", "abdurrahman", "عبدالرحمن", "abdulaziz", "عبدالعزیز", "abdulkarim", "عبدالکریم",
];

/** Words that say what kind of place or organisation a name is, not which one. */
const GENERIC_WORDS: Record<NameKind, readonly string[]> = {
  person: [],
  place: [
    "city", "province", "district", "village", "county", "region", "governorate", "state", "town", "mount", "river", "lake",
    "شهر", "استان", "شهرستان", "روستا", "بخش", "مدینه", "محافظه", "ولایه", "ولایت", "قریه", "منطقه", "جبل", "نهر", "کوه",
  ],
  organization: [
    "company", "co", "ltd", "limited", "inc", "corporation", "corp", "group", "bank", "organization", "organisation",
    "foundation", "institute", "ministry", "division", "brigade", "brigades", "battalion", "front", "party", "movement", "army",
    "force", "forces", "corps", "council", "agency", "industries", "industrial", "trading", "international", "of", "the", "and",
    "شرکت", "شرکه", "بانک", "بنک", "سازمان", "گروه", "مجموعه", "موسسه", "بنیاد", "وزارت", "وزاره", "لشکر", "لواء", "لوا", "تیپ",
    "کتایب", "جبهه", "حزب", "حرکه", "جنبش", "سپاه", "جیش", "قوات", "مجلس", "شورا", "و", "صنایع", "تجاره", "بازرگانی",
  ],
};

/** One part of a name, read as sounds. */
interface NamePart {
  /** As written, the words of a joined part separated by spaces. */
  text: string;
  /** Readings of the part: with and without a leading article where one may be joined on. */
  readings: PhoneticToken[];
  /**
   * For a part made with `Abd` or `Abu`, the readings of what follows it: a
   * name often drops the particle (`Abd al-Hamid`, `Hamid`), which then pairs
   * as a partial match.
   */
  core?: PhoneticToken[];
  /** 1 for a distinctive part, less for a common given name or a generic word. */
  weight: number;
}

interface ParsedName {
  parts: NamePart[];
  /** The parts, and each two adjacent parts read as one, as the alignment compares them. */
  units: Unit[];
  titles: string[];
  setAside: string[];
  truncated: boolean;
}

/** A pairing of one or two adjacent parts of each name. */
interface Link {
  a: number[];
  b: number[];
  similarity: number;
  /** How far above the pairing threshold the similarity is, 0–1. */
  strength: number;
  /** Paired through what follows an `Abd` or `Abu` on one side: the particle is a missing part. */
  throughCore: boolean;
  readingA: PhoneticToken;
  readingB: PhoneticToken;
}

interface Lexicon {
  titles: Map<string, string[][]>;
  commonSkeletons: Set<string>;
  generic: Record<NameKind, Set<string>>;
}

let lexicon: Lexicon | undefined;

/** Built on first use, not at import, so that importing the module costs nothing. */
function getLexicon(): Lexicon {
  if (lexicon) return lexicon;
  const titles = new Map<string, string[][]>();
  for (const title of PERSON_TITLES) {
    const words = title.split(" ").map(wordKey);
    const first = words[0] as string;
    const list = titles.get(first) ?? [];
    list.push(words);
    titles.set(first, list);
  }
  for (const list of titles.values()) list.sort((x, y) => y.length - x.length);
  const commonSkeletons = new Set<string>();
  for (const name of COMMON_GIVEN_NAMES) {
    for (const reading of readingsOf(name)) commonSkeletons.add(reading.skeleton);
  }
  const generic = {
    person: new Set<string>(),
    place: new Set(GENERIC_WORDS.place.map(wordKey)),
    organization: new Set(GENERIC_WORDS.organization.map(wordKey)),
  };
  lexicon = { titles, commonSkeletons, generic };
  return lexicon;
}

/** A word as looked up in the word lists: normalised, lower case, apostrophes and accents dropped. */
function wordKey(word: string): string {
  const folded = normalise(word).toLowerCase().replace(APOSTROPHES, "");
  return ACCENTED_LATIN.test(folded) ? folded.normalize("NFD").replace(COMBINING_MARKS, "") : folded;
}

interface Word {
  text: string;
  key: string;
  hyphenAfter: boolean;
}

function splitWords(name: string): { words: Word[]; truncated: boolean } {
  const truncated = name.length > MAX_NAME_LENGTH;
  const text = (truncated ? name.slice(0, MAX_NAME_LENGTH) : name).normalize("NFKC");
  const words: Word[] = [];
  TOKEN_PATTERN.lastIndex = 0;
  for (let match = TOKEN_PATTERN.exec(text); match !== null; match = TOKEN_PATTERN.exec(text)) {
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 1);
    words.push({ text: match[0], key: wordKey(match[0]), hyphenAfter: HYPHENS.test(after) });
    if (words.length >= MAX_PARTS * 3) break;
  }
  return { words, truncated };
}

/** Removes leading titles, keeping at least one word. */
function removeTitles(words: Word[], titles: Map<string, string[][]>): { rest: Word[]; removed: string[] } {
  let start = 0;
  const removed: string[] = [];
  for (;;) {
    const candidates = titles.get(words[start]?.key ?? "");
    const title = candidates?.find((sequence) => sequence.every((word, offset) => words[start + offset]?.key === word));
    if (!title || start + title.length >= words.length) break;
    removed.push(words.slice(start, start + title.length).map((word) => word.text).join(" "));
    start += title.length;
  }
  return { rest: words.slice(start), removed };
}

/** Splits a Latin `Abdulrahman` into `Abd` and `rahman`, an Arabic `عبدالرحمن` into `عبد` and `رحمن`. */
function splitJoinedAbd(word: Word): Word[] {
  if (ARABIC_LETTER.test(word.text)) {
    if (!word.text.startsWith("عبد") || word.text.length < 6) return [word];
    const rest = word.text.slice(3);
    return [{ text: "عبد", key: "عبد", hyphenAfter: false }, { text: rest, key: wordKey(rest), hyphenAfter: word.hyphenAfter }];
  }
  if (!word.key.startsWith("abd") || word.key.length < 7) return [word];
  const prefix = JOINED_ABD.exec(word.key)?.[0] ?? "abd";
  const rest = word.key.slice(prefix.length);
  if (rest.length < 3) return [word];
  return [{ text: word.text.slice(0, word.text.length - rest.length), key: "abd", hyphenAfter: false }, { text: rest, key: rest, hyphenAfter: word.hyphenAfter }];
}

/**
 * Abbreviations of given names that sanctions lists and registers use; their
 * letters are too few for their sound to be compared with the full name.
 */
const GIVEN_NAME_ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ["mhd", "muhammad"], ["mohd", "muhammad"], ["muhd", "muhammad"], ["md", "muhammad"],
]);

/** Readings of a word: itself and, when it may begin with an article, itself without it. */
function readingsOf(word: string): PhoneticToken[] {
  const key = wordKey(word);
  const expansion = GIVEN_NAME_ABBREVIATIONS.get(key);
  if (expansion !== undefined) return [transliterate(expansion)];
  const whole = transliterate(word);
  let bare: string | undefined;
  if (key.startsWith("ال") && key.length >= 4) bare = key.slice(2);
  else if ((key.startsWith("al") || key.startsWith("el")) && key.length >= 6) bare = key.slice(2);
  if (bare === undefined) return [whole];
  const without = transliterate(bare);
  return without.form === "" ? [whole] : [without, whole];
}

function joinReadings(first: PhoneticToken[], second: PhoneticToken[]): PhoneticToken[] {
  const joined: PhoneticToken[] = [];
  for (const x of first) for (const y of second) joined.push(joinPhonetic(x, y));
  return joined.slice(0, 4);
}

/**
 * Parsed names, remembered because clustering compares the same spellings over
 * and over. Bounded: emptied when full, which costs a re-parse, never memory.
 */
const MAX_REMEMBERED_NAMES = 20_000;
const rememberedNames = new Map<string, ParsedName>();

function parseName(name: string, kind: NameKind): ParsedName {
  const key = `${kind}\u0000${name}`;
  const remembered = rememberedNames.get(key);
  if (remembered) return remembered;
  const parsed = parseNameAfresh(name, kind);
  if (rememberedNames.size >= MAX_REMEMBERED_NAMES) rememberedNames.clear();
  rememberedNames.set(key, parsed);
  return parsed;
}

function parseNameAfresh(name: string, kind: NameKind): ParsedName {
  const { titles: titleList, commonSkeletons, generic } = getLexicon();
  const { words: allWords, truncated } = splitWords(name);
  const { rest, removed } = kind === "person" ? removeTitles(allWords, titleList) : { rest: allWords, removed: [] };
  const words = rest.flatMap(splitJoinedAbd);
  const setAside: string[] = [];
  const parts: NamePart[] = [];
  /** Particles waiting for the part they belong to: `Abu`, or `Abu Abd` in `Abu Abd al-Aziz`. */
  const pending: Word[] = [];
  for (let index = 0; index < words.length && parts.length < MAX_PARTS; index++) {
    const word = words[index] as Word;
    const isLast = index === words.length - 1;
    if (words.length > 1 && (ARTICLES.has(word.key) || (word.hyphenAfter && SUN_ARTICLES.has(word.key)))) {
      setAside.push(word.text);
      continue;
    }
    if (!isLast && FILIATION.has(word.key) && parts.length + pending.length > 0) {
      setAside.push(word.text);
      continue;
    }
    if (words.length > 1 && word.key.length === 1 && word.key >= "a" && word.key <= "z") {
      setAside.push(word.text);
      continue;
    }
    if (!isLast && JOIN_NEXT.has(word.key)) {
      pending.push(word);
      continue;
    }
    const readings = readingsOf(word.text);
    if (pending.length > 0) {
      let joined = readings;
      for (const particle of [...pending].reverse()) joined = joinReadings(readingsOf(canonicalParticle(particle.key)), joined);
      const common = joined.some((reading) => commonSkeletons.has(reading.skeleton));
      parts.push({ text: [...pending, word].map((each) => each.text).join(" "), readings: joined, core: readings, weight: common ? COMMON_WEIGHT : 1 });
      pending.length = 0;
      continue;
    }
    const previous = parts[parts.length - 1];
    if (previous && JOIN_PREVIOUS.has(word.key)) {
      previous.text = `${previous.text} ${word.text}`;
      previous.readings = joinReadings(previous.readings, [readingsOf(word.text)[0] as PhoneticToken]);
      continue;
    }
    const common = readings.some((reading) => commonSkeletons.has(reading.skeleton));
    const weight = generic[kind].has(word.key) ? GENERIC_WEIGHT : kind === "person" && common ? COMMON_WEIGHT : 1;
    if (readings.every((reading) => reading.form === "")) {
      setAside.push(word.text);
      continue;
    }
    parts.push({ text: word.text, readings, weight });
  }
  for (const particle of pending) parts.push({ text: particle.text, readings: readingsOf(particle.text), weight: COMMON_WEIGHT });
  if (parts.length === 0) {
    // Nothing but initials, articles or particles: compare them as they are rather than not at all.
    for (const word of allWords.slice(0, MAX_PARTS)) {
      const readings = readingsOf(word.text);
      if (readings.some((reading) => reading.form !== "")) parts.push({ text: word.text, readings, weight: 1 });
    }
    setAside.length = 0;
  }
  return { parts, units: unitsOf(parts), titles: removed, setAside, truncated };
}

function bestReadingPair(readingsA: PhoneticToken[], readingsB: PhoneticToken[]): { similarity: number; a: PhoneticToken; b: PhoneticToken } {
  let best = { similarity: -1, a: readingsA[0] as PhoneticToken, b: readingsB[0] as PhoneticToken };
  for (const a of readingsA) {
    for (const b of readingsB) {
      const similarity = phoneticSimilarity(a, b);
      if (similarity > best.similarity) best = { similarity, a, b };
    }
  }
  return best;
}

interface Unit {
  indices: number[];
  readings: PhoneticToken[];
  core?: PhoneticToken[];
}

/** Units of one side: each part, and each two adjacent parts read as one. */
function unitsOf(parts: NamePart[]): Unit[] {
  const units: Unit[] = parts.map((part, index) => (part.core ? { indices: [index], readings: part.readings, core: part.core } : { indices: [index], readings: part.readings }));
  for (let index = 0; index + 1 < parts.length; index++) {
    units.push({ indices: [index, index + 1], readings: joinReadings((parts[index] as NamePart).readings, (parts[index + 1] as NamePart).readings) });
  }
  return units;
}

/** The best reading pair of two units, trying what follows an `Abd` or `Abu` when the whole does not pair. */
function compareUnits(unitA: Unit, unitB: Unit): { similarity: number; a: PhoneticToken; b: PhoneticToken; throughCore: boolean } {
  const whole = bestReadingPair(unitA.readings, unitB.readings);
  let best = { ...whole, throughCore: false };
  if (whole.similarity >= thresholdFor(whole.a, whole.b)) return best;
  if (unitA.core && !unitB.core) {
    const core = bestReadingPair(unitA.core, unitB.readings);
    if (core.similarity > best.similarity) best = { ...core, throughCore: true };
  }
  if (unitB.core && !unitA.core) {
    const core = bestReadingPair(unitA.readings, unitB.core);
    if (core.similarity > best.similarity) best = { ...core, throughCore: true };
  }
  return best;
}

/** Pairs parts greedily, most alike first; a single part on one side may pair with two adjacent parts on the other. */
function alignParts(nameA: ParsedName, nameB: ParsedName): Link[] {
  const candidates: Link[] = [];
  for (const unitA of nameA.units) {
    for (const unitB of nameB.units) {
      if (unitA.indices.length > 1 && unitB.indices.length > 1) continue;
      const best = compareUnits(unitA, unitB);
      const threshold = thresholdFor(best.a, best.b);
      if (best.similarity >= threshold) {
        const strength = (best.similarity - threshold) / (1 - threshold);
        candidates.push({ a: unitA.indices, b: unitB.indices, similarity: best.similarity, strength, throughCore: best.throughCore, readingA: best.a, readingB: best.b });
      }
    }
  }
  candidates.sort((x, y) => y.similarity - x.similarity || x.a.length + x.b.length - (y.a.length + y.b.length) || x.a[0]! - y.a[0]! || x.b[0]! - y.b[0]!);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const links: Link[] = [];
  for (const candidate of candidates) {
    if (candidate.a.some((index) => usedA.has(index)) || candidate.b.some((index) => usedB.has(index))) continue;
    for (const index of candidate.a) usedA.add(index);
    for (const index of candidate.b) usedB.add(index);
    links.push(candidate);
  }
  return links;
}

function thresholdFor(a: PhoneticToken, b: PhoneticToken): number {
  return a.script === b.script && a.script !== "other" ? PART_SIMILARITY_THRESHOLD.sameScript : PART_SIMILARITY_THRESHOLD.crossScript;
}

function weightOf(parts: NamePart[], indices: number[]): number {
  let weight = 0;
  for (const index of indices) weight += (parts[index] as NamePart).weight;
  return Math.min(1, weight);
}

/**
 * Compares two names in any script.
 *
 * Decisions: `match` when every part of each name pairs with a part of the
 * other; `partial` when one name's parts all pair with some of the other's
 * (`Barzani`, `Nechirvan Barzani`), or both have unpaired parts but at least
 * two distinctive parts pair; `no-match` otherwise, and always when the only
 * agreement is a common given name (`Mohammad Ali`, `Mohammad Reza`).
 * Scores: match from {@link MATCH_SCORE} to 1, partial from
 * {@link PARTIAL_SCORE} to below {@link MATCH_SCORE}, no-match below
 * {@link PARTIAL_SCORE}.
 *
 * @example
 * matchNames("Maj. Gen. Qassem Soleimani", "قاسم سلیمانی")
 * // → { decision: "match", score: 0.95…, explanation: ["titles removed: Maj. Gen.", "\"Qassem\" ≈ \"قاسم\" …", …] }
 */
export function matchNames(a: string, b: string, options: NameMatchOptions = {}): NameMatch {
  const kind = options.type ?? "person";
  const explain = options.explain ?? true;
  const nameA = parseName(typeof a === "string" ? a : "", kind);
  const nameB = parseName(typeof b === "string" ? b : "", kind);
  // Compared in a fixed order, so that the score is the same both ways round to the last bit.
  const swapped = typeof a === "string" && typeof b === "string" && b < a;
  const comparison = swapped ? compareNames(nameB, nameA) : compareNames(nameA, nameB);
  if (!explain) return { decision: comparison.decision, score: comparison.score, explanation: [] };
  const explanation = describeParsing(nameA, nameB);
  const links = swapped ? comparison.links.map(reverseLink) : comparison.links;
  const [unpairedA, unpairedB] = swapped ? [comparison.unpairedSecond, comparison.unpairedFirst] : [comparison.unpairedFirst, comparison.unpairedSecond];
  describeLinks(explanation, nameA, nameB, links, unpairedA, unpairedB);
  explanation.push(`decision: ${comparison.decision}, ${comparison.reason}`);
  return { decision: comparison.decision, score: comparison.score, explanation };
}

interface Comparison {
  decision: NameMatchDecision;
  score: number;
  reason: string;
  links: Link[];
  unpairedFirst: number[];
  unpairedSecond: number[];
}

function reverseLink(link: Link): Link {
  return { ...link, a: link.b, b: link.a, readingA: link.readingB, readingB: link.readingA };
}

function compareNames(nameA: ParsedName, nameB: ParsedName): Comparison {
  if (nameA.parts.length === 0 || nameB.parts.length === 0) {
    return { decision: "no-match", score: 0, reason: "a name has no letters or digits to compare", links: [], unpairedFirst: [], unpairedSecond: [] };
  }
  const links = alignParts(nameA, nameB);
  const pairedA = new Set(links.flatMap((link) => link.a));
  const pairedB = new Set(links.flatMap((link) => link.b));
  const unpairedA = nameA.parts.map((_, index) => index).filter((index) => !pairedA.has(index));
  const unpairedB = nameB.parts.map((_, index) => index).filter((index) => !pairedB.has(index));

  let weighted = 0;
  let weightedStrength = 0;
  let linkWeight = 0;
  let distinctive = 0;
  for (const link of links) {
    const weight = Math.max(weightOf(nameA.parts, link.a), weightOf(nameB.parts, link.b));
    weighted += link.similarity * weight;
    weightedStrength += link.strength * weight;
    linkWeight += weight;
    if (Math.min(weightOf(nameA.parts, link.a), weightOf(nameB.parts, link.b)) >= 1) distinctive++;
  }
  const similarity = linkWeight > 0 ? weighted / linkWeight : 0;
  const totalA = nameA.parts.reduce((sum, part) => sum + part.weight, 0);
  const totalB = nameB.parts.reduce((sum, part) => sum + part.weight, 0);
  const coverage = linkWeight / Math.max(totalA, totalB, linkWeight);
  const outcome = { links, unpairedFirst: unpairedA, unpairedSecond: unpairedB };

  if (links.length === 0) {
    return { ...outcome, decision: "no-match", score: round(PARTIAL_SCORE * bestUnpairedSimilarity(nameA.parts, nameB.parts)), reason: "no part of one name sounds like a part of the other" };
  }
  if (unpairedA.length === 0 && unpairedB.length === 0 && !links.some((link) => link.throughCore)) {
    return { ...outcome, decision: "match", score: round(MATCH_SCORE + (1 - MATCH_SCORE) * (weightedStrength / linkWeight)), reason: "every part pairs" };
  }
  // A common given name is often added or dropped (Mohammad Naim, Naim Barech), so a side whose
  // unpaired parts are all common names only lacks parts, unless the other side's are too (Ali, Reza).
  const subset = unpairedA.length === 0 || unpairedB.length === 0;
  const onlyCommonA = unpairedA.every((index) => (nameA.parts[index] as NamePart).weight < 1);
  const onlyCommonB = unpairedB.every((index) => (nameB.parts[index] as NamePart).weight < 1);
  const disagree = !subset && onlyCommonA === onlyCommonB;
  const enough = disagree ? distinctive >= 1 && linkWeight >= 2 : distinctive >= 1 || links.length >= 2;
  if (!enough) {
    const reason = distinctive === 0 ? "only common given names agree" : "the names disagree on other parts";
    return { ...outcome, decision: "no-match", score: round(PARTIAL_SCORE * similarity * coverage), reason };
  }
  const reason = unpairedA.length + unpairedB.length === 0
    ? "one name lacks the Abd or Abu of the other"
    : disagree
      ? "distinctive parts pair, but each name has parts the other lacks"
      : "one name lacks parts of the other";
  // Kept below MATCH_SCORE whatever the rounding.
  const score = Math.min(MATCH_SCORE - 0.001, round(PARTIAL_SCORE + (MATCH_SCORE - PARTIAL_SCORE) * similarity * coverage));
  return { ...outcome, decision: "partial", score, reason };
}

function bestUnpairedSimilarity(partsA: NamePart[], partsB: NamePart[]): number {
  let best = 0;
  for (const partA of partsA) for (const partB of partsB) best = Math.max(best, bestReadingPair(partA.readings, partB.readings).similarity);
  return best;
}

function round(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000;
}

function describeParsing(nameA: ParsedName, nameB: ParsedName): string[] {
  const steps: string[] = [];
  for (const [label, name] of [["first", nameA], ["second", nameB]] as const) {
    if (name.truncated) steps.push(`${label} name cut to ${MAX_NAME_LENGTH} characters`);
    if (name.titles.length > 0) steps.push(`titles removed from the ${label} name: ${name.titles.join(", ")}`);
    if (name.setAside.length > 0) steps.push(`set aside in the ${label} name (articles, bin/ibn, initials): ${name.setAside.join(", ")}`);
  }
  return steps;
}

function partsText(parts: NamePart[], indices: number[]): string {
  return indices.map((index) => (parts[index] as NamePart).text).join(" + ");
}

function describeLinks(steps: string[], nameA: ParsedName, nameB: ParsedName, links: Link[], unpairedA: number[], unpairedB: number[]): void {
  for (const link of links) {
    steps.push(
      `"${partsText(nameA.parts, link.a)}" ≈ "${partsText(nameB.parts, link.b)}" (sounds ${link.readingA.skeleton || link.readingA.form} ≈ ${link.readingB.skeleton || link.readingB.form}): ${link.similarity.toFixed(2)}${link.throughCore ? ", without the Abd or Abu (a missing part)" : ""}`,
    );
  }
  for (const [own, other, unpaired, label] of [[nameA, nameB, unpairedA, "first"], [nameB, nameA, unpairedB, "second"]] as const) {
    for (const index of unpaired) {
      const part = own.parts[index] as NamePart;
      const kind = part.weight < 1 ? (part.weight === COMMON_WEIGHT ? " (a common given name)" : " (a generic word)") : "";
      let nearest = "";
      let nearestSimilarity = 0;
      for (const otherPart of other.parts) {
        const similarity = bestReadingPair(part.readings, otherPart.readings).similarity;
        if (similarity > nearestSimilarity) {
          nearestSimilarity = similarity;
          nearest = otherPart.text;
        }
      }
      const closest = nearest ? `; nearest "${nearest}" at ${nearestSimilarity.toFixed(2)}` : "";
      steps.push(`"${part.text}"${kind} in the ${label} name has no counterpart (missing part${closest})`);
    }
  }
}

/**
 * Index keys for finding candidate names fast: the coarse sound keys of each
 * distinctive part (whole, and cut to three classes), of what follows an `Abd`
 * or `Abu`, and of each two adjacent parts read as one. Common given names,
 * articles and titles give no key unless nothing else does. Two names that
 * {@link matchNames} accepts share a key in the great majority of cases
 * (98% of accepted cross-script person pairs, measured by `npm run eval:names`).
 *
 * @example
 * nameKeys("Qassem Soleimani") // → ["KSM", "SLMN", "SLM", "KSMSLMN"]
 * nameKeys("قاسم سلیمانی")     // → ["KSM", "SLMN", "SLM", "KSMSLMN"]
 */
export function nameKeys(name: string, options: Pick<NameMatchOptions, "type"> = {}): string[] {
  const parsed = parseName(typeof name === "string" ? name : "", options.type ?? "person");
  const keys = new Set<string>();
  const anyDistinctive = parsed.parts.some((part) => part.weight >= 1);
  for (const unit of parsed.units) {
    if (unit.indices.length > 1) {
      addKeys(keys, unit.readings, false);
      continue;
    }
    const part = parsed.parts[unit.indices[0] as number] as NamePart;
    if (anyDistinctive && part.weight < 1) continue;
    addKeys(keys, part.readings, true);
    if (part.core) addKeys(keys, part.core, true);
  }
  return [...keys].slice(0, MAX_KEYS_PER_NAME);
}

function addKeys(keys: Set<string>, readings: PhoneticToken[], prefixes: boolean): void {
  for (const reading of readings) {
    for (const key of reading.keys) {
      keys.add(key);
      if (prefixes && key.length > KEY_PREFIX_LENGTH && !hasDigits(key)) keys.add(key.slice(0, KEY_PREFIX_LENGTH));
    }
  }
}
