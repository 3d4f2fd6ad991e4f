/**
 * AFFILIATION and stance: a person's tie to an organisation or a country,
 * with the quality the text states.
 *
 * - Stance toward the writer's side or a country: `has a "special
 *   relationship" with us`, `very close to Iran`, `"one of our people"`,
 *   `works with us`, `we will have no problem with him`; Persian `با ما
 *   رابطهٔ ویژه دارد`, `از افراد ما`, `از افراد خودی`, `با ما کار می‌کند`,
 *   `نزدیک به …`. "Us" is the writer's office (author.ts).
 * - Membership and office: `member of`, `belongs to`, `affiliated with`,
 *   `head of`, `leader(s) of`, `commander of`, `spokesman for`, `officer of`;
 *   Persian `عضو`, `وابسته به`, `فرماندهٔ`, `از رهبران`, `رئیس`. The
 *   organisation must be one the text names.
 *
 * The member is the person the phrase is said of: the subject, or the name
 * the phrase stands beside (`X, one of the leaders of Y`), or the one `whom`
 * and `که` point back to.
 */
import type { RelationParticipant } from "../../model/relation.js";
import { anyArabicScriptSpelling } from "../rules/arabic-script.js";
import type { Candidate } from "./candidates.js";
import { clauseAround, isNegated } from "./clause.js";
import { inRole, written, type Draft } from "./draft.js";
import { groupAfter } from "./groups.js";
import { isWrittenInCapitals } from "./office.js";
import { NOT_LETTER_BEFORE, persianStems } from "./persian.js";
import type { Hint, Sentence } from "./sentence.js";

interface StanceCue {
  pattern: RegExp;
  /** Where the organisation is: the writer's side, the name after the phrase, or the name owning it (`Tehran's man`). */
  side: "writer" | "after" | "before";
}

const STANCE_CUES: readonly StanceCue[] = [
  { pattern: /\b(?:has|have|had|having|enjoys?|maintains?)\s+(?:a|an)\s+["“]?(?<quality>(?:special|close|strong|warm|good|long-standing|lasting|excellent|privileged)\s+relationship)["”]?\s+with\b/giu, side: "after" },
  { pattern: /\bwith whom we have (?:a|an)\s+["“]?(?<quality>[\p{L}-]+\s+relationship)["”]?/giu, side: "writer" },
  { pattern: /["“]?(?<quality>one of (?:our (?:people|men|own|friends|agents|assets)|us)|our (?:man|people)|one of ours)\b["”]?/giu, side: "writer" },
  { pattern: /\b(?<quality>works? (?:with|for) us)\b/giu, side: "writer" },
  { pattern: /['’]s\s+(?<quality>man|men|people|ally|proxy|creature|agent)\b/gu, side: "before" },
  { pattern: /\bwe (?:will|would) have (?<quality>no problem with)\b/giu, side: "writer" },
  { pattern: /\b(?<quality>(?:very |extremely |quite |particularly )?close to|loyal to|on the payroll of)\b/giu, side: "after" },
];

const MEMBERSHIP = /\b(?<quality>(?:(?:a|an|the)\s+)?(?:one of the\s+)?(?:member|members|head|leader|leaders|owner|co-owner|manager|commander|spokesman|spokeswoman|spokesperson|chairman|secretary-general|officer|employee|director|chief|founder|deputy head|official|representative|agent)\s+(?:of|for|in|at)|belongs? to|affiliated (?:with|to)|works? for)\b/giu;

const PERSIAN_STANCE: readonly StanceCue[] = [
  { pattern: new RegExp(`(?<quality>${anyArabicScriptSpelling(["رابطه ویژه", "رابطه نزدیک", "رابطه خوب", "روابط نزدیک", "رابطه ای ویژه"])})`, "gu"), side: "writer" },
  { pattern: new RegExp(`[«"]?(?<quality>${anyArabicScriptSpelling(["از افراد ما", "از افراد خودی", "از نیروهای ما", "از نیروهای خودی", "یکی از ما", "از خودی ها", "از دوستان ما"])})[»"]?`, "gu"), side: "writer" },
  { pattern: new RegExp(`(?<quality>${anyArabicScriptSpelling(["با ما کار می کند", "با ما همکاری می کند", "با ما همکاری دارد"])})`, "gu"), side: "writer" },
  { pattern: new RegExp(`(?<quality>${anyArabicScriptSpelling(["بسیار نزدیک به", "نزدیک به"])})`, "gu"), side: "after" },
];
const PERSIAN_MEMBERSHIP = new RegExp(
  `${NOT_LETTER_BEFORE}(?<quality>${anyArabicScriptSpelling(["عضو", "از اعضای", "وابسته به", "فرمانده", "از رهبران", "از فرماندهان", "رئیس", "رهبر", "سخنگوی", "افسر", "کارمند"])})[\\u0654\\u06C0]?(?:\\u200C?\\u06CC)?(?![\\p{L}])`,
  "gu",
);
const PERSIAN_WITH_US = new RegExp(`${NOT_LETTER_BEFORE}${anyArabicScriptSpelling(["با ما"])}`, "u");
const PLACE_THEN_BODY = /^\s*(?:the\s+)?\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,2}\s+in\s+(?:the\s+)?/u;
const WRITTEN_BODY = /^\s*(?:the\s+)?(?:["“«](?<quoted>[^"”»]{3,60})["”»]|(?<name>\p{Lu}[\p{L}'’-]+(?:\s+(?:of|for|and|the)?\s*\p{Lu}[\p{L}'’-]+){1,5}))/u;
/** One to four words opening a clause, before `با ما`, `را` or a comma: a name the model missed. */
const PERSIAN_CLAUSE_OPENING = new RegExp(`^\\s*(?<name>[\\p{L}\\u200C]+(?:\\s+[\\p{L}\\u200C]+){0,3}?)\\s*(?:[\\u060C,]|(?:${anyArabicScriptSpelling(["با ما", "را", "از", "که"])})(?![\\p{L}]))`, "u");
const WHOM_OR_THAT = /\b(?:with whom|whom|who)\b|(?<![\p{L}])که(?![\p{L}])/gu;
/** How far back the person a phrase is said of is looked for. */
const MEMBER_WINDOW = 300;

/** Cheap tests that a sentence may state an affiliation, before any reading: a pattern for English, word stems for Persian. */
export const AFFILIATION_HINT: Hint = {
  english: /\b(?:relationship|one of (?:our|us)|our (?:man|people)|one of ours|works? (?:with|for)|no problem with|close to|loyal to|payroll|member|belongs? to|affiliated|head of|leaders? of|owner of|manager of|commander|spokes|chairman|secretary-general|officer (?:of|in)|employee|director of|chief of|founder|official of|representative of|agent of)\b/i,
  persian: persianStems(["رابطه", "روابط", "افراد", "نیروهای", "یکی از ما", "خودی", "دوستان ما", "با ما", "نزدیک", "عضو", "اعضای", "وابسته", "فرمانده", "رهبر", "رئیس", "سخنگو", "افسر", "کارمند"]),
};

export function readAffiliations(sentence: Sentence, candidates: readonly Candidate[]): Draft[] {
  if (sentence.header) return [];
  const drafts: Draft[] = [];
  for (const cue of sentence.persian ? PERSIAN_STANCE : STANCE_CUES) {
    cue.pattern.lastIndex = 0;
    for (let match = cue.pattern.exec(sentence.body); match; match = cue.pattern.exec(sentence.body)) {
      const start = sentence.start + match.index;
      const end = start + match[0].length;
      if (isNegated(sentence, start, end)) continue;
      const quality = (match.groups?.quality ?? match[0]).replace(/\s+/gu, " ").trim().replace(/\s+(?:to|with|of|به)$/u, "");
      const organization = cue.side === "writer" || (sentence.persian && PERSIAN_WITH_US.test(sentence.text.slice(Math.max(sentence.start, start - 12), start)))
        ? writerSide(sentence, candidates)
        : cue.side === "before" ? owningBody(sentence, start) : organisationAfter(sentence, candidates, end);
      const member = memberBefore(sentence, candidates, start, end, /no problem with/u.test(quality) ? "object" : "subject");
      const named = member ? inRole("member", member) : sentence.persian ? persianWrittenMember(sentence, start, end) : undefined;
      if (organization && named) drafts.push(affiliationDraft(named, organization, quality, start, member ? 0.75 : 0.6));
    }
  }
  const membership = sentence.persian ? PERSIAN_MEMBERSHIP : MEMBERSHIP;
  membership.lastIndex = 0;
  for (let match = membership.exec(sentence.body); match; match = membership.exec(sentence.body)) {
    const start = sentence.start + match.index;
    const end = start + match[0].length;
    const organization = organisationAfter(sentence, candidates, end, true);
    const member = organization ? memberBefore(sentence, candidates, start, end, "nearest") : undefined;
    const quality = (match.groups?.quality ?? match[0]).replace(/^(?:a|an|the)\s+|\s+(?:of|for|in|at|to|with)$/giu, "").trim();
    if (organization && member && !isNegated(sentence, start, end)) drafts.push(affiliationDraft(inRole("member", member), organization, quality, start, 0.7));
  }
  return mergeQualities(drafts);
}

function affiliationDraft(member: RelationParticipant, organization: RelationParticipant, quality: string, cue: number, confidence: number): Draft {
  return { type: "affiliation", participants: [member, organization], cue, confidence, quality };
}

/** `منبع اظهار داشت که ولید صبری حمادی با ما رابطهٔ ویژه دارد`: the words opening the clause, when the model found no name there. */
function persianWrittenMember(sentence: Sentence, start: number, end: number): RelationParticipant | undefined {
  const clause = clauseAround(sentence, start, end);
  const opening = PERSIAN_CLAUSE_OPENING.exec(sentence.text.slice(clause.start, start));
  const name = opening?.groups?.name;
  if (!opening || name === undefined) return undefined;
  const at = clause.start + opening[0].indexOf(name);
  return written("member", sentence, at, at + name.length);
}

/** One relation per member and organisation in a sentence, with every quality it states. */
function mergeQualities(drafts: Draft[]): Draft[] {
  const merged: Draft[] = [];
  for (const draft of drafts) {
    const same = merged.find((other) => other.participants.every((participant, index) => participant.name === draft.participants[index]?.name));
    if (!same) merged.push(draft);
    else if (draft.quality && !(same.quality ?? "").includes(draft.quality)) same.quality = `${same.quality}; ${draft.quality}`;
  }
  return merged;
}

/** The writer's side: the office a report or cable comes from. A letter or an e-mail speaks for no service, so its "us" is none. */
function writerSide(sentence: Sentence, candidates: readonly Candidate[]): RelationParticipant | undefined {
  const office = sentence.voice.office;
  if (!office) return undefined;
  const writer = candidates.find((candidate) => candidate.origin === "writer");
  return writer ? inRole("organization", writer) : { role: "organization", name: office, entityType: "organization", start: null, end: null };
}

/** The organisation or country right after a phrase: a named organisation, or a place that is a country (`close to Iran`). */
function organisationAfter(sentence: Sentence, candidates: readonly Candidate[], position: number, organisationsOnly = false): RelationParticipant | undefined {
  const reach = Math.min(sentence.end, position + 90);
  const group = groupAfter(sentence, candidates, position, { leadWords: new Set(["the", "a", "an", "its"]), until: reach });
  const organisation = group.find((candidate) => candidate.entityType === "organization" || (!organisationsOnly && candidate.origin === "writer"));
  if (organisation && !isPlaceNamed(sentence, organisation)) return inRole("organization", organisation);
  if (organisationsOnly) return organisationOfPlace(sentence, candidates, position, reach) ?? writtenOrganisation(sentence, position) ?? (organisation ? inRole("organization", organisation) : undefined);
  const lead = /^\s*(?:the\s+)?/u.exec(sentence.text.slice(position))![0].length;
  const place = sentence.names.find((name) => name.type === "place" && name.start === position + lead);
  return place ? { role: "organization", name: place.name, entityType: "place", start: place.start, end: place.end } : undefined;
}

/** `Tehran's man`: the place or organisation whose the person is said to be. */
function owningBody(sentence: Sentence, possessiveAt: number): RelationParticipant | undefined {
  const owner = sentence.names.find((name) => name.end === possessiveAt && (name.type === "place" || name.type === "organization"));
  return owner ? { role: "organization", name: owner.name, entityType: owner.type, start: owner.start, end: owner.end } : undefined;
}

/** `member for Karbala in the Iraqi Council of Representatives`: the body a seat or post is in. */
function organisationOfPlace(sentence: Sentence, candidates: readonly Candidate[], position: number, reach: number): RelationParticipant | undefined {
  const phrase = PLACE_THEN_BODY.exec(sentence.text.slice(position, reach));
  if (!phrase) return undefined;
  const at = position + phrase[0].length;
  const body = candidates.find((candidate) => candidate.at === at && candidate.entityType === "organization");
  return body ? inRole("organization", body) : undefined;
}

/** `one of the leaders of the "National Reform Bloc"`: a quoted or capitalised name the model did not find. */
function writtenOrganisation(sentence: Sentence, position: number): RelationParticipant | undefined {
  // In a cable written in capitals every word looks like a name.
  if (isWrittenInCapitals(sentence.body)) return undefined;
  const match = WRITTEN_BODY.exec(sentence.text.slice(position, Math.min(sentence.end, position + 90)));
  const name = match?.groups?.quoted ?? match?.groups?.name;
  if (!match || name === undefined) return undefined;
  const start = position + match[0].indexOf(name);
  return written("organization", sentence, start, start + name.length);
}

function isPlaceNamed(sentence: Sentence, candidate: Candidate): boolean {
  return /^\s+in\s+the\s+/u.test(sentence.text.slice(candidate.until, candidate.until + 10));
}

/**
 * The person a phrase is said of: the one `whom` or `که` points back to;
 * for a stance, the first person of its clause (`The source stated that X …
 * has a special relationship with us` is said of X, not of the source); for
 * an office, the nearest person before it (`X, chief of Y`); `no problem
 * with him` is said of the one after.
 */
function memberBefore(sentence: Sentence, candidates: readonly Candidate[], start: number, end: number, saidOf: "subject" | "nearest" | "object"): Candidate | undefined {
  if (saidOf === "object") return groupAfter(sentence, candidates, end).find(isPerson);
  const from = Math.max(clauseAround(sentence, start, end).start, start - MEMBER_WINDOW);
  const before = sentence.text.slice(from, start);
  let pointer = -1;
  WHOM_OR_THAT.lastIndex = 0;
  for (let match = WHOM_OR_THAT.exec(before); match; match = WHOM_OR_THAT.exec(before)) pointer = from + match.index;
  const limit = pointer >= 0 ? pointer : start;
  const inReach = candidates.filter((candidate) => candidate.until <= limit && candidate.at >= (pointer >= 0 ? sentence.start : from) && isPerson(candidate) && (saidOf !== "nearest" || candidate.origin !== "noun"));
  const people = inReach.filter((candidate) => candidate.entityType === "person");
  return pointer >= 0 || saidOf === "nearest" ? (people.at(-1) ?? inReach.at(-1)) : (people[0] ?? inReach[0]);
}

function isPerson(candidate: Candidate): boolean {
  return (candidate.entityType === "person" || candidate.entityType === "source" || candidate.origin === "noun") && candidate.origin !== "writer";
}
