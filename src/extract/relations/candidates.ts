/**
 * Who can take part in a relation read from one sentence: the people,
 * organisations and informants it names; people it names by what they are
 * (`the Iranian officer`, `PolOff`, `یک دیپلمات آمریکایی`); "he" and "the
 * source", given the name an earlier sentence gave them; and the writer
 * ("we", "the undersigned", `اینجانب`), named as author.ts explains.
 *
 * A name keeps its own offsets; a name that comes from elsewhere (a resolved
 * "he", the writer) has null offsets, as the relation model asks.
 */
import type { EntityType } from "../../model/entity.js";
import { writerName } from "./author.js";
import { surnameKey, type DocumentName } from "./document-names.js";
import { BEFORE_VERB_WORDS, DETERMINERS, GROUP_ENDING_WORDS, PERSON_NOUNS, PERSON_NOUN_QUALIFIERS, STAFF_SHORTHAND, WRITER_WORDS } from "./english.js";
import { NOT_LETTER_AFTER, NOT_LETTER_BEFORE, PERSIAN_TITLED_NAME, PERSIAN_WRITER_WORDS } from "./persian.js";
import type { Sentence } from "./sentence.js";
import { anyArabicScriptSpelling } from "../rules/arabic-script.js";

export type CandidateOrigin = "name" | "noun" | "pronoun" | "writer";

export interface Candidate {
  name: string;
  entityType: EntityType | null;
  /** The span the candidate takes up in the sentence: a name, "he", "the source", "we". */
  at: number;
  until: number;
  /** The span of the name itself; null when the name comes from elsewhere. */
  start: number | null;
  end: number | null;
  origin: CandidateOrigin;
  /** For the writer: the name to use where the writer stands for the service (`with us`, `our people`). */
  serviceName?: string;
  serviceType?: EntityType | null;
}

const PARTICIPANT_TYPES: ReadonlySet<EntityType> = new Set(["person", "organization", "source"]);

const PERSON_NOUN = new RegExp(`\\b(?:${[...PERSON_NOUNS, "consul general"].sort((a, b) => b.length - a.length).join("|")})\\b`, "gi");
/** A people named for its country, as cables name another government's side: `told the French`. */
const NATIONALS = /\bthe (French|British|Americans|Iranians|Iraqis|Russians|Chinese|Germans|Italians|Saudis|Syrians|Israelis|Palestinians|Turks|Kurds|Japanese|Egyptians|Indians|Pakistanis|Afghans)\b/gu;
const STAFF_SHORTHAND_WHOLE = new RegExp(`^(?:${STAFF_SHORTHAND.source})$`, "u");
const PRONOUN = /\b(?:he|him|she|He|She|HE|HIM|SHE)\b/gu;
const WORD_BEFORE = /([\p{L}][\p{L}'’-]*)\s+$/u;

const PERSIAN_PERSON_NOUN = new RegExp(
  `${NOT_LETTER_BEFORE}(?:(?:${anyArabicScriptSpelling(["یک"])})\\s+)?(?:${anyArabicScriptSpelling([
    "منبع", "وزیر", "نماینده", "میزبان", "دیپلمات", "افسر", "رئیس ایستگاه", "سفیر", "کنسول", "سرکنسول", "مأمور", "فرمانده", "مقام", "مسئول", "روزنامه نگار",
  ])})(?:[\\u0654\\u06C0]|\\u200C?\\u06CC)?(?:\\s+(?:${anyArabicScriptSpelling(["آمریکایی", "ایرانی", "عراقی", "کرد", "محلی", "او", "وی", "خارجی", "ارشد", "کل"])}))?${NOT_LETTER_AFTER}`,
  "gu",
);
const PERSIAN_SOURCE_NOUN = new RegExp(`^(?:${anyArabicScriptSpelling(["منبع"])})$`, "u");
const PERSIAN_MINISTER_NOUN = new RegExp(`^(?:${anyArabicScriptSpelling(["وزیر"])})$`, "u");
const PERSIAN_HIS = new RegExp(`\\s+(?:${anyArabicScriptSpelling(["او", "وی"])})$`, "u");
const PERSIAN_PRONOUN = new RegExp(`${NOT_LETTER_BEFORE}(?:${anyArabicScriptSpelling(["او", "وی", "ایشان"])})${NOT_LETTER_AFTER}`, "gu");

/** Everyone the sentence may be about, in order of position. */
export function findCandidates(sentence: Sentence): Candidate[] {
  const named = sentence.names.filter((name) => PARTICIPANT_TYPES.has(name.type)).map((name) => fromName(sentence, name));
  const found = [...named];
  const free = (start: number, end: number): boolean => !found.some((other) => other.at < end && start < other.until);
  const add = (candidate: Candidate | undefined): void => {
    if (candidate && free(candidate.at, candidate.until)) found.push(candidate);
  };
  const addAll = (pattern: RegExp, make: (match: RegExpExecArray) => Candidate | undefined): void => {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(sentence.body); match; match = pattern.exec(sentence.body)) add(make(match));
  };
  if (sentence.persian) {
    addAll(PERSIAN_WRITER_WORDS, (match) => writer(sentence, match));
    addAll(PERSIAN_TITLED_NAME, (match) => titledName(sentence, match));
    addAll(PERSIAN_PERSON_NOUN, (match) => persianPersonNoun(sentence, match, named));
    addAll(PERSIAN_PRONOUN, (match) => pronoun(sentence, match, found));
  } else {
    addAll(WRITER_WORDS, (match) => writer(sentence, match));
    addAll(STAFF_SHORTHAND, (match) => (isGloss(sentence.body, match.index, match.index + match[0].length) ? undefined : noun(sentence, match.index, match.index + match[0].length, match[0])));
    addAll(NATIONALS, (match) => noun(sentence, match.index, match.index + match[0].length, match[1]!));
    PERSON_NOUN.lastIndex = 0;
    for (let match = PERSON_NOUN.exec(sentence.body); match; match = PERSON_NOUN.exec(sentence.body)) {
      const candidate = englishPersonNoun(sentence, match, found);
      if (candidate) add(withoutModifierNames(found, candidate));
    }
    addAll(PRONOUN, (match) => pronoun(sentence, match, found));
  }
  return found.sort((a, b) => a.at - b.at);
}

/** A name as a candidate; the model takes embassy shorthand (`EmbOff`) for an organisation, but it is a person of the writer's side. */
function fromName(sentence: Sentence, name: DocumentName): Candidate {
  const candidate: Candidate = { name: name.name, entityType: name.type, at: name.start, until: name.end, start: name.start, end: name.end, origin: "name" };
  return STAFF_SHORTHAND_WHOLE.test(name.name) && !sentence.persian ? { ...candidate, entityType: null, origin: "noun" } : candidate;
}

/**
 * `a Basra businessman`, `two Karbala contacts`: a place or an organisation
 * that only qualifies a person noun gives way to the noun phrase (removed
 * from `found`, which the noun then joins).
 */
function withoutModifierNames(found: Candidate[], noun: Candidate): Candidate {
  for (let i = found.length - 1; i >= 0; i--) {
    const other = found[i]!;
    if (other.origin === "name" && other.entityType !== "person" && other.entityType !== "source" && other.at >= noun.at && other.until < noun.until) found.splice(i, 1);
  }
  return noun;
}

/** A person named by a noun phrase; the name's offsets leave out the article before it (`the Iranian officer` → `Iranian officer`). */
function noun(sentence: Sentence, from: number, to: number, name: string, entityType: EntityType | null = null): Candidate {
  const at = sentence.start + from;
  const until = sentence.start + to;
  const named = sentence.body.slice(from, to).endsWith(name);
  return { name, entityType, at, until, start: named ? until - name.length : null, end: named ? until : null, origin: "noun" };
}

function resolved(sentence: Sentence, from: number, to: number, name: DocumentName | undefined | null, fallback: string): Candidate {
  if (!name) return noun(sentence, from, to, fallback);
  return { name: name.name, entityType: name.type, at: sentence.start + from, until: sentence.start + to, start: null, end: null, origin: "pronoun" };
}

function writer(sentence: Sentence, match: RegExpExecArray): Candidate {
  const asWritten = match[0];
  const person = writerName(sentence.voice, asWritten, false);
  const service = writerName(sentence.voice, asWritten, true);
  const at = sentence.start + match.index;
  return {
    name: person.name, entityType: person.entityType, at, until: at + asWritten.length, start: null, end: null, origin: "writer",
    serviceName: service.name, serviceType: service.entityType,
  };
}

/** `the Iranian officer`, `an American diplomat`, `the source` (the latest informant named), `his representative`. */
function englishPersonNoun(sentence: Sentence, match: RegExpExecArray, found: readonly Candidate[]): Candidate | undefined {
  const head = match[0].toLowerCase();
  let from = match.index;
  const to = match.index + match[0].length;
  // "Source 134905" is a mention; "Mr. Salim" a title, not a noun phrase.
  if (/^\s*(?:\d|no\.|#|number)/iu.test(sentence.body.slice(to, to + 8)) || (/^\p{Lu}/u.test(match[0]) && startsWithName(sentence.body.slice(to, to + 30)))) return undefined;
  let determiner = "";
  // Unknown lower-case words (`a customs broker`, `a mid-level employee`) are kept only when a determiner comes before them.
  let unknownFrom = -1;
  for (let words = 0; words < 4; words++) {
    const before = WORD_BEFORE.exec(sentence.body.slice(Math.max(0, from - 40), from));
    if (!before) break;
    const word = before[1]!;
    const key = word.toLowerCase();
    if (DETERMINERS.has(key)) {
      determiner = key;
      from -= before[0].length;
      unknownFrom = -1;
      break;
    }
    const sentenceStart = from - before[0].length === 0;
    const known = PERSON_NOUN_QUALIFIERS.has(key) || (/^\p{Lu}\p{Ll}/u.test(word) && !sentenceStart);
    if (!known && (!/^\p{Ll}[\p{Ll}-]+$/u.test(word) || GROUP_ENDING_WORDS.has(key) || BEFORE_VERB_WORDS.has(key) || unknownFrom >= 0)) break;
    if (!known) unknownFrom = from;
    from -= before[0].length;
  }
  if (unknownFrom >= 0) from = unknownFrom;
  const written = sentence.body.slice(from, to);
  if (determiner === "his" || determiner === "her") return ownedNoun(sentence, from, to, written.replace(/^\S+\s+/u, ""), found);
  const bare = written.replace(/^(?:the|a|an|this|that)\s+/iu, "");
  if (determiner === "the" || determiner === "this" || determiner === "that") {
    if (head === "source" || head === "informant" || head === "agent") return resolved(sentence, from, to, sentence.discourse.lastSource, bare);
    if (head === "minister" || head === "ambassador" || head === "governor" || head === "commander") return resolved(sentence, from, to, roleHolder(sentence, head), bare);
  }
  if (determiner === "" && !/^\p{Lu}/u.test(written)) return undefined;
  return noun(sentence, from, to, bare);
}

/** `Africa Director (A/S) Stephane Gompertz`: a rank in brackets glosses the title before it; it is nobody else. */
function isGloss(body: string, from: number, to: number): boolean {
  return /\(\s*$/u.test(body.slice(Math.max(0, from - 2), from)) && /^\s*\)/u.test(body.slice(to, to + 2));
}

/** Whether a capitalised word follows, as a name after a title does (`Minister Santos`); in a cable written in capitals, `AMBASSADOR IN …` is followed by a plain word. */
function startsWithName(after: string): boolean {
  const word = /^\s+(\p{Lu}[\p{L}'’-]*)/u.exec(after)?.[1];
  return word !== undefined && !GROUP_ENDING_WORDS.has(word.toLowerCase()) && !DETERMINERS.has(word.toLowerCase());
}

/** `his representative` → `Zubaidi's representative`: the owner is the latest person named. */
function ownedNoun(sentence: Sentence, from: number, to: number, owned: string, found: readonly Candidate[]): Candidate {
  const absoluteFrom = sentence.start + from;
  const owner = lastWhere(found, (candidate) => candidate.entityType === "person" && candidate.until <= absoluteFrom)?.name ?? sentence.discourse.lastPerson?.name;
  const candidate = noun(sentence, from, to, owner ? `${owner}'s ${owned}` : sentence.body.slice(from, to));
  return owner ? { ...candidate, start: null, end: null } : candidate;
}

function roleHolder(sentence: Sentence, role: string): DocumentName | undefined {
  const holders = sentence.discourse.roleHolders;
  for (let i = holders.length - 1; i >= 0; i--) {
    const holder = holders[i]!;
    if (`${holder.attributes.role ?? ""} ${holder.attributes.title ?? ""}`.toLowerCase().includes(role)) return holder;
  }
  return undefined;
}

function pronoun(sentence: Sentence, match: RegExpExecArray, found: readonly Candidate[]): Candidate {
  const at = sentence.start + match.index;
  let antecedent: Candidate | undefined;
  for (const candidate of found) {
    if (candidate.until <= at && candidate.entityType === "person" && candidate.origin !== "writer") antecedent = candidate;
  }
  const name = antecedent ? { type: antecedent.entityType ?? "person", name: antecedent.name, start: 0, end: 0, attributes: {} } : sentence.discourse.lastPerson;
  return resolved(sentence, match.index, match.index + match[0].length, name as DocumentName | null, match[0]);
}

/** `کاک ریبوار حمه‌صالح`, a person the model missed, known by the title before the name. */
function titledName(sentence: Sentence, match: RegExpExecArray): Candidate | undefined {
  const name = match.groups?.name;
  if (name === undefined) return undefined;
  const start = sentence.start + match.index + match[0].length - name.length;
  return { name, entityType: "person", at: sentence.start + match.index, until: start + name.length, start, end: start + name.length, origin: "name" };
}

function persianPersonNoun(sentence: Sentence, match: RegExpExecArray, named: readonly Candidate[]): Candidate | undefined {
  const written = match[0];
  const from = match.index;
  const to = from + written.length;
  if (/^[\s\u200C]*(?:[\d\u06F0-\u06F9\u0660-\u0669]|شماره)/u.test(sentence.body.slice(to, to + 8))) return undefined;
  const head = written.replace(/^\S+\s+(?=\S)/u, (first) => (/^یک|^يک/u.test(first) ? "" : first)).replace(/[\u0654\u06C0\u200C\u06CC]+$/u, "");
  if (PERSIAN_SOURCE_NOUN.test(head)) return resolved(sentence, from, to, sentence.discourse.lastSource, written);
  if (PERSIAN_MINISTER_NOUN.test(head)) {
    const holder = lastWhere(sentence.discourse.roleHolders, (name) => /وزیر|وزير/u.test(name.attributes.role ?? ""));
    return resolved(sentence, from, to, holder, written);
  }
  if (PERSIAN_HIS.test(written)) {
    const owner = lastWhere(named, (candidate) => candidate.entityType === "person" && candidate.until <= sentence.start + from)?.name ?? sentence.discourse.lastPerson?.name;
    if (owner) return { ...noun(sentence, from, to, written.replace(PERSIAN_HIS, ` ${owner}`)), start: null, end: null };
  }
  return noun(sentence, from, to, written);
}

function lastWhere<T>(list: readonly T[], predicate: (item: T) => boolean): T | undefined {
  for (let i = list.length - 1; i >= 0; i--) if (predicate(list[i]!)) return list[i];
  return undefined;
}

/** Two names for one person (`Zubaidi`, `al-Zubaidi`) count once in a role. */
export function sameName(a: string, b: string): boolean {
  return surnameKey(a) === surnameKey(b);
}
