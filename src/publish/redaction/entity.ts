/**
 * Redacting an entity: hiding a person (or a source, a phone, an
 * organisation…) everywhere the archive names it, in every script and
 * spelling, in the originals and in their translations.
 *
 * Accepted at once, because the reporter asked for exactly this:
 * - every mention of the entity and of the entities merged into it, in every
 *   document (a source by its number or code name, so "Source" stays);
 * - every further place where one of its spellings stands, found by
 *   searching each document's text folded as search folds it (see
 *   folded-text.ts): the model misses mentions, a translation spells the
 *   name as resolution merged it (`Harith al-Zubaidi` for `حارث الزبیدی`),
 *   and a scribe writes ي for ی; a phone number is found however its digits
 *   are grouped or written.
 *
 * Suggested for review, because they may be someone else:
 * - a person's surname standing alone (`Zubaidi asked…`) in the documents
 *   that name them and in their translations or originals;
 * - mentions there of another entity whose name matches one of its
 *   spellings, wholly or in part, by name matching: a spelling resolution
 *   did not merge, or a shorter form of the name.
 *
 * @example
 * const result = redactEntity(store, 36, { author: "a reporter" });
 * // → { entityId: 36, redactions: 14, documents: 5, byScript: { latin: 8, arabic: 6, other: 0 }, suggestions: 3, … }
 */
import { findPhoneMentions } from "../../extract/rules/index.js";
import { digitsOf } from "../../extract/rules/digits.js";
import { matchNames } from "../../extract/name-match.js";
import { kindOf } from "../../extract/entity-resolution.js";
import { stripTitles } from "../../extract/titles.js";
import type { EntityType } from "../../model/entity.js";
import type { RedactionReason } from "../../model/redaction.js";
import type { RedactionToAdd } from "../../store/redaction-store.js";
import type { ArchiveStore } from "../../store/store.js";
import { normalise } from "../../text/normalise.js";
import { entitySpellings, MIN_FORM_LENGTH, type EntitySpellings } from "./entity-forms.js";
import { findForms, foldForm, foldText } from "../../text/folded-text.js";
import { identifierSpan, withoutNested } from "./spans.js";

export interface EntityRedactionOptions {
  /** Who redacts: a user name. */
  author: string;
  /** Why; kept with every redaction made. */
  note?: string;
  /** Default `manual`. */
  reason?: RedactionReason;
}

/** The script a redacted span is written in: Arabic script (Persian, Arabic), Latin, or neither (signs alone). */
export type SpanScript = "arabic" | "latin" | "other";

export interface EntityRedactionPlan {
  entityId: number;
  name: string;
  type: EntityType;
  /** Accepted at once: every mention, and every further place one of its spellings stands. */
  redactions: RedactionToAdd[];
  /** For review: surnames alone and look-alike spellings, which may be someone else. */
  suggestions: RedactionToAdd[];
}

export interface EntityRedactionResult {
  entityId: number;
  name: string;
  type: EntityType;
  /** Ids of the accepted redactions, old and new, one per span. */
  redactionIds: number[];
  /** Ids of the suggestions left for review. */
  suggestionIds: number[];
  /** Documents the accepted redactions are in. */
  documents: number;
  /** Accepted spans by the script they are written in. */
  byScript: Record<SpanScript, number>;
}

/** Surnames shorter than this (once folded) are too common to suggest alone. */
const MIN_SURNAME_LENGTH = 4;
/** Spellings compared by name matching against each look-alike mention. */
const MAX_SPELLINGS_MATCHED = 16;
/** Digits of a phone number that identify it whatever its prefix: the subscriber number with its area or mobile code. */
const NATIONAL_DIGITS = 9;
const ARTICLE = /^(?:al|el|ul)[-\s]+|^ال(?=\S{3})/iu;

/** What redacting an entity would add, without adding it. */
export function planEntityRedaction(store: ArchiveStore, entityId: number, options: EntityRedactionOptions): EntityRedactionPlan {
  const entity = entitySpellings(store, entityId);
  const reason = options.reason ?? "manual";
  const note = options.note ?? `entity ${entity.id}: ${entity.name}`;
  const make = (documentId: number, span: { start: number; end: number }, status: "accepted" | "suggested", entityOfSpan: number | null, spanNote: string): RedactionToAdd => ({
    documentId, start: span.start, end: span.end, entityId: entityOfSpan, reason, note: spanNote, status, author: options.author,
  });

  const found: RedactionToAdd[] = entity.mentions.map((mention) =>
    make(mention.documentId, entity.type === "source" ? identifierSpan(mention) : mention, "accepted", entity.id, note),
  );
  const needles = entity.searchForms.map(skeleton);
  for (const documentId of store.redactions.redactableDocumentIds()) {
    const text = store.redactions.documentText(documentId);
    if (entity.type === "phone") {
      for (const span of phoneSpans(text, entity)) found.push(make(documentId, span, "accepted", entity.id, note));
      continue;
    }
    // A cheap test first: most documents hold none of the spellings, and folding a text costs more than reading it.
    const gapless = skeleton(text);
    if (needles.some((needle) => needle !== "" && gapless.includes(needle))) {
      for (const span of findForms(text, entity.searchForms, { wholeWords: true })) found.push(make(documentId, span, "accepted", entity.id, note));
    }
  }
  const redactions = withoutNested(found);
  const suggestions = lookAlikes(store, entity, redactions).map((candidate) => make(candidate.documentId, candidate, "suggested", candidate.entityId, candidate.note));
  return { entityId: entity.id, name: entity.name, type: entity.type, redactions, suggestions };
}

/** Redacts an entity everywhere (accepted) and puts its look-alikes in the review queue. */
export function redactEntity(store: ArchiveStore, entityId: number, options: EntityRedactionOptions): EntityRedactionResult {
  const plan = planEntityRedaction(store, entityId, options);
  const redactionIds = [...new Set(store.redactions.addRedactions(plan.redactions))];
  const suggestionIds = [...new Set(store.redactions.addRedactions(plan.suggestions))].filter((id) => store.redactions.getRedaction(id).status === "suggested");
  store.commit();
  const redactions = redactionIds.map((id) => store.redactions.getRedaction(id));
  const byScript: Record<SpanScript, number> = { arabic: 0, latin: 0, other: 0 };
  for (const redaction of redactions) byScript[scriptOf(redaction.text)]++;
  return {
    entityId: plan.entityId,
    name: plan.name,
    type: plan.type,
    redactionIds,
    suggestionIds,
    documents: new Set(redactions.map((redaction) => redaction.documentId)).size,
    byScript,
  };
}

/** The script a span is written in: Arabic script wins, since a Persian span may hold Latin digits. */
export function scriptOf(text: string): SpanScript {
  if (/[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]/u.test(text)) return "arabic";
  return /[A-Za-z0-9\u00C0-\u024F]/u.test(text) ? "latin" : "other";
}

/** Text as the cheap test compares it: normalised, lower case, without any gap. */
function skeleton(text: string): string {
  return normalise(text).toLowerCase().replace(/[\s\-\u2010\u2011\u200B\u200C]+/gu, "");
}

/** Where a document writes one of an entity's phone numbers, however it groups or prefixes the digits. */
function phoneSpans(text: string, entity: EntitySpellings): Array<{ start: number; end: number }> {
  const wanted = new Set(entity.mentions.map((mention) => digitsOf(mention.attributes.phone ?? mention.text).slice(-NATIONAL_DIGITS)).filter((digits) => digits.length === NATIONAL_DIGITS));
  if (wanted.size === 0 || ![...wanted].some((digits) => digitsOf(text).includes(digits))) return [];
  return findPhoneMentions(text).filter((mention) => wanted.has(digitsOf(mention.attributes.phone ?? mention.text).slice(-NATIONAL_DIGITS)));
}

interface LookAlike {
  documentId: number;
  start: number;
  end: number;
  entityId: number | null;
  note: string;
}

/**
 * Where the entity may also be named, for a reporter to decide: its
 * surname alone, and mentions of other entities whose names match one of its
 * spellings — in the documents that name it and in their translations and
 * originals. Nothing already redacted is suggested.
 */
function lookAlikes(store: ArchiveStore, entity: EntitySpellings, redactions: readonly RedactionToAdd[]): LookAlike[] {
  if (entity.type !== "person" && entity.type !== "organization") return [];
  const documents = new Set(entity.mentions.map((mention) => mention.documentId));
  for (const documentId of [...documents]) {
    for (const link of store.getDocument(documentId).translations) documents.add(link.id);
  }
  const spellings = entity.spellings.filter((spelling) => [...foldForm(spelling)].length >= MIN_FORM_LENGTH);
  const surnames = entity.type === "person" ? surnamesOf(spellings) : [];
  const compared = spellings.slice(0, MAX_SPELLINGS_MATCHED);
  const nameWords = new Set(spellings.flatMap(wordsOf));
  const candidates: LookAlike[] = [];
  for (const documentId of documents) {
    const text = store.redactions.documentText(documentId);
    const folded = foldText(text);
    for (const span of findForms(folded, surnames, { wholeWords: true })) {
      candidates.push({ documentId, ...span, entityId: null, note: `may be ${entity.name}: the surname ${JSON.stringify(span.form)} alone` });
    }
    for (const mention of store.entities.documentMentions(documentId)) {
      if (mention.type !== entity.type || mention.entityId === entity.id) continue;
      // A shorter form of the name counts (`Harith al-Zubaidi` for `Harith Nouri al-Zubaidi`) when every word of it is one of the entity's.
      const shorter = wordsOf(mention.name).every((word) => nameWords.has(word));
      const matched = compared.find((spelling) => {
        const { decision } = matchNames(mention.name, spelling, { explain: false, ...kindOf(entity.type) });
        return decision === "match" || (decision === "partial" && shorter);
      });
      if (matched) candidates.push({ documentId, start: mention.start, end: mention.end, entityId: mention.entityId, note: `may be ${entity.name}: ${JSON.stringify(mention.name)} matches ${JSON.stringify(matched)}` });
    }
  }
  const overlapsRedaction = (candidate: LookAlike) =>
    redactions.some((redaction) => redaction.documentId === candidate.documentId && redaction.start < candidate.end && candidate.start < redaction.end);
  return withoutNested(candidates.filter((candidate) => !overlapsRedaction(candidate)));
}

/** The words of a name without titles or articles, folded: `Sheikh Harith al-Zubaidi` → `harith`, `zubaidi`. */
function wordsOf(name: string): string[] {
  return nameWordsAsWritten(name).map((word) => foldForm(word.replace(ARTICLE, ""))).filter((word) => word !== "");
}

function nameWordsAsWritten(name: string): string[] {
  return stripTitles(name).name.split(/[\s\u200C]+/u).filter((word) => word !== "");
}

/** The last word of each spelling of two words or more, without its article: `Harith Nouri al-Zubaidi` → `Zubaidi`. */
function surnamesOf(spellings: readonly string[]): string[] {
  const whole = new Set(spellings.map(foldForm));
  const surnames = spellings.flatMap((spelling) => {
    const words = nameWordsAsWritten(spelling);
    if (words.length < 2) return [];
    const surname = words.at(-1)!.replace(ARTICLE, "");
    return [...foldForm(surname)].length >= MIN_SURNAME_LENGTH && !whole.has(foldForm(surname)) ? [surname] : [];
  });
  return [...new Set(surnames)];
}
