/**
 * The part of the store contract that holds a reporter's annotations, their
 * tags and saved searches. Every backend implements it and runs the same tests.
 */
import type { Annotation, SavedSearch, TagCount } from "../model/annotation.js";

/**
 * A new note. A passage is given by its offsets, or by its exact words
 * (`quote`: the first place they stand, else the first place they stand once
 * normalised); neither makes a note on the whole document.
 */
export interface AnnotationToAdd {
  documentId: number;
  start?: number;
  end?: number;
  quote?: string;
  body: string;
  tags?: string[];
  author: string;
}

/** What an edit changes; what is left out stays as it was. */
export interface AnnotationChange {
  body?: string;
  tags?: string[];
}

export interface AnnotationQuery {
  documentId?: number;
  /** Annotations carrying this tag (normalised before matching). */
  tag?: string;
  /** Default 100. */
  limit?: number;
  offset?: number;
}

export interface SavedSearchToAdd {
  name: string;
  query: string;
  sort?: SavedSearch["sort"];
  author: string;
}

export interface AnnotationStore {
  addAnnotation(annotation: AnnotationToAdd): Annotation;
  updateAnnotation(id: number, change: AnnotationChange): Annotation;
  deleteAnnotation(id: number): void;
  getAnnotation(id: number): Annotation;
  /** By document, then passage order (notes on the whole document first), then id. */
  listAnnotations(query?: AnnotationQuery): Annotation[];
  countAnnotations(query?: AnnotationQuery): number;
  /** Every tag in use, most used first. */
  tags(): TagCount[];
  /** The tags of a document's annotations, sorted. */
  documentTags(documentId: number): string[];
  /** Saves a search under a name; a name already taken is refused. */
  saveSearch(search: SavedSearchToAdd): SavedSearch;
  listSavedSearches(): SavedSearch[];
  /** By id, or by name. */
  getSavedSearch(idOrName: number | string): SavedSearch;
  deleteSavedSearch(id: number): void;
  /** Records that a saved search was run and how many documents it found. */
  recordSearchRun(id: number, total: number): SavedSearch;
}
