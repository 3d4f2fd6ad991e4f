/**
 * The part of the store contract that holds mentions and entities: what the
 * entity stage of ingest writes, what resolution reads and decides, and what
 * the faces show. Every backend implements it and runs the same tests.
 */
import type { LanguageCode } from "../model/document.js";
import type { Entity, EntityType, Mention } from "../model/entity.js";
import type { ResolutionIndex } from "../extract/entity-resolution.js";

/** An indexed document whose entities are not yet extracted (or were extracted by an older extractor). */
export interface PendingDocument {
  id: number;
  text: string;
  language: LanguageCode;
}

/** A mention as stored: its document, and the name it gives without titles. */
export interface StoredMention extends Mention {
  id: number;
  documentId: number;
  entityId: number | null;
  name: string;
}

export interface EntityListOptions {
  type?: EntityType;
  /** Default 50. */
  limit?: number;
  offset?: number;
}

/** A mention of an entity shown in its profile, with the passage around it. */
export interface MentionInContext {
  documentId: number;
  documentTitle: string;
  documentDate: string | null;
  text: string;
  start: number;
  end: number;
  /** The passage around the mention, plain text, with the mention at `[highlightStart, highlightEnd)`. */
  passage: string;
  highlightStart: number;
  highlightEnd: number;
  attributes: Mention["attributes"];
}

export interface CoOccurrence {
  id: number;
  type: EntityType;
  name: string;
  /** Documents that mention both. */
  documents: number;
}

export interface EntityProfile extends Entity {
  /** Titles and roles met beside the name, with how often. */
  titles: Array<{ title: string; count: number }>;
  roles: Array<{ role: string; count: number }>;
  mentions: MentionInContext[];
  coOccurring: CoOccurrence[];
  /** For a source: the people a reporter marked it as. For a person: the sources marked as them. */
  linkedIdentities: Array<{ id: number; type: EntityType; name: string; note: string | null }>;
  /** Set when the id asked for was merged into this entity. */
  mergedFrom?: number;
}

export interface EntityProfileOptions {
  /** Mentions to include; default 20. */
  mentionLimit?: number;
  /** Co-occurring entities to include; default 20. */
  coOccurrenceLimit?: number;
  /** Linked identities are shown only to those allowed; default false. */
  showSourceLinks?: boolean;
}

export interface EntityStore extends ResolutionIndex {
  /** Indexed documents the given extractor version has not read, a batch at a time. */
  pendingExtractions(version: number, limit: number): PendingDocument[];
  /** How many documents `pendingExtractions` would return in all. */
  countPendingExtractions(version: number): number;
  /** Replaces a document's mentions and records the extractor version that found them. */
  saveMentions(documentId: number, version: number, mentions: Array<Mention & { name: string }>): void;
  /** Named mentions not yet attached to an entity, grouped by spelling, commonest first. */
  unresolvedNames(limit: number): Array<{ type: EntityType; name: string; normalized: string; count: number }>;
  /**
   * Gives every mention of a spelling the type most of its mentions have, when
   * one type clearly dominates, and detaches the changed mentions so that they
   * are resolved again; returns how many changed. The model decides a type
   * per sentence; across the archive the majority is the better judge.
   */
  harmoniseNameTypes(): number;
  /** Recomputes each entity's display name from its commonest alias. */
  refreshEntityNames(): void;
  listEntities(options?: EntityListOptions): Entity[];
  /** An entity by id, following merges. */
  getEntity(id: number, options?: EntityProfileOptions): EntityProfile;
  /** A document's mentions in text order, each with the entity it was resolved to. */
  documentMentions(documentId: number): StoredMention[];
  /** Entity ids whose aliases include this exact spelling (normalised), of any type unless given. */
  entitiesByAlias(normalized: string, type?: EntityType): number[];
  /** Moves every mention and alias of `others` onto `target`; the others redirect to it. */
  mergeEntities(target: number, others: number[], note?: string): void;
  /** Moves the named aliases (and their mentions) of an entity onto a new entity; returns its id. */
  splitEntity(id: number, names: string[], note?: string): number;
  /** Marks a source as being a person. */
  linkSource(sourceId: number, personId: number, note?: string): void;
}
