/**
 * Finds the entities a name stands for, as `entity:` and `name~` filters and
 * `trove entity NAME` need it: first an exact alias in any script (after
 * normalisation, so قاسم سليماني finds قاسم سلیمانی), then the entities that
 * share a name key, kept when name matching calls them the same name. With
 * `tolerant` (the `name~` filter) a partial match counts too, so `name~Barzani`
 * finds every Barzani, and exact aliases are only the start.
 */
import { aliasKey, kindOf } from "../extract/entity-resolution.js";
import { matchNames, nameKeys } from "../extract/name-match.js";
import { NAMED_ENTITY_TYPES } from "../model/entity.js";
import type { EntityStore } from "../store/entity-store.js";
import { normalise } from "../text/normalise.js";

const MAX_CANDIDATES_PER_TYPE = 200;

export interface EntityLookupOptions {
  /** Accept partial matches and look past exact aliases. */
  tolerant: boolean;
}

/** Entity ids for a name, best first: exact aliases, then matches by score. */
export function findEntitiesByName(entities: EntityStore, name: string, options: EntityLookupOptions): number[] {
  const exact = entities.entitiesByAlias(aliasKey(name));
  const sourceNumber = /^\s*(?:source\s*(?:no\.?|number|#)?\s*)?(\d+)\s*$/iu.exec(normalise(name));
  if (sourceNumber) exact.push(...entities.entitiesByAlias(`source:${sourceNumber[1]}`, "source"));
  if (exact.length > 0 && !options.tolerant) return [...new Set(exact)];

  const scored = new Map<number, number>();
  for (const type of NAMED_ENTITY_TYPES) {
    const keys = nameKeys(name, kindOf(type));
    if (keys.length === 0) continue;
    for (const candidate of entities.candidatesByKeys(type, keys, MAX_CANDIDATES_PER_TYPE)) {
      for (const alias of candidate.aliases) {
        const match = matchNames(name, alias, { explain: false, ...kindOf(type) });
        const accepted = match.decision === "match" || (options.tolerant && match.decision === "partial");
        if (accepted && match.score > (scored.get(candidate.id) ?? -1)) scored.set(candidate.id, match.score);
      }
    }
  }
  const byScore = [...scored].sort((a, b) => b[1] - a[1]).map(([id]) => id);
  return [...new Set([...exact, ...byScore])];
}
