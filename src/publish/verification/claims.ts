/**
 * Checkable claims: the people, places, organisations and days the archive
 * names most, with the documents that name them and a passage to start
 * from. Each is something a reporter can corroborate outside the leak (did
 * this person hold this post, was there an exhibition in Karbala that day),
 * and the most-named ones carry the most weight if they turn out false.
 *
 * Read from the mentions and entities that ingest's entity stage stored; an
 * archive ingested without it has no claims to list, and the report says so.
 * Informant numbers are left out on purpose: they are not claims to check in
 * public but the identities the newsroom must protect.
 */
import type { ArchiveReader, ClaimRow, NamedIn, Passage } from "./archive-reader.js";

export type ClaimType = "person" | "place" | "organization" | "date";

export interface Claim {
  type: ClaimType;
  /** The name as the archive shows it, or the day (`YYYY-MM-DD`). */
  name: string;
  entityId?: number;
  /** Other spellings the archive met, commonest first. */
  aliases: string[];
  mentions: number;
  documentCount: number;
  /** The dates of the earliest and latest documents naming it. */
  firstDate?: string;
  lastDate?: string;
  /** The earliest documents that name it. */
  documents: Array<{ id: number; title: string; date?: string }>;
  /** The passage around its earliest mention. */
  passage?: Passage;
}

export interface ClaimsReport {
  /** False when the archive has no entity tables, or nothing in them. */
  available: boolean;
  note?: string;
  people: Claim[];
  places: Claim[];
  organizations: Claim[];
  dates: Claim[];
}

export interface ClaimsOptions {
  /** Claims listed per type; default 20. */
  perType?: number;
  /** Documents listed per claim; default 8. */
  documentsPerClaim?: number;
}

const ALIASES_LISTED = 5;
const PASSAGE_CONTEXT = 90;

export function checkableClaims(reader: ArchiveReader, options: ClaimsOptions = {}): ClaimsReport {
  const perType = options.perType ?? 20;
  const documentsPerClaim = options.documentsPerClaim ?? 8;
  const empty = { people: [], places: [], organizations: [], dates: [] };
  if (!reader.hasEntities()) return { available: false, note: "The archive has no entity tables: run trove ingest again to find people, places and dates.", ...empty };
  const named = (type: Exclude<ClaimType, "date">) =>
    reader.mostNamedEntities(type, perType).map((row) =>
      claimOf(type, row, reader.aliases(row.id, ALIASES_LISTED + 1).filter((alias) => alias !== row.name).slice(0, ALIASES_LISTED), reader.documentsNaming(row.id, documentsPerClaim), reader.passageNaming(row.id, PASSAGE_CONTEXT)),
    );
  const report: ClaimsReport = {
    available: true,
    people: named("person"),
    places: named("place"),
    organizations: named("organization"),
    dates: reader.mostNamedDays(perType).map((row) => claimOf("date", row, [], reader.documentsNamingDay(row.name, documentsPerClaim), reader.passageNamingDay(row.name, PASSAGE_CONTEXT))),
  };
  const found = report.people.length + report.places.length + report.organizations.length + report.dates.length;
  return found > 0 ? report : { ...report, available: false, note: "No people, places, organisations or dates were found in the archive: ingest it with entity extraction switched on." };
}

function claimOf(type: ClaimType, row: ClaimRow, aliases: string[], documents: NamedIn[], passage: Passage | undefined): Claim {
  return {
    type,
    name: row.name,
    ...(type !== "date" && { entityId: row.id }),
    aliases,
    mentions: row.mentions,
    documentCount: row.documents,
    ...(row.firstDate !== null && { firstDate: row.firstDate }),
    ...(row.lastDate !== null && { lastDate: row.lastDate }),
    documents: documents.map((document) => ({ id: document.id, title: document.title, ...(document.date !== null && { date: document.date }) })),
    ...(passage && { passage: { documentId: passage.documentId, text: passage.text.replace(/\s+/g, " ").trim() } }),
  };
}
