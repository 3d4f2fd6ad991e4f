/**
 * Every mention in a text: people, organisations and places from the
 * statistical model, with their titles and roles; sources, money, dates,
 * phone numbers and e-mail addresses from rules. Where a rule and the model
 * claim overlapping text, the rule wins: "Source 134832" is an informant, not
 * an organisation called Source.
 */
import type { LanguageCode } from "../model/document.js";
import type { Mention } from "../model/entity.js";
import { aliasKey } from "./entity-resolution.js";
import { recogniseEntities } from "./ner/recognise.js";
import { findRuleMentions } from "./rules/index.js";
import { attachTitleAndRole } from "./titles.js";

/** A mention with the name it gives, titles removed: what aliases are made of. */
export interface FoundMention extends Mention {
  name: string;
}

export interface MentionOptions {
  /**
   * Characters read from the start of the text; default 2,000,000. A longer
   * text (a dump, an OCR run-on) is read up to the limit so that one file
   * cannot stall a whole ingest.
   */
  maxCharacters?: number;
  /** The document's language: Persian reads two-digit years (`15/07/93`) as Solar Hijri. */
  language?: LanguageCode;
}

export const DEFAULT_MAX_CHARACTERS = 2_000_000;

/**
 * @example
 * findMentions("Maj. Gen. Qassem Soleimani met Source 134832 in Karbala.")
 * // → person "Qassem Soleimani" (title "Maj. Gen."), source "Source 134832", place "Karbala"
 */
export function findMentions(text: string, options: MentionOptions = {}): FoundMention[] {
  const limit = options.maxCharacters ?? DEFAULT_MAX_CHARACTERS;
  const bounded = text.length > limit ? text.slice(0, limit) : text;
  const ruled = findRuleMentions(bounded, options.language === "fa" ? { calendar: "jalali" } : {});
  const named = recogniseEntities(bounded)
    .map((mention) => attachTitleAndRole(bounded, trimPunctuation(mention)))
    .filter((mention) => /[\p{L}\p{N}]/u.test(mention.text) && !FORMAT_WORDS.has(aliasKey(mention.text)) && !ruled.some((rule) => overlaps(rule, mention)));
  return [...ruled, ...named]
    .sort((a, b) => a.start - b.start || b.end - a.end)
    .map((mention) => {
      const name = mention.text.replace(/\s+/gu, " ").trim();
      const isName = mention.type === "person" || mention.type === "organization" || mention.type === "place";
      return { ...mention, name, normalized: isName ? aliasKey(name) : mention.normalized };
    });
}

/**
 * Words of the cable format that the model, trained on news, takes for names:
 * handling caveats, header labels, TAGS codes and embassy shorthand. They
 * name nobody, and as entities they would crowd out the people.
 */
const FORMAT_WORDS: ReadonlySet<string> = new Set([
  "sipdis", "sensitive", "noforn", "nf", "rel", "s/nf", "c/nf", "s/rel", "ts", "nodis", "exdis", "limdis", "sbu", "orcon", "relido", "fouo", "tags", "subject", "ref", "refs", "e.o.", "eo",
  "orig", "origin", "translator", "reviewer", "classified by", "reason", "drafted", "cleared", "approved", "info", "action", "summary", "comment", "end comment",
  "poloff", "econoff", "pol", "econ", "dcm", "cda", "amb", "rso", "pao", "conoff", "usg", "embassy", "amembassy", "secstate", "washdc",
  "prel", "pgov", "pter", "phum", "pinr", "mops", "mars", "efin", "econ", "epet", "kdem", "kisl", "kjus", "kcrm", "asec", "iz", "ir", "sy", "le", "ku",
]);

/** A name does not begin or end with punctuation; the model sometimes takes a bracket or comma along. */
function trimPunctuation(mention: Mention): Mention {
  const leading = /^[^\p{L}\p{N}\p{M}]+/u.exec(mention.text)?.[0].length ?? 0;
  const trailing = /[^\p{L}\p{N}\p{M}.]+$/u.exec(mention.text.slice(leading))?.[0].length ?? 0;
  if (leading === 0 && trailing === 0) return mention;
  const text = mention.text.slice(leading, mention.text.length - trailing);
  return { ...mention, text, start: mention.start + leading, end: mention.end - trailing };
}

function overlaps(a: Mention, b: Mention): boolean {
  return a.start < b.end && b.start < a.end;
}
