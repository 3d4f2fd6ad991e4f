/**
 * Whether an id a filter names is in the archive. A filter that matches
 * nothing answers an empty list; these tell an empty answer from a mistyped
 * id, which is `not-found` as anywhere else in the API.
 */
import type { ArchiveAccess } from "./archive-access.js";

/** Throws `not-found` unless the entity (or one merged into another) exists. */
export function requireEntity(archive: ArchiveAccess, id: number): void {
  archive.reader.entities.getEntity(id, { mentionLimit: 0, coOccurrenceLimit: 0 });
}

/** Throws `not-found` unless the document exists. */
export function requireDocument(archive: ArchiveAccess, id: number): void {
  archive.reader.getDocument(id);
}
