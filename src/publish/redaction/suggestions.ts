/**
 * Suggested redactions: what rules find that could burn a source, put in the
 * review queue for a reporter to accept or reject. Nothing is redacted until
 * a reporter accepts it.
 *
 * The rules, strongest first (of two suggestions for the same words the
 * first reason is kept, and a span inside another is left out):
 * - `source`: informant numbers and code names (`Source 134905`, `منبع
 *   ۱۳۴۹۰۵ (گلستان)`), redacted by the number or the code name alone;
 * - `linked-to-source`: people a reporter linked to a source (`trove entity
 *   link`), and people who take part with a source in a relation — who met
 *   it, handled it, paid it, recruited it — every mention of them in the
 *   archive, or, when the name was not resolved, where the participant
 *   stands in that document (for a report's author, its name wherever the
 *   report signs it);
 * - `email` and `phone`: addresses and numbers in any script;
 * - `address`: a house number with a street, an alley or a district (see
 *   addresses.ts);
 * - `plate`: vehicle plates (see plates.ts).
 *
 * Informants, phones and e-mails are read from the text with the same rules
 * ingest uses, so documents ingested without entity extraction get their
 * suggestions too; where ingest resolved the mention to an entity, the
 * suggestion carries it, so accepting it makes the leak check look for the
 * entity's every form.
 *
 * @example
 * const report = addSuggestions(store);
 * report.added // → { source: 42, "linked-to-source": 9, phone: 11, email: 6, address: 1, plate: 4 }
 * addSuggestions(store).added.source // → 0: a second run adds nothing twice
 */
import { findEmailMentions, findPhoneMentions, findSourceMentions } from "../../extract/rules/index.js";
import { withoutOverlaps } from "../../extract/rules/rule-mention.js";
import type { Mention } from "../../model/entity.js";
import type { RedactionReason } from "../../model/redaction.js";
import type { StoredParticipant } from "../../model/relation.js";
import type { StoredMention } from "../../store/entity-store.js";
import type { RedactionToAdd } from "../../store/redaction-store.js";
import type { ArchiveStore } from "../../store/store.js";
import { findAddresses } from "./addresses.js";
import { MIN_FORM_LENGTH } from "./entity-forms.js";
import { findForms, foldForm, foldText, type FoldedText } from "../../text/folded-text.js";
import { PAGE_SIZE, pages } from "./paging.js";
import { findPlates } from "./plates.js";
import { identifierSpan, withoutNested } from "./spans.js";

/** The author of every suggestion. */
export const SUGGESTION_AUTHOR = "trove";

/** The reasons rules give, strongest first. */
export const SUGGESTION_REASONS = ["source", "linked-to-source", "email", "phone", "address", "plate"] as const satisfies readonly RedactionReason[];
export type SuggestionReason = (typeof SUGGESTION_REASONS)[number];

export interface SuggestionOptions {
  /** Only this document; by default every indexed document. */
  documentId?: number;
}

export interface SuggestionReport {
  /** Documents read. */
  documents: number;
  /** What the rules found, by reason, including what was already in the queue or decided. */
  found: Record<SuggestionReason, number>;
  /** New suggestions added to the queue, by reason. */
  added: Record<SuggestionReason, number>;
}

const RULE_TYPES: ReadonlySet<string> = new Set(["source", "phone", "email"]);

/** What the rules suggest, without adding it: every suggestion has status `suggested` and author `trove`. */
export function suggestRedactions(store: ArchiveStore, options: SuggestionOptions = {}): RedactionToAdd[] {
  const documentIds = options.documentId === undefined ? store.redactions.redactableDocumentIds() : [options.documentId];
  const byDocument = documentIds.flatMap((documentId) =>
    documentSuggestions(documentId, store.redactions.documentText(documentId), store.entities.documentMentions(documentId)),
  );
  const linked = linkedToSourceSuggestions(store, options.documentId);
  const strongestFirst = [...byDocument, ...linked].sort((a, b) => rank(a.reason) - rank(b.reason));
  return withoutNested(strongestFirst).sort((a, b) => a.documentId - b.documentId || a.start - b.start || a.end - b.end);
}

/** Runs the rules and adds what they find to the review queue; a span already there is left as it is. */
export function addSuggestions(store: ArchiveStore, options: SuggestionOptions = {}): SuggestionReport {
  const countByReason = () => Object.fromEntries(SUGGESTION_REASONS.map((reason) => [reason, store.redactions.countRedactions({ reason })])) as Record<SuggestionReason, number>;
  const before = countByReason();
  const suggestions = suggestRedactions(store, options);
  store.redactions.addRedactions(suggestions);
  store.commit();
  const after = countByReason();
  const found = Object.fromEntries(SUGGESTION_REASONS.map((reason) => [reason, suggestions.filter((suggestion) => suggestion.reason === reason).length])) as Record<SuggestionReason, number>;
  const added = Object.fromEntries(SUGGESTION_REASONS.map((reason) => [reason, after[reason] - before[reason]])) as Record<SuggestionReason, number>;
  const documents = options.documentId === undefined ? store.redactions.redactableDocumentIds().length : 1;
  return { documents, found, added };
}

function rank(reason: RedactionReason): number {
  return SUGGESTION_REASONS.indexOf(reason as SuggestionReason);
}

function suggestion(documentId: number, span: { start: number; end: number }, reason: SuggestionReason, note: string, entityId: number | null = null): RedactionToAdd {
  return { documentId, start: span.start, end: span.end, entityId, reason, note, status: "suggested", author: SUGGESTION_AUTHOR };
}

/** The rules that read one document's text: informants, e-mails, phones, addresses and plates. */
function documentSuggestions(documentId: number, text: string, mentions: StoredMention[]): RedactionToAdd[] {
  const stored = new Map(mentions.filter((mention) => RULE_TYPES.has(mention.type)).map((mention) => [mentionKey(mention), mention]));
  const read = withoutOverlaps([findEmailMentions(text), findSourceMentions(text), findPhoneMentions(text)]);
  const seen = new Set(read.map(mentionKey));
  // Mentions an older extractor stored that today's rules no longer read are still suggested.
  const all: Mention[] = [...read, ...[...stored.values()].filter((mention) => !seen.has(mentionKey(mention)))];
  const suggestions = all.map((mention) => {
    const entityId = stored.get(mentionKey(mention))?.entityId ?? null;
    if (mention.type === "source") return suggestion(documentId, identifierSpan(mention), "source", sourceNote(mention), entityId);
    return suggestion(documentId, mention, mention.type === "phone" ? "phone" : "email", mention.type === "phone" ? "phone number" : "e-mail address", entityId);
  });
  const addresses = findAddresses(text);
  for (const address of addresses) suggestions.push(suggestion(documentId, address, "address", "exact address"));
  for (const plate of findPlates(text, addresses)) suggestions.push(suggestion(documentId, plate, "plate", "vehicle plate"));
  return suggestions;
}

function mentionKey(mention: Pick<Mention, "type" | "start" | "end">): string {
  return `${mention.type}:${mention.start}:${mention.end}`;
}

function sourceNote(mention: Mention): string {
  const sourceId = mention.attributes.sourceId;
  if (/\d/u.test(mention.text)) return `informant number${sourceId ? ` ${sourceId}` : ""}`;
  return sourceId && /^\d+$/u.test(sourceId) ? `code name of informant ${sourceId}` : "informant code name";
}

/**
 * People linked to a source, by a reporter or by a relation in which they
 * take part with it: every mention of each person in the archive, or, for a
 * participant whose name was not resolved to an entity, where it stands in
 * the relation's document.
 */
function linkedToSourceSuggestions(store: ArchiveStore, onlyDocument: number | undefined): RedactionToAdd[] {
  const people = new Map<number, string>();
  const suggestions: RedactionToAdd[] = [];
  const texts = new Map<number, FoldedText>();
  for (const source of pages((offset) => store.entities.listEntities({ type: "source", limit: PAGE_SIZE, offset }))) {
    const profile = store.entities.getEntity(source.id, { mentionLimit: 0, coOccurrenceLimit: 0, showSourceLinks: true });
    for (const identity of profile.linkedIdentities) {
      if (identity.type === "person" && !people.has(identity.id)) people.set(identity.id, `a reporter linked this person to ${source.name}${identity.note ? ` (${identity.note})` : ""}`);
    }
    for (const relation of pages((offset) => store.relations.listRelations({ entityId: source.id, limit: PAGE_SIZE, offset }))) {
      const note = `${relation.type} with ${source.name} (document ${relation.documentId})`;
      for (const participant of relation.participants) {
        if (participant.entityType !== "person" || participant.entityId === source.id) continue;
        if (participant.entityId !== null) {
          if (!people.has(participant.entityId)) people.set(participant.entityId, note);
        } else if (onlyDocument === undefined || onlyDocument === relation.documentId) {
          for (const span of participantSpans(store, relation.documentId, participant, texts)) suggestions.push(suggestion(relation.documentId, span, "linked-to-source", note));
        }
      }
    }
  }
  for (const [personId, note] of people) {
    for (const mention of store.redactions.entityMentions(personId)) {
      if (onlyDocument === undefined || mention.documentId === onlyDocument) suggestions.push(suggestion(mention.documentId, mention, "linked-to-source", note, personId));
    }
  }
  return suggestions;
}

/**
 * Where an unresolved participant stands in its document: its own span, or,
 * when the relation only implies it (a report's author, who "met the
 * source"), every place its name stands — the signature, the sender line.
 */
function participantSpans(store: ArchiveStore, documentId: number, participant: StoredParticipant, texts: Map<number, FoldedText>): Array<{ start: number; end: number }> {
  if (participant.start !== null && participant.end !== null) return [{ start: participant.start, end: participant.end }];
  if ([...foldForm(participant.name)].length < MIN_FORM_LENGTH) return [];
  let folded = texts.get(documentId);
  if (!folded) {
    folded = foldText(store.redactions.documentText(documentId));
    texts.set(documentId, folded);
  }
  return findForms(folded, [participant.name], { wholeWords: true });
}
