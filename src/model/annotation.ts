/**
 * A reporter's own layer over the archive: notes on a passage of a document
 * or on the whole of it, the tags that group them across documents, and the
 * searches worth running again. Nothing here changes a document; all of it
 * outlives a re-ingest of the documents it points into.
 */

/**
 * A note on a document. `start` and `end` (UTF-16 offsets into the
 * document's text, end exclusive) mark a passage; both are null for a note on
 * the whole document. `quote` is the passage as it read when the note was
 * made, so that re-ingest can find it again in a new text.
 */
export interface Annotation {
  id: number;
  documentId: number;
  start: number | null;
  end: number | null;
  /** The passage's words when the note was written; empty for a note made on the whole document. */
  quote: string;
  /** The note itself, plain text: never markup, wherever it is shown. */
  body: string;
  /** Normalised (see `normaliseTag`), sorted, without repeats. */
  tags: string[];
  author: string;
  createdAt: string;
  updatedAt: string;
  /**
   * Set when re-ingest replaced the text and the quoted words were found
   * nowhere in it: the note is kept on the whole document, with its quote,
   * rather than pinned to words that are no longer there.
   */
  detachedAt?: string;
}

/** A tag and how many annotations carry it, in how many documents. */
export interface TagCount {
  tag: string;
  annotations: number;
  documents: number;
}

/** A query worth running again, with what its last run found. */
export interface SavedSearch {
  id: number;
  /** Unique in the archive; what `trove searches run NAME` takes. */
  name: string;
  query: string;
  sort?: "relevance" | "date" | "date-asc";
  author: string;
  createdAt: string;
  lastRunAt: string | null;
  /** Documents the last run matched; null before the first run. */
  lastTotal: number | null;
}

/** Limits that keep a note a note: what the CLI, the API and the store all enforce. */
export const ANNOTATION_LIMITS = {
  bodyChars: 10_000,
  tags: 20,
  tagChars: 64,
  authorChars: 100,
  savedSearchNameChars: 100,
  queryChars: 4096,
} as const;

/**
 * A tag as stored: trimmed, inner spaces collapsed, lower case (so `Bribe`
 * and `bribe ` are one tag). Commas separate tags on the command line, so a
 * tag cannot hold one.
 *
 * @example
 * normaliseTag("  Payment   Trail ")  // "payment trail"
 */
export function normaliseTag(tag: string): string {
  return tag.normalize("NFKC").trim().replace(/\s+/gu, " ").toLocaleLowerCase("en");
}
