/**
 * Originals and their translations: which document translates which
 * (`pairTranslations`), which paragraph renders which (`alignParagraphs`),
 * and where two translations of one original part ways
 * (`compareTranslations`). Pure functions over plain values; the archive
 * wires them in.
 *
 * @example
 * pairTranslations([
 *   { id: 1, name: "a.fa.txt", path: "reports/fa/a.fa.txt", language: "fa" },
 *   { id: 2, name: "a.en.txt", path: "reports/en/a.en.txt", language: "en" },
 * ])
 * // → [{ originalId: 1, translationId: 2, method: "file-name" }]
 */
import { InputError } from "../errors.js";
import type { Cable, CableParagraph, TranslationCredit } from "../model/cable.js";
import { normalise } from "../text/normalise.js";
import { referenceKey } from "../text/reference-key.js";

// ── Pairing ───────────────────────────────────────────────────────────────

/** What pairing needs to know of a document. */
export interface TranslationCandidate {
  id: number;
  /** The file name, e.g. `report-1393-07-15-karbala.fa.txt`. */
  name: string;
  /** Where it sits: a path, or an archive member's locator (`batch.zip!/reports/fa/a.fa.txt`). */
  path: string;
  /** `en`, `fa`, `ar`, `und`: English is the translation, any other language the original. */
  language: string;
  cable?: Cable;
}

/**
 * One line of a `translations.json`: an original and its translation, by
 * their paths relative to the manifest's folder (or bare file names), and who
 * translated and checked it. The paths only name documents; they are never
 * opened.
 */
export interface TranslationManifestEntry {
  original: string;
  translation: string;
  translator?: string;
  reviewer?: string;
}

export type TranslationManifest = TranslationManifestEntry[];

/** How a pair was found: the newsroom's own manifest, the file names, or a shared report number. */
export type PairingMethod = "manifest" | "file-name" | "reference";

export interface TranslationPair {
  originalId: number;
  translationId: number;
  method: PairingMethod;
  /** From the manifest, else from the translation's own credit line. */
  credit?: TranslationCredit;
}

/**
 * Reads and checks a `translations.json`:
 * `[{"original": "fa/a.fa.txt", "translation": "en/a.en.txt", "translator": "…", "reviewer": "…"}]`.
 * Throws an `InputError` (`damaged`) that says which entry is wrong and why.
 */
export function readTranslationManifest(json: string): TranslationManifest {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new InputError("damaged", `translations.json is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, false, { cause: error });
  }
  if (!Array.isArray(data)) throw new InputError("damaged", "translations.json must be a list of {original, translation} entries");
  return data.map(manifestEntry);
}

function manifestEntry(entry: unknown, index: number): TranslationManifestEntry {
  const where = `translations.json entry ${index + 1}`;
  if (typeof entry !== "object" || entry === null || Array.isArray(entry)) throw new InputError("damaged", `${where} is not an object`);
  const record = entry as Record<string, unknown>;
  const text = (key: string, required: boolean): string | undefined => {
    const value = record[key];
    if (value === undefined && !required) return undefined;
    if (typeof value !== "string" || value.trim() === "") throw new InputError("damaged", `${where}: "${key}" must be a non-empty string`);
    return value.trim();
  };
  const original = text("original", true)!;
  const translation = text("translation", true)!;
  if (manifestPath(original) === manifestPath(translation)) throw new InputError("damaged", `${where} names the same file as original and translation`);
  const translator = text("translator", false);
  const reviewer = text("reviewer", false);
  return { original, translation, ...(translator && { translator }), ...(reviewer && { reviewer }) };
}

/**
 * Pairs originals with their translations, by the manifest first, then by
 * file names (`X.fa.txt` ↔ `X.en.txt`, `X-ar.html` ↔ `X_en.txt`), then by a
 * shared report number in different languages (`ک/۴۱۷/۹۳` = `K/417/93`).
 * The original is the non-English document. A document translates at most
 * one original; an original may have several translations. Where the
 * evidence is ambiguous (two equally close originals) no pair is made.
 */
export function pairTranslations(documents: readonly TranslationCandidate[], manifest: TranslationManifest = []): TranslationPair[] {
  const pairs = new PairList();
  for (const entry of manifest) {
    const original = findByManifestPath(documents, entry.original);
    const translation = findByManifestPath(documents, entry.translation);
    if (!original || !translation) continue;
    const credit = { ...translation.cable?.translation, ...(entry.translator && { translator: entry.translator }), ...(entry.reviewer && { reviewer: entry.reviewer }) };
    pairs.add(original, translation, "manifest", credit);
  }
  for (const [original, translation] of pairsByFileName(documents)) pairs.add(original, translation, "file-name", translation.cable?.translation);
  for (const [original, translation] of pairsByReference(documents)) pairs.add(original, translation, "reference", translation.cable?.translation);
  return pairs.list;
}

/** The pairs made so far, refusing any that would make a document translate two originals or be original and translation at once. */
class PairList {
  readonly list: TranslationPair[] = [];
  private readonly originals = new Set<number>();
  private readonly translations = new Set<number>();

  add(original: TranslationCandidate, translation: TranslationCandidate, method: PairingMethod, credit: TranslationCredit | undefined): void {
    if (original.id === translation.id || this.translations.has(translation.id) || this.translations.has(original.id) || this.originals.has(translation.id)) return;
    this.originals.add(original.id);
    this.translations.add(translation.id);
    const hasCredit = credit && (credit.translator || credit.reviewer);
    this.list.push({ originalId: original.id, translationId: translation.id, method, ...(hasCredit && { credit }) });
  }
}

function manifestPath(file: string): string {
  return file.replace(/\\/g, "/").replace(/^(?:\.\/)+/, "");
}

/** The one document whose path ends with the manifest's path (or whose name is it); none when two match. */
function findByManifestPath(documents: readonly TranslationCandidate[], file: string): TranslationCandidate | undefined {
  const wanted = manifestPath(file);
  const matches = documents.filter((document) => {
    const documentPath = manifestPath(document.path);
    return documentPath === wanted || documentPath.endsWith(`/${wanted}`) || (!wanted.includes("/") && document.name === wanted);
  });
  return matches.length === 1 ? matches[0] : undefined;
}

/** `X.fa.txt`, `X-ar.html`, `X_en`: the name without its language mark, and the language. */
const LANGUAGE_MARKED_NAME = /^(.+?)[._-](fa|en|ar)(?:\.[A-Za-z0-9]{1,8})?$/i;

function* pairsByFileName(documents: readonly TranslationCandidate[]): Generator<[TranslationCandidate, TranslationCandidate]> {
  const groups = new Map<string, { originals: TranslationCandidate[]; translations: TranslationCandidate[] }>();
  for (const document of documents) {
    const marked = LANGUAGE_MARKED_NAME.exec(document.name);
    if (!marked) continue;
    const stem = marked[1]!.toLowerCase();
    const group = groups.get(stem) ?? { originals: [], translations: [] };
    (marked[2]!.toLowerCase() === "en" ? group.translations : group.originals).push(document);
    groups.set(stem, group);
  }
  for (const { originals, translations } of groups.values()) {
    for (const translation of translations) {
      const original = closest(translation, originals);
      if (original) yield [original, translation];
    }
  }
}

/** Of several originals of one name, the one sharing the most folders with the translation (`a/fa/X.fa.txt` for `a/en/X.en.txt`); none on a tie. */
function closest(translation: TranslationCandidate, originals: readonly TranslationCandidate[]): TranslationCandidate | undefined {
  const scored = originals.map((original) => ({ original, shared: sharedFolders(original.path, translation.path) })).sort((a, b) => b.shared - a.shared);
  const [best, next] = scored;
  return best && (!next || next.shared < best.shared) ? best.original : undefined;
}

function sharedFolders(first: string, second: string): number {
  const a = manifestPath(first).split("/").slice(0, -1);
  const b = manifestPath(second).split("/").slice(0, -1);
  let shared = 0;
  while (shared < a.length && shared < b.length && a[shared] === b[shared]) shared++;
  return shared;
}

function* pairsByReference(documents: readonly TranslationCandidate[]): Generator<[TranslationCandidate, TranslationCandidate]> {
  const groups = new Map<string, TranslationCandidate[]>();
  for (const document of documents) {
    const key = document.cable?.reference === undefined ? "" : referenceKey(document.cable.reference);
    if (!/\d/.test(key)) continue;
    groups.set(key, [...(groups.get(key) ?? []), document]);
  }
  for (const group of groups.values()) {
    const originals = group.filter((document) => document.language !== "en" && document.language !== "und");
    if (originals.length !== 1) continue;
    for (const translation of group.filter((document) => document.language === "en")) yield [originals[0]!, translation];
  }
}

// ── Paragraph alignment ──────────────────────────────────────────────────

export interface AlignedParagraph {
  /** The paragraph number (as the first side writes it). */
  number?: string;
  original?: CableParagraph;
  translation?: CableParagraph;
  /** `number`: the same number on both sides; `position`: unnumbered paragraphs taken in order, their counts agreeing; `unmatched`: on one side only. */
  method: "number" | "position" | "unmatched";
}

/**
 * Lines up the paragraphs of an original and a translation: by number (`۳`
 * and `3` are the same), the unnumbered ones in order when both sides have as
 * many. What cannot be matched is listed as unmatched, in reading order.
 */
export function alignParagraphs(original: Cable, translation: Cable): AlignedParagraph[] {
  const left = original.paragraphs;
  const right = translation.paragraphs;
  const matches = matchParagraphs(left, right);
  const matchedRight = new Set([...matches.values()].map((match) => match.index));
  const aligned: AlignedParagraph[] = [];
  let nextRight = 0;
  const rightOnlyBefore = (limit: number) => {
    for (; nextRight < limit; nextRight++) {
      const paragraph = right[nextRight]!;
      if (!matchedRight.has(nextRight)) aligned.push({ ...numberOf(paragraph), translation: paragraph, method: "unmatched" });
    }
  };
  left.forEach((paragraph, index) => {
    const match = matches.get(index);
    if (!match) {
      aligned.push({ ...numberOf(paragraph), original: paragraph, method: "unmatched" });
      return;
    }
    rightOnlyBefore(match.index);
    nextRight = Math.max(nextRight, match.index + 1);
    const counterpart = right[match.index]!;
    aligned.push({ ...numberOf(paragraph.number === undefined ? counterpart : paragraph), original: paragraph, translation: counterpart, method: match.method });
  });
  rightOnlyBefore(right.length);
  return aligned;
}

function matchParagraphs(left: readonly CableParagraph[], right: readonly CableParagraph[]): Map<number, { index: number; method: "number" | "position" }> {
  const matches = new Map<number, { index: number; method: "number" | "position" }>();
  const rightByNumber = new Map<string, number>();
  right.forEach((paragraph, index) => {
    const key = paragraph.number === undefined ? undefined : numberKey(paragraph.number);
    if (key !== undefined && !rightByNumber.has(key)) rightByNumber.set(key, index);
  });
  left.forEach((paragraph, index) => {
    if (paragraph.number === undefined) return;
    const key = numberKey(paragraph.number);
    const match = rightByNumber.get(key);
    if (match === undefined) return;
    matches.set(index, { index: match, method: "number" });
    rightByNumber.delete(key);
  });
  const unnumbered = (paragraphs: readonly CableParagraph[]) => paragraphs.flatMap((paragraph, index) => (paragraph.number === undefined ? [index] : []));
  const leftUnnumbered = unnumbered(left);
  const rightUnnumbered = unnumbered(right);
  if (leftUnnumbered.length === rightUnnumbered.length) leftUnnumbered.forEach((index, position) => matches.set(index, { index: rightUnnumbered[position]!, method: "position" }));
  return matches;
}

function numberKey(number: string): string {
  return normalise(number).toUpperCase();
}

function numberOf(paragraph: CableParagraph): { number?: string } {
  return paragraph.number === undefined ? {} : { number: paragraph.number };
}

// ── Comparing two translations ───────────────────────────────────────────

/** A number, an amount of money or a name that one passage has and the other lacks. */
export interface PassageFact {
  kind: "amount" | "number" | "name";
  /** As written in the passage. */
  text: string;
}

/** `missing`: the passage is in one translation only; `wording`: similarity below the threshold; `facts`: numbers, amounts or names differ. */
export type DisagreementReason = "missing" | "wording" | "facts";

export interface PassageDifference {
  number?: string;
  first?: CableParagraph;
  second?: CableParagraph;
  /** The original's paragraph, when the original was given and lines up. */
  original?: CableParagraph;
  /** Token-set Jaccard similarity of the two passages' words, 0 to 1; 0 when one is missing. */
  similarity: number;
  disagrees: boolean;
  reasons: DisagreementReason[];
  onlyInFirst: PassageFact[];
  onlyInSecond: PassageFact[];
}

export interface CompareOptions {
  /** Passages less similar than this are flagged as `wording`; default `DEFAULT_SIMILARITY_THRESHOLD`. */
  threshold?: number;
}

/**
 * Where two renderings stop reading as the same passage. Measured on the
 * sample translations: close renderings of one passage score about 0.8, free
 * but faithful ones about 0.4, while two unrelated paragraphs of the same
 * reports score 0.07 (median) and 0.23 (99th percentile).
 */
export const DEFAULT_SIMILARITY_THRESHOLD = 0.3;

/**
 * Compares two translations of one original passage by passage (aligned by
 * paragraph number). Similarity is the Jaccard index of the two passages'
 * sets of words, after normalisation and lower-casing: it ignores word order
 * and repetition, which translators vary freely, and it costs linear time on
 * passages of any length. Because a changed amount barely moves it, facts
 * are compared as well: amounts of money by currency and value (`USD 4
 * million` = `four million dollars`), other numbers by their digits, and
 * capitalised names case-insensitively. A passage disagrees when it is
 * missing from one side, when its similarity is under the threshold, or when
 * a fact is in one and not the other.
 */
export function compareTranslations(first: Cable, second: Cable, original?: Cable, options: CompareOptions = {}): PassageDifference[] {
  const threshold = options.threshold ?? DEFAULT_SIMILARITY_THRESHOLD;
  const originalOf = original ? originalLookup(original, [first, second]) : new Map<CableParagraph, CableParagraph>();
  return alignParagraphs(first, second).map(({ number, original: firstParagraph, translation: secondParagraph }) => {
    const firstFacts = factsOf(firstParagraph?.text ?? "");
    const secondFacts = factsOf(secondParagraph?.text ?? "");
    const onlyInFirst = factsMissingFrom(firstFacts, secondFacts);
    const onlyInSecond = factsMissingFrom(secondFacts, firstFacts);
    const both = firstParagraph !== undefined && secondParagraph !== undefined;
    const similarity = both ? jaccard(firstFacts.words, secondFacts.words) : 0;
    const reasons: DisagreementReason[] = [];
    if (!both) reasons.push("missing");
    if (both && similarity < threshold) reasons.push("wording");
    if (both && (onlyInFirst.length > 0 || onlyInSecond.length > 0)) reasons.push("facts");
    const originalParagraph = (firstParagraph && originalOf.get(firstParagraph)) ?? (secondParagraph && originalOf.get(secondParagraph));
    return {
      ...(number !== undefined && { number }),
      ...(firstParagraph && { first: firstParagraph }),
      ...(secondParagraph && { second: secondParagraph }),
      ...(originalParagraph && { original: originalParagraph }),
      similarity,
      disagrees: reasons.length > 0,
      reasons,
      onlyInFirst,
      onlyInSecond,
    };
  });
}

/** Each translation paragraph's original paragraph. */
function originalLookup(original: Cable, translations: readonly Cable[]): Map<CableParagraph, CableParagraph> {
  const lookup = new Map<CableParagraph, CableParagraph>();
  for (const translation of translations) {
    for (const aligned of alignParagraphs(original, translation)) {
      if (aligned.original && aligned.translation) lookup.set(aligned.translation, aligned.original);
    }
  }
  return lookup;
}

function jaccard(first: ReadonlySet<string>, second: ReadonlySet<string>): number {
  if (first.size === 0 && second.size === 0) return 1;
  let shared = 0;
  for (const word of first) if (second.has(word)) shared++;
  return shared / (first.size + second.size - shared);
}

interface Token {
  text: string;
  start: number;
  end: number;
  kind: "symbol" | "digits" | "word";
}

interface KeyedFact extends PassageFact {
  /** What two facts are compared by: `amount:USD 4000000`, `number:2500`, `name:zubaidi`. */
  key: string;
}

interface PassageFacts {
  facts: KeyedFact[];
  /** Every word, normalised and lower-cased: for similarity, and so that a name is not "missing" from a passage that has it in lower case. */
  words: Set<string>;
}

const DIGITS = "[0-9\\u06F0-\\u06F9\\u0660-\\u0669]";
const TOKEN = new RegExp(`US\\$|[$€£]|${DIGITS}+(?:[.,٫/:-]${DIGITS}+)*|(?:[ae]l-)?\\p{L}[\\p{L}\\p{M}'’]*(?:-\\p{L}[\\p{L}\\p{M}'’]*)*`, "gu");

/** Currency words and signs by the code amounts are compared in; ISO codes written before the number too (`USD 4 million`). */
const CURRENCIES = new Map<string, string>([
  ...["$", "us$", "usd", "dollar", "dollars", "دلار", "دولار"].map((word) => [word, "USD"] as const),
  ...["€", "eur", "euro", "euros", "یورو"].map((word) => [word, "EUR"] as const),
  ...["£", "gbp"].map((word) => [word, "GBP"] as const),
  ...["iqd", "dinar", "dinars", "دینار"].map((word) => [word, "IQD"] as const),
  ...["irr", "rial", "rials", "ریال"].map((word) => [word, "IRR"] as const),
  ...["toman", "tomans", "تومان"].map((word) => [word, "TOMAN"] as const),
]);

const UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const SCALES = new Map<string, number>([["thousand", 1e3], ["k", 1e3], ["million", 1e6], ["m", 1e6], ["mn", 1e6], ["billion", 1e9], ["bn", 1e9]]);
const NUMBER_WORDS = new Set([...UNITS, ...TENS.filter(Boolean), "hundred", "half", ...SCALES.keys()]);

/** Capitalised words that start sentences and name nothing. */
const NOT_NAMES = new Set("a an and at after before but by during for from he her his i if in it its of on or our she since that the their then there these they this those to we with".split(" "));

/** The amounts, numbers and names of a passage, and its words. */
function factsOf(passage: string): PassageFacts {
  const tokens = [...passage.matchAll(TOKEN)].map((match): Token => {
    const text = match[0];
    const kind = /^\p{L}/u.test(text) ? "word" : /^[0-9\u06F0-\u06F9\u0660-\u0669]/.test(text) ? "digits" : "symbol";
    return { text, start: match.index!, end: match.index! + text.length, kind };
  });
  const facts: KeyedFact[] = [];
  const inAmount = new Set<number>();
  tokens.forEach((_, index) => {
    const amount = amountAt(passage, tokens, index, inAmount);
    if (!amount) return;
    for (let covered = amount.first; covered <= amount.last; covered++) inAmount.add(covered);
    facts.push({ kind: "amount", text: passage.slice(tokens[amount.first]!.start, tokens[amount.last]!.end), key: `amount:${amount.currency} ${amount.value}` });
  });
  const capitalisedMidSentence = new Set(tokens.filter((token, index) => isCapitalised(token) && !startsSentence(passage, token.start) && !inAmount.has(index)).map((token) => nameKey(token.text)));
  tokens.forEach((token, index) => {
    if (inAmount.has(index)) return;
    if (token.kind === "digits") facts.push({ kind: "number", text: token.text, key: `number:${numberText(token.text)}` });
    if (isCapitalised(token) && capitalisedMidSentence.has(nameKey(token.text)) && !NOT_NAMES.has(nameKey(token.text))) {
      facts.push({ kind: "name", text: token.text, key: `name:${nameKey(token.text)}` });
    }
  });
  const words = new Set(tokens.filter((token) => token.kind !== "symbol").map((token) => nameKey(token.text)));
  return { facts, words };
}

/** The facts of one passage the other lacks, each once, as written. A name the other has in lower case is not lacking. */
function factsMissingFrom(own: PassageFacts, other: PassageFacts): PassageFact[] {
  const otherKeys = new Set(other.facts.map((fact) => fact.key));
  const seen = new Set<string>();
  return own.facts
    .filter((fact) => {
      if (otherKeys.has(fact.key) || seen.has(fact.key)) return false;
      seen.add(fact.key);
      return !(fact.kind === "name" && other.words.has(fact.key.slice("name:".length)));
    })
    .map(({ kind, text }) => ({ kind, text }));
}

/**
 * An amount of money whose currency is the token at `index`: `4 million
 * dollars`, `2500 US dollars`, `eighty-seven and a half euros` (number before
 * the currency), or `$16 million`, `USD 2,500` (sign or ISO code before the
 * number). The number's tokens must follow each other with only spaces
 * between, and belong to no other amount.
 */
function amountAt(passage: string, tokens: readonly Token[], index: number, taken: ReadonlySet<number>): { first: number; last: number; currency: string; value: number } | undefined {
  const token = tokens[index]!;
  const currency = CURRENCIES.get(normalise(token.text).toLowerCase());
  if (!currency) return undefined;
  const joined = (left: number, right: number) => !taken.has(left) && !taken.has(right) && passage.slice(tokens[left]!.end, tokens[right]!.start).trim() === "";
  const prefix = token.kind === "symbol" || /^[A-Z]{3}$/.test(token.text);
  if (prefix && tokens[index + 1]?.kind === "digits" && joined(index, index + 1)) {
    let last = index + 1;
    while (tokens[last + 1] && SCALES.has(tokens[last + 1]!.text.toLowerCase()) && joined(last, last + 1)) last++;
    const value = numberValue(tokens.slice(index + 1, last + 1));
    return value === undefined ? undefined : { first: index, last, currency, value };
  }
  const unit = index > 0 && tokens[index - 1]!.text.toUpperCase() === "US" && joined(index - 1, index) ? index - 1 : index;
  let first = unit;
  while (first > 0 && isNumberPart(tokens[first - 1]!) && joined(first - 1, first)) first--;
  while (first < unit && ["and", "a"].includes(tokens[first]!.text.toLowerCase())) first++;
  const value = numberValue(tokens.slice(first, unit));
  return value === undefined ? undefined : { first, last: index, currency, value };
}

function isNumberPart(token: Token): boolean {
  if (token.kind === "digits") return digitValue(token.text) !== undefined;
  const lower = token.text.toLowerCase();
  return lower === "and" || lower === "a" || lower.split("-").every((part) => NUMBER_WORDS.has(part));
}

/** The value of number tokens, digits or words: `2,500`; `sixteen million`; `eighty-seven and a half`; undefined when none holds a number. */
function numberValue(tokens: readonly Token[]): number | undefined {
  let total = 0;
  let current = 0;
  let found = false;
  for (const token of tokens) {
    if (token.kind === "digits") {
      const value = digitValue(token.text);
      if (value === undefined) return undefined;
      current += value;
      found = true;
      continue;
    }
    for (const part of token.text.toLowerCase().split("-")) {
      const scale = SCALES.get(part);
      if (UNITS.includes(part)) current += UNITS.indexOf(part);
      else if (TENS.includes(part) && part) current += TENS.indexOf(part) * 10;
      else if (part === "half") current += 0.5;
      else if (part === "hundred") current = (current || 1) * 100;
      else if (scale) {
        total += (current || 1) * scale;
        current = 0;
      } else continue;
      found = true;
    }
  }
  return found ? total + current : undefined;
}

/** `2,500` → 2500, `87.5` and `۸۷٫۵` → 87.5; undefined for dates, times and ranges (`1393/09/10`, `21:00`). */
function digitValue(text: string): number | undefined {
  const folded = numberText(text);
  return /^\d+(?:\.\d+)?$/.test(folded) ? Number(folded) : undefined;
}

/** Digits in ASCII, `٫` as a decimal point, commas between thousands dropped. */
function numberText(text: string): string {
  const folded = normalise(text).replace(/٫/g, ".");
  return /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(folded) ? folded.replace(/,/g, "") : folded;
}

function isCapitalised(token: Token): boolean {
  return token.kind === "word" && /^(?:[ae]l-)?\p{Lu}/u.test(token.text);
}

/** Whether only spaces, quotes and brackets stand between the token and the start of the passage or a sentence's end. */
function startsSentence(passage: string, start: number): boolean {
  const before = passage.slice(Math.max(0, start - 8), start).replace(/[\s"“”'‘’«»(\[]+$/u, "");
  return before === "" || /[.!?:;]$/.test(before);
}

/** A name or word as compared: normalised, lower case, without a possessive `'s`. */
function nameKey(text: string): string {
  return normalise(text).toLowerCase().replace(/['’]s$/, "");
}
