/**
 * The chain of custody: every original the archive holds (files, archive
 * members, e-mail attachments) with the SHA-256 of its bytes, its size and
 * when it was ingested, and the ingest runs that brought them in. A reporter
 * or an outside expert can hash a file and find it here; the manifest's own
 * digest lets a published report be checked against the archive it came from.
 */
import { createHash } from "node:crypto";
import type { DocumentType } from "../../model/document.js";
import type { ArchiveReader, IngestRun } from "./archive-reader.js";

export interface ManifestEntry {
  id: number;
  /** Where the bytes came from: a path, or a container's path with the member (`!/`) or attachment (`#attachment-N/`). */
  path: string;
  name: string;
  parentId?: number;
  sha256: string;
  size: number;
  type: DocumentType;
  ingestedAt: string;
  /** The earlier document with the same bytes, for a copy. */
  duplicateOf?: number;
}

export interface DuplicateGroup {
  sha256: string;
  /** The first document with these bytes, the one indexed. */
  originalId: number;
  originalPath: string;
  copies: Array<{ id: number; path: string; ingestedAt: string }>;
}

export interface Manifest {
  algorithm: "sha256";
  /**
   * SHA-256 of the manifest's lines, `<sha256>  <path>\n` in id order (the
   * format `sha256sum` reads): the same archive always gives the same digest.
   */
  digest: string;
  entries: ManifestEntry[];
  runs: IngestRun[];
}

/** The manifest, and the byte-identical copies of earlier documents grouped by the document they copy. */
export function buildManifest(reader: ArchiveReader): { manifest: Manifest; duplicates: DuplicateGroup[] } {
  const digest = createHash("sha256");
  const entries: ManifestEntry[] = [];
  const groups = new Map<number, DuplicateGroup>();
  const pathOf = new Map<number, string>();
  for (const row of reader.manifestRows()) {
    digest.update(`${row.sha256}  ${row.path}\n`);
    entries.push({
      id: row.id,
      path: row.path,
      name: row.name,
      ...(row.parentId !== null && { parentId: row.parentId }),
      sha256: row.sha256,
      size: row.size,
      type: row.type,
      ingestedAt: row.ingestedAt,
      ...(row.duplicateOf !== null && { duplicateOf: row.duplicateOf }),
    });
    if (row.duplicateOf === null) {
      pathOf.set(row.id, row.path);
      continue;
    }
    const group = groups.get(row.duplicateOf) ?? { sha256: row.sha256, originalId: row.duplicateOf, originalPath: "", copies: [] };
    group.copies.push({ id: row.id, path: row.path, ingestedAt: row.ingestedAt });
    groups.set(row.duplicateOf, group);
  }
  // A re-ingested file can be marked a copy of a document with a higher id, so paths are filled in at the end.
  for (const group of groups.values()) group.originalPath = pathOf.get(group.originalId) ?? "";
  return {
    manifest: { algorithm: "sha256", digest: digest.digest("hex"), entries, runs: reader.ingestRuns() },
    duplicates: [...groups.values()].sort((a, b) => a.originalId - b.originalId),
  };
}
