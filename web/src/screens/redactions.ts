/**
 * The review queue, as `trove redact review` offers it on a terminal: the
 * suggestions the rules made, grouped by reason with their counts, each in
 * its context with the words marked and a link to its document. `j`/`k`
 * move, `a` accepts, `r` rejects, Enter opens the document; every decision
 * is saved as it is made. All the suggestions of one reason can be accepted
 * at once, after a confirmation. Filters by status and reason; the rules
 * can be run again from here (a decision is never changed by them).
 */
import type { RedactionInContextView, RedactionReason, RedactionsView, RedactionStatus } from "../api.js";
import { append, h, replace, type Child } from "../dom.js";
import { formatNumber } from "../format.js";
import { REASON_NAMES, REASON_ORDER, redactionApi, type Decision } from "../redaction-api.js";
import type { ScreenContext, ScreenHandle } from "../router.js";
import { failurePanel, failureScreen, heading, isAbort, loading } from "./common.js";

const PAGE_SIZE = 100;
const STATUSES: readonly RedactionStatus[] = ["suggested", "accepted", "rejected"];
const STATUS_NAMES: Record<RedactionStatus, string> = { suggested: "Waiting for review", accepted: "Accepted", rejected: "Rejected" };

interface QueueFilter {
  /** Undefined for every status. */
  status: RedactionStatus | undefined;
  reason: RedactionReason | undefined;
  offset: number;
}

export function redactionsUrl(filter: Partial<QueueFilter>): string {
  const query = new URLSearchParams();
  // Waiting suggestions are the default view; `all` asks for every status.
  if (filter.status !== "suggested") query.set("status", filter.status ?? "all");
  if (filter.reason) query.set("reason", filter.reason);
  if (filter.offset) query.set("offset", String(filter.offset));
  const search = query.toString();
  return search ? `/redactions?${search}` : "/redactions";
}

function filterOf(query: URLSearchParams): QueueFilter {
  const status = query.get("status");
  const reason = query.get("reason");
  const offset = Number(query.get("offset") ?? 0);
  return {
    status: status === "all" ? undefined : STATUSES.includes(status as RedactionStatus) ? (status as RedactionStatus) : "suggested",
    reason: REASON_ORDER.includes(reason as RedactionReason) ? (reason as RedactionReason) : undefined,
    offset: Number.isSafeInteger(offset) && offset > 0 ? offset : 0,
  };
}

export async function redactionsScreen(context: ScreenContext): Promise<ScreenHandle> {
  context.setTitle("Redactions");
  const filter = filterOf(context.query);
  let queue = new Queue(context);
  loading(context.main, "the redactions");
  /** Reads the queue and puts it on the screen, saying `message` above it (what the last action did). */
  const show = async (message = ""): Promise<boolean> => {
    let view: RedactionsView;
    try {
      view = await redactionApi.list({ ...(filter.status && { status: filter.status }), ...(filter.reason && { reason: filter.reason }), limit: PAGE_SIZE, offset: filter.offset }, context.signal);
    } catch (error) {
      if (isAbort(error)) throw error;
      failureScreen(context.main, "Redactions", error);
      return false;
    }
    const status = h("p", { class: "redaction-status", attrs: { role: "status", "aria-live": "polite" } }, message);
    const reload = (said: string) => void show(said).catch(() => undefined);
    queue = new Queue(context);
    replace(
      context.main,
      heading("Redactions"),
      h(
        "p",
        { class: "note" },
        "Nothing is hidden until it is accepted: the rules only suggest. Export applies the accepted redactions, and the leak check looks for their words and for every spelling of a redacted entity.",
      ),
      toolbar(context, status, reload),
      filterForm(context, filter),
      reasonSummary(view, filter, status, reload),
      status,
      queue.render(view, filter, status),
      pager(view, filter),
    );
    return true;
  };
  if ((await show()) && context.restoredSelection !== undefined) queue.select(context.restoredSelection);
  return { move: (step) => queue.move(step), selection: () => queue.selection() };
}

/** Runs the rules again and reloads the queue. */
function toolbar(context: ScreenContext, status: HTMLElement, reload: (message: string) => void): HTMLElement {
  const run = h("button", { attrs: { type: "button" } }, "Run the rules");
  run.addEventListener("click", async () => {
    run.disabled = true;
    status.textContent = "Reading every document for informants, people linked to them, phones, e-mail addresses, addresses and plates…";
    try {
      const report = await redactionApi.suggest(context.signal);
      const added = Object.values(report.added).reduce((sum, count) => sum + count, 0);
      reload(`Read ${formatNumber(report.documents)} documents; ${formatNumber(added)} new ${added === 1 ? "suggestion" : "suggestions"}.`);
    } catch (error) {
      if (isAbort(error)) return;
      replace(status, failurePanel(error));
      run.disabled = false;
    }
  });
  return h(
    "div",
    { class: "redaction-toolbar" },
    run,
    h("p", { class: "hint" }, "Keys: ", h("kbd", {}, "j"), " ", h("kbd", {}, "k"), " move · ", h("kbd", {}, "a"), " accept · ", h("kbd", {}, "r"), " reject · ", h("kbd", {}, "Enter"), " open the document"),
  );
}

function filterForm(context: ScreenContext, filter: QueueFilter): HTMLElement {
  const statusSelect = h(
    "select",
    { id: "redaction-status-filter" },
    ...STATUSES.map((status) => h("option", { attrs: { value: status, selected: filter.status === status } }, STATUS_NAMES[status])),
    h("option", { attrs: { value: "all", selected: filter.status === undefined } }, "Every status"),
  );
  const reasonSelect = h(
    "select",
    { id: "redaction-reason-filter" },
    h("option", { attrs: { value: "", selected: filter.reason === undefined } }, "Every reason"),
    ...REASON_ORDER.map((reason) => h("option", { attrs: { value: reason, selected: filter.reason === reason } }, REASON_NAMES[reason])),
  );
  const apply = () =>
    context.navigate(redactionsUrl({ status: statusSelect.value === "all" ? undefined : (statusSelect.value as RedactionStatus), reason: (reasonSelect.value || undefined) as RedactionReason | undefined }));
  statusSelect.addEventListener("change", apply);
  reasonSelect.addEventListener("change", apply);
  return h(
    "form",
    { class: "redaction-filters", attrs: { "aria-label": "Filter the redactions" }, on: { submit: (event) => event.preventDefault() } },
    h("label", { attrs: { for: "redaction-status-filter" } }, "Status "),
    statusSelect,
    h("label", { attrs: { for: "redaction-reason-filter" } }, "Reason "),
    reasonSelect,
  );
}

/** Counts by reason, each a filter; for waiting suggestions, a way to accept all of one reason after a confirmation. */
function reasonSummary(view: RedactionsView, filter: QueueFilter, status: HTMLElement, reload: (message: string) => void): HTMLElement {
  const counted = REASON_ORDER.filter((reason) => view.byReason[reason] > 0);
  if (counted.length === 0) {
    return h("p", { class: "note redaction-empty" }, filter.status === "suggested" ? "No suggestions wait for review. Run the rules to look for what could identify a source." : "No redactions match.");
  }
  return h(
    "ul",
    { class: "plain reason-counts", attrs: { "aria-label": "Redactions by reason" } },
    ...counted.map((reason) =>
      h(
        "li",
        { class: "reason-count" },
        h("a", { href: redactionsUrl({ status: filter.status, reason }), ...(filter.reason === reason && { attrs: { "aria-current": "true" } }) }, REASON_NAMES[reason]),
        h("span", { class: "count" }, ` ${formatNumber(view.byReason[reason])}`),
        filter.status === "suggested" ? acceptAll(reason, view.byReason[reason], status, reload) : null,
      ),
    ),
  );
}

function acceptAll(reason: RedactionReason, count: number, status: HTMLElement, reload: (message: string) => void): HTMLElement {
  const what = `${formatNumber(count)} ${REASON_NAMES[reason].toLowerCase()} ${count === 1 ? "suggestion" : "suggestions"}`;
  const holder = h("span", { class: "accept-all" });
  const ask = h("button", { class: "secondary", attrs: { type: "button" } }, `Accept all ${formatNumber(count)}…`);
  ask.setAttribute("aria-label", `Accept all ${what}`);
  const confirm = h("button", { attrs: { type: "button" } }, `Accept all ${what}`);
  const cancel = h("button", { class: "secondary", attrs: { type: "button" } }, "Cancel");
  const question = h("span", { class: "confirm", attrs: { role: "group", "aria-label": "Confirm" }, hidden: true }, `Every export will hide them. `, confirm, " ", cancel);
  ask.addEventListener("click", () => {
    ask.hidden = true;
    question.hidden = false;
    cancel.focus();
  });
  cancel.addEventListener("click", () => {
    question.hidden = true;
    ask.hidden = false;
    ask.focus();
  });
  confirm.addEventListener("click", async () => {
    confirm.disabled = true;
    try {
      const result = await redactionApi.decideAllSuggested("accept", reason);
      reload(`Accepted ${formatNumber(result.decided)} ${REASON_NAMES[reason].toLowerCase()} ${result.decided === 1 ? "suggestion" : "suggestions"}.`);
    } catch (error) {
      replace(status, failurePanel(error));
      confirm.disabled = false;
    }
  });
  append(holder, " ", ask, question);
  return holder;
}

/** The items of one page, grouped by reason; `j`/`k` go through them in that order. */
class Queue {
  private items: HTMLElement[] = [];
  private selected = -1;

  constructor(private readonly context: ScreenContext) {}

  render(view: RedactionsView, filter: QueueFilter, status: HTMLElement): HTMLElement {
    const container = h("div", { class: "redaction-queue" });
    if (view.redactions.length === 0) return container;
    for (const reason of REASON_ORDER) {
      const redactions = view.redactions.filter((redaction) => redaction.reason === reason);
      if (redactions.length === 0) continue;
      const id = `reason-${reason}`;
      const list = h("ol", { class: "redaction-list" }, ...redactions.map((redaction) => this.item(redaction, status)));
      append(
        container,
        h(
          "section",
          { class: "reason-group", attrs: { "aria-labelledby": id } },
          h("h2", { id }, REASON_NAMES[reason], h("span", { class: "count" }, ` · ${formatNumber(filter.reason ? view.total : view.byReason[reason])}`)),
          list,
        ),
      );
    }
    container.addEventListener("keydown", (event) => this.onKey(event));
    return container;
  }

  select(index: number): void {
    if (this.items.length === 0) return;
    this.items[this.selected]?.classList.remove("selected");
    this.selected = Math.max(0, Math.min(this.items.length - 1, index));
    const item = this.items[this.selected]!;
    item.classList.add("selected");
    item.focus();
  }

  move(step: 1 | -1): void {
    const focused = this.items.findIndex((item) => item.contains(document.activeElement));
    const from = focused >= 0 ? focused : this.selected;
    this.select(from < 0 ? 0 : from + step);
  }

  selection(): number | undefined {
    return this.selected >= 0 ? this.selected : undefined;
  }

  private item(redaction: RedactionInContextView, status: HTMLElement): HTMLElement {
    const words = redaction.context?.span ?? redaction.text;
    const item = h("li", { class: `redaction-item status-${redaction.status}`, attrs: { tabindex: -1 } });
    item.dataset.document = String(redaction.documentId);
    const state = h("span", { class: "redaction-state" }, stateText(redaction));
    const actions = h("span", { class: "redaction-actions" });
    const decide = (decision: Decision) => void this.decide(redaction, decision, item, state, actions, status);
    if (redaction.status === "suggested") {
      append(
        actions,
        h("button", { attrs: { type: "button", "aria-label": `Accept: ${words}` }, on: { click: () => decide("accept") } }, "Accept"),
        " ",
        h("button", { class: "secondary", attrs: { type: "button", "aria-label": `Reject: ${words}` }, on: { click: () => decide("reject") } }, "Reject"),
      );
    }
    // The document's words: text nodes and one <mark>, never parsed.
    const context: Child[] = redaction.context
      ? [redaction.context.before, h("mark", { class: "redaction-span" }, redaction.context.span), redaction.context.after]
      : [h("mark", { class: "redaction-span" }, redaction.text), h("span", { class: "note", lang: "en", dir: "ltr" }, ` (re-ingest removed these words from the text; was at ${redaction.start}–${redaction.end})`)];
    append(
      item,
      h("p", { class: "redaction-context", dir: "auto" }, ...context),
      h(
        "p",
        { class: "redaction-meta" },
        h("a", { href: `/documents/${redaction.documentId}`, dir: "auto" }, redaction.documentTitle || `document #${redaction.documentId}`),
        ` · #${redaction.id} · `,
        state,
        redaction.note ? h("span", { class: "redaction-note", dir: "auto" }, ` · ${redaction.note}`) : null,
        " ",
        actions,
      ),
    );
    this.items.push(item);
    item.addEventListener("focus", () => {
      const index = this.items.indexOf(item);
      if (index !== this.selected) {
        this.items[this.selected]?.classList.remove("selected");
        this.selected = index;
        item.classList.add("selected");
      }
    });
    return item;
  }

  private onKey(event: KeyboardEvent): void {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const item = (event.target as HTMLElement | null)?.closest?.<HTMLElement>(".redaction-item");
    if (!item) return;
    if (event.key === "Enter" && event.target === item) {
      event.preventDefault();
      this.context.navigate(`/documents/${item.dataset.document}`);
    } else if (event.key === "a" || event.key === "r") {
      const button = item.querySelectorAll<HTMLButtonElement>(".redaction-actions button")[event.key === "a" ? 0 : 1];
      if (!button) return;
      event.preventDefault();
      button.click();
    }
  }

  private async decide(redaction: RedactionInContextView, decision: Decision, item: HTMLElement, state: HTMLElement, actions: HTMLElement, status: HTMLElement): Promise<void> {
    for (const button of actions.querySelectorAll("button")) button.disabled = true;
    try {
      const decided = await redactionApi.decide(redaction.id, decision, this.context.signal);
      item.className = `redaction-item status-${decided.status}${item.classList.contains("selected") ? " selected" : ""}`;
      state.textContent = stateText(decided);
      replace(actions);
      status.textContent = `${decided.status === "accepted" ? "Accepted" : "Rejected"}: ${redaction.context?.span ?? redaction.text}.`;
      // As on the terminal, the next suggestion comes up once one is decided.
      const index = this.items.indexOf(item);
      if (item.contains(document.activeElement) || index === this.selected) this.select(index + 1);
    } catch (error) {
      if (isAbort(error)) return;
      replace(status, failurePanel(error));
      for (const button of actions.querySelectorAll("button")) button.disabled = false;
    }
  }
}

function stateText(redaction: { status: RedactionStatus; decidedBy: string | null }): string {
  if (redaction.status === "suggested") return "waiting";
  return `${redaction.status}${redaction.decidedBy ? ` by ${redaction.decidedBy}` : ""}`;
}

function pager(view: RedactionsView, filter: QueueFilter): HTMLElement | null {
  if (view.total <= PAGE_SIZE && filter.offset === 0) return null;
  const last = filter.offset + view.redactions.length;
  return h(
    "nav",
    { class: "pager", attrs: { "aria-label": "Pages of redactions" } },
    h("span", {}, `${formatNumber(filter.offset + 1)}–${formatNumber(last)} of ${formatNumber(view.total)} `),
    filter.offset > 0 ? h("a", { href: redactionsUrl({ ...filter, offset: Math.max(0, filter.offset - PAGE_SIZE) }) }, "Previous") : null,
    " ",
    last < view.total ? h("a", { href: redactionsUrl({ ...filter, offset: last }) }, "Next") : null,
  );
}
