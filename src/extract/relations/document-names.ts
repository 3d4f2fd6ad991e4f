/**
 * The names a document gives, tidied for reading relations: the statistical
 * model splits some names (`Harith Nouri` + `al-Zubaidi`), types a surname
 * met alone as a place (`Ubaidi`), and misses a surname it found elsewhere in
 * the same document. Relations need whole names of the right type wherever
 * they occur, so here
 * - a person's name split in two is joined again;
 * - a name the document elsewhere gives a person as a surname is a person;
 * - a code name right after its number (`Source 134905 ("Golestan")`) is the
 *   same informant, not a second one;
 * - every other occurrence of a name already found (or of a person's
 *   surname, `Zubaidi` for `Sheikh Harith Nouri al-Zubaidi`) is found too.
 */
import type { EntityType, MentionAttributes } from "../../model/entity.js";
import type { FoundMention } from "../mentions.js";
import { stripTitles } from "../titles.js";

export interface DocumentName {
  type: EntityType;
  name: string;
  start: number;
  end: number;
  attributes: MentionAttributes;
}

export interface DocumentMentions {
  /** People, organisations, places and sources, in order of `start`. */
  names: DocumentName[];
  /** Sums of money, in order. */
  money: FoundMention[];
  /** Dates that carry a Gregorian ISO form, in order. */
  dates: FoundMention[];
  /** Every place the document names (as `surnameKey`), to tell a destination from a recipient the model did not find. */
  placeKeys: ReadonlySet<string>;
}

const NAMED: ReadonlySet<EntityType> = new Set(["person", "organization", "place", "source"]);
const VOTING_TYPES: ReadonlySet<EntityType> = new Set(["person", "organization", "place"]);
/** Surnames shorter than this are too likely to be ordinary words to look for alone. */
const MIN_SURNAME = 4;
const FULL_NAME_WEIGHT = 2;
/** Bounds the look-up of known names so that a dump with thousands of names stays linear. */
const MAX_PROPAGATED = 300;
const NAME_PARTICLE_START = /^(?:al|el|bin|ibn|bint)[-\s]/u;
/** Up to three capitalised words, each followed by one space, right before a name. */
const GIVEN_NAMES_BEFORE = /(?:\p{Lu}[\p{Ll}'’-]*\.? ){1,3}$/u;
const ARTICLE = /^(?:al|el|ul)[-\s\u2019']|^\u0627\u0644(?=\S{3})/iu;
/** Ranks and titles a name follows in a cable written in capitals. */
const CAPITALS_TITLE = /\b(LTG|LT GEN|MAJ GEN|BRIG GEN|GEN|GENERAL|ADM|ADMIRAL|COL|COLONEL|MAJ|CAPT|SHEIKH|SHAIKH|SHAYKH|PRINCE|PRINCESS|KING|QUEEN|SHAH|EMIR|AMIR|AYATOLLAH|MR|MRS|MS|DR|SENATOR|SEN|GOVERNOR|MAYOR|AMBASSADOR|AMB|MINISTER|FONMIN|PRIMIN|PRESIDENT|PREMIER|SECRETARY|DIRECTOR|CHAIRMAN|SPEAKER|DEPUTY|COMMANDER)\.?[ \t]+(?=\p{Lu})/gu;
const TRAILING_RANK = /\s+(?:LTG|GEN|ADM|COL|MAJ|CAPT|BRIG|LT)$/u;
/** Words of a capitals cable that cannot be part of a name after a title: what follows a name, months, the writer's staff. */
const NOT_NAME_WORDS: ReadonlySet<string> = new Set([
  "OF", "THE", "AND", "IN", "ON", "AT", "TO", "FOR", "WITH", "BY", "FROM", "THAT", "WHO", "WHICH", "WAS", "WERE", "IS", "ARE", "HAS", "HAD", "HAVE",
  "SAID", "TOLD", "ASSURED", "STATED", "MET", "NOTED", "ADDED", "ASKED", "AGREED", "EXPLAINED", "EXPRESSED", "INDICATED", "SAYS", "CLAIMED",
  "ATTACHED", "REPORTED", "RECEIVED", "CALLED", "VISITED", "ALSO", "HIMSELF", "HERSELF", "WILL", "WOULD", "HE", "SHE", "THEY", "IT", "AS",
  "JAN", "JANUARY", "FEB", "FEBRUARY", "MAR", "MARCH", "APR", "APRIL", "MAY", "JUN", "JUNE", "JUL", "JULY", "AUG", "AUGUST", "SEP", "SEPT",
  "SEPTEMBER", "OCT", "OCTOBER", "NOV", "NOVEMBER", "DEC", "DECEMBER", "EMBOFF", "POLOFF", "ECONOFF", "CONOFF", "DCM", "AMBASSADOR",
  "MINISTER", "MINISTRY", "PRIME", "FOREIGN", "DEFENSE", "INTERIOR", "POLICE", "NATIONAL", "GOVERNMENT", "DEPUTY", "GENERAL", "STAFF",
  "ARMY", "NAVY", "FORCES", "ARMED", "COUNCIL", "PARTY", "COURT", "OFFICE", "SECURITY", "INTELLIGENCE", "AFFAIRS", "STATE", "ROYAL",
]);
/** Particles inside a name that never end it: `SULTAN BIN ZAYID`. */
const NAME_JOINERS: ReadonlySet<string> = new Set(["BIN", "IBN", "AL", "EL", "ABU", "ABD", "BINT"]);
const MAX_CAPITALISED_NAME_WORDS = 4;
const NAME_CHARACTER = /[\p{L}\p{M}\p{N}\u200C]/u;

export function prepareMentions(text: string, mentions: readonly FoundMention[]): DocumentMentions {
  const ordered = mentions.filter((mention) => isSpanOf(text, mention)).sort((a, b) => a.start - b.start || b.end - a.end);
  const money = ordered.filter((mention) => mention.type === "money");
  const dates = ordered.filter((mention) => mention.type === "date" && mention.attributes.date !== undefined);
  const named = ordered
    .filter((mention) => NAMED.has(mention.type) && /[\p{L}\p{N}]{2}/u.test(mention.name))
    .map((mention): DocumentName => ({ type: mention.type, name: mention.name, start: mention.start, end: mention.end, attributes: mention.attributes }));
  const joined = retypeSurnames(withoutRepeatedCodeNames(text, joinSplitNames(text, withCapitalisedNames(text, named)).map((name) => withGivenNames(text, name))));
  const names = withOtherOccurrences(text, joined);
  const placeKeys = new Set(names.filter((name) => name.type === "place").map((name) => surnameKey(name.name)));
  return { names, money, dates, placeKeys };
}

/**
 * Old cables are written in capitals, where the model finds few people and
 * runs an organisation on over the rank after it (`NATIONAL POLICE LTG`).
 * There a rank or title is followed by the person's name
 * (`CHIEF OF NATIONAL POLICE LTG JAFFARQOLI SADRI ASSURED …`): the capitalised
 * words after it, up to a word that cannot be part of a name, are a person; an
 * organisation that ends in a rank loses it.
 */
function withCapitalisedNames(text: string, names: DocumentName[]): DocumentName[] {
  const found: DocumentName[] = [];
  const trimmed = names.map((name) => {
    const rank = name.type === "organization" ? TRAILING_RANK.exec(name.name) : null;
    return rank && rank.index > 0 ? { ...name, name: name.name.slice(0, rank.index), end: name.start + rank.index } : name;
  });
  CAPITALS_TITLE.lastIndex = 0;
  for (let match = CAPITALS_TITLE.exec(text); match; match = CAPITALS_TITLE.exec(text)) {
    const start = match.index + match[0].length;
    if (!isCapitalsLine(text, match.index)) continue;
    const words: string[] = [];
    for (const word of text.slice(start, start + 80).split(/[ \t]+/u)) {
      const bare = /^[\p{Lu}][\p{Lu}'’-]*[\p{Lu}]/u.exec(word)?.[0];
      if (!bare || words.length === MAX_CAPITALISED_NAME_WORDS || NOT_NAME_WORDS.has(bare) || !/[AEIOUY]/u.test(bare)) break;
      words.push(bare);
      if (bare !== word) break;
    }
    if (words.length === 0 || (words.length === 1 && NAME_JOINERS.has(words[0]!))) continue;
    while (words.length > 0 && NAME_JOINERS.has(words[words.length - 1]!)) words.pop();
    const name = words.join(" ");
    const end = start + name.length;
    if (text.slice(start, end) !== name || trimmed.some((other) => other.start < end && start < other.end)) continue;
    found.push({ type: "person", name, start, end, attributes: { title: match[1]! } });
  }
  return found.length === 0 ? trimmed : [...trimmed, ...found].sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Whether the line around `at` is written in capitals. */
function isCapitalsLine(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf("\n", at) + 1;
  const lineEnd = text.indexOf("\n", at);
  const letters = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd).replace(/[^\p{L}]/gu, "");
  return letters.length >= 20 && letters.replace(/[^\p{Lu}]/gu, "").length >= 0.8 * letters.length;
}

/** Mentions come from elsewhere (a store, another run): one whose span is not in this text is left out. */
function isSpanOf(text: string, mention: FoundMention): boolean {
  return Number.isInteger(mention.start) && Number.isInteger(mention.end) && mention.start >= 0 && mention.start < mention.end && mention.end <= text.length && typeof mention.name === "string";
}

/** A key that ignores case and the Arabic article: `al-Ubaidi`, `Ubaidi`, `العبیدی`, `عبیدی`. */
export function surnameKey(name: string): string {
  return name.toLowerCase().replace(ARTICLE, "").replace(/[\u064A\u0649]/gu, "\u06CC").replace(/\u0643/gu, "\u06A9");
}

function joinSplitNames(text: string, names: DocumentName[]): DocumentName[] {
  const joined: DocumentName[] = [];
  for (const name of names) {
    const previous = joined.at(-1);
    if (previous && previous.type === "person" && name.type === "person" && name.start >= previous.end && /^[ \u00A0]{1,2}$/u.test(text.slice(previous.end, name.start))) {
      joined[joined.length - 1] = { ...previous, name: `${previous.name} ${name.name}`, end: name.end, attributes: { ...name.attributes, ...previous.attributes } };
      continue;
    }
    if (previous && name.start < previous.end) continue;
    joined.push(name);
  }
  return joined;
}

/**
 * `Major Firas Abd al-Amir al-Saadi`, of which the model found `al-Amir
 * al-Saadi`: a name that starts with a lower-case particle (`al-`, `bin`)
 * goes on to the left over the capitalised words before it, titles left out.
 */
function withGivenNames(text: string, name: DocumentName): DocumentName {
  if (name.type !== "person" || !NAME_PARTICLE_START.test(name.name)) return name;
  const before = GIVEN_NAMES_BEFORE.exec(text.slice(Math.max(0, name.start - 60), name.start))?.[0];
  if (!before) return name;
  const given = stripTitles(before.trim()).name;
  if (!/^\p{Lu}/u.test(given)) return name;
  const start = name.start - before.length + before.indexOf(given);
  return { ...name, name: `${given} ${name.name}`, start };
}

/** `Source 134905 ("Golestan")`: the code name is the same informant as the number before it. */
function withoutRepeatedCodeNames(text: string, names: DocumentName[]): DocumentName[] {
  return names.filter((name, index) => {
    const previous = names[index - 1];
    return !(
      previous && name.type === "source" && previous.type === "source" && previous.attributes.sourceId !== undefined &&
      previous.attributes.sourceId === name.attributes.sourceId && /^[\s("“«'\u2014\u2013-]{0,6}$/u.test(text.slice(previous.end, name.start))
    );
  });
}

/**
 * One type per name in a document: a single word the model types a person in
 * one sentence and a place in another (`Tamimi`, `Karbala`) takes the type
 * most of its occurrences have, a person's full name counting twice for each
 * of its words (a full name is the surer reading), and the word that ends a
 * person's full name is that person's surname wherever it stands alone (the
 * model reads a lone `Zubaidi` as an organisation more often than not);
 * a place or organisation whose words are all words of people's names
 * (`Kak Rebwar`) is a person.
 */
function retypeSurnames(names: DocumentName[]): DocumentName[] {
  const votes = new Map<string, Map<EntityType, number>>();
  const surnames = new Set<string>();
  const vote = (key: string, type: EntityType, weight: number): void => {
    const tally = votes.get(key) ?? new Map<EntityType, number>();
    tally.set(type, (tally.get(type) ?? 0) + weight);
    votes.set(key, tally);
  };
  for (const name of names) {
    if (!VOTING_TYPES.has(name.type)) continue;
    const words = name.name.split(/\s+/u);
    if (words.length === 1) vote(surnameKey(name.name), name.type, 1);
    else if (name.type === "person") {
      for (const word of words) if (word.length >= MIN_SURNAME) vote(surnameKey(word), "person", FULL_NAME_WEIGHT);
      surnames.add(surnameKey(words[words.length - 1]!));
    }
  }
  const winner = (key: string): EntityType | undefined => {
    let best: [EntityType, number] | undefined;
    let tied = false;
    for (const [type, count] of votes.get(key) ?? []) {
      if (!best || count > best[1]) [best, tied] = [[type, count], false];
      else if (count === best[1]) tied = true;
    }
    return tied ? undefined : best?.[0];
  };
  const isPersonName = (name: string): boolean => {
    const words = name.split(/\s+/u).filter((word) => word.length >= MIN_SURNAME);
    return words.length > 1 && words.length <= 3 && words.every((word) => winner(surnameKey(word)) === "person");
  };
  return names.map((name) => {
    if (!VOTING_TYPES.has(name.type)) return name;
    const key = surnameKey(name.name);
    const single = surnames.has(key) ? "person" : winner(key) ?? name.type;
    const type = /\s/u.test(name.name) ? (name.type !== "person" && isPersonName(name.name) ? "person" : name.type) : single;
    return type === name.type ? name : { ...name, type };
  });
}

/** Finds again, where the model did not, the names and surnames it found elsewhere in the document. */
function withOtherOccurrences(text: string, names: DocumentName[]): DocumentName[] {
  const known = new Map<string, DocumentName>();
  // People first: a page whose index lists hundreds of tags must not crowd out the people its text is about.
  const peopleFirst = [...names.filter((name) => name.type === "person"), ...names.filter((name) => name.type !== "person")];
  for (const name of peopleFirst) {
    if (name.type === "source" || known.size >= MAX_PROPAGATED) continue;
    const key = name.name;
    if (key.length >= MIN_SURNAME && !known.has(key)) known.set(key, name);
    const surname = lastWord(name.name);
    if (name.type === "person" && surname !== key && surname.length >= MIN_SURNAME && !known.has(surname)) known.set(surname, name);
    const bare = surname.replace(ARTICLE, "");
    if (name.type === "person" && bare !== surname && bare.length >= MIN_SURNAME && !known.has(bare)) known.set(bare, name);
  }
  if (known.size === 0) return names;
  const pattern = new RegExp([...known.keys()].sort((a, b) => b.length - a.length).map(escape).join("|"), "gu");
  const found: DocumentName[] = [];
  let next = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    if (NAME_CHARACTER.test(text[start - 1] ?? "") || NAME_CHARACTER.test(text[end] ?? "")) continue;
    while (next < names.length && names[next]!.end <= start) next++;
    const covering = names[next];
    if (covering && covering.start < end) continue;
    const like = known.get(match[0])!;
    found.push({ type: like.type, name: match[0], start, end, attributes: {} });
  }
  return found.length === 0 ? names : [...names, ...found].sort((a, b) => a.start - b.start);
}

function lastWord(name: string): string {
  const words = name.split(/\s+/u);
  return words[words.length - 1] ?? name;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
}
