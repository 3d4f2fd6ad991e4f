/**
 * Entity resolution: clusters mentions into entities.
 *
 * Resolution is incremental, so that entity ids stay stable across ingest runs
 * and a reporter's merges and splits survive re-ingest. Each new spelling is
 * looked up first as an exact alias (which is also how a reporter's decisions
 * take effect: a merge or split pins aliases to an entity), then among the
 * entities sharing a name key, where `matchNames` must call it a full match.
 * A partial match (`Barzani` against `Nechirvan Barzani`) is not enough: two
 * members of one family are different people, so that merge is the reporter's.
 * Spellings are resolved commonest first, so that the commonest spelling
 * founds the entity and rarer variants join it.
 */
import type { EntityType } from "../model/entity.js";
import { jaroWinkler } from "../text/jaro-winkler.js";
import { normalise } from "../text/normalise.js";
import { matchNames, nameKeys, type NameKind } from "./name-match.js";

/** Types matched by value alone: the same number or address is the same thing. */
const EXACT_TYPES: ReadonlySet<EntityType> = new Set(["source", "phone", "email"]);

/** Aliases of one candidate compared against a new spelling; the commonest come first. */
const MAX_ALIASES_COMPARED = 8;
const MAX_CANDIDATES = 24;
/** A match this good ends the search: no other candidate would be preferred. */
const CERTAIN_MATCH = 0.97;
/**
 * Two spellings in the same script must also look alike: name matching reads
 * only consonants, so on its own it calls Iran and Run, or Khamenei and
 * Khomeini, one name. Articles are set aside first (al-Jabouri, Jubouri). Different
 * scripts cannot be compared letter by letter and rely on matching alone.
 */
const SAME_SCRIPT_MIN_SIMILARITY = 0.85;
/** A lone surname has no other part to confirm it, so it must look closer still (Soliman is not Soleimani). */
const SAME_SCRIPT_MIN_SIMILARITY_ONE_WORD = 0.9;

/** What resolution needs from the store. */
export interface ResolutionIndex {
  /** The entity that has this exact alias, following merges. */
  entityByAlias(type: EntityType, normalized: string): number | undefined;
  /** Entities of a type with any of these name keys, with their commonest aliases first. */
  candidatesByKeys(type: EntityType, keys: string[], limit: number): Array<{ id: number; aliases: string[] }>;
  createEntity(type: EntityType, name: string): number;
  /** Records a spelling (and its keys) as an alias of an entity. */
  addAlias(entityId: number, type: EntityType, normalized: string, name: string, keys: string[]): void;
  /** Attaches every unresolved mention of this type and spelling to the entity. */
  attachMentions(type: EntityType, normalized: string, entityId: number): number;
}

export interface UnresolvedName {
  type: EntityType;
  /** The spelling as written, without titles. */
  name: string;
  /** Its alias key (`aliasKey(name)`). */
  normalized: string;
  count: number;
}

export interface ResolutionSummary {
  names: number;
  mentions: number;
  /** Spellings that joined an existing entity by exact alias. */
  byAlias: number;
  /** Spellings that joined an existing entity by name matching. */
  byMatch: number;
  created: number;
}

/**
 * The key two spellings must share to be the same alias: normalised letters
 * (Arabic and Persian forms folded), lower case, single spaces.
 *
 * @example
 * aliasKey("  Qassem   SOLEIMANI ") // → "qassem soleimani"
 * aliasKey("قاسم سليماني") === aliasKey("قاسم سلیمانی") // → true
 */
export function aliasKey(name: string): string {
  return normalise(name).toLowerCase().replace(/\s+/gu, " ").trim();
}

/** Attaches each unresolved spelling to an existing entity or founds a new one. */
export function resolveNames(index: ResolutionIndex, names: UnresolvedName[]): ResolutionSummary {
  const summary: ResolutionSummary = { names: names.length, mentions: 0, byAlias: 0, byMatch: 0, created: 0 };
  const ordered = [...names].sort((a, b) => b.count - a.count || a.normalized.localeCompare(b.normalized));
  for (const spelling of ordered) {
    let entityId = index.entityByAlias(spelling.type, spelling.normalized);
    if (entityId !== undefined) {
      summary.byAlias++;
    } else {
      const keys = EXACT_TYPES.has(spelling.type) ? [] : nameKeys(spelling.name, kindOf(spelling.type));
      entityId = EXACT_TYPES.has(spelling.type) ? undefined : bestMatch(index, spelling, keys);
      if (entityId !== undefined) summary.byMatch++;
      else {
        entityId = index.createEntity(spelling.type, spelling.name);
        summary.created++;
      }
      index.addAlias(entityId, spelling.type, spelling.normalized, spelling.name, keys);
    }
    summary.mentions += index.attachMentions(spelling.type, spelling.normalized, entityId);
  }
  return summary;
}

/** The kind of name a type has, for the name matcher's rules (titles for people, generic words for places). */
export function kindOf(type: EntityType): { type?: NameKind } {
  return type === "person" || type === "place" || type === "organization" ? { type } : {};
}

/** A spelling in lower case without Arabic articles, for comparing how two spellings look. */
function lookalikeForm(name: string): string {
  return name.toLowerCase().replace(/(^|\s)(?:al|el|ul)[-\s]+/gu, "$1").replace(/(^|\s)ال/gu, "$1");
}

function looksAlike(a: string, b: string): boolean {
  const oneWord = !/\s/u.test(a) || !/\s/u.test(b);
  return jaroWinkler(a, b) >= (oneWord ? SAME_SCRIPT_MIN_SIMILARITY_ONE_WORD : SAME_SCRIPT_MIN_SIMILARITY);
}

function scriptOf(name: string): "arabic" | "latin" {
  return /[\u0600-\u06FF]/u.test(name) ? "arabic" : "latin";
}

function bestMatch(index: ResolutionIndex, spelling: UnresolvedName, keys: string[]): number | undefined {
  if (keys.length === 0) return undefined;
  const { type } = kindOf(spelling.type);
  let best: { id: number; score: number } | undefined;
  const folded = lookalikeForm(spelling.name);
  const script = scriptOf(spelling.name);
  for (const candidate of index.candidatesByKeys(spelling.type, keys, MAX_CANDIDATES)) {
    for (const alias of candidate.aliases.slice(0, MAX_ALIASES_COMPARED)) {
      if (scriptOf(alias) === script && !looksAlike(folded, lookalikeForm(alias))) continue;
      const match = matchNames(spelling.name, alias, { explain: false, ...(type && { type }) });
      if (match.decision === "match" && (!best || match.score > best.score)) best = { id: candidate.id, score: match.score };
      if (best && best.score >= CERTAIN_MATCH) return best.id;
    }
  }
  return best?.id;
}
