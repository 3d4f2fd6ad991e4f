import { Command, InvalidArgumentError, Option } from "commander";
import { ArchiveError, NotFoundError } from "../../errors.js";
import { RELATION_EXTRACTOR_VERSION } from "../../extract/relations/index.js";
import type { TimelineView } from "../../model/network.js";
import { RELATION_TYPES, type RelationType } from "../../model/relation.js";
import { findEntitiesByName } from "../../search/entity-lookup.js";
import type { SqliteStore } from "../../store/sqlite/sqlite-store.js";
import { archiveOption, openArchiveForReading } from "../archive-option.js";
import { formatTable } from "../format.js";

const TIMELINE_KINDS = [...RELATION_TYPES, "document"] as const;
type TimelineKind = RelationType | "document";

const TITLE_WIDTH = 60;

export function timelineCommand(): Command {
  return new Command("timeline")
    .description("dated events in order: meetings, payments, recruitments and more, and the cables and reports by their own dates")
    .addOption(archiveOption())
    .option("-e, --entity <name-or-id>", "only events this entity takes part in, and documents that name it: an entity id, or a name in any script")
    .addOption(new Option("-t, --type <kinds>", `only these kinds, comma-separated: ${TIMELINE_KINDS.join(", ")}`).argParser(parseKinds))
    .addOption(new Option("--from <date>", "from this date on (YYYY, YYYY-MM or YYYY-MM-DD, Gregorian)").argParser(isoDate))
    .addOption(new Option("--to <date>", "up to this date (a month or year includes all of it)").argParser(isoDate))
    .addOption(new Option("-n, --limit <n>", "events to show").default(200).argParser(Number))
    .addOption(new Option("--offset <n>", "events to skip (paging)").default(0).argParser(Number))
    .option("--json", "print {events: [{date, kind, relationType, relationId, documentId, documentTitle, summary, entities, evidence}], total} as JSON")
    .addHelpText(
      "after",
      `
Events are ordered by date, then by document. A date is as precise as the
text: an event dated only 2014-11 falls in any range that overlaps November.
Relations are read during ingest; an archive made before they existed gets
them from its next ingest run.

Examples:
  trove timeline --entity "Harith al-Zubaidi"
  trove timeline --type meeting,payment --from 2014-11 --to 2015-03
  trove timeline --type document --json`,
    )
    .action((options: { archive: string; entity?: string; type?: TimelineKind[]; from?: string; to?: string; limit: number; offset: number; json?: boolean }) => {
      const store = openArchiveForReading(options.archive);
      try {
        requireRelations(store, options.archive);
        const view = store.relations.timeline({
          ...(options.entity !== undefined && { entityId: entityArgument(store, options.entity) }),
          ...(options.type && { kinds: options.type }),
          ...(options.from !== undefined && { from: options.from }),
          ...(options.to !== undefined && { to: options.to }),
          limit: options.limit,
          offset: options.offset,
        });
        process.stdout.write(options.json ? `${JSON.stringify(view, null, 2)}\n` : render(view, options.offset));
      } finally {
        store.close();
      }
    });
}

/**
 * The entity an `--entity` value names: an id, or a name in any script and
 * spelling, as `trove entity` finds it. Shared with `trove money`.
 */
export function entityArgument(store: SqliteStore, value: string): number {
  const ids = /^\d+$/.test(value) ? [Number(value)] : findEntitiesByName(store.entities, value, { tolerant: false });
  if (ids.length === 0) throw new NotFoundError(`no entity called ${JSON.stringify(value)} in this archive; try: trove entities, or trove search 'name~${value}'`);
  return ids[0]!;
}

/**
 * Refuses an archive none of whose documents have been read for relations,
 * rather than showing it as one in which nothing happened; notes one read
 * only in part. Shared with `trove money`.
 */
export function requireRelations(store: SqliteStore, archive: string): void {
  const pending = store.relations.countPendingRelationDocuments(RELATION_EXTRACTOR_VERSION);
  if (pending === 0) return;
  if (store.relations.countRelations() === 0) {
    throw new ArchiveError(`the archive has no relations yet: ${pending} documents are still to be read for them; run: trove ingest PATH --archive ${archive} (over the same files it reads only what is missing)`);
  }
  process.stderr.write(`note: ${pending} documents are not yet read for relations; run trove ingest again to include them\n`);
}

function render(view: TimelineView, offset: number): string {
  if (view.events.length === 0) return view.total === 0 ? "No dated events match.\n" : `No events past ${offset}; there are ${view.total}.\n`;
  const rows = view.events.map((event) => [
    event.date,
    event.relationType ?? "document",
    event.summary,
    event.kind === "document" ? `[${event.documentId}]` : `[${event.documentId}] ${clip(event.documentTitle, TITLE_WIDTH)}`,
  ]);
  const last = offset + view.events.length;
  const footer = last < view.total ? `Events ${offset + 1}–${last} of ${view.total}; the next ones with --offset ${last}.` : `${view.total} events.`;
  return `${formatTable([["date", "what", "summary", "document"], ...rows])}\n\n${footer} Read one with: trove show ID\n`;
}

/** A one-line cell of at most `width` characters. Shared with `trove money`. */
export function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

function parseKinds(value: string): TimelineKind[] {
  const kinds = value.split(",").map((kind) => kind.trim()).filter((kind) => kind !== "");
  const unknown = kinds.filter((kind) => !(TIMELINE_KINDS as readonly string[]).includes(kind));
  if (unknown.length > 0 || kinds.length === 0) throw new InvalidArgumentError(`expected kinds among ${TIMELINE_KINDS.join(", ")}; got '${value}'`);
  return kinds as TimelineKind[];
}

function isoDate(value: string): string {
  if (!/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/.test(value)) throw new InvalidArgumentError(`expected a date as YYYY, YYYY-MM or YYYY-MM-DD; got '${value}'`);
  return value;
}
