/**
 * The verification report: what a newsroom shows, before publishing, to
 * argue that an archive is what it claims to be. It assembles the hash
 * manifest (chain of custody), exact and near-duplicates, the archive's
 * internal consistency, file-metadata anomalies and a list of checkable
 * claims into one typed object, which html.ts renders and the CLI writes
 * as JSON.
 *
 * The texts are read once, page by page: each feeds the MinHash index and
 * the date checks and is dropped, so memory grows with the number of
 * documents (a signature each), never with the size of their texts.
 *
 * @example
 * const store = SqliteStore.open("archive.db", { readonly: true });
 * const report = await verifyArchive(store);
 * report.summary.findings.filter((kind) => kind.warnings > 0)
 */
import type { SqliteStore } from "../../store/sqlite/sqlite-store.js";
import { referenceKey } from "../../text/reference-key.js";
import { ArchiveReader, CONTAINER_TYPES } from "./archive-reader.js";
import { checkableClaims, type ClaimsOptions, type ClaimsReport } from "./claims.js";
import { archiveSpan, fieldConsistencyFindings, type DateSpan } from "./consistency.js";
import { FINDING_KINDS, type Finding, type FindingKind } from "./finding.js";
import { buildManifest, type DuplicateGroup, type Manifest } from "./manifest.js";
import { checkPdfMetadata, type MetadataOptions, type PdfMetadata } from "./metadata.js";
import { MinHashIndex, jaccardOf, shingleSet, type DifferentlyNumberedPair, type NearDuplicateOptions, type NearDuplicateReport } from "./near-duplicates.js";
import { textDateFindings } from "./text-dates.js";

export interface VerificationOptions {
  nearDuplicates?: NearDuplicateOptions;
  metadata?: MetadataOptions;
  claims?: ClaimsOptions;
  /** Called as each stage starts and every page of texts; cheap to ignore. */
  onProgress?: (progress: VerificationProgress) => void;
}

export type VerificationStage = "manifest" | "texts" | "near-duplicates" | "consistency" | "metadata" | "claims";

export interface VerificationProgress {
  stage: VerificationStage;
  /** Texts read so far, of `textsTotal`. */
  textsRead: number;
  textsTotal: number;
}

export interface FindingCount {
  kind: FindingKind;
  title: string;
  warnings: number;
  infos: number;
}

export interface VerificationSummary {
  /** Every document the archive holds: files, members, attachments, copies. */
  originals: number;
  /** Those whose text is indexed, copies left out. */
  indexed: number;
  /** Byte-identical copies of an earlier document. */
  duplicates: number;
  nearDuplicatePairs: number;
  /** Alike texts under different reference numbers: see `nearDuplicates.differentReferences`. */
  differentlyNumberedPairs: number;
  pdfs: number;
  /** Where the archive's documents are dated; absent when too few are. */
  span?: DateSpan;
  /** Every kind of finding, in report order, with zero counts too. */
  findings: FindingCount[];
  warnings: number;
  infos: number;
}

export interface VerificationReport {
  /** Where the archive is. */
  archive: string;
  generatedAt: string;
  schemaVersion: number;
  summary: VerificationSummary;
  manifest: Manifest;
  duplicates: DuplicateGroup[];
  /**
   * Near-duplicate pairs. Pairs whose documents carry different reference
   * numbers are listed apart, in `differentReferences`: mostly different
   * documents in one template (web pages of one site, forms), sometimes a
   * copy given a new number.
   */
  nearDuplicates: NearDuplicateReport & { differentReferences: DifferentlyNumberedPair[] };
  /** Internal consistency and file metadata, in the order of `FINDING_KINDS`, warnings first. */
  findings: Finding[];
  pdfs: { documents: PdfMetadata[]; producers: Array<{ producer: string; count: number }> };
  claims: ClaimsReport;
}

export async function verifyArchive(store: SqliteStore, options: VerificationOptions = {}): Promise<VerificationReport> {
  const reader = new ArchiveReader(store);
  const stats = store.stats();
  const containers = stats.byType.filter((count) => (CONTAINER_TYPES as readonly string[]).includes(count.value)).reduce((sum, count) => sum + count.count, 0);
  const progress: VerificationProgress = { stage: "manifest", textsRead: 0, textsTotal: stats.indexed - containers };
  const enter = (stage: VerificationStage) => {
    progress.stage = stage;
    options.onProgress?.(progress);
  };

  enter("manifest");
  const { manifest, duplicates } = buildManifest(reader);

  enter("texts");
  const index = new MinHashIndex(options.nearDuplicates);
  const findings: Finding[] = [];
  for (const { id, text, normalised } of reader.texts()) {
    index.add(id, normalised);
    findings.push(...textDateFindings(id, text));
    if (++progress.textsRead % 100 === 0) options.onProgress?.(progress);
  }

  enter("near-duplicates");
  const nearDuplicates = separateDifferentlyNumbered(index.nearDuplicates((id) => reader.normalisedText(id)), reader);

  enter("consistency");
  const span = archiveSpan(datesOf(reader));
  const similarity = (first: number, second: number) => jaccardOf(shingleSet(reader.normalisedText(first) ?? ""), shingleSet(reader.normalisedText(second) ?? ""));
  findings.push(...fieldConsistencyFindings(reader, span, similarity));

  enter("metadata");
  const metadata = await checkPdfMetadata(reader.pdfDocuments(), options.metadata);
  findings.push(...metadata.findings);

  enter("claims");
  const claims = checkableClaims(reader, options.claims);

  const ordered = sortFindings(findings);
  return {
    archive: store.location,
    generatedAt: new Date().toISOString(),
    schemaVersion: stats.schemaVersion,
    summary: {
      originals: stats.documents,
      indexed: stats.indexed,
      duplicates: stats.duplicates,
      nearDuplicatePairs: nearDuplicates.pairs.length,
      differentlyNumberedPairs: nearDuplicates.differentReferences.length,
      pdfs: metadata.pdfs.length,
      ...(span && { span }),
      findings: countByKind(ordered),
      warnings: ordered.filter((finding) => finding.severity === "warning").length,
      infos: ordered.filter((finding) => finding.severity === "info").length,
    },
    manifest,
    duplicates,
    nearDuplicates,
    findings: ordered,
    pdfs: { documents: metadata.pdfs, producers: metadata.producers },
    claims,
  };
}

function separateDifferentlyNumbered(found: NearDuplicateReport, reader: ArchiveReader): VerificationReport["nearDuplicates"] {
  const referenceOf = (id: number) => reader.cable(id)?.reference;
  const pairs: NearDuplicateReport["pairs"] = [];
  const differentReferences: DifferentlyNumberedPair[] = [];
  for (const pair of found.pairs) {
    const [first, second] = pair.documentIds.map(referenceOf);
    if (first && second && referenceKey(first) !== referenceKey(second)) differentReferences.push({ ...pair, references: [first, second] });
    else pairs.push(pair);
  }
  return { ...found, pairs, differentReferences };
}

function* datesOf(reader: ArchiveReader): Generator<string> {
  for (const document of reader.datedDocuments()) yield document.date;
}

/** By kind in report order, warnings first, then by first document; the sort is stable, so ties keep the order they were found in. */
function sortFindings(findings: Finding[]): Finding[] {
  const order = new Map(FINDING_KINDS.map((description, index) => [description.kind, index]));
  const rank = (finding: Finding) => order.get(finding.kind)! * 2 + (finding.severity === "warning" ? 0 : 1);
  return [...findings].sort((a, b) => rank(a) - rank(b) || (a.documentIds[0] ?? 0) - (b.documentIds[0] ?? 0));
}

function countByKind(findings: Finding[]): FindingCount[] {
  return FINDING_KINDS.map(({ kind, title }) => {
    const ofKind = findings.filter((finding) => finding.kind === kind);
    const warnings = ofKind.filter((finding) => finding.severity === "warning").length;
    return { kind, title, warnings, infos: ofKind.length - warnings };
  });
}
