/**
 * AFFILIATION from an office written beside a name, as cables write it:
 * `MEA Undersecretary Jayant Khobargade`, `USAID Deputy Assistant
 * Administrator Mark Silverman`, `Chief of National Police LTG X`, `X,
 * Peshmerga commander on the front`, `X (Y)`.
 *
 * The organisation must be named: an organisation the model found, or an
 * acronym (`INL`, `WHA/AND`, `SouthCom`) in mixed-case text. A title that
 * carries only a country (`UAE Deputy Prime Minister`, `Defense Minister
 * Santos`, `Egyptian President`) states no affiliation, nor does a bare
 * title; in a cable written in capitals every word looks like an acronym, so
 * there only an organisation the model found counts.
 */
import type { RelationParticipant } from "../../model/relation.js";
import type { Candidate } from "./candidates.js";
import { clauseAround } from "./clause.js";
import type { DocumentName } from "./document-names.js";
import { inRole, written, type Draft } from "./draft.js";
import { STAFF_SHORTHAND } from "./english.js";
import type { Hint, Sentence } from "./sentence.js";

/** Words of an office (lower case): `deputy assistant administrator`, `peace and security commissioner`, `a/s`. */
export const OFFICE_WORDS: ReadonlySet<string> = new Set([
  "undersecretary", "under-secretary", "secretary", "minister", "director", "director-general", "commander", "mediator", "commissioner",
  "spokesman", "spokeswoman", "spokesperson", "chief", "head", "chairman", "chairwoman", "chair", "administrator", "deputy", "assistant", "vice",
  "a/s", "a/s-equivalent", "das", "mp", "member", "official", "officer", "leader", "coordinator", "adviser", "advisor", "envoy", "representative",
  "counsel", "counselor", "counsellor", "president", "vice-president", "ceo", "cfo", "coo", "executive", "manager", "founder", "owner",
  "treasurer", "governor", "inspector", "superintendent", "general", "attorney", "negotiator", "analyst", "aide", "principal", "rapporteur",
  "senior", "acting", "office", "desk", "dcm", "cda", "pm", "fm", "charge", "chargé",
]);
/** Ranks and honorifics between an office and a name: `Commander Admiral Stavridis`, `MP Sheikh …`, `Police LTG …`. */
const RANKS: ReadonlySet<string> = new Set([
  "admiral", "adm", "general", "gen", "ltg", "lt", "mg", "bg", "col", "colonel", "maj", "major", "capt", "captain", "brig", "sheikh", "shaykh",
  "dr", "mr", "mrs", "ms", "sayyid", "ayatollah", "judge", "amb", "ambassador",
]);
/** Words that may join office words: `Peace and Security Commissioner`, `Office Director for the Americas`. */
const CONNECTORS: ReadonlySet<string> = new Set(["and", "for", "the", "of", "on"]);
/** Acronyms that name a country or its government, not an organisation: `UAE Deputy Prime Minister`, `GOI`. */
const COUNTRY_ACRONYM = /^(?:U\.?S\.?A?\.?G?|U\.?K\.?|UAE|USSR|PRC|DPRK|ROK|GO[A-Z]{1,2}|HMG|KSA)$/u;
/** Classification marks and glosses in brackets, which are no organisation: `(C)`, `(SBU)`, `(A/S)`. */
const MARKING = /^(?:[CSU]|TS|SBU|NF|FOUO|NOFORN|A\/S|DAS)$/u;
const STAFF_SHORTHAND_WHOLE = new RegExp(`^(?:${STAFF_SHORTHAND.source})$`, "u");
const ACRONYM = /^(?:\p{Lu}{2,8}(?:\/\p{Lu}{2,8})?|\p{Lu}\p{Ll}+\p{Lu}\p{Ll}+)$/u;
const WORD_BEFORE = /(\(?[\p{L}\p{N}][\p{L}\p{N}'’\/.-]*\)?)\s*$/u;
/** `Chief of National Police LTG X`: the office before the organisation, joined by `of`. */
const OFFICE_OF_BEFORE = /([\p{L}-]+)\s+of\s+(?:the\s+)?$/iu;
const OFFICE_OF_BODY = /(\p{L}[\p{L}-]*)\s+(?:of|OF)\s+(?:(?:the|THE)\s+)?(\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*){0,3}?)\s*$/u;
const APPOSITION_AFTER = /^\s*,\s*(?:(?:the|a|an)\s+)?/u;
const BRACKETED_AFTER = /^\s*\(\s*([^()]{2,60}?)\s*\)/u;
/** Cheap test that a sentence may name an office beside a name. */
export const OFFICE_HINT: Hint = {
  english: new RegExp(`\\b(?:${[...OFFICE_WORDS].map((word) => word.replace(/[./]/gu, "\\$&")).join("|")})\\b|\\(`, "iu"),
  persian: [],
};
/** How far before a name its office is looked for. */
const OFFICE_REACH = 120;

/** Every affiliation an office beside a person's name states. */
export function readOffices(sentence: Sentence, candidates: readonly Candidate[]): Draft[] {
  if (sentence.persian || sentence.header) return [];
  const capitals = isWrittenInCapitals(sentence.body);
  const drafts: Draft[] = [];
  for (const person of candidates) {
    if (person.origin !== "name" || person.entityType !== "person") continue;
    const organization = officeBefore(sentence, person, capitals) ?? officeAfter(sentence, candidates, person, capitals) ?? bracketedBody(sentence, person, capitals);
    if (organization) drafts.push({ type: "affiliation", participants: [inRole("member", person), organization.body], cue: person.at, confidence: 0.65, quality: organization.office });
  }
  return drafts;
}

interface Office {
  body: RelationParticipant;
  office: string;
}

/**
 * `INL Office Director for the Americas Tony Arias`: read back from the name
 * over ranks, office words and the capitalised words between them, to the
 * organisation that opens the title; `Chief of National Police LTG X` puts it
 * after `of`.
 */
function officeBefore(sentence: Sentence, person: Candidate, capitals: boolean): Office | undefined {
  const floor = Math.max(clauseAround(sentence, person.at, person.until).start, person.at - OFFICE_REACH);
  let position = person.at;
  let officeStart = -1;
  let officeEnd = -1;
  let body: RelationParticipant | undefined;
  while (position > floor) {
    const named = nameEndingAt(sentence, position, "organization");
    if (named) {
      body = organisationNamed(named);
      position = named.start;
      if (officeStart < 0) break;
      continue;
    }
    if (nameEndingAt(sentence, position, "person")) break;
    const word = WORD_BEFORE.exec(sentence.text.slice(floor, position));
    if (!word) break;
    const token = word[1]!;
    const key = token.replace(/^\(|\)$/gu, "").toLowerCase();
    const at = position - word[0].length;
    if (RANKS.has(key.replace(/\.$/u, "")) && officeStart < 0 && body === undefined) {
      // A rank stands between the office and the name.
    } else if (OFFICE_WORDS.has(key)) {
      officeStart = at;
      if (officeEnd < 0) officeEnd = at + token.length;
    } else if (!capitals && isAcronymBody(token) && officeStart >= 0) {
      body = written("organization", sentence, at, at + token.length);
    } else if (body === undefined && (CONNECTORS.has(key) || (!capitals && /^\p{Lu}/u.test(token)))) {
      // `for the Americas`, `Peace and Security`: words inside a title (in capitals, any word looks like one, so none is taken).
    } else break;
    position = at;
  }
  if (!body) return bodyBeforeRank(sentence, floor, person);
  if (isPlaceWord(sentence, body)) return undefined;
  if (officeStart < 0) {
    const headOf = OFFICE_OF_BEFORE.exec(sentence.text.slice(floor, position));
    return headOf && OFFICE_WORDS.has(headOf[1]!.toLowerCase()) ? { body, office: headOf[1]! } : undefined;
  }
  return { body, office: sentence.text.slice(officeStart, officeEnd).replace(/\s+/gu, " ") };
}

/** `CHIEF OF NATIONAL POLICE LTG X`, where the model found no organisation: the capitalised words between `of` and the rank before the name. */
function bodyBeforeRank(sentence: Sentence, floor: number, person: Candidate): Office | undefined {
  let position = person.at;
  for (let word = WORD_BEFORE.exec(sentence.text.slice(floor, position)); word && RANKS.has(word[1]!.toLowerCase().replace(/\.$/u, "")); word = WORD_BEFORE.exec(sentence.text.slice(floor, position))) {
    position -= word[0].length;
  }
  if (position === person.at) return undefined;
  const phrase = OFFICE_OF_BODY.exec(sentence.text.slice(floor, position));
  if (!phrase || !OFFICE_WORDS.has(phrase[1]!.toLowerCase())) return undefined;
  const start = position - phrase[0].length + phrase[0].lastIndexOf(phrase[2]!);
  const body = written("organization", sentence, start, start + phrase[2]!.length);
  return body && !isPlaceWord(sentence, body) ? { body, office: phrase[1]! } : undefined;
}

/** `Kak Rebwar Hama-Salih, Peshmerga commander on the Makhmour front`: an apposition naming an organisation and an office. */
function officeAfter(sentence: Sentence, candidates: readonly Candidate[], person: Candidate, capitals: boolean): Office | undefined {
  const lead = APPOSITION_AFTER.exec(sentence.text.slice(person.until, sentence.end));
  if (!lead) return undefined;
  const at = person.until + lead[0].length;
  const named = sentence.names.find((name) => name.start === at && name.type === "organization");
  const acronym = !named && !capitals ? /^[\p{L}\/]+/u.exec(sentence.text.slice(at, at + 12))?.[0] : undefined;
  const body = named ? organisationNamed(named) : acronym && isAcronymBody(acronym) ? written("organization", sentence, at, at + acronym.length) : undefined;
  if (!body || isPlaceWord(sentence, body)) return undefined;
  const office = /^\s+([\p{L}\/-]+)(\s+\S+)?/u.exec(sentence.text.slice(named ? named.end : at + acronym!.length, sentence.end));
  // `X, Military Forces Commander General Y`: in a list, the office is the next person's title.
  if (!office || !OFFICE_WORDS.has(office[1]!.toLowerCase()) || /^\s+\p{Lu}/u.test(office[2] ?? "")) return undefined;
  const officeAt = sentence.text.indexOf(office[1]!, at);
  const phraseEnd = officeAt + (/[,;]/u.exec(sentence.text.slice(officeAt, sentence.end))?.index ?? sentence.end - officeAt);
  if (candidates.some((candidate) => candidate.origin === "name" && candidate.at > officeAt && candidate.until <= phraseEnd)) return undefined;
  return { body, office: office[1]! };
}

/** `Roberto Aponte (Pro-Caribe)`: an organisation in brackets right after a name. */
function bracketedBody(sentence: Sentence, person: Candidate, capitals: boolean): Office | undefined {
  const bracket = BRACKETED_AFTER.exec(sentence.text.slice(person.until, sentence.end));
  if (!bracket) return undefined;
  const inner = bracket[1]!;
  const at = person.until + bracket[0].indexOf(inner);
  const named = sentence.names.find((name) => name.start === at && name.end === at + inner.length && name.type === "organization");
  if (named) return { body: organisationNamed(named), office: "" };
  if (capitals || !isAcronymBody(inner) || MARKING.test(inner)) return undefined;
  const body = written("organization", sentence, at, at + inner.length);
  return body ? { body, office: "" } : undefined;
}

/** An acronym that may name an organisation: not a country's, nor the writer's own staff (`PolOff`). */
function isAcronymBody(token: string): boolean {
  return ACRONYM.test(token) && !COUNTRY_ACRONYM.test(token) && !STAFF_SHORTHAND_WHOLE.test(token);
}

/**
 * The name of the given type that ends at `position`. Read from the
 * sentence's names, not its candidates: in `Harbour Authority spokesman` the
 * noun phrase has taken the organisation's place among the candidates.
 */
function nameEndingAt(sentence: Sentence, position: number, type: "organization" | "person"): DocumentName | undefined {
  const gap = /\s*$/u.exec(sentence.text.slice(Math.max(sentence.start, position - 4), position))![0].length;
  return sentence.names.find((name) => name.end === position - gap && name.type === type);
}

function organisationNamed(name: DocumentName): RelationParticipant {
  return { role: "organization", name: name.name, entityType: name.type, start: name.start, end: name.end };
}

/**
 * A body the document elsewhere names as a place (`Karbala`) is a country or a
 * city, not an organisation; the model types most acronyms as places
 * (`USAID`, `ONDCP`), so an acronym is judged by `COUNTRY_ACRONYM` alone.
 */
function isPlaceWord(sentence: Sentence, body: RelationParticipant): boolean {
  if (ACRONYM.test(body.name) && !isWrittenInCapitals(sentence.body)) return false;
  return sentence.names.some((name) => name.type === "place" && name.name === body.name);
}

/** Whether nearly every letter is a capital, as in old cables. */
export function isWrittenInCapitals(body: string): boolean {
  const letters = body.replace(/[^\p{L}]/gu, "");
  const capitals = letters.replace(/[^\p{Lu}]/gu, "");
  return letters.length >= 20 && capitals.length >= 0.8 * letters.length;
}
