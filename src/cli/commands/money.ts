import { Command } from "commander";
import type { MoneyLedger, MoneyLine, MoneyTotal } from "../../model/network.js";
import { archiveOption, openArchiveForReading } from "../archive-option.js";
import { formatTable } from "../format.js";
import { clip, entityArgument, requireRelations } from "./timeline.js";

const TITLE_WIDTH = 50;
const PURPOSE_WIDTH = 40;

export function moneyCommand(): Command {
  return new Command("money")
    .description("the money ledger: every payment the documents state, who paid whom, how much, with totals per currency")
    .addOption(archiveOption())
    .option("-e, --entity <name-or-id>", "only payments this entity takes part in (as payer, payee or intermediary): an entity id, or a name in any script")
    .option("--json", "print {lines: [{relationId, documentId, documentTitle, date, payer, payee, amount, currency, kind, purpose, evidence}], totals: {byCurrency, byPayer, byPayee, byKind}} as JSON")
    .addHelpText(
      "after",
      `
Amounts are kept in the currency the text states and never converted or
added across currencies: tomans and rials are separate currencies, and every
total is per currency. A payment whose amount or currency the text leaves
out is listed but adds to no total.

Examples:
  trove money
  trove money --entity "Harith al-Zubaidi"
  trove money --json > ledger.json`,
    )
    .action((options: { archive: string; entity?: string; json?: boolean }) => {
      const store = openArchiveForReading(options.archive);
      try {
        requireRelations(store, options.archive);
        const ledger = store.relations.moneyLedger(options.entity === undefined ? {} : { entityId: entityArgument(store, options.entity) });
        process.stdout.write(options.json ? `${JSON.stringify(ledger, null, 2)}\n` : render(ledger));
      } finally {
        store.close();
      }
    });
}

/** `87.5 EUR`, `16,000,000 USD`: as a reporter would write it, never converted. */
function formatMoney(amount: number | null, currency: string | null): string {
  if (amount === null) return currency ?? "";
  return `${amount.toLocaleString("en-US", { maximumFractionDigits: 6 })}${currency ? ` ${currency}` : ""}`;
}

function render(ledger: MoneyLedger): string {
  if (ledger.lines.length === 0) return "No payments found.\n";
  const amounts = alignRight(ledger.lines.map((line) => formatMoney(line.amount, line.currency)));
  const lines = ledger.lines.map((line: MoneyLine, index) => [
    line.date ?? "undated",
    line.payer?.name ?? "",
    line.payee?.name ?? "",
    amounts[index]!,
    line.kind,
    clip(line.purpose ?? "", PURPOSE_WIDTH),
    `[${line.documentId}] ${clip(line.documentTitle, TITLE_WIDTH)}`,
  ]);
  const sections = [
    `${ledger.lines.length} payments:`,
    formatTable([["date", "payer", "payee", "amount", "kind", "for", "document"], ...lines]),
    totals("Totals by currency:", "currency", ledger.totals.byCurrency),
    totals("By payer:", "payer", ledger.totals.byPayer, true),
    totals("By payee:", "payee", ledger.totals.byPayee, true),
    totals("By kind:", "kind", ledger.totals.byKind),
  ];
  return `${sections.filter((section) => section !== "").join("\n\n")}\n\nRead one with: trove show ID\n`;
}

/** Parties show their entity id, so that a name that resolved to no entity is not taken for the entity of the same name. */
function totals(heading: string, keyName: string, entries: MoneyTotal[], parties = false): string {
  if (entries.length === 0) return "";
  const amounts = alignRight(entries.map((entry) => formatMoney(entry.amount, entry.currency)));
  const rows = entries.map((entry, index) => [...(parties ? [entry.entityId ?? ""] : []), entry.key, amounts[index]!, entry.payments]);
  return `${heading}\n${formatTable([[...(parties ? ["entity"] : []), keyName, "amount", "payments"], ...rows])}`;
}

function alignRight(values: string[]): string[] {
  const width = Math.max(...values.map((value) => value.length));
  return values.map((value) => value.padStart(width));
}
