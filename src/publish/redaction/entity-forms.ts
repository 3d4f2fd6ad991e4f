/**
 * Every way the archive writes one entity: the aliases resolution gathered
 * (every script and spelling of every entity merged into it), each mention as
 * written and as a name without titles, and what identifies it — an
 * informant's number and code names, a phone's digits. Entity redaction
 * searches documents for them, and the leak check must not find them.
 */
import { stripTitles } from "../../extract/titles.js";
import type { EntityType } from "../../model/entity.js";
import type { StoredMention } from "../../store/entity-store.js";
import type { ArchiveStore } from "../../store/store.js";
import { foldForm } from "../../text/folded-text.js";
import { identifierSpan } from "./spans.js";

/**
 * Forms shorter than this (once folded) are not searched for: a one- or
 * two-letter form (`Al`, `۱۲`) stands inside ordinary words and numbers all
 * over an archive, so every document would match. Mentions that short are
 * still redacted where the model found them.
 */
export const MIN_FORM_LENGTH = 3;

export interface EntitySpellings {
  /** The entity's id (after merges), name and type. */
  id: number;
  name: string;
  type: EntityType;
  /** Its mentions in every document, entities merged into it included. */
  mentions: StoredMention[];
  /** Every spelling: aliases, mentions as written and without titles, identifiers; distinct, in that order. */
  spellings: string[];
  /**
   * What to search documents for. For a source, its numbers and code names
   * only, so an excerpt keeps the word "Source"; for anything else, every
   * spelling. Forms shorter than `MIN_FORM_LENGTH` are left out.
   */
  searchForms: string[];
}

/** Every spelling of an entity (following merges). */
export function entitySpellings(store: ArchiveStore, entityId: number): EntitySpellings {
  const entity = store.entities.getEntity(entityId, { mentionLimit: 0, coOccurrenceLimit: 0 });
  const mentions = store.redactions.entityMentions(entity.id);
  const identifiers = entity.type === "source" ? sourceIdentifiers(mentions) : entity.type === "phone" ? phoneDigits(mentions) : [];
  const written = [entity.name, ...entity.aliases.map((alias) => alias.name), ...mentions.flatMap((mention) => [mention.text, mention.name])];
  const untitled = entity.type === "person" ? written.map((spelling) => stripTitles(spelling).name) : [];
  const spellings = distinct([...written, ...untitled, ...identifiers]);
  const searchForms = (entity.type === "source" ? identifiers : spellings).filter((form) => [...foldForm(form)].length >= MIN_FORM_LENGTH);
  return { id: entity.id, name: entity.name, type: entity.type, mentions, spellings, searchForms };
}

/** An informant's numbers (`134905`) and code names (`Golestan`, `گلستان`), as its mentions write them. */
function sourceIdentifiers(mentions: StoredMention[]): string[] {
  return mentions.flatMap((mention) => {
    const span = identifierSpan(mention);
    const identifier = mention.text.slice(span.start - mention.start, span.end - mention.start);
    return mention.attributes.sourceId ? [identifier, mention.attributes.sourceId] : [identifier];
  });
}

/** A phone's digits as rules read them (`+9647712640388`, `07712640388`). */
function phoneDigits(mentions: StoredMention[]): string[] {
  return mentions.flatMap((mention) => (mention.attributes.phone ? [mention.attributes.phone] : []));
}

function distinct(spellings: string[]): string[] {
  return [...new Set(spellings.map((spelling) => spelling.replace(/\s+/gu, " ").trim()).filter((spelling) => spelling !== ""))];
}
