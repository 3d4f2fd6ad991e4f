/**
 * Groups of participants around a cue: the names a verb takes as its subject
 * (`Tamimi and Zubaidi left`) or its object (`met with X, Y and Z`), read from
 * what stands between them. A group ends at a word that starts something else
 * (`with X to discuss`, `X, office director of Y`); an apposition does not
 * start a new participant (`the minister's office director, Mr. Nizar …` is
 * one person).
 */
import { BEFORE_OBJECT_WORDS, BEFORE_VERB_WORDS, GROUP_ENDING_WORDS, JOINING_WORDS, PERSON_NOUNS, PERSON_NOUN_QUALIFIERS } from "./english.js";
import type { Candidate } from "./candidates.js";
import { PERSIAN_JOINING, PERSIAN_TITLES } from "./persian.js";
import type { Sentence } from "./sentence.js";

/** Longest gap read between two names of one group, or between a verb and its object. */
const MAX_GAP = 90;
const MAX_LEAD_WORDS = 8;
const PARENTHETICAL = /\([^()]{0,80}\)|["“«][^"”»]{0,60}["”»]/gu;
const APPOSITION = /^\s*,[^,;:]{1,150},\s*/u;
/** `PolMinCouns and acting AF-watcher met`: a second subject the model did not name, which leaves the first one the subject. */
const UNNAMED_CONJUNCT = /^\s*and\s+(?:the\s+|an?\s+)?[\p{Ll}][\p{L}-]*(?:\s+[\p{L}][\p{L}-]*)?\s*$/u;
const PERSIAN_TITLE_GLOBAL = new RegExp(PERSIAN_TITLES.source, "gu");
/** `met December 10 with X`: a day of the month may stand between a verb and its object. */
const DAY_NUMBER = /^\d{1,2}(?:st|nd|rd|th)?$/u;
/** The writer's officers as cables shorten them (`EmbOff`, `POLOFF`); `A/S`, `DCM` are titles that do go before a name. */
const STAFF_OFFICER = /^\p{L}+off(?:s)?$/iu;
const TOKEN = /[,&\u060C]|[^\s,&\u060C]+/gu;

export interface GroupOptions {
  /** Words allowed between the cue and the first name (English); default: articles, titles, a few adverbs. */
  leadWords?: ReadonlySet<string>;
  /** No participant at or after this offset. */
  until?: number;
}

/** The names right after `position`: the object of a verb or of a preposition. */
export function groupAfter(sentence: Sentence, candidates: readonly Candidate[], position: number, options: GroupOptions = {}): Candidate[] {
  const until = options.until ?? sentence.end;
  const index = candidates.findIndex((candidate) => candidate.at >= position);
  const first = candidates[index];
  if (index < 0 || !first || first.until > until) return [];
  const lead = sentence.text.slice(position, first.at);
  if (!leadAllowed(sentence, lead, options.leadWords ?? BEFORE_OBJECT_WORDS)) return [];
  const group = [first];
  for (let i = index + 1; i < candidates.length; i++) {
    const next = candidates[i]!;
    if (next.until > until) break;
    const previous = group[group.length - 1]!;
    if (next.at < previous.until) continue;
    const joint = joinBetween(sentence, sentence.text.slice(previous.until, next.at));
    if (joint === "none" || (joint === "modifier" && isStaffShorthand(previous) && next.origin === "name")) break;
    if (joint === "modifier" || isApposition(previous, next, sentence)) group[group.length - 1] = preferred(previous, next);
    else group.push(next);
  }
  return group;
}

/** `IN DISCUSSION WITH EMBOFF SADRI ATTACHED …`: the writer's staff is nobody's title, so a name right after it starts the next clause. */
function isStaffShorthand(candidate: Candidate): boolean {
  return candidate.origin === "noun" && STAFF_OFFICER.test(candidate.name);
}

/** The names right before `position`: the subject of a verb, across adverbs (`X also met`) and an apposition (`X, the minister, met`). */
export function groupBefore(sentence: Sentence, candidates: readonly Candidate[], position: number, from = sentence.start): Candidate[] {
  let index = -1;
  for (let i = 0; i < candidates.length; i++) if (candidates[i]!.until <= position && candidates[i]!.at >= from) index = i;
  const last = candidates[index];
  if (!last || !trailAllowed(sentence, sentence.text.slice(last.until, position))) return [];
  const group = [last];
  for (let i = index - 1; i >= 0; i--) {
    const previous = candidates[i]!;
    const next = group[0]!;
    if (previous.at < from || previous.until > next.at) break;
    const joint = joinBetween(sentence, sentence.text.slice(previous.until, next.at));
    if (joint === "none") break;
    if (joint === "modifier" || isApposition(previous, next, sentence)) group[0] = preferred(previous, next);
    else group.unshift(previous);
  }
  return group;
}

/** Drops parentheses and quoted code names, which say more about a name and are no part of a group's joints. */
export function withoutAsides(gap: string): string {
  return gap.replace(PARENTHETICAL, " ");
}

type Joint = "list" | "modifier" | "none";

/** How two neighbouring names relate: listed (`X and Y`), one qualifying the other (`MEA Undersecretary X`), or not together. */
function joinBetween(sentence: Sentence, gap: string): Joint {
  if (gap.length > MAX_GAP || /[.;:!?\u061B]/u.test(gap.replace(/\b(?:Mr|Mrs|Ms|Dr|Gen|Maj|Col|Lt|Capt|Brig|St)\./gu, ""))) return "none";
  const cleaned = withoutAsides(gap);
  if (sentence.persian) {
    const bare = cleaned.replace(PERSIAN_TITLE_GLOBAL, " ");
    if (!PERSIAN_JOINING.test(bare)) return "none";
    return /[\u060C,]|\u0648/u.test(bare) ? "list" : "modifier";
  }
  let listed = false;
  for (const token of cleaned.match(TOKEN) ?? []) {
    const key = token.toLowerCase().replace(/\.$/u, "");
    if (token === "," || token === "&" || key === "and") listed = true;
    else if (JOINING_WORDS.has(key) || PERSON_NOUNS.has(key) || PERSON_NOUN_QUALIFIERS.has(key)) continue;
    else if (/^\p{Lu}/u.test(token) && !GROUP_ENDING_WORDS.has(key)) continue;
    else return "none";
  }
  return listed ? "list" : "modifier";
}

function leadAllowed(sentence: Sentence, lead: string, words: ReadonlySet<string>): boolean {
  if (lead.length > MAX_GAP || /[.;:!?\u061B,\u060C]/u.test(lead.replace(/\b(?:Mr|Mrs|Ms|Dr|Gen|Maj|Col|Lt|Capt|Brig|St)\./gu, ""))) return false;
  const cleaned = withoutAsides(lead).replace(/["“”«»]/gu, " ");
  if (sentence.persian) return cleaned.replace(PERSIAN_TITLE_GLOBAL, " ").trim() === "";
  const tokens = cleaned.match(TOKEN) ?? [];
  if (tokens.length > MAX_LEAD_WORDS) return false;
  return tokens.every((token) => {
    const key = token.toLowerCase().replace(/\.$/u, "");
    return words.has(key) || PERSON_NOUNS.has(key) || DAY_NUMBER.test(token) || (/^\p{Lu}/u.test(token) && !GROUP_ENDING_WORDS.has(key));
  });
}

function trailAllowed(sentence: Sentence, trail: string): boolean {
  if (trail.length > 200) return false;
  const cleaned = withoutAsides(trail).replace(APPOSITION, " ").replace(/["“”«»]/gu, " ");
  if (/[.;:!?\u061B]/u.test(cleaned)) return false;
  if (sentence.persian) return true;
  if (UNNAMED_CONJUNCT.test(cleaned)) return true;
  const tokens = cleaned.match(TOKEN) ?? [];
  return tokens.length <= 4 && tokens.every((token) => BEFORE_VERB_WORDS.has(token.toLowerCase()));
}

/** `the minister's office director, Mr. Nizar Abd al-Karim`: a noun and the name after it are one person. */
function isApposition(previous: Candidate, next: Candidate, sentence: Sentence): boolean {
  if (previous.origin !== "noun" && next.origin !== "noun") return false;
  const gap = sentence.text.slice(previous.until, next.at).replace(PERSIAN_TITLE_GLOBAL, " ");
  return /^\s*[,\u060C]\s*(?:(?:Mr|Mrs|Ms|Dr)\.?\s*)?$/u.test(gap) && !/s$/u.test(previous.origin === "noun" ? previous.name : next.name);
}

/** Of a name and a noun for the same person, the name; of two names, the later (the head of `MEA Undersecretary X`). */
function preferred(a: Candidate, b: Candidate): Candidate {
  if (a.origin === "name" && b.origin !== "name") return a;
  return b;
}
