import { Command, InvalidArgumentError, Option } from "commander";
import { verifyAuditChain, type AuditHead } from "../../store/audit-chain.js";
import type { AuditEvent } from "../../model/user.js";
import { archiveOption, openArchiveForReading } from "../archive-option.js";
import { EXIT_FAILED, type ExitStatus } from "../exit-status.js";

export function auditCommand(exit: ExitStatus): Command {
  return new Command("audit")
    .description("the append-only trail of who signed in, searched, read, exported and redacted what, when and from where")
    .addHelpText(
      "after",
      `
Each entry's hash covers the one before it. verify walks the chain and names
the first entry that was changed or removed. Someone who can write the archive
file can still rewrite the whole chain; keep the head that verify prints
somewhere else now and then, and pass it back with --anchor to catch that.

Examples:
  trove audit verify
  trove audit verify --anchor 1200:3f9a…   (a head noted earlier)
  trove audit export --since 2024-03-01 --json > audit.json`,
    )
    .addCommand(verifyCommand(exit))
    .addCommand(exportCommand());
}

function verifyCommand(exit: ExitStatus): Command {
  return new Command("verify")
    .description("check that no entry of the trail was changed or removed; exit status 1 when one was")
    .addOption(archiveOption())
    .addOption(new Option("--anchor <seq:hash>", "a head printed by an earlier verify: the trail must still pass through it").argParser(anchor))
    .option("--json", "print {ok, entries, head: {seq, hash}, broken?: {seq, problem, message}} as JSON")
    .action((options: { archive: string; anchor?: AuditHead; json?: boolean }) => {
      const store = openArchiveForReading(options.archive);
      try {
        const result = verifyAuditChain(store.users.auditEvents(), store.users.auditHead(), options.anchor);
        if (options.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        else if (result.broken) process.stdout.write(`The audit trail is broken at entry ${result.broken.seq}: ${result.broken.message}.\n`);
        else process.stdout.write(`The audit trail is whole: ${result.entries} entries${result.head ? `; head ${result.head.seq}:${result.head.hash}` : ""}.\n`);
        if (!result.ok) exit.code = EXIT_FAILED;
      } finally {
        store.close();
      }
    });
}

function exportCommand(): Command {
  return new Command("export")
    .description("print the trail, oldest first")
    .addOption(archiveOption())
    .addOption(new Option("--since <date>", "only entries from this date or time on (YYYY-MM-DD or ISO 8601, UTC)").argParser(sinceDate))
    .option("--json", "print [{seq, at, actor, action, target, detail, from, previousHash, hash}] as JSON")
    .action((options: { archive: string; since?: string; json?: boolean }) => {
      const store = openArchiveForReading(options.archive);
      try {
        const events = store.users.auditEvents(options.since === undefined ? {} : { since: options.since });
        if (options.json) process.stdout.write(`${JSON.stringify([...events], null, 2)}\n`);
        else for (const event of events) process.stdout.write(renderEvent(event));
      } finally {
        store.close();
      }
    });
}

function renderEvent(event: AuditEvent): string {
  const detail = event.detail === null ? "" : `  ${JSON.stringify(event.detail)}`;
  return `${String(event.seq).padStart(6)}  ${event.at}  ${event.actor}  ${event.action}  ${event.target}  from ${event.from}${detail}\n`;
}

function anchor(value: string): AuditHead {
  const match = /^(\d{1,15}):([0-9a-f]{64})$/.exec(value);
  if (!match) throw new InvalidArgumentError("expected SEQ:HASH, as trove audit verify prints the head");
  return { seq: Number(match[1]), hash: match[2]! };
}

function sinceDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/.test(value) || Number.isNaN(Date.parse(value))) throw new InvalidArgumentError("expected a date, YYYY-MM-DD, or an ISO 8601 time");
  return value;
}
