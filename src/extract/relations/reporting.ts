/**
 * REPORTING: the line information travels along, source → handler →
 * headquarters.
 *
 * - An informant speaks: `Source 134832 told the Iranian officer`, `the
 *   source stated that …` (to the writer), `according to the source`,
 *   `منبع … گزارش داد`, `به گفتهٔ منبع`.
 * - Someone reports onward: `reported to Tehran`, `به ستاد … گزارش داد`.
 * - A line written out with arrows: `Source 134905 → Baghdad Station →
 *   Headquarters, Tehran`, `منبع ۱۳۴۹۰۵ ← ایستگاه بغداد ← ستاد مرکزی`;
 *   the first is the source, a headquarters and whatever follows it are
 *   headquarters, the rest handle.
 * - `Handling officer: Roozbeh` after an informant.
 *
 * A report's `From:` and `To:` lines and a cable's routing are its own
 * distribution, not a reporting line. Someone who is no informant telling an
 * officer (`X told PolOff`) is a meeting, not a reporting line.
 */
import type { RelationParticipant } from "../../model/relation.js";
import { anyArabicScriptSpelling } from "../rules/arabic-script.js";
import type { Candidate } from "./candidates.js";
import { clauseAround, isHypothetical, isNegated } from "./clause.js";
import { allInRole, inRole, written, type Draft } from "./draft.js";
import { groupAfter, groupBefore } from "./groups.js";
import { NOT_LETTER_BEFORE, persianStems } from "./persian.js";
import type { Hint, Sentence } from "./sentence.js";

const TOLD = /\b(?:told|informed|briefed|tipped off|confided to)\b/giu;
const STATED = /\b(?:stated|reported|said|added|explained|noted|claimed|revealed|disclosed|indicated|gave|passed on|provided)\b/giu;
const ACCORDING_TO = /\baccording to\b/gi;
const REPORTED_TO = /\b(?:reported|reports|relayed|forwarded|passed (?:it|this|them|the information) on)\s+(?:(?:it|this|them|everything)\s+)?to\b/giu;
const HANDLER_LABEL = /\b(?:handling officer|case officer|handler)\s*:\s*/giu;
const ARROW = /\s*(?:→|->|⟶|⇒|←|<-|⟵|⇐)\s*/u;
const LINE_LABEL = /^[^:\n]{0,40}:\s*/u;
const HEADQUARTERS_WORDS = /headquarters|\bhq\b|secstate|ستاد|مرکز/iu;

const PERSIAN_STATED = new RegExp(
  `${NOT_LETTER_BEFORE}(?:${anyArabicScriptSpelling(["گزارش داد", "گزارش کرد", "اظهار داشت", "اعلام کرد", "اطلاع داد", "گفت", "افزود", "توضیح داد", "عنوان کرد", "ارائه داد", "در اختیار", "اطلاع داده"])})`,
  "gu",
);
/** `ارائه داد` and `در اختیار گذاشت` hand over anything (a room, a car): a report only when what is handed over is information. */
const PERSIAN_HANDED_OVER = new RegExp(`^(?:${anyArabicScriptSpelling(["ارائه داد", "در اختیار"])})`, "u");
const PERSIAN_INFORMATION = new RegExp(anyArabicScriptSpelling(["گزارش", "اطلاعات", "برنامه", "فهرست", "اسناد", "سند", "نقشه", "جزئیات", "خبر", "مدارک"]), "u");
const PERSIAN_ACCORDING_TO = new RegExp(`${NOT_LETTER_BEFORE}(?:${anyArabicScriptSpelling(["به گفته", "به گزارش", "طبق گفته", "بنا بر گفته"])})[\\u0654\\u06C0\\u200C\\u06CC]*\\s*`, "gu");
const PERSIAN_TO_HEADQUARTERS = new RegExp(`${NOT_LETTER_BEFORE}${anyArabicScriptSpelling(["به"])}\\s+(?=${anyArabicScriptSpelling(["ستاد", "مرکز", "تهران"])})`, "gu");
const PERSIAN_HANDLER_LABEL = new RegExp(`(?:${anyArabicScriptSpelling(["افسر رابط", "افسر هدایت کننده", "افسر پرونده", "مسئول منبع"])})\\s*:\\s*`, "gu");

/** Cheap tests that a sentence may state a reporting line, before any reading: a pattern for English, word stems for Persian. */
export const REPORTING_HINT: Hint = {
  english: /\b(?:told|informed|briefed|tipped off|confided|stated|reported|reports|said|added|explained|noted|claimed|revealed|disclosed|indicated|gave|passed|provided|according to|relayed|forwarded|handling officer|case officer|handler)\b|→|->|⟶|⇒|←|<-|⟵|⇐/i,
  persian: persianStems(["گزارش", "اظهار", "اعلام", "اطلاع", "گفت", "افزود", "توضیح", "عنوان کرد", "ارائه داد", "در اختیار", "به گفته", "طبق گفته", "بنا بر گفته", "افسر", "مسئول منبع"]),
};

export function readReporting(sentence: Sentence, candidates: readonly Candidate[]): Draft[] {
  const arrows = arrowLine(sentence, candidates);
  if (arrows) return [arrows];
  if (sentence.header) return [];
  const drafts = sentence.persian ? persianReporting(sentence, candidates) : englishReporting(sentence, candidates);
  const handled = handlerLabel(sentence, candidates);
  return handled ? [...drafts, handled] : drafts;
}

function englishReporting(sentence: Sentence, candidates: readonly Candidate[]): Draft[] {
  const drafts: Draft[] = [];
  for (const [start, end] of matches(sentence, TOLD)) {
    if (isNegated(sentence, start, end)) continue;
    const clause = clauseAround(sentence, start, end);
    const source = groupBefore(sentence, candidates, start, clause.start).filter(isInformant);
    const handler = groupAfter(sentence, candidates, end, { until: clause.end });
    if (source.length === 0 || handler.length === 0) continue;
    drafts.push(reportingDraft([...allInRole("source", source), ...allInRole("handler", handler)], start, 0.85));
  }
  for (const [start, end] of matches(sentence, STATED)) {
    if (drafts.length > 0) break;
    const clause = clauseAround(sentence, start, end);
    const source = groupBefore(sentence, candidates, start, clause.start).filter(isInformant);
    if (source.length === 0 || isNegated(sentence, start, end)) continue;
    const toHandler = /^\s+to\b/iu.test(sentence.text.slice(end, end + 5)) ? groupAfter(sentence, candidates, end + sentence.text.slice(end).indexOf("to") + 2) : [];
    drafts.push(reportingDraft([...allInRole("source", source), ...handlerOrWriter(sentence, candidates, toHandler)], start, 0.8));
  }
  for (const [start, end] of matches(sentence, ACCORDING_TO)) {
    const source = groupAfter(sentence, candidates, end).filter(isInformant);
    if (source.length > 0 && drafts.length === 0) drafts.push(reportingDraft([...allInRole("source", source), ...handlerOrWriter(sentence, candidates, [])], start, 0.75));
  }
  for (const [start, end] of matches(sentence, REPORTED_TO)) {
    if (isNegated(sentence, start, end) || isHypothetical(sentence, start, end) || /\bto\s+$/iu.test(sentence.text.slice(start - 4, start))) continue;
    const source = groupBefore(sentence, candidates, start, clauseAround(sentence, start, end).start);
    const headquarters = headquartersAfter(sentence, candidates, end);
    if (source.length > 0 && headquarters) drafts.push(reportingDraft([...allInRole("source", source), headquarters], start, 0.75));
  }
  return drafts;
}

function persianReporting(sentence: Sentence, candidates: readonly Candidate[]): Draft[] {
  const drafts: Draft[] = [];
  for (const [start, end] of matches(sentence, PERSIAN_STATED)) {
    if (isNegated(sentence, start, end)) continue;
    const clause = clauseAround(sentence, start, end);
    const source = candidates.filter((candidate) => candidate.at >= clause.start && candidate.until <= start && isInformant(candidate)).slice(0, 1);
    if (source.length === 0) continue;
    if (PERSIAN_HANDED_OVER.test(sentence.text.slice(start, end)) && !PERSIAN_INFORMATION.test(sentence.text.slice(clause.start, clause.end))) continue;
    const toHeadquarters = matches(sentence, PERSIAN_TO_HEADQUARTERS).find(([at]) => at >= clause.start && at < start);
    const headquarters = toHeadquarters ? headquartersAfter(sentence, candidates, toHeadquarters[1]) : undefined;
    const participants = [...allInRole("source", source), ...(headquarters ? [headquarters] : handlerOrWriter(sentence, candidates, []))];
    drafts.push(reportingDraft(participants, start, 0.8));
    break;
  }
  for (const [start, end] of matches(sentence, PERSIAN_ACCORDING_TO)) {
    const source = groupAfter(sentence, candidates, end).filter(isInformant);
    if (source.length > 0 && drafts.length === 0) drafts.push(reportingDraft([...allInRole("source", source), ...handlerOrWriter(sentence, candidates, [])], start, 0.75));
  }
  return drafts;
}

/** `Reporting line: Source 134905 → Baghdad Station ("Roozbeh") → head of station → Headquarters, Tehran`. */
function arrowLine(sentence: Sentence, candidates: readonly Candidate[]): Draft | undefined {
  const parts = sentence.body.split(ARROW);
  if (parts.length < 3) return undefined;
  const participants: RelationParticipant[] = [];
  let offset = sentence.start;
  let reachedHeadquarters = false;
  parts.forEach((part, index) => {
    const partStart = sentence.text.indexOf(part, offset);
    offset = partStart + part.length;
    const label = index === 0 ? LINE_LABEL.exec(part)?.[0].length ?? 0 : 0;
    const from = partStart + label;
    const to = partStart + part.length;
    reachedHeadquarters ||= index > 0 && HEADQUARTERS_WORDS.test(part);
    const role = index === 0 ? "source" : reachedHeadquarters || index === parts.length - 1 ? "headquarters" : "handler";
    const inside = candidates.filter((candidate) => candidate.at >= from && candidate.until <= to);
    const whole = inside.length === 1 && inside[0]!.until - inside[0]!.at >= (to - from) * 0.6 ? inRole(role, inside[0]!) : written(role, sentence, from, to);
    if (whole) participants.push(whole);
  });
  return participants.some((participant) => participant.role === "source") ? reportingDraft(participants, sentence.start, 0.85) : undefined;
}

/** `Handling officer: Roozbeh.` after an informant: the informant reports to that officer. */
function handlerLabel(sentence: Sentence, candidates: readonly Candidate[]): Draft | undefined {
  const label = sentence.persian ? PERSIAN_HANDLER_LABEL : HANDLER_LABEL;
  const [, end] = matches(sentence, label)[0] ?? [];
  if (end === undefined) return undefined;
  const handler = groupAfter(sentence, candidates, end);
  const named = handler.length > 0 ? allInRole("handler", handler) : [written("handler", sentence, end, Math.min(sentence.end, end + 40))].filter((participant): participant is RelationParticipant => participant !== undefined);
  const inSentence = candidates.find((candidate) => candidate.entityType === "source" && candidate.until <= end);
  const source = inSentence ?? (sentence.discourse.lastSource ? { name: sentence.discourse.lastSource.name, entityType: "source" as const, at: end, until: end, start: null, end: null, origin: "pronoun" as const } : undefined);
  if (!source || named.length === 0) return undefined;
  return reportingDraft([inRole("source", source), ...named], end, 0.75);
}

function headquartersAfter(sentence: Sentence, candidates: readonly Candidate[], position: number): RelationParticipant | undefined {
  const group = groupAfter(sentence, candidates, position, { leadWords: new Set(["the", "his", "her", "their"]) });
  if (group.length > 0) return inRole("headquarters", group[0]!);
  const place = sentence.names.find((name) => name.type === "place" && name.start >= position && /^\s*(?:the\s+)?$/u.test(sentence.text.slice(position, name.start)));
  if (place) return { role: "headquarters", name: place.name, entityType: "place", start: place.start, end: place.end };
  const rest = sentence.text.slice(position, Math.min(sentence.end, position + 60));
  const word = /^\s*(?:the\s+)?(?<name>headquarters|HQ|[\p{L}\u200C]+(?:\s+[\p{L}\u200C]+)?)/iu.exec(rest);
  const name = word?.groups?.name;
  if (!word || name === undefined || !HEADQUARTERS_WORDS.test(name)) return undefined;
  const start = position + word[0].length - name.length;
  return written("headquarters", sentence, start, start + name.length);
}

function handlerOrWriter(sentence: Sentence, candidates: readonly Candidate[], handler: readonly Candidate[]): RelationParticipant[] {
  if (handler.length > 0) return allInRole("handler", handler);
  const writer = candidates.find((candidate) => candidate.origin === "writer");
  if (writer) return [inRole("handler", writer)];
  const name = sentence.voice.officer ?? sentence.voice.office;
  return name ? [{ role: "handler", name, entityType: sentence.voice.officer ? "person" : "organization", start: null, end: null }] : [];
}

function reportingDraft(participants: RelationParticipant[], cue: number, confidence: number): Draft {
  return { type: "reporting", participants, cue, confidence };
}

function isInformant(candidate: Candidate): boolean {
  return candidate.entityType === "source";
}

function matches(sentence: Sentence, pattern: RegExp): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(sentence.body); match; match = pattern.exec(sentence.body)) {
    found.push([sentence.start + match.index, sentence.start + match.index + match[0].length]);
  }
  return found;
}
