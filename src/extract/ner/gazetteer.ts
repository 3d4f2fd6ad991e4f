/**
 * Lists of names (one to eight tokens, compared in their lower form) with the
 * entity types each was seen as, matched against every run of tokens in a
 * sentence. Built from the training data only.
 *
 * @example
 * const gazetteer = new Gazetteer([{ tokens: ["new", "york"], types: 0b0010 }]);
 * gazetteer.match(["in", "new", "york"])
 * // → [[], [{ type: 1, position: "B" }], [{ type: 1, position: "L" }]]
 */
import { combine, hashString } from "./feature-hash.js";

export interface GazetteerEntry {
  /** Lower forms of the tokens. */
  tokens: string[];
  /** Bit `t` set when the entry was seen as entity type `t`. */
  types: number;
}

export interface GazetteerHit {
  type: number;
  /** Where the token sits in the matched entry: B, I, L, or U for a one-token entry. */
  position: "B" | "I" | "L" | "U";
}

/** Longer runs are not looked up; names of more than eight tokens are rare and costly to match. */
export const MAX_ENTRY_TOKENS = 8;

/** Marks a hash that begins a longer entry. */
const PREFIX = 1 << 30;

export class Gazetteer {
  /** Hash of a token sequence → type bits, with PREFIX when a longer entry starts with it. */
  private readonly table = new Map<number, number>();

  constructor(entries: Iterable<GazetteerEntry>) {
    for (const entry of entries) {
      if (entry.tokens.length === 0 || entry.tokens.length > MAX_ENTRY_TOKENS || entry.types === 0) continue;
      let hash = 0;
      entry.tokens.forEach((token, index) => {
        hash = combine(hash, hashString(token));
        const last = index === entry.tokens.length - 1;
        const bits = this.table.get(hash) ?? 0;
        this.table.set(hash, last ? bits | entry.types : bits | PREFIX);
      });
    }
  }

  /** For each token, the entries it is part of. */
  match(lowerForms: readonly string[]): GazetteerHit[][] {
    const hits: GazetteerHit[][] = lowerForms.map(() => []);
    const hashes = lowerForms.map(hashString);
    for (let start = 0; start < hashes.length; start++) {
      let hash = 0;
      for (let end = start; end < hashes.length && end - start < MAX_ENTRY_TOKENS; end++) {
        hash = combine(hash, hashes[end] ?? 0);
        const bits = this.table.get(hash);
        if (bits === undefined) break;
        const types = bits & ~PREFIX;
        for (let type = 0; types >> type; type++) {
          if (!((types >> type) & 1)) continue;
          for (let i = start; i <= end; i++) {
            const position = start === end ? "U" : i === start ? "B" : i === end ? "L" : "I";
            hits[i]?.push({ type, position });
          }
        }
        if (!(bits & PREFIX)) break;
      }
    }
    return hits;
  }
}
