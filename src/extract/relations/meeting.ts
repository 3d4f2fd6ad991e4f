/**
 * MEETING: who met whom, where, when, under what cover.
 *
 * English cues: `met (with)`, `held talks with`, `had dinner with`, `called
 * on`, `paid a visit to`, `visited`, `received`, `hosted`, `saw`, `attended`,
 * and the nouns `meeting`, `talks`, `dinner`, `lunch`, `encounter` followed
 * by `with` or `between`; speaking to a named listener (`X told PolOff`,
 * `assured EmbOff`, `conveyed to the Ambassador`, `had told us`), unless the
 * text says it was by telephone or in writing; a delegation (`X and Y were
 * accompanied by A, B and C`); `was present` at the meeting told just before.
 * Persian: `دیدار`, `ملاقات`, `جلسه`, `نشست`, `گفت‌وگو`, `مذاکره`, `مهمانی`,
 * with the other side after `با`, and presence (`در جشن حضور داشت`, `به
 * دعوت X … حضور یافتم`). A subject line that names a meeting (`Subject:
 * Meeting with X`, `موضوع: دیدار با X`) is the writer's meeting.
 *
 * A meeting needs two participants. The writer is one when the text says
 * "we", "the undersigned", uses a first-person verb (`ملاقات کردم`), or puts
 * the meeting in the passive with nobody else named (`a meeting was held with
 * Source 134905`, `با منبع دیدار شد`): reports are written that way.
 *
 * Not meetings: `met the deadline`, `met its obligations`, `met with
 * failure` (no one on the other side), `called on X to …` (an appeal), a
 * meeting proposed, requested or to come, a meeting denied.
 */
import type { RelationParticipant } from "../../model/relation.js";
import { anyArabicScriptSpelling } from "../rules/arabic-script.js";
import type { Candidate } from "./candidates.js";
import { findCover } from "./circumstances.js";
import { clauseAround, isHypothetical, isNegated } from "./clause.js";
import { allInRole, written, type Draft } from "./draft.js";
import { groupAfter, groupBefore, withoutAsides } from "./groups.js";
import { NOT_LETTER_BEFORE, PERSIAN_FIRST_PERSON_VERB, PERSIAN_RAW_NAME, PERSIAN_TITLES, persianStems, persianWords } from "./persian.js";
import type { Hint, Sentence } from "./sentence.js";

interface VerbCue {
  pattern: RegExp;
  confidence: number;
  /** Only a person (not an organisation) on the other side: `visited X` of a place or an office is no meeting. */
  personObject?: boolean;
  /** The object comes right after the verb, with no `with` between. */
  direct?: boolean;
}

const VERB_CUES: readonly VerbCue[] = [
  { pattern: /\b(?:met|meets)\b/giu, confidence: 0.9 },
  { pattern: /\b(?:held|hold|holds|had|have|has)\s+(?:(?:a|an|two|several|the|further|more)\s+)?(?:[\p{L}-]+\s+)?(?:talks|meetings?|discussions?|conversations?|dinner|lunch|breakfast)\s+with\b/giu, confidence: 0.9 },
  { pattern: /\b(?:dined|lunched|breakfasted|conferred)\s+with\b/giu, confidence: 0.8 },
  { pattern: /\btalk(?:ed|s|ing)?\b(?:\s+(?:for|about)\s+[^,.;]{1,40}?)?\s+with\b/giu, confidence: 0.7 },
  { pattern: /\b(?:called on|paid (?:a )?(?:courtesy )?(?:call|visit)s? (?:on|to)|made (?:a )?(?:courtesy )?call on)\b/giu, confidence: 0.8 },
  { pattern: /\bhost(?:ed|s)\b(?:\s+(?:a|an)\s+(?:dinner|lunch|reception|breakfast|meeting|iftar)\s+for)?/giu, confidence: 0.7, personObject: true },
  { pattern: /\bvisit(?:ed|s)\b/giu, confidence: 0.6, personObject: true, direct: true },
  { pattern: /\breceived\b/giu, confidence: 0.6, personObject: true, direct: true },
  { pattern: /\bsaw\b/giu, confidence: 0.5, personObject: true, direct: true },
];
/**
 * Speaking to someone named is a meeting (the cable habit "X told PolOff"):
 * the verbs that take the listener as their object or after `to`/`with`.
 */
const SPEECH = /\b(?:told|tells|assured|urged|advised|informed|briefed|reminded|warned|delivered\s+(?:the\s+|a\s+)?(?:reftel|ref\s?tel|demarche|démarche|talking points|points|non-paper|message)(?:\s+\p{L}+)?\s+to|(?:said|conveyed|emphasi[sz]ed|stressed|explained|confided|hinted|complained|expressed|described|repeated|reiterated|underlined|underscored|noted|admitted|confirmed|revealed|disclosed|mentioned|recounted|relayed) to|(?:shared|discussed|raised|spoke|speaks|spoken) with|spoke to|confided in)\b/giu;
const PASSIVE_BEFORE_SPEECH = /\b(?:was|were|been|be|being|is|are|get|got)\s+$/iu;
/** Listeners that make a statement public rather than a conversation: `told reporters`, `told the press`. */
const AUDIENCE = /\b(?:journalists?|reporters?|press|media|audience|crowd|television|radio|parliament|conference|rally)\b/iu;
/** A conversation at a distance is no meeting: `told EmbOff by telephone`, `in a letter to`. */
/** The verb of a meeting noun's clause, after its other side, that puts the meeting in the future or among wishes. */
const FUTURE_AFTER = /^[^.;]{0,40}?\b(?:will|would|should|shall|could|might|must|is to|are to|was to|were to|is (?:planned|scheduled|expected|proposed)|be (?:held|arranged))\b/iu;
const REMOTE = /\b(?:by (?:tele)?phone|over the (?:tele)?phone|(?:tele)?phone (?:calls?|conversations?)|telephoned|phoned|by e-?mail|in an? (?:letter|e-?mail|message|cable|note)|by letter|video ?(?:call|conference))\b/iu;
/** Words allowed between a speaker's name and the verb when no name stands right before it: `A customs broker at Umm Qasr told …`. */
const SPEAKER_TAIL = /^\s*(?:(?:at|of|in|from|for|with)\s+[^,;:]{1,80})?$/u;
/** The rest of a speaker's name and an apposition: `SULTAN| BIN ZAYID, UAE DEPUTY PRIME MINISTER, CONVEYED …`. */
const SPEAKER_APPOSITION = /^(?:\s+\p{Lu}[\p{L}'’-]*){0,3}\s*,[^;:]{1,150},\s*$/u;
const MEETING_NOUN = /\b(?:meeting|meetings|talks|dinner|lunch|breakfast|encounter|rendezvous|conversations?|discussions?)\b/giu;
/** A delegation: `X and Y were accompanied by A, B and C` — everyone listed took part. */
const ACCOMPANIED = /\b(?:(?:was|were)\s+(?:also\s+)?)?accompanied by\b/giu;
/** Where a list of a delegation ends. */
const LIST_END = /;|\bto discuss\b|\bwho\b|\bwhich\b|\bwhere\b/iu;
const LIST_SEPARATOR = /,|\band\b/giu;
/** `X was present` with no place: present at the meeting told just before. */
const PRESENT = /\b(?:was|were)\s+(?:also\s+)?present\b(?!\s+at\b)|\battended (?:it|the meeting|the talks)\b|\bjoined (?:us|them|the meeting|the talks)\b/iu;
const ATTENDED = /\battended\b|\bwas (?:also )?(?:present )?at the (?:party|reception|wedding|funeral|dinner|celebration|gathering|ceremony|exhibition)\b/giu;
const DIRECT_OBJECT_WORDS: ReadonlySet<string> = new Set(["the", "a", "an", "his", "her", "their", "mr", "mrs", "ms", "dr", "new", "visiting", "former", "senior"]);
const APPEAL_AFTER = /^[^.;]{0,80}?\bto\s+[a-z]/u;
/** Read in either case: old cables are written in capitals. */
const WITH = /\bwith\b|\bbetween\b/giu;
const PASSIVE_MEETING = /\b(?:was|were)\s+(?:held|conducted|arranged|organi[sz]ed)\b|\btook place\b|\boccurred\b/u;
const OWNER_BEFORE = /(['’]s|\b(?:his|her|their|His|Her|Their))\s+(?:[\p{L}-]+\s+)?$/u;
const FRONTED = /^\s*(?:in|during|at)\s+(?:a|an|the|his|her|their|this)?\s*(?:[\p{L}-]+\s+)?$/iu;
/** What may stand between the other side of a fronted meeting and its subject when no comma does: titles (`WITH EMBOFF SADRI`, `with PolOff Minister X`). */
const TITLES_ONLY = /^\s+(?:\p{Lu}[\p{L}.]*\s+){0,3}$/u;
const INVITED_BY = /\bat the invitation of\b/giu;
const INVITATION_AFTER_NAME = /^['’]s\s+invitation\b/u;
/** Words before a meeting noun that refer back to it rather than report it: `this meeting`, `the next meeting`. */
const REFERENCE_BEFORE = /\b(?:this|that|these|those|next|future|such|previous|last|earlier|direct|upcoming|proposed|planned|first|second)\s+$/iu;

const PERSIAN_MEETING = new RegExp(
  `${NOT_LETTER_BEFORE}(?:${anyArabicScriptSpelling(["دیدار", "ملاقات", "جلسه", "نشست", "گفت و گو", "گفتگو", "مذاکره", "مهمانی", "ضیافت"])})(?![\\p{L}\\p{M}\\u200C])`,
  "gu",
);
const PERSIAN_WITH = persianWords(["با"], "gu");
const PERSIAN_PRESENT = persianWords(["حضور داشت", "حضور داشتند", "حضور داشتم", "حضور داشتیم", "حضور یافت", "حضور یافتند", "حضور یافتم", "حضور یافتیم", "شرکت کرد", "شرکت کردند", "شرکت کردم", "شرکت داشت"]);
/** `در آن حضور داشت`, `در این دیدار`: presence at the meeting told just before. */
const PERSIAN_AT_IT = persianWords(["در آن", "در این دیدار", "در این جلسه", "در جلسه", "در دیدار"]);
const PERSIAN_INVITED_BY = persianWords(["به دعوت"], "gu");
const PERSIAN_REFERENCE_BEFORE = new RegExp(`(?:${anyArabicScriptSpelling(["این", "آن", "همین", "هر", "بعدی", "آن"])})\\s*$`, "u");
const PERSIAN_OBJECT_MARKER = new RegExp(`^\\s*(?:${anyArabicScriptSpelling(["را", "رو"])})(?![\\p{L}])`, "u");
const PERSIAN_PASSIVE = persianWords(["شد", "گردید", "صورت گرفت", "انجام شد", "برگزار شد", "به عمل آمد", "شده است", "شده بود"]);
const PERSIAN_THAT_BEFORE = new RegExp(`(?:${anyArabicScriptSpelling(["که"])})\\s*$`, "u");
const PERSIAN_AND_START = new RegExp(`^\\s*${anyArabicScriptSpelling(["و"])}\\s+`, "u");
const PERSIAN_SEGMENT_SPLIT = new RegExp(`\\s+${anyArabicScriptSpelling(["و"])}\\s+`, "u");
const PERSIAN_TITLE_GLOBAL = new RegExp(PERSIAN_TITLES.source, "gu");
/** How far before a Persian cue its `با` is looked for. */
const PERSIAN_WITH_WINDOW = 160;
/** How far after a Persian cue its `با` is looked for: `دیدار رئیس ایستگاه با …`. */
const PERSIAN_WITH_AFTER_WINDOW = 30;
const MAX_RAW_NAME_WORDS = 5;

/** Cheap tests that a sentence may hold a meeting, before any reading: a pattern for English, word stems for Persian. */
export const MEETING_HINT: Hint = {
  english: /\b(?:met|meets|meeting|meetings|talk|talks|talked|talking|dinner|lunch|breakfast|conversations?|discussions?|encounter|rendezvous|dined|lunched|breakfasted|conferred|called on|calls on|call on|courtesy|visit|visited|visits|received|host(?:ed|s)|saw|attended|was (?:also )?(?:present )?at|present|accompanied|joined|delivered|told|tells|assured|urged|advised|informed|briefed|reminded|warned|said to|conveyed|emphasi[sz]ed|stressed|explained|confided|hinted|complained|expressed|described|repeated|reiterated|underlined|underscored|noted|admitted|confirmed|revealed|disclosed|mentioned|recounted|relayed|shared|discussed|raised|spoke|speaks|spoken)\b/i,
  persian: persianStems(["دیدار", "ملاقات", "جلسه", "نشست", "گفت و گو", "گفتگو", "مذاکره", "مهمانی", "ضیافت", "حضور", "شرکت کرد", "شرکت داشت"]),
};

export function readMeetings(sentence: Sentence, candidates: readonly Candidate[]): Draft[] {
  const drafts = sentence.persian ? persianMeetings(sentence, candidates) : englishMeetings(sentence, candidates);
  if (drafts.length === 0) return [];
  const cover = findCover(sentence);
  const invited = invitingHosts(sentence, candidates);
  return drafts.map((draft) => ({
    ...draft,
    participants: [...draft.participants, ...invited],
    ...(cover !== undefined ? { cover } : {}),
  }));
}

function englishMeetings(sentence: Sentence, candidates: readonly Candidate[]): Draft[] {
  const drafts: Draft[] = [];
  const covered: Array<[number, number]> = [];
  for (const cue of VERB_CUES) {
    cue.pattern.lastIndex = 0;
    for (let match = cue.pattern.exec(sentence.body); match; match = cue.pattern.exec(sentence.body)) {
      const start = sentence.start + match.index;
      const end = start + match[0].length;
      const draft = verbMeeting(sentence, candidates, cue, start, end);
      if (draft) {
        drafts.push(draft);
        covered.push([start, end]);
      }
    }
  }
  MEETING_NOUN.lastIndex = 0;
  for (let match = MEETING_NOUN.exec(sentence.body); match; match = MEETING_NOUN.exec(sentence.body)) {
    const start = sentence.start + match.index;
    if (covered.some(([from, to]) => start >= from && start < to)) continue;
    const draft = nounMeeting(sentence, candidates, start, start + match[0].length);
    if (draft) drafts.push(draft);
  }
  if (drafts.length === 0) {
    SPEECH.lastIndex = 0;
    for (let match = SPEECH.exec(sentence.body); match && drafts.length === 0; match = SPEECH.exec(sentence.body)) {
      const draft = speechMeeting(sentence, candidates, sentence.start + match.index, sentence.start + match.index + match[0].length);
      if (draft) drafts.push(draft);
    }
  }
  if (drafts.length === 0) {
    ACCOMPANIED.lastIndex = 0;
    const match = ACCOMPANIED.exec(sentence.body);
    const draft = match ? delegation(sentence, candidates, sentence.start + match.index, sentence.start + match.index + match[0].length) : undefined;
    if (draft) drafts.push(draft);
  }
  if (drafts.length === 0) {
    const match = PRESENT.exec(sentence.body);
    const draft = match ? presence(sentence, candidates, sentence.start + match.index, sentence.start + match.index + match[0].length) : undefined;
    if (draft) drafts.push(draft);
  }
  if (drafts.length === 0) {
    ATTENDED.lastIndex = 0;
    const match = ATTENDED.exec(sentence.body);
    if (match) {
      const draft = attendance(sentence, candidates, sentence.start + match.index, sentence.start + match.index + match[0].length);
      if (draft) drafts.push(draft);
    }
  }
  return drafts;
}

function verbMeeting(sentence: Sentence, candidates: readonly Candidate[], cue: VerbCue, start: number, end: number): Draft | undefined {
  if (isNegated(sentence, start, end) || isHypothetical(sentence, start, end)) return undefined;
  const clause = clauseAround(sentence, start, end);
  if (REMOTE.test(sentence.text.slice(clause.start, clause.end))) return undefined;
  const object = groupAfter(sentence, candidates, end, { until: clause.end, ...(cue.direct ? { leadWords: DIRECT_OBJECT_WORDS } : {}) });
  if (cue.personObject && !object.every(isPersonLike)) return undefined;
  if (object.length > 0 && /^called on|^calls on/iu.test(sentence.text.slice(start, end)) && APPEAL_AFTER.test(sentence.text.slice(object[object.length - 1]!.until, clause.end))) return undefined;
  const subject = groupBefore(sentence, candidates, start, clause.start);
  if (object.length === 0 && subject.length < 2) return undefined;
  if (object.length === 0 && /^\s*with\b/iu.test(sentence.text.slice(end, end + 6))) return undefined;
  const participants = [...allInRole("participant", subject), ...allInRole("participant", object)];
  const named = [...subject, ...object].some((candidate) => candidate.origin === "name");
  return meetingDraft(participants, start, named ? cue.confidence : cue.confidence - 0.1);
}

function nounMeeting(sentence: Sentence, candidates: readonly Candidate[], start: number, end: number): Draft | undefined {
  if (REFERENCE_BEFORE.test(sentence.text.slice(Math.max(sentence.start, start - 20), start))) return undefined;
  if (isNegated(sentence, start, end)) return undefined;
  const clause = clauseAround(sentence, start, end);
  if (REMOTE.test(sentence.text.slice(Math.max(clause.start, start - 30), clause.end))) return undefined;
  const afterCue = sentence.text.slice(end, Math.min(clause.end, end + 220));
  let other: Candidate[] = [];
  let withAt = -1;
  WITH.lastIndex = 0;
  for (let match = WITH.exec(afterCue); match; match = WITH.exec(afterCue)) {
    if (/\b(?:who|which|that|said|told)\b/iu.test(afterCue.slice(0, match.index))) break;
    other = groupAfter(sentence, candidates, end + match.index + match[0].length, { until: clause.end });
    if (other.length > 0) {
      withAt = end + match.index;
      break;
    }
  }
  if (other.length === 0) return undefined;
  // What follows the other side is another matter (`Meeting with X and his proposal to …`), unless it is the meeting's own verb (`… will be held`).
  const otherEnd = other[other.length - 1]!.until;
  if (isHypothetical(sentence, start, end, otherEnd) || FUTURE_AFTER.test(sentence.text.slice(otherEnd, clause.end))) return undefined;
  const before = sentence.text.slice(Math.max(sentence.start, start - 60), start);
  const owner = ownerOf(sentence, candidates, start, before);
  const passive = PASSIVE_MEETING.test(sentence.text.slice(end, withAt));
  let first: Candidate[] = owner ? [owner] : groupBefore(sentence, candidates, start, clause.start);
  if (first.length === 0 && FRONTED.test(sentence.text.slice(clause.start, start))) first = frontedSubject(sentence, candidates, other, clause.end);
  if (first.length === 0 && (passive || sentence.header)) first = writerOf(sentence, candidates);
  const participants = [...allInRole("participant", first), ...allInRole("participant", other)];
  return meetingDraft(participants, start, passive || owner ? 0.85 : 0.75);
}

/** `X told PolOff …`, `conveyed to the Ambassador`, `had told us`: the speaker and the listener met, unless the text says it was a call or a letter. */
function speechMeeting(sentence: Sentence, candidates: readonly Candidate[], start: number, end: number): Draft | undefined {
  if (PASSIVE_BEFORE_SPEECH.test(sentence.text.slice(Math.max(sentence.start, start - 12), start))) return undefined;
  if (isNegated(sentence, start, end)) return undefined;
  const clause = clauseAround(sentence, start, end);
  if (REMOTE.test(sentence.text.slice(clause.start, clause.end))) return undefined;
  const listener = groupAfter(sentence, candidates, end, { until: clause.end, leadWords: DIRECT_OBJECT_WORDS });
  if (listener.length === 0 || !listener.every(isPersonLike) || listener.some((candidate) => AUDIENCE.test(candidate.name))) return undefined;
  // What was said may be a plan (`told X the two sides should …`); only the telling itself must have happened.
  if (isHypothetical(sentence, start, end, listener[listener.length - 1]!.until)) return undefined;
  const speaker = speakerOf(sentence, candidates, clause.start, start);
  return meetingDraft([...allInRole("participant", speaker), ...allInRole("participant", listener)], start, 0.7);
}

/** The subject of a speaking verb: the names right before it, else the first name of the clause when only a place or an office stands between (`A customs broker at Umm Qasr told …`). */
function speakerOf(sentence: Sentence, candidates: readonly Candidate[], clauseStart: number, verbStart: number): Candidate[] {
  const before = groupBefore(sentence, candidates, verbStart, clauseStart);
  if (before.length > 0) return before;
  const first = candidates.find((candidate) => candidate.at >= clauseStart && candidate.until <= verbStart);
  if (!first || !isPersonLike(first)) return [];
  const tail = withoutAsides(sentence.text.slice(first.until, verbStart));
  return SPEAKER_TAIL.test(tail) || SPEAKER_APPOSITION.test(tail) ? [first] : [];
}

/** `The undersigned attended at Tamimi's invitation`; `X was also at the party` (where the writer was too). */
function attendance(sentence: Sentence, candidates: readonly Candidate[], start: number, end: number): Draft | undefined {
  if (isNegated(sentence, start, end)) return undefined;
  const subject = groupBefore(sentence, candidates, start, clauseAround(sentence, start, end).start);
  const writer = subject.some((candidate) => candidate.origin === "writer") || !sentence.voice.officer ? [] : writerOf(sentence, candidates);
  const participants = [...allInRole("participant", subject), ...allInRole("participant", writer)];
  return subject.length > 0 ? meetingDraft(participants, start, 0.55, invitingHosts(sentence, candidates).length > 0 ? 1 : 2) : undefined;
}

/** `X and Y were accompanied by A, B, and C`: one meeting of everyone; a title before a name in the list (`Ambassador to the U.S. Carolina Barco`) is no one else. */
function delegation(sentence: Sentence, candidates: readonly Candidate[], start: number, end: number): Draft | undefined {
  if (isNegated(sentence, start, end) || isHypothetical(sentence, start, end)) return undefined;
  const led = groupBefore(sentence, candidates, start, clauseAround(sentence, start, end).start);
  const rest = sentence.text.slice(end, sentence.end);
  const listEnd = end + (LIST_END.exec(rest)?.index ?? rest.length);
  const separators: number[] = [];
  LIST_SEPARATOR.lastIndex = 0;
  for (let match = LIST_SEPARATOR.exec(rest); match && end + match.index < listEnd; match = LIST_SEPARATOR.exec(rest)) separators.push(end + match.index);
  const bySegment = new Map<number, Candidate[]>();
  for (const candidate of candidates) {
    if (candidate.at < end || candidate.until > listEnd || !isPersonLike(candidate)) continue;
    const segment = separators.filter((at) => at < candidate.at).length;
    bySegment.set(segment, [...(bySegment.get(segment) ?? []), candidate]);
  }
  const listed: Candidate[] = [];
  for (const members of bySegment.values()) {
    const named = members.filter((candidate) => candidate.origin !== "noun");
    listed.push(...(named.length > 0 ? named : members));
  }
  if (listed.length === 0) return undefined;
  return meetingDraft([...allInRole("participant", led), ...allInRole("participant", listed)], start, 0.7);
}

/** `Source 136220 had arranged the meeting and was present`: the meeting told just before, with one more participant. */
function presence(sentence: Sentence, candidates: readonly Candidate[], start: number, end: number): Draft | undefined {
  if (isNegated(sentence, start, end) || sentence.discourse.lastMeeting.length === 0) return undefined;
  const subject = groupBefore(sentence, candidates, start, clauseAround(sentence, start, end).start);
  const arranged = subject.length > 0 ? subject : candidates.filter((candidate) => candidate.until <= start).slice(0, 1);
  if (arranged.length === 0) return undefined;
  return meetingDraft([...allInRole("participant", arranged), ...sentence.discourse.lastMeeting], start, 0.6, 3);
}

/**
 * `شیخ حارث الزبیدی نیز در جشن حضور داشت`, `این‌جانب به دعوت تمیمی … حضور
 * یافتم`: whoever was present met the writer, who was there too, or those of
 * the meeting told just before (`در آن حضور داشت`).
 */
function persianPresence(sentence: Sentence, candidates: readonly Candidate[]): Draft | undefined {
  const match = PERSIAN_PRESENT.exec(sentence.body);
  if (!match) return undefined;
  const start = sentence.start + match.index;
  const end = start + match[0].length;
  if (isNegated(sentence, start, end) || isHypothetical(sentence, start, end)) return undefined;
  const clause = clauseAround(sentence, start, end);
  const firstPerson = PERSIAN_FIRST_PERSON_VERB.test(match[0].replace(/^\S+\s+/u, ""));
  const hosts = persianInvitingHosts(sentence, candidates);
  const subject = firstPerson ? writerOf(sentence, candidates) : candidates.filter((candidate) => candidate.at >= clause.start && candidate.until <= start && !hosts.some((host) => host.start === candidate.start)).slice(0, 1);
  if (subject.length === 0) return undefined;
  const atMeeting = PERSIAN_AT_IT.test(sentence.text.slice(clause.start, end)) && sentence.discourse.lastMeeting.length > 0;
  const others = atMeeting ? sentence.discourse.lastMeeting : allInRole("participant", subject.some((candidate) => candidate.origin === "writer") || !sentence.voice.officer ? [] : writerOf(sentence, candidates));
  return meetingDraft([...allInRole("participant", subject), ...others, ...hosts], start, 0.6);
}

function persianMeetings(sentence: Sentence, candidates: readonly Candidate[]): Draft[] {
  const drafts: Draft[] = [];
  PERSIAN_MEETING.lastIndex = 0;
  for (let match = PERSIAN_MEETING.exec(sentence.body); match; match = PERSIAN_MEETING.exec(sentence.body)) {
    const start = sentence.start + match.index;
    const end = start + match[0].length;
    if (PERSIAN_OBJECT_MARKER.test(sentence.text.slice(end, end + 6))) continue;
    if (PERSIAN_REFERENCE_BEFORE.test(sentence.text.slice(Math.max(sentence.start, start - 8), start))) continue;
    if (isNegated(sentence, start, end)) continue;
    const draft = persianMeeting(sentence, candidates, start, end);
    if (draft) {
      drafts.push(draft);
      break;
    }
  }
  if (drafts.length === 0) {
    const present = persianPresence(sentence, candidates);
    if (present) drafts.push(present);
  }
  return drafts;
}

function persianMeeting(sentence: Sentence, candidates: readonly Candidate[], start: number, end: number): Draft | undefined {
  const clause = clauseAround(sentence, start, end);
  const withBefore = lastMatch(PERSIAN_WITH, sentence.text, Math.max(clause.start, start - PERSIAN_WITH_WINDOW), start);
  const withAfter = withBefore === undefined ? firstMatch(PERSIAN_WITH, sentence.text, end, Math.min(clause.end, end + PERSIAN_WITH_AFTER_WINDOW)) : undefined;
  const withAt = withBefore ?? withAfter;
  if (withAt === undefined) return undefined;
  const withEnd = withAt + 2;
  const until = withBefore !== undefined ? start : clause.end;
  const group = groupAfter(sentence, candidates, withEnd, { until });
  let other: RelationParticipant[] = allInRole("participant", group);
  if (other.length === 0) other = persianWrittenNames(sentence, withEnd, until);
  else other.push(...persianWrittenNames(sentence, group[group.length - 1]!.until, until, true));
  if (other.length === 0) return undefined;
  const otherEnd = Math.max(end, ...other.map((participant) => participant.end ?? end));
  if (isHypothetical(sentence, start, end, otherEnd)) return undefined;
  const verb = sentence.text.slice(end, Math.min(clause.end, end + 40));
  let first: Candidate[] = [];
  if (PERSIAN_FIRST_PERSON_VERB.test(verb) || PERSIAN_PASSIVE.test(verb)) first = writerOf(sentence, candidates);
  else {
    const subject = candidates.find((candidate) => candidate.at >= clause.start && candidate.until <= withAt);
    const reported = PERSIAN_THAT_BEFORE.test(sentence.text.slice(Math.max(sentence.start, clause.start - 4), clause.start));
    const speaker = reported ? candidates.find((candidate) => candidate.until <= clause.start && candidate.entityType === "person") : undefined;
    first = subject ? [subject] : speaker ? [speaker] : sentence.header ? writerOf(sentence, candidates) : [];
  }
  return meetingDraft([...allInRole("participant", first), ...other], start, 0.85);
}

/**
 * Names the model did not find, read from between `با` and the verb: `با
 * شیخ … و ابوکرار تمیمی دیدار شد`; after names it did find, only what `و`
 * adds to them.
 */
function persianWrittenNames(sentence: Sentence, from: number, to: number, continuing = false): RelationParticipant[] {
  let span = sentence.text.slice(from, to);
  if (continuing) {
    const and = PERSIAN_AND_START.exec(span);
    if (!and) return [];
    from += and[0].length;
    span = span.slice(and[0].length);
  }
  const stop = span.search(/[\u060C,(«"]/u);
  const head = stop >= 0 ? span.slice(0, stop) : span;
  const names: RelationParticipant[] = [];
  let offset = from;
  for (const segment of head.split(PERSIAN_SEGMENT_SPLIT)) {
    const segmentStart = sentence.text.indexOf(segment, offset);
    offset = segmentStart + segment.length;
    const bare = segment.replace(PERSIAN_TITLE_GLOBAL, " ").trim();
    const words = bare.split(/\s+/u).filter((word) => word !== "");
    if (words.length === 0 || words.length > MAX_RAW_NAME_WORDS || /[\d\u06F0-\u06F9]/u.test(bare)) return [];
    const bareStart = sentence.text.indexOf(bare, segmentStart);
    const participant = written("participant", sentence, bareStart, bareStart + bare.length);
    if (participant) names.push(participant);
  }
  return names;
}

function meetingDraft(participants: RelationParticipant[], cue: number, confidence: number, needed = 2): Draft | undefined {
  const distinct = new Set(participants.map((participant) => participant.name.toLowerCase()));
  if (distinct.size < needed) return undefined;
  return { type: "meeting", participants, cue, confidence };
}

/** `Tamimi's meetings with …`, `his meeting with …`. */
function ownerOf(sentence: Sentence, candidates: readonly Candidate[], start: number, before: string): Candidate | undefined {
  const owner = OWNER_BEFORE.exec(before);
  if (!owner) return undefined;
  const ownerAt = start - before.length + owner.index;
  if (owner[1]!.startsWith("'") || owner[1]!.startsWith("’")) return candidates.find((candidate) => candidate.until === ownerAt);
  let nearest: Candidate | undefined;
  for (const candidate of candidates) if (candidate.until <= ownerAt && candidate.entityType === "person") nearest = candidate;
  const person = nearest ?? sentence.discourse.lastPerson;
  return person ? { name: person.name, entityType: "person", at: ownerAt, until: ownerAt + owner[1]!.length, start: null, end: null, origin: "pronoun" } : undefined;
}

/**
 * `In a meeting with PolOff, the minister said …`: the one who speaks after
 * the comma; cables often leave the comma out (`IN DISCUSSION WITH EMBOFF
 * SADRI ATTACHED …`), and then the name right after the other side is the subject.
 */
function frontedSubject(sentence: Sentence, candidates: readonly Candidate[], other: readonly Candidate[], clauseEnd: number): Candidate[] {
  const last = other[other.length - 1]!;
  const next = candidates.find((candidate) => candidate.at >= last.until);
  if (next && next.origin === "name" && isPersonLike(next) && TITLES_ONLY.test(sentence.text.slice(last.until, next.at))) return [next];
  const comma = sentence.text.indexOf(",", last.until);
  if (comma < 0 || comma >= clauseEnd + 200) return [];
  return groupAfter(sentence, candidates, comma + 1, { leadWords: new Set(["the", "a", "an"]) });
}

/** The writer as a participant: the first-person word of the sentence when there is one, else implied. */
function writerOf(sentence: Sentence, candidates: readonly Candidate[]): Candidate[] {
  const written = candidates.find((candidate) => candidate.origin === "writer");
  if (written) return [written];
  const name = sentence.voice.officer ?? sentence.voice.office;
  if (!name) return [];
  return [{ name, entityType: sentence.voice.officer ? "person" : "organization", at: sentence.start, until: sentence.start, start: null, end: null, origin: "writer" }];
}

/** `به دعوت تمیمی`: who invited, read as written where the model found no name. */
function persianInvitingHosts(sentence: Sentence, candidates: readonly Candidate[]): RelationParticipant[] {
  const hosts: RelationParticipant[] = [];
  PERSIAN_INVITED_BY.lastIndex = 0;
  for (let match = PERSIAN_INVITED_BY.exec(sentence.body); match; match = PERSIAN_INVITED_BY.exec(sentence.body)) {
    const at = sentence.start + match.index + match[0].length;
    const named = groupAfter(sentence, candidates, at).slice(0, 1);
    if (named.length > 0) {
      hosts.push(...allInRole("participant", named));
      continue;
    }
    const raw = PERSIAN_RAW_NAME.exec(sentence.text.slice(at, sentence.end));
    const name = raw?.groups?.name;
    if (!raw || name === undefined) continue;
    const start = at + raw[0].length - name.length;
    const host = written("participant", sentence, start, start + name.length);
    if (host) hosts.push(host);
  }
  return hosts;
}

/** Who invited: `at the invitation of Abu Karrar Tamimi`, `at Tamimi's invitation`. */
function invitingHosts(sentence: Sentence, candidates: readonly Candidate[]): RelationParticipant[] {
  if (sentence.persian) return persianInvitingHosts(sentence, candidates);
  const hosts: Candidate[] = [];
  INVITED_BY.lastIndex = 0;
  for (let match = INVITED_BY.exec(sentence.body); match; match = INVITED_BY.exec(sentence.body)) {
    hosts.push(...groupAfter(sentence, candidates, sentence.start + match.index + match[0].length));
  }
  for (const candidate of candidates) {
    if (INVITATION_AFTER_NAME.test(sentence.text.slice(candidate.until, candidate.until + 14))) hosts.push(candidate);
  }
  return allInRole("participant", hosts);
}

function isPersonLike(candidate: Candidate): boolean {
  return candidate.entityType === "person" || candidate.entityType === "source" || candidate.origin === "noun" || candidate.origin === "writer";
}

function lastMatch(pattern: RegExp, text: string, from: number, to: number): number | undefined {
  let found: number | undefined;
  pattern.lastIndex = 0;
  const slice = text.slice(from, to);
  for (let match = pattern.exec(slice); match; match = pattern.exec(slice)) found = from + match.index;
  return found;
}

function firstMatch(pattern: RegExp, text: string, from: number, to: number): number | undefined {
  pattern.lastIndex = 0;
  const match = pattern.exec(text.slice(from, to));
  return match ? from + match.index : undefined;
}
