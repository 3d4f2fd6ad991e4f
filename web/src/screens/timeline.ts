/**
 * The timeline: dated relations, and documents by their own date, in date
 * order, grouped by year and month; each item links to its evidence
 * document and the entities in it. Narrowed to an entity (by name), to
 * kinds of event and to a span of dates; paged.
 */
import { api, type EntityView, type TimelineEvent, type TimelineKind, type TimelineView } from "../api.js";
import { h, replace } from "../dom.js";
import { formatIsoDate, formatNumber } from "../format.js";
import { RELATION_TYPE_NAMES, relationTypeName } from "../relation-names.js";
import type { ScreenContext } from "../router.js";
import { failurePanel, failureScreen, heading, isAbort, loading } from "./common.js";
import { separated } from "./entities.js";
import { entityNameField, entityParam, filteredEntity, resolveEntityName } from "./entity-filter.js";
import { documentUrl, entityLink, evidenceQuote } from "./relation-view.js";

const PAGE_SIZE = 200;
const KIND_NAMES: readonly [TimelineKind, string][] = [...RELATION_TYPE_NAMES, ["document", "Document by its date"]];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DATE_PATTERN = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export interface TimelineAddress {
  entity?: number;
  kinds?: TimelineKind[];
  from?: string;
  to?: string;
  offset?: number;
}

export function timelineUrl(address: TimelineAddress = {}): string {
  const params = new URLSearchParams();
  if (address.entity !== undefined) params.set("entity", String(address.entity));
  if (address.kinds?.length) params.set("kinds", address.kinds.join(","));
  if (address.from) params.set("from", address.from);
  if (address.to) params.set("to", address.to);
  if (address.offset) params.set("offset", String(address.offset));
  const query = params.toString();
  return query ? `/timeline?${query}` : "/timeline";
}

function readAddress(query: URLSearchParams): TimelineAddress {
  const kinds = (query.get("kinds") ?? "").split(",").filter((kind): kind is TimelineKind => KIND_NAMES.some(([known]) => known === kind));
  const date = (name: string) => {
    const value = query.get(name) ?? "";
    return DATE_PATTERN.test(value) ? value : undefined;
  };
  const offset = Number(query.get("offset") ?? 0);
  const entity = entityParam(query);
  const from = date("from");
  const to = date("to");
  return {
    ...(entity !== undefined && { entity }),
    ...(kinds.length && { kinds }),
    ...(from && { from }),
    ...(to && { to }),
    ...(Number.isSafeInteger(offset) && offset > 0 && { offset }),
  };
}

export async function timelineScreen(context: ScreenContext): Promise<void> {
  const address = readAddress(context.query);
  context.setTitle("Timeline");
  loading(context.main, "the timeline");
  let view: TimelineView;
  let entity: EntityView | undefined;
  try {
    [view, entity] = await Promise.all([
      api.timeline({ ...address, limit: PAGE_SIZE, offset: address.offset ?? 0 }, context.signal),
      filteredEntity(address.entity, context.signal),
    ]);
  } catch (error) {
    if (isAbort(error)) throw error;
    failureScreen(context.main, "Timeline", error);
    return;
  }
  const title = entity ? `Timeline of ${entity.name}` : "Timeline";
  context.setTitle(title);
  const message = h("div", { class: "filter-message", attrs: { "aria-live": "polite" } });
  replace(
    context.main,
    heading(title),
    h("p", { class: "note" }, "Meetings, payments and the other relations the documents date, and the documents by their own dates, oldest first. Each item links to the document it comes from."),
    filterForm(context, address, entity, message),
    message,
    view.events.length === 0 ? emptyNote(address) : eventList(view.events),
    pager(address, view),
  );
}

function filterForm(context: ScreenContext, address: TimelineAddress, entity: EntityView | undefined, message: HTMLElement): HTMLFormElement {
  const kinds = new Set(address.kinds ?? []);
  const dateField = (name: "from" | "to", label: string) =>
    h(
      "p",
      { class: "field" },
      h("label", { attrs: { for: `timeline-${name}` } }, label),
      h("input", { id: `timeline-${name}`, attrs: { name, type: "text", inputmode: "numeric", autocomplete: "off", pattern: DATE_PATTERN.source, value: address[name] ?? "", "aria-describedby": "timeline-date-hint" } }),
    );
  const form = h(
    "form",
    { class: "filters", attrs: { "aria-label": "Filter the timeline" } },
    entityNameField("timeline-entity", entity),
    h(
      "fieldset",
      { class: "choices" },
      h("legend", {}, "Kinds"),
      ...KIND_NAMES.map(([kind, name]) =>
        h("label", {}, h("input", { attrs: { type: "checkbox", name: "kinds", value: kind, checked: kinds.has(kind) } }), ` ${name}`),
      ),
    ),
    h("div", { class: "date-range" }, dateField("from", "From"), dateField("to", "To"), h("span", { id: "timeline-date-hint", class: "hint" }, "YYYY, YYYY-MM or YYYY-MM-DD (Gregorian)")),
    h("p", {}, h("button", { attrs: { type: "submit" } }, "Show")),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? "").trim();
    resolveEntityName(text("entity"), context.signal).then(
      (entityId) => {
        const from = text("from");
        const to = text("to");
        context.navigate(
          timelineUrl({
            ...(entityId !== undefined && { entity: entityId }),
            kinds: data.getAll("kinds").map(String) as TimelineKind[],
            ...(from && { from }),
            ...(to && { to }),
          }),
        );
      },
      (error: unknown) => {
        if (!isAbort(error)) replace(message, failurePanel(error));
      },
    );
  });
  return form;
}

function emptyNote(address: TimelineAddress): HTMLElement {
  const filtered = address.entity !== undefined || address.kinds || address.from || address.to;
  if (address.offset) return h("p", { class: "empty" }, "This page is past the last. ", h("a", { href: timelineUrl({ ...address, offset: 0 }) }, "Back to the first page"));
  if (filtered) return h("p", { class: "empty" }, "Nothing dated matches these filters. ", h("a", { href: timelineUrl() }, "Show the whole timeline"));
  return h(
    "p",
    { class: "empty" },
    "Nothing dated yet: the timeline fills as documents with dates, and the relations read from them, are ingested. ",
    h("a", { href: "/upload" }, "Add files"),
    " or run trove ingest with the entity stage on.",
  );
}

/** Events grouped by year, then by month; an event dated only by its year sits at the head of that year. */
function eventList(events: TimelineEvent[]): HTMLElement {
  const years = new Map<string, Map<string, TimelineEvent[]>>();
  for (const event of events) {
    const year = event.date.slice(0, 4);
    const month = event.date.length >= 7 ? event.date.slice(5, 7) : "";
    const months = years.get(year) ?? years.set(year, new Map()).get(year)!;
    months.set(month, [...(months.get(month) ?? []), event]);
  }
  return h(
    "div",
    { class: "timeline" },
    ...[...years].map(([year, months]) =>
      h(
        "section",
        { class: "timeline-year", attrs: { "aria-labelledby": `year-${year}` } },
        h("h2", { id: `year-${year}` }, year),
        ...[...months].map(([month, monthEvents]) =>
          h(
            "section",
            { class: "timeline-month", attrs: { "aria-labelledby": `month-${year}-${month || "none"}` } },
            h("h3", { id: `month-${year}-${month || "none"}` }, month ? `${MONTHS[Number(month) - 1]} ${year}` : `${year}, month not stated`),
            h("ol", { class: "timeline-events" }, ...monthEvents.map(eventItem)),
          ),
        ),
      ),
    ),
  );
}

function eventItem(event: TimelineEvent): HTMLElement {
  const date = h("time", { attrs: { datetime: event.date } }, formatIsoDate(event.date));
  if (event.kind === "document" || event.relationType === null) {
    return h(
      "li",
      { class: "timeline-event event-document" },
      h("p", { class: "event-head" }, date, " ", h("span", { class: "relation-type" }, "Document"), " ", h("a", { href: documentUrl(event.documentId), dir: "auto" }, event.documentTitle || `document #${event.documentId}`)),
    );
  }
  // The badge names the type already; the summary need not repeat it.
  const summary = event.summary.startsWith(`${event.relationType}: `) ? event.summary.slice(event.relationType.length + 2) : event.summary;
  return h(
    "li",
    { class: `timeline-event event-${event.relationType}` },
    h("p", { class: "event-head" }, date, " ", h("span", { class: "relation-type" }, relationTypeName(event.relationType)), " ", h("span", { class: "event-summary", dir: "auto" }, summary)),
    event.entities.length ? h("p", { class: "event-entities" }, ...separated(event.entities.map(entityLink))) : null,
    evidenceQuote(event.evidence, event.documentId, event.documentTitle),
  );
}

function pager(address: TimelineAddress, view: TimelineView): HTMLElement | null {
  const offset = address.offset ?? 0;
  if (offset === 0 && view.total <= PAGE_SIZE) return null;
  const link = (label: string, target: number, enabled: boolean, rel?: string) =>
    enabled ? h("a", { href: timelineUrl({ ...address, offset: target }), ...(rel && { attrs: { rel } }) }, label) : h("span", { class: "disabled", attrs: { "aria-disabled": "true" } }, label);
  const last = Math.max(0, Math.floor((view.total - 1) / PAGE_SIZE) * PAGE_SIZE);
  return h(
    "nav",
    { class: "pager", attrs: { "aria-label": "Pages of the timeline" } },
    link("First", 0, offset > 0),
    link("Earlier", Math.max(0, offset - PAGE_SIZE), offset > 0, "prev"),
    view.events.length ? h("span", { class: "page-of" }, `${formatNumber(offset + 1)}–${formatNumber(offset + view.events.length)} of ${formatNumber(view.total)}`) : null,
    link("Later", offset + PAGE_SIZE, offset + PAGE_SIZE < view.total, "next"),
    link("Last", last, offset < last),
  );
}
