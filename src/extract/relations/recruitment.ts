/**
 * RECRUITMENT: who recruited whom, with what inducement.
 *
 * English cues: `recruited`, `recruitment (approach) of/to X`, `was
 * approached to work for`, `cultivate(d)`, `pitched`, `accepted the offer of
 * cooperation`, `agreed to work for us`, and an offer made in return for
 * something (`it was proposed to X that … ; in return he would …`, `offered X
 * … in exchange for …`), whose offer is the inducement (`purpose`).
 * Persian: `جذب`, `به کار گرفتن`, `به‌کارگیری`, `عضوگیری`, `همکاری را
 * پذیرفت`, `به X پیشنهاد شد … در مقابل / در ازای …`.
 *
 * Where the recruiter is not named, the writer's side recruits (the reports
 * are written by the recruiting service).
 */
import type { RelationParticipant } from "../../model/relation.js";
import { anyArabicScriptSpelling } from "../rules/arabic-script.js";
import type { Candidate } from "./candidates.js";
import { clauseAround, isHypothetical, isNegated } from "./clause.js";
import { allInRole, inRole, type Draft } from "./draft.js";
import { groupAfter, groupBefore } from "./groups.js";
import { NOT_LETTER_BEFORE, persianStems } from "./persian.js";
import type { Hint, Sentence } from "./sentence.js";

const RECRUITED = /\b(?:recruited|recruits|recruiting|recruit|cultivated|cultivating|cultivate|pitched|enlisted)\b/giu;
const RECRUITMENT_NOUN = /\b(?:recruitment|cultivation)(?:\s+(?:approach|attempt|pitch|effort))?\s+(?:of|to)\b/giu;
const APPROACHED = /\b(?:was|were|been)\s+approached\b(?=[^.;]{0,40}\b(?:to work|to cooperate|to spy|to provide|about working|for cooperation))/giu;
const ACCEPTED = /\b(?:accepted (?:the|our) offer of cooperation|agreed to (?:cooperate|work) (?:with|for)(?: us)?|accepted (?:the|our) offer)\b/giu;
const OFFER_IN_RETURN = /\b(?:proposed|offered|promised)\s+to\b(?<target>[^;]{0,80}?)\bthat\b(?<offer>[^]{5,300}?)[;,]?\s*\bin (?:return|exchange)\b/iu;
const OFFERED_FOR = /\boffered\b(?<offer>[^.;]{5,200}?)\bin (?:return|exchange) for\b/iu;

const PERSIAN_RECRUITED = new RegExp(
  `${NOT_LETTER_BEFORE}(?:${anyArabicScriptSpelling(["جذب", "به کار گرفته", "به کار گرفتن", "به کارگیری", "عضوگیری", "به خدمت گرفته", "همکاری را پذیرفت", "پیشنهاد همکاری را پذیرفت", "پذیرش همکاری"])})`,
  "gu",
);
/** An offer accepted took place, though the words around it speak of an offer (`پیشنهاد`). */
const PERSIAN_ACCEPTED = new RegExp(anyArabicScriptSpelling(["پذیرفت", "پذیرش"]), "u");
const PERSIAN_OFFER_IN_RETURN = new RegExp(
  `${NOT_LETTER_BEFORE}${anyArabicScriptSpelling(["به"])}\\s+(?<target>[^\\u060C.]{1,60}?)\\s+${anyArabicScriptSpelling(["پیشنهاد شد", "پیشنهاد کردیم", "پیشنهاد کردم", "پیشنهاد داده شد"])}\\s*(?:${anyArabicScriptSpelling(["که"])})?(?<offer>[^]{5,300}?)[\\u061B\\u060C]?\\s*(?:${anyArabicScriptSpelling(["در مقابل", "در ازای", "در عوض"])})`,
  "u",
);

/** Cheap tests that a sentence may tell of a recruitment, before any reading: a pattern for English, word stems for Persian. */
export const RECRUITMENT_HINT: Hint = {
  english: /\b(?:recruit|cultivat|pitched|enlisted|approached|accepted|agreed to (?:cooperate|work)|proposed to|offered|promised to)/i,
  persian: persianStems(["جذب", "به کار", "به کارگیری", "عضوگیری", "به خدمت", "همکاری", "پیشنهاد"]),
};

export function readRecruitments(sentence: Sentence, candidates: readonly Candidate[]): Draft[] {
  if (sentence.header) return [];
  return sentence.persian ? persianRecruitments(sentence, candidates) : englishRecruitments(sentence, candidates);
}

function englishRecruitments(sentence: Sentence, candidates: readonly Candidate[]): Draft[] {
  const offer = OFFER_IN_RETURN.exec(sentence.body) ?? OFFERED_FOR.exec(sentence.body);
  if (offer) {
    const start = sentence.start + offer.index;
    const targetAt = start + offer[0].indexOf(offer.groups?.target ?? "\u0000");
    const target = offer.groups?.target !== undefined ? groupAfter(sentence, candidates, targetAt) : groupAfter(sentence, candidates, start + "offered".length);
    if (target.length > 0 && !isNegated(sentence, start, start + 8)) {
      return [recruitmentDraft(sentence, candidates, target, groupBefore(sentence, candidates, start), start, 0.7, offer.groups?.offer)];
    }
  }
  const drafts: Draft[] = [];
  for (const [pattern, targetSide] of [[RECRUITED, "object"], [RECRUITMENT_NOUN, "object"], [APPROACHED, "subject"], [ACCEPTED, "subject"]] as const) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(sentence.body); match; match = pattern.exec(sentence.body)) {
      const start = sentence.start + match.index;
      const end = start + match[0].length;
      if (isNegated(sentence, start, end)) continue;
      const clause = clauseAround(sentence, start, end);
      const passive = /\b(?:was|were|been|be)\s+$/iu.test(sentence.text.slice(Math.max(sentence.start, start - 8), start));
      const before = groupBefore(sentence, candidates, start, clause.start);
      const after = groupAfter(sentence, candidates, end, { until: clause.end });
      const target = targetSide === "subject" || passive ? before : after;
      const recruiter = targetSide === "subject" || passive ? (passive ? byGroup(sentence, candidates, end, clause.end) : []) : before;
      if (target.length > 0) drafts.push(recruitmentDraft(sentence, candidates, target, recruiter, start, 0.8));
    }
  }
  return drafts.slice(0, 1);
}

function persianRecruitments(sentence: Sentence, candidates: readonly Candidate[]): Draft[] {
  const offer = PERSIAN_OFFER_IN_RETURN.exec(sentence.body);
  if (offer) {
    const start = sentence.start + offer.index;
    const target = groupAfter(sentence, candidates, start + offer[0].indexOf(offer.groups?.target ?? "\u0000"));
    if (target.length > 0) return [recruitmentDraft(sentence, candidates, target, [], start, 0.7, offer.groups?.offer)];
  }
  PERSIAN_RECRUITED.lastIndex = 0;
  const match = PERSIAN_RECRUITED.exec(sentence.body);
  if (!match) return [];
  const start = sentence.start + match.index;
  const accepted = PERSIAN_ACCEPTED.test(match[0]);
  if (isNegated(sentence, start, start + match[0].length) || (!accepted && isHypothetical(sentence, start, start + match[0].length))) return [];
  const clause = clauseAround(sentence, start, start + match[0].length);
  const target = candidates.filter((candidate) => candidate.at >= clause.start && candidate.until <= start && candidate.origin !== "writer" && candidate.entityType !== "organization").slice(0, 1);
  return target.length > 0 ? [recruitmentDraft(sentence, candidates, target, [], start, 0.75)] : [];
}

function recruitmentDraft(sentence: Sentence, candidates: readonly Candidate[], target: readonly Candidate[], recruiter: readonly Candidate[], cue: number, confidence: number, offer?: string): Draft {
  const recruiters: RelationParticipant[] = recruiter.length > 0 ? allInRole("recruiter", recruiter) : writerAsRecruiter(sentence, candidates);
  const draft: Draft = { type: "recruitment", participants: [...recruiters, ...allInRole("target", target)], cue, confidence };
  const purpose = offer?.replace(/\s+/gu, " ").replace(/^[\s,]+|[\s,;]+$/gu, "");
  if (purpose) draft.purpose = purpose;
  return draft;
}

function byGroup(sentence: Sentence, candidates: readonly Candidate[], from: number, to: number): Candidate[] {
  const by = /\bby\b/iu.exec(sentence.text.slice(from, to));
  return by ? groupAfter(sentence, candidates, from + by.index + 2, { until: to }) : [];
}

function writerAsRecruiter(sentence: Sentence, candidates: readonly Candidate[]): RelationParticipant[] {
  const writer = candidates.find((candidate) => candidate.origin === "writer");
  if (writer) return [inRole("recruiter", writer)];
  const name = sentence.voice.officer ?? sentence.voice.office;
  return name ? [{ role: "recruiter", name, entityType: sentence.voice.officer ? "person" : "organization", start: null, end: null }] : [];
}
