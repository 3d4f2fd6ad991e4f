/**
 * One sentence as the relation readers see it: its span, its script, the
 * mentions inside it, and the document around it (who writes, what was named
 * before), so that "the source", "he" and "we" can be given names.
 */
import type { RelationParticipant } from "../../model/relation.js";
import type { FoundMention } from "../mentions.js";
import type { DocumentVoice } from "./author.js";
import type { DocumentName } from "./document-names.js";

export interface Sentence {
  /** The whole document's text; offsets below are into it. */
  text: string;
  start: number;
  end: number;
  /** `text.slice(start, end)`. */
  body: string;
  /** Mostly Arabic script: read with the Persian patterns. */
  persian: boolean;
  /** For a Persian sentence, its `persianKey`, for quick look-ups of word stems; empty for English. */
  persianKey: string;
  /** A header line (`Subject: …`), which restates what the body tells. */
  header: boolean;
  names: DocumentName[];
  money: FoundMention[];
  dates: FoundMention[];
  /** The places the whole document names, as `surnameKey`. */
  placeKeys: ReadonlySet<string>;
  voice: DocumentVoice;
  discourse: Discourse;
}

/** Cheap tests that a sentence may hold a kind of relation, run before any reading: a pattern for English, word stems (`persianStems`) for Persian. */
export interface Hint {
  english: RegExp;
  persian: readonly string[];
}

export function mayHold(sentence: Pick<Sentence, "body" | "persian" | "persianKey">, hint: Hint): boolean {
  return sentence.persian ? hint.persian.some((stem) => sentence.persianKey.includes(stem)) : hint.english.test(sentence.body);
}

/** What earlier sentences named, for "the source", "the minister", "he", "the above amount". */
export interface Discourse {
  /** The subject of the latest sentence that named a person: what a later "he" most likely is. */
  lastPerson: DocumentName | null;
  lastSource: DocumentName | null;
  /** People whose title or role the text gave (`Minister of State …`), latest last. */
  roleHolders: DocumentName[];
  /** The latest sum of money, and the latest total (`Total: 87.5 euros`). */
  lastMoney: FoundMention | null;
  lastTotal: FoundMention | null;
  /** Who took part in the latest meeting read, for a sentence that adds someone to it ("… had arranged the meeting and was present"). */
  lastMeeting: RelationParticipant[];
  /** Whether the text has announced a list of expenses (`the cost … is reported as follows`), whose lines are payments. */
  expenseStatement: boolean;
}

export function emptyDiscourse(): Discourse {
  return { lastPerson: null, lastSource: null, roleHolders: [], lastMoney: null, lastTotal: null, lastMeeting: [], expenseStatement: false };
}

/** How many letters decide a sentence's script. */
const SCRIPT_SAMPLE = 200;
const ARABIC_BLOCK_START = 0x0600;
const ARABIC_BLOCK_END = 0x06ff;
const HEADER_LABEL = /^(?:Subject|SUBJECT|Subj|SUBJ|Re|RE|موضوع|الموضوع)\s*:/u;
const EXPENSE_STATEMENT = /\b(?:expense statement|statement of (?:expenses|costs|account)|(?:costs?|expenses?|expenditures?)\b[^.]{0,120}\b(?:as follows|below|itemi[sz]ed))\b|صورت[\s\u200C]?حساب|(?:هزینه|مخارج)[^.]{0,120}(?:به شرح زیر|به قرار زیر|به شرح ذیل)/iu;
const TOTAL_BEFORE = /(?:total|sum|جمع|مجموع)[^\n]{0,20}$/iu;
/** How many recent role holders are remembered. */
const MAX_ROLE_HOLDERS = 20;

/** Whether a sentence is mostly in Arabic script; one with as many letters of each (or none) goes by the document's language. */
export function isPersianScript(body: string, documentIsPersian = false): boolean {
  let arabic = 0;
  let latin = 0;
  for (let i = 0; i < body.length && arabic + latin < SCRIPT_SAMPLE; i++) {
    const code = body.charCodeAt(i);
    if (code >= ARABIC_BLOCK_START && code <= ARABIC_BLOCK_END) arabic++;
    else if ((code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a)) latin++;
  }
  return arabic > latin || (arabic === latin && documentIsPersian);
}

export function isHeaderLine(body: string): boolean {
  return HEADER_LABEL.test(body);
}

/** Updates what the discourse remembers with one sentence's names and money, after the sentence was read. */
export function observe(discourse: Discourse, sentence: Pick<Sentence, "text" | "body" | "names" | "money" | "header">): void {
  if (EXPENSE_STATEMENT.test(sentence.body)) discourse.expenseStatement = true;
  if (sentence.header) return;
  const person = sentence.names.find((name) => name.type === "person");
  if (person) discourse.lastPerson = person;
  for (const name of sentence.names) if (name.type === "source") discourse.lastSource = name;
  for (const name of sentence.names) {
    if (name.type !== "person" || (name.attributes.role === undefined && name.attributes.title === undefined)) continue;
    discourse.roleHolders.push(name);
    if (discourse.roleHolders.length > MAX_ROLE_HOLDERS) discourse.roleHolders.shift();
  }
  for (const money of sentence.money) {
    discourse.lastMoney = money;
    if (TOTAL_BEFORE.test(sentence.text.slice(Math.max(0, money.start - 30), money.start))) discourse.lastTotal = money;
  }
}
