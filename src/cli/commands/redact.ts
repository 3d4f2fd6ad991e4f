import { createInterface } from "node:readline/promises";
import { Command, InvalidArgumentError, Option } from "commander";
import { NotFoundError } from "../../errors.js";
import { REDACTION_REASONS, REDACTION_STATUSES, type Redaction, type RedactionReason, type RedactionStatus } from "../../model/redaction.js";
import { spanInContext } from "../../publish/redaction/context.js";
import { redactEntity, type EntityRedactionResult } from "../../publish/redaction/entity.js";
import { findForms } from "../../text/folded-text.js";
import { reviewSuggestions, type ReviewAnswer, type ReviewItem } from "../../publish/redaction/review.js";
import { addSuggestions, SUGGESTION_REASONS, type SuggestionReport } from "../../publish/redaction/suggestions.js";
import { findEntitiesByName } from "../../search/entity-lookup.js";
import type { RedactionQuery } from "../../store/redaction-store.js";
import { SqliteStore } from "../../store/sqlite/sqlite-store.js";
import { archiveOption, openArchiveForReading } from "../archive-option.js";
import { recordFromCli } from "../cli-audit.js";
import { EXIT_FAILED, type ExitStatus } from "../exit-status.js";
import { withWritableArchive } from "../writable-archive.js";
import { localLogin } from "../../access/local-login.js";

/** Redactions shown by `list` unless `--limit` says otherwise. */
const LIST_DEFAULT = 50;
/** Suggestions decided per batch by `--all-suggested`. */
const BULK_BATCH = 500;

export function redactCommand(exit: ExitStatus): Command {
  return new Command("redact")
    .description("mark what a published excerpt must not show: suggestions to review, a reporter's own spans, whole entities")
    .addHelpText(
      "after",
      `
Nothing is hidden until it is accepted: rules only suggest. Export applies
the accepted redactions, and the leak check looks for their text and for
every spelling of every redacted entity.

Reasons: ${REDACTION_REASONS.join(", ")}
Statuses: ${REDACTION_STATUSES.join(", ")}

A typical session:
  trove redact suggest                         run the rules over the archive
  trove redact review                          decide each suggestion (y/n/s/q)
  trove redact accept --all-suggested --reason phone
  trove redact entity "Harith al-Zubaidi"      hide a person everywhere, in every script
  trove redact add 38 --text "Jadriya"         hide words wherever they stand in document 38
  trove redact list --status accepted --document 38`,
    )
    .addCommand(suggestCommand())
    .addCommand(listCommand())
    .addCommand(showCommand())
    .addCommand(addCommand())
    .addCommand(entityCommand())
    .addCommand(decideCommand("accept", "accepted"))
    .addCommand(decideCommand("reject", "rejected"))
    .addCommand(reviewCommand(exit))
    // Every subcommand but the two that only read changes redactions: each run is one entry in the audit trail.
    .hook("postAction", (_redact, action) => {
      if (action.name() === "list" || action.name() === "show") return;
      recordFromCli((action.opts() as { archive: string }).archive, "redaction", action.name(), { arguments: action.args });
    });
}

function suggestCommand(): Command {
  return new Command("suggest")
    .description("run the rules (informants, people linked to them, phones, e-mails, addresses, plates) and add what they find to the review queue")
    .addOption(archiveOption())
    .addOption(new Option("-d, --document <id>", "only this document").argParser(wholeNumber))
    .option("--json", "print {documents, found: {reason: n}, added: {reason: n}} as JSON")
    .addHelpText(
      "after",
      `
Running it again adds nothing twice, and never changes a decision: a
rejected suggestion stays rejected.

Examples:
  trove redact suggest
  trove redact suggest --document 38 --json`,
    )
    .action((options: { archive: string; document?: number; json?: boolean }) => {
      withWritableArchive(options.archive, (store) => {
        const report = addSuggestions(store, options.document === undefined ? {} : { documentId: options.document });
        process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : renderSuggestions(report));
      });
    });
}

function listCommand(): Command {
  return new Command("list")
    .description("the review queue and the decisions taken: each redaction with its words in context")
    .addOption(archiveOption())
    .addOption(new Option("-s, --status <status>", "only this status").choices(REDACTION_STATUSES))
    .addOption(new Option("-d, --document <id>", "only this document").argParser(wholeNumber))
    .addOption(new Option("-r, --reason <reason>", "only this reason").choices(REDACTION_REASONS))
    .addOption(new Option("-e, --entity <id>", "only redactions made for this entity").argParser(wholeNumber))
    .option("--detached", "only accepted redactions whose words re-ingest removed from the text (to review)")
    .addOption(new Option("-n, --limit <n>", "redactions to show").default(LIST_DEFAULT).argParser(wholeNumber))
    .addOption(new Option("--offset <n>", "redactions to skip (paging)").default(0).argParser(wholeNumber))
    .option("--json", "print {total, redactions: [{id, documentId, start, end, text, entityId, reason, note, status, author, createdAt, decidedBy, decidedAt, detachedAt?}]} as JSON")
    .addHelpText(
      "after",
      `
Examples:
  trove redact list --status suggested
  trove redact list --document 38 --reason plate
  trove redact list --status accepted --json | jq '.redactions[].text'`,
    )
    .action((options: { archive: string; status?: RedactionStatus; document?: number; reason?: RedactionReason; entity?: number; detached?: boolean; limit: number; offset: number; json?: boolean }) => {
      const store = openArchiveForReading(options.archive);
      try {
        const query: RedactionQuery = {
          ...(options.status && { status: options.status }),
          ...(options.document !== undefined && { documentId: options.document }),
          ...(options.reason && { reason: options.reason }),
          ...(options.entity !== undefined && { entityId: options.entity }),
          ...(options.detached && { detached: true }),
        };
        const total = store.redactions.countRedactions(query);
        const redactions = store.redactions.listRedactions({ ...query, limit: options.limit, offset: options.offset });
        if (options.json) {
          process.stdout.write(`${JSON.stringify({ total, redactions }, null, 2)}\n`);
          return;
        }
        if (total === 0) {
          process.stdout.write("No redactions match. Run trove redact suggest, or add your own with trove redact add or trove redact entity.\n");
          return;
        }
        const texts = new Map<number, string>();
        const textOf = (documentId: number) => texts.get(documentId) ?? texts.set(documentId, store.redactions.documentText(documentId)).get(documentId)!;
        const lines = redactions.map((redaction) => renderRedaction(redaction, textOf(redaction.documentId)));
        const shown = `${options.offset + 1}–${options.offset + redactions.length} of ${total}`;
        const next = options.offset + redactions.length < total ? `; next: --offset ${options.offset + redactions.length}` : "";
        process.stdout.write(`${lines.join("\n")}\n${shown}${next}\n`);
      } finally {
        store.close();
      }
    });
}

function showCommand(): Command {
  return new Command("show")
    .description("one redaction: its words in context and its history (who decided what, and when)")
    .argument("<id>", "the redaction id", wholeNumber)
    .addOption(archiveOption())
    .option("--json", "print {redaction, history: [{redactionId, kind, by, note, at}]} as JSON")
    .action((id: number, options: { archive: string; json?: boolean }) => {
      const store = openArchiveForReading(options.archive);
      try {
        const redaction = store.redactions.getRedaction(id);
        const history = store.redactions.redactionHistory(id);
        if (options.json) {
          process.stdout.write(`${JSON.stringify({ redaction, history }, null, 2)}\n`);
          return;
        }
        const lines = [renderRedaction(redaction, store.redactions.documentText(redaction.documentId)), `     made ${redaction.createdAt}`];
        for (const event of history) lines.push(`     ${event.kind} by ${event.by} ${event.at}${event.note ? ` — ${event.note}` : ""}`);
        process.stdout.write(`${lines.join("\n")}\n`);
      } finally {
        store.close();
      }
    });
}

function addCommand(): Command {
  return new Command("add")
    .description("redact a span of a document, or every occurrence of some words in it (accepted at once)")
    .argument("<document-id>", "the document", wholeNumber)
    .argument("[start]", "where the span starts (a character offset into the document's text, as trove show --json gives it)", wholeNumber)
    .argument("[end]", "where it ends (exclusive)", wholeNumber)
    .option("-t, --text <words>", "redact every occurrence of these words in the document instead: any case, letter form or digits")
    .addOption(new Option("-r, --reason <reason>", "why").choices(REDACTION_REASONS).default("manual"))
    .option("--note <text>", "your explanation, kept with the redaction")
    .addOption(authorOption())
    .addOption(archiveOption())
    .addHelpText(
      "after",
      `
Examples:
  trove redact add 38 512 519 --note "the driver's nickname"
  trove redact add 38 --text "Jadriya"
  trove redact add 51 --text "جادریه" --reason address`,
    )
    .action((documentId: number, start: number | undefined, end: number | undefined, options: { text?: string; reason: RedactionReason; note?: string; author?: string; archive: string }, command: Command) => {
      if (options.text === undefined && (start === undefined || end === undefined)) command.error("error: give START and END, or --text \"the words\"");
      if (options.text !== undefined && start !== undefined) command.error("error: give START and END, or --text, not both");
      withWritableArchive(options.archive, (store) => {
        const text = store.redactions.documentText(documentId);
        const spans = options.text === undefined ? [{ start: start!, end: end! }] : findForms(text, [options.text], { wholeWords: true });
        if (spans.length === 0) throw new NotFoundError(`${JSON.stringify(options.text)} is not in document ${documentId}; check its text with: trove show ${documentId}`);
        const author = authorOf(options.author);
        const ids = store.redactions.addRedactions(spans.map((span) => ({ documentId, start: span.start, end: span.end, reason: options.reason, note: options.note ?? null, status: "accepted", author })));
        process.stdout.write(`Redacted ${plural(ids.length, "span")} in document ${documentId}: ${ids.map((id) => `#${id}`).join(", ")}.\n`);
      });
    });
}

function entityCommand(): Command {
  return new Command("entity")
    .description("redact an entity everywhere: every mention and spelling, in every script, in originals and translations (accepted at once)")
    .argument("<name-or-id...>", "an entity id, or a name in any script and spelling")
    .addOption(new Option("-r, --reason <reason>", "why").choices(REDACTION_REASONS).default("manual"))
    .option("--note <text>", "your explanation, kept with every redaction made")
    .addOption(authorOption())
    .addOption(archiveOption())
    .option("--json", "print {entityId, name, type, redactionIds, suggestionIds, documents, byScript} as JSON")
    .addHelpText(
      "after",
      `
Besides the entity's mentions, every document is searched for each of its
spellings once normalised (so a mention the model missed is found, and ي is
ی). Its surname alone and look-alike spellings of other entities are only
suggested, for you to review: they may be someone else.

Examples:
  trove redact entity "Harith Nouri al-Zubaidi" --note "protects the MP's driver"
  trove redact entity حارث الزبیدی
  trove redact entity 36 --json`,
    )
    .action((words: string[], options: { reason: RedactionReason; note?: string; author?: string; archive: string; json?: boolean }) => {
      withWritableArchive(options.archive, (store) => {
        const query = words.join(" ");
        const ids = /^\d+$/.test(query) ? [Number(query)] : findEntitiesByName(store.entities, query, { tolerant: false });
        if (ids.length === 0) throw new NotFoundError(`no entity called ${JSON.stringify(query)} in this archive; try: trove entities, or trove search 'name~${query}'`);
        const result = redactEntity(store, ids[0]!, { author: authorOf(options.author), reason: options.reason, ...(options.note !== undefined && { note: options.note }) });
        process.stdout.write(options.json ? `${JSON.stringify(result, null, 2)}\n` : renderEntityRedaction(result, ids.slice(1)));
      });
    });
}

function decideCommand(name: "accept" | "reject", status: "accepted" | "rejected"): Command {
  return new Command(name)
    .description(`${name} redactions: the ones named, or every suggestion that matches --all-suggested`)
    .argument("[ids...]", "redaction ids", (value: string, previous: number[] = []) => [...previous, wholeNumber(value)])
    .option("--all-suggested", `${name} every suggestion (narrow with --reason and --document)`)
    .addOption(new Option("-r, --reason <reason>", "with --all-suggested: only this reason").choices(REDACTION_REASONS))
    .addOption(new Option("-d, --document <id>", "with --all-suggested: only this document").argParser(wholeNumber))
    .option("--note <text>", "why, kept with the decision")
    .addOption(authorOption())
    .addOption(archiveOption())
    .addHelpText(
      "after",
      `
Examples:
  trove redact ${name} 12 13 14
  trove redact ${name} --all-suggested --reason phone
  trove redact ${name} --all-suggested --document 38 --author "a reporter"`,
    )
    .action((ids: number[] | undefined, options: { allSuggested?: boolean; reason?: RedactionReason; document?: number; note?: string; author?: string; archive: string }, command: Command) => {
      if (!options.allSuggested && (ids ?? []).length === 0) command.error("error: name the redaction ids, or use --all-suggested");
      if (options.allSuggested && (ids ?? []).length > 0) command.error("error: name ids or use --all-suggested, not both");
      withWritableArchive(options.archive, (store) => {
        const author = authorOf(options.author);
        const decided: number[] = [];
        const decide = (id: number) => {
          store.redactions.decideRedaction(id, status, author, options.note);
          decided.push(id);
        };
        if (options.allSuggested) {
          const query: RedactionQuery = { status: "suggested", ...(options.reason && { reason: options.reason }), ...(options.document !== undefined && { documentId: options.document }) };
          // Each decided batch leaves the queue, so the next batch is read from its head again.
          for (let batch = store.redactions.listRedactions({ ...query, limit: BULK_BATCH }); batch.length > 0; batch = store.redactions.listRedactions({ ...query, limit: BULK_BATCH })) {
            for (const redaction of batch) decide(redaction.id);
          }
        } else {
          for (const id of ids!) store.redactions.getRedaction(id);
          for (const id of ids!) decide(id);
        }
        const verb = status === "accepted" ? "Accepted" : "Rejected";
        process.stdout.write(decided.length === 0 ? "No suggestions match.\n" : `${verb} ${plural(decided.length, "redaction")}: ${abbreviatedIds(decided)}.\n`);
      });
    });
}

function reviewCommand(exit: ExitStatus): Command {
  return new Command("review")
    .description("go through the suggestions one by one on a terminal: y accept, n reject, s skip, q quit")
    .addOption(new Option("-d, --document <id>", "only this document's suggestions").argParser(wholeNumber))
    .addOption(new Option("-r, --reason <reason>", "only suggestions for this reason").choices(SUGGESTION_REASONS))
    .addOption(authorOption())
    .addOption(archiveOption())
    .addHelpText(
      "after",
      `
Each decision is saved at once; q stops and keeps what was decided.
Without a terminal (in a script, or with input piped in), use instead:
  trove redact list --status suggested --json
  trove redact accept ID… / trove redact reject ID…

Example:
  trove redact review --reason linked-to-source --author "a reporter"`,
    )
    .action(async (options: { document?: number; reason?: RedactionReason; author?: string; archive: string }) => {
      if (!process.stdin.isTTY) {
        process.stderr.write(
          "trove: redact review asks about each suggestion and needs a terminal; without one, list the queue with\n" +
            "  trove redact list --status suggested --json\nand decide with trove redact accept ID… or trove redact reject ID…\n",
        );
        exit.code = EXIT_FAILED;
        return;
      }
      const store = SqliteStore.open(options.archive);
      const terminal = createInterface({ input: process.stdin, output: process.stdout });
      try {
        const summary = await reviewSuggestions(store, (item) => askAbout(item, terminal), {
          author: authorOf(options.author),
          ...(options.document !== undefined && { documentId: options.document }),
          ...(options.reason && { reason: options.reason }),
        });
        process.stdout.write(`\nAccepted ${summary.accepted}, rejected ${summary.rejected}, skipped ${summary.skipped}; ${plural(summary.left, "suggestion")} left.\n`);
      } finally {
        terminal.close();
        store.close();
      }
    });
}

const ANSWERS: Record<string, ReviewAnswer> = { y: "accept", yes: "accept", n: "reject", no: "reject", s: "skip", skip: "skip", q: "quit", quit: "quit" };

async function askAbout(item: ReviewItem, terminal: ReturnType<typeof createInterface>): Promise<ReviewAnswer> {
  const { redaction, context } = item;
  process.stdout.write(
    `\n[${item.position}/${item.total}] #${redaction.id} ${redaction.reason} — document ${redaction.documentId}: ${item.documentTitle}\n` +
      `  ${context.before}⟦${context.span}⟧${context.after}\n${redaction.note ? `  ${redaction.note}\n` : ""}`,
  );
  for (;;) {
    const answer = ANSWERS[(await terminal.question("Redact? [y]es / [n]o / [s]kip / [q]uit: ")).trim().toLowerCase()];
    if (answer) return answer;
  }
}

function renderSuggestions(report: SuggestionReport): string {
  const added = SUGGESTION_REASONS.map((reason) => report.added[reason]).reduce((sum, count) => sum + count, 0);
  const found = SUGGESTION_REASONS.map((reason) => report.found[reason]).reduce((sum, count) => sum + count, 0);
  const lines = [`Read ${plural(report.documents, "document")}; the rules found ${found} spans, ${added} of them new to the queue.`];
  for (const reason of SUGGESTION_REASONS) lines.push(`  ${reason.padEnd(18)} ${String(report.added[reason]).padStart(5)} new  (${report.found[reason]} found)`);
  lines.push(added > 0 ? "Review them with: trove redact review (or trove redact list --status suggested)" : "Nothing new to review.");
  return `${lines.join("\n")}\n`;
}

function renderEntityRedaction(result: EntityRedactionResult, others: number[]): string {
  const scripts = ([["latin", "Latin script"], ["arabic", "Arabic script"], ["other", "neither script"]] as const)
    .filter(([script]) => result.byScript[script] > 0)
    .map(([script, label]) => `${result.byScript[script]} in ${label}`);
  const lines = [
    `Redacted ${result.name} (${result.type} ${result.entityId}): ${plural(result.redactionIds.length, "span")} in ${plural(result.documents, "document")}${scripts.length > 0 ? ` — ${scripts.join(", ")}` : ""}.`,
  ];
  if (result.suggestionIds.length > 0) {
    lines.push(`${plural(result.suggestionIds.length, "more place")} may name them (the surname alone, look-alike spellings): review with trove redact review`);
  }
  if (others.length > 0) lines.push(`Other entities with that name: ${others.slice(0, 10).join(", ")}; if they are the same, redact them too: trove redact entity ID`);
  return `${lines.join("\n")}\n`;
}

function renderRedaction(redaction: Redaction, text: string): string {
  const context = spanInContext(text, redaction.start, redaction.end);
  const decided = redaction.decidedBy ? `, ${redaction.status} by ${redaction.decidedBy}` : "";
  const detached = redaction.detachedAt ? "  DETACHED: re-ingest removed these words from the text; review it" : "";
  const shown = redaction.detachedAt ? `⟦${redaction.text}⟧ (was at ${redaction.start}–${redaction.end})` : `${context.before}⟦${context.span}⟧${context.after}`;
  return [
    `#${redaction.id}  document ${redaction.documentId}  ${redaction.status}  ${redaction.reason}  (by ${redaction.author}${decided})${detached}`,
    `     ${shown}`,
    ...(redaction.note ? [`     ${redaction.note}`] : []),
  ].join("\n");
}

function authorOption(): Option {
  return new Option("--author <name>", "who decides (default: your user name)");
}

/** The author of a reporter's decision: as given, else the user's login name. */
function authorOf(given: string | undefined): string {
  return given ?? localLogin();
}

function wholeNumber(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError(`expected a whole number; got '${value}'`);
  return Number(value);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** Ids for a summary line: all of them when few, else the first ones and how many more. */
function abbreviatedIds(ids: number[]): string {
  const shown = ids.slice(0, 20).map((id) => `#${id}`).join(", ");
  return ids.length > 20 ? `${shown} and ${ids.length - 20} more` : shown;
}
