/**
 * RESTRICTION: a report that must not reach a named body.
 *
 * English: `not to be shared with X`, `is not to be made available to X`,
 * `under no circumstances … made available to X`, `not for release to X`,
 * `not releasable to X`, `withheld from X`. Persian: `نباید در اختیار X قرار
 * گیرد`, `در اختیار X قرار نگیرد`, `نباید با X به اشتراک گذاشته شود`, `به X
 * داده نشود`.
 *
 * X must be a named body: an organisation the model found, or words in
 * capitals (`the Fajr Headquarters`), or in Persian the words the pattern
 * encloses. Caveats that name nobody are not restrictions of this kind:
 * `NOFORN`, `not releasable to foreign nationals`, `not for public release`.
 * The originator is the writer's office.
 */
import type { RelationParticipant } from "../../model/relation.js";
import { anyArabicScriptSpelling } from "../rules/arabic-script.js";
import type { Candidate } from "./candidates.js";
import { inRole, written, type Draft } from "./draft.js";
import { groupAfter } from "./groups.js";
import { NOT_LETTER_BEFORE, persianStems } from "./persian.js";
import type { Hint, Sentence } from "./sentence.js";

const WITHHELD = /\b(?:(?:not|never|no circumstances)\b[^.;]{0,60}?\b(?:be\s+)?(?:shared|made available|passed|released|given|disclosed|disseminated|shown|provided|forwarded|distributed)\s+(?:to|with)|not (?:for (?:release|distribution|dissemination)|releasable) to|withheld from|NOT RELEASABLE TO)\s+/giu;
const CAPITALISED_BODY = /^(?:the\s+)?(?<name>\p{Lu}[\p{L}'’-]*(?:\s+(?:of|for|and|the|al-)?\s*\p{Lu}[\p{L}'’-]*){0,6})/u;
const GENERIC_BODIES = /^(?:foreign(?:\s+nationals)?|foreigners|contractors|the public|public|third parties|the press|press|anyone|any|other|non-|all)\b/iu;

const PERSIAN_WITHHELD = [
  new RegExp(`${NOT_LETTER_BEFORE}(?:${anyArabicScriptSpelling(["نباید", "نمی بایست", "به هیچ وجه نباید"])})[^.\\u061B]{0,30}?${anyArabicScriptSpelling(["در اختیار"])}\\s+(?<body>[^.\\u060C\\u061B]{2,60}?)\\s+${anyArabicScriptSpelling(["قرار"])}`, "gu"),
  new RegExp(`${NOT_LETTER_BEFORE}${anyArabicScriptSpelling(["در اختیار"])}\\s+(?<body>[^.\\u060C\\u061B]{2,60}?)\\s+${anyArabicScriptSpelling(["قرار نگیرد", "قرار داده نشود", "گذاشته نشود"])}`, "gu"),
  new RegExp(`${NOT_LETTER_BEFORE}(?:${anyArabicScriptSpelling(["نباید", "نمی بایست"])})\\s+${anyArabicScriptSpelling(["با"])}\\s+(?<body>[^.\\u060C\\u061B]{2,60}?)\\s+${anyArabicScriptSpelling(["به اشتراک", "در میان"])}`, "gu"),
  new RegExp(`${NOT_LETTER_BEFORE}${anyArabicScriptSpelling(["به"])}\\s+(?<body>[^.\\u060C\\u061B]{2,40}?)\\s+${anyArabicScriptSpelling(["داده نشود", "ارائه نشود", "ارسال نشود", "منعکس نشود"])}`, "gu"),
];

/** Cheap tests that a sentence may restrict a report, before any reading: a pattern for English, word stems for Persian. */
export const RESTRICTION_HINT: Hint = {
  english: /\b(?:not|never|no circumstances|withheld|releasable)\b/i,
  persian: persianStems(["نباید", "نمی بایست", "قرار نگیرد", "داده نشود", "ارائه نشود", "ارسال نشود", "منعکس نشود", "گذاشته نشود"]),
};

export function readRestrictions(sentence: Sentence, candidates: readonly Candidate[]): Draft[] {
  const drafts: Draft[] = [];
  if (sentence.persian) {
    for (const pattern of PERSIAN_WITHHELD) {
      pattern.lastIndex = 0;
      for (let match = pattern.exec(sentence.body); match; match = pattern.exec(sentence.body)) {
        const body = match.groups?.body ?? "";
        const at = sentence.start + match.index + match[0].lastIndexOf(body);
        const named = candidates.find((candidate) => candidate.at >= at && candidate.until <= at + body.length && candidate.entityType === "organization" && candidate.until - candidate.at >= body.trim().length * 0.8);
        const withheld = named ? inRole("withheldFrom", named) : written("withheldFrom", sentence, at, at + body.length);
        if (withheld) drafts.push(restrictionDraft(sentence, withheld, at));
      }
    }
    return drafts.slice(0, 1);
  }
  WITHHELD.lastIndex = 0;
  for (let match = WITHHELD.exec(sentence.body); match; match = WITHHELD.exec(sentence.body)) {
    const end = sentence.start + match.index + match[0].length;
    const withheld = bodyAfter(sentence, candidates, end);
    if (withheld) drafts.push(restrictionDraft(sentence, withheld, sentence.start + match.index));
  }
  return drafts;
}

function bodyAfter(sentence: Sentence, candidates: readonly Candidate[], position: number): RelationParticipant | undefined {
  const rest = sentence.text.slice(position, Math.min(sentence.end, position + 120));
  if (GENERIC_BODIES.test(rest)) return undefined;
  const group = groupAfter(sentence, candidates, position, { leadWords: new Set(["the"]) }).filter((candidate) => candidate.entityType === "organization");
  if (group.length > 0) return inRole("withheldFrom", group[0]!);
  const capitalised = CAPITALISED_BODY.exec(rest);
  const name = capitalised?.groups?.name;
  if (!capitalised || name === undefined) return undefined;
  const start = position + capitalised[0].length - name.length;
  return written("withheldFrom", sentence, start, start + name.length);
}

function restrictionDraft(sentence: Sentence, withheld: RelationParticipant, cue: number): Draft {
  const office = sentence.voice.office ?? sentence.voice.officer;
  const originator: RelationParticipant[] = office ? [{ role: "originator", name: office, entityType: sentence.voice.office ? "organization" : "person", start: null, end: null }] : [];
  return { type: "restriction", participants: [withheld, ...originator], cue, confidence: sentence.header ? 0.85 : 0.8 };
}
