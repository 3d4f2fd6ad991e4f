/**
 * Bounds that keep a hostile file from exhausting memory or disk. Every
 * option is optional for callers; `resolveLimits` fills in the defaults.
 */
import os from "node:os";

export interface IngestLimitsOptions {
  /** Text beyond this many bytes of a text file is not indexed (the file is still hashed whole). */
  maxTextBytes?: number;
  /** An archive member or attachment that expands past this is refused. */
  maxMemberBytes?: number;
  /** All members of one archive together may expand to at most this. */
  maxArchiveExpandedBytes?: number;
  /** A member whose expanded/compressed ratio is above this is a bomb. */
  maxCompressionRatio?: number;
  /** Members per archive. */
  maxArchiveMembers?: number;
  /** Archives inside archives inside … */
  maxDepth?: number;
  /** Pages of one PDF sent to OCR. */
  maxOcrPages?: number;
  /** Pages of one scanned PDF read by OCR at the same time. */
  ocrConcurrency?: number;
  /** Seconds one OCR or PDF tool run may take. */
  toolTimeoutSeconds?: number;
}

export type IngestLimits = Required<IngestLimitsOptions>;

const MiB = 1024 * 1024;

export const DEFAULT_LIMITS: IngestLimits = {
  maxTextBytes: 32 * MiB,
  maxMemberBytes: 512 * MiB,
  maxArchiveExpandedBytes: 2048 * MiB,
  maxCompressionRatio: 200,
  maxArchiveMembers: 100_000,
  maxDepth: 5,
  maxOcrPages: 500,
  ocrConcurrency: os.availableParallelism(),
  toolTimeoutSeconds: 120,
};

export function resolveLimits(options: IngestLimitsOptions = {}): IngestLimits {
  return { ...DEFAULT_LIMITS, ...definedOnly(options) };
}

function definedOnly<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) as Partial<T>;
}
