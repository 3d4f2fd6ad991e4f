/**
 * The money ledger: every payment the documents record (date, payer and
 * payee, amount in its own currency, kind, purpose) with the sentence it was
 * read from, and totals by currency, payer, payee and kind. Amounts in
 * different currencies are never added together, here or in the API.
 */
import { api, type EntityView, type MoneyLedger, type MoneyLine, type MoneyParty, type MoneyTotal, type PaymentKind } from "../api.js";
import { h, replace, type Child } from "../dom.js";
import { formatIsoDate, formatMoney, formatNumber } from "../format.js";
import { paymentKindName } from "../relation-names.js";
import type { ScreenContext } from "../router.js";
import { failurePanel, failureScreen, heading, isAbort, loading } from "./common.js";
import { entityUrl, nameSpan } from "./entities.js";
import { entityNameField, entityParam, filteredEntity, resolveEntityName } from "./entity-filter.js";
import { evidenceQuote } from "./relation-view.js";

export function moneyUrl(entity?: number): string {
  return entity === undefined ? "/money" : `/money?entity=${entity}`;
}

export async function moneyScreen(context: ScreenContext): Promise<void> {
  const entityId = entityParam(context.query);
  context.setTitle("Money");
  loading(context.main, "the money ledger");
  let ledger: MoneyLedger;
  let entity: EntityView | undefined;
  try {
    [ledger, entity] = await Promise.all([api.money(entityId, context.signal), filteredEntity(entityId, context.signal)]);
  } catch (error) {
    if (isAbort(error)) throw error;
    failureScreen(context.main, "Money", error);
    return;
  }
  const title = entity ? `Money of ${entity.name}` : "Money";
  context.setTitle(title);
  const message = h("div", { class: "filter-message", attrs: { "aria-live": "polite" } });
  replace(
    context.main,
    heading(title),
    h("p", { class: "note" }, "Every payment the documents record, with the sentence it was read from. Amounts stay in the currency the text gives; totals are per currency and never add one currency to another."),
    filterForm(context, entity, message),
    message,
    ...(ledger.lines.length === 0 ? [emptyNote(entity)] : [ledgerTable(ledger.lines), totalsSection(ledger)]),
  );
}

function filterForm(context: ScreenContext, entity: EntityView | undefined, message: HTMLElement): HTMLFormElement {
  const form = h("form", { class: "filters", attrs: { "aria-label": "Filter the ledger" } }, entityNameField("money-entity", entity), h("p", {}, h("button", { attrs: { type: "submit" } }, "Show")));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    resolveEntityName(String(new FormData(form).get("entity") ?? ""), context.signal).then(
      (id) => context.navigate(moneyUrl(id)),
      (error: unknown) => {
        if (!isAbort(error)) replace(message, failurePanel(error));
      },
    );
  });
  return form;
}

function emptyNote(entity: EntityView | undefined): HTMLElement {
  if (entity) return h("p", { class: "empty" }, "No payment by or to ", nameSpan(entity.name), " is recorded. ", h("a", { href: moneyUrl() }, "Show every payment"));
  return h(
    "p",
    { class: "empty" },
    "No payments recorded yet: sums paid, given or spent are read from the documents as they are ingested with the entity stage. ",
    h("a", { href: "/upload" }, "Add files"),
    " to begin.",
  );
}

function party(value: MoneyParty | null): Child {
  if (!value) return h("span", { class: "note" }, "not stated");
  return value.entityId === null ? nameSpan(value.name) : h("a", { href: entityUrl(value.entityId), class: "entity-link" }, nameSpan(value.name));
}

function ledgerTable(lines: MoneyLine[]): HTMLElement {
  const column = (label: string, className?: string) => h("th", { attrs: { scope: "col" }, ...(className && { class: className }) }, label);
  return h(
    "table",
    { class: "ledger" },
    h("caption", {}, `${formatNumber(lines.length)} ${lines.length === 1 ? "payment" : "payments"}`),
    h("thead", {}, h("tr", {}, column("Date"), column("Payer → payee"), column("Amount", "number"), column("Kind"), column("Purpose"), column("Evidence"))),
    h(
      "tbody",
      {},
      ...lines.map((line) =>
        h(
          "tr",
          {},
          h("td", { class: "dates" }, line.date ? h("time", { attrs: { datetime: line.date } }, formatIsoDate(line.date)) : h("span", { class: "note" }, "undated")),
          h("td", {}, party(line.payer), h("span", { attrs: { "aria-label": "to" } }, " → "), party(line.payee)),
          h("td", { class: "number amount" }, formatMoney(line.amount, line.currency)),
          h("td", {}, paymentKindName(line.kind)),
          h("td", { dir: "auto" }, line.purpose ?? ""),
          h("td", { class: "evidence-cell" }, evidenceQuote(line.evidence, line.documentId, line.documentTitle)),
        ),
      ),
    ),
  );
}

function totalsSection(ledger: MoneyLedger): HTMLElement {
  return h(
    "section",
    { class: "totals", attrs: { "aria-labelledby": "money-totals" } },
    h("h2", { id: "money-totals" }, "Totals"),
    h(
      "div",
      { class: "breakdowns" },
      totalsTable("By currency", "Currency", ledger.totals.byCurrency),
      totalsTable("By payer", "Payer", ledger.totals.byPayer),
      totalsTable("By payee", "Payee", ledger.totals.byPayee),
      totalsTable("By kind", "Kind", ledger.totals.byKind),
    ),
  );
}

/** One row per key and currency: a payer who paid in two currencies has two rows. */
function totalsTable(title: string, keyLabel: "Currency" | "Payer" | "Payee" | "Kind", totals: MoneyTotal[]): HTMLElement | null {
  if (totals.length === 0) return null;
  const key = (total: MoneyTotal): Child => {
    if (keyLabel === "Currency") return total.key;
    if (keyLabel === "Kind") return paymentKindName(total.key as PaymentKind);
    return total.entityId === null ? nameSpan(total.key) : h("a", { href: entityUrl(total.entityId), class: "entity-link" }, nameSpan(total.key));
  };
  return h(
    "table",
    { class: "counts money-totals" },
    h("caption", {}, title),
    h("thead", {}, h("tr", {}, h("th", { attrs: { scope: "col" } }, keyLabel), h("th", { attrs: { scope: "col" }, class: "number" }, "Amount"), h("th", { attrs: { scope: "col" }, class: "number" }, "Payments"))),
    h(
      "tbody",
      {},
      ...totals.map((total) =>
        h(
          "tr",
          {},
          h("th", { attrs: { scope: "row" } }, key(total)),
          h("td", { class: "number amount" }, formatMoney(total.amount, total.currency)),
          h("td", { class: "number" }, formatNumber(total.payments)),
        ),
      ),
    ),
  );
}
