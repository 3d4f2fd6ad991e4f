/**
 * The entity list: the people, organisations, places and sources of the
 * archive, most mentioned first, with their other spellings and the span
 * of dates they appear in; filtered by type, paged.
 */
import { api, type Entity, type EntityType } from "../api.js";
import { h, replace, type Child } from "../dom.js";
import { formatIsoDate, formatNumber } from "../format.js";
import type { ScreenContext } from "../router.js";
import { failureScreen, heading, isAbort, loading } from "./common.js";

const PAGE_SIZE = 50;

/** The types with profiles, in the order the filter offers them, as `/api/entities?type=` accepts them. */
const TYPE_NAMES: [EntityType, string, string][] = [
  ["person", "Person", "People"],
  ["organization", "Organisation", "Organisations"],
  ["place", "Place", "Places"],
  ["source", "Source", "Sources"],
  ["phone", "Phone number", "Phone numbers"],
  ["email", "E-mail address", "E-mail addresses"],
];

export function entityTypeName(type: EntityType): string {
  return TYPE_NAMES.find(([candidate]) => candidate === type)?.[1] ?? type;
}

export function entityUrl(id: number): string {
  return `/entities/${id}`;
}

export function entitiesUrl(type?: EntityType, offset = 0): string {
  const params = new URLSearchParams();
  if (type) params.set("type", type);
  if (offset > 0) params.set("offset", String(offset));
  const query = params.toString();
  return query ? `/entities?${query}` : "/entities";
}

/** A name in whatever script it is written: Persian and Arabic read right to left, in Vazirmatn. */
export function nameSpan(name: string, props: { class?: string } = {}): HTMLSpanElement {
  return h("span", { dir: "auto", ...props }, name);
}

export async function entityListScreen(context: ScreenContext): Promise<void> {
  const typeParam = context.query.get("type") ?? "";
  const type = TYPE_NAMES.find(([candidate]) => candidate === typeParam)?.[0];
  const offsetNumber = Number(context.query.get("offset") ?? 0);
  const offset = Number.isSafeInteger(offsetNumber) && offsetNumber > 0 ? offsetNumber : 0;
  const title = type ? TYPE_NAMES.find(([candidate]) => candidate === type)![2] : "Entities";
  context.setTitle(title);
  loading(context.main, "entities");
  let entities: Entity[];
  try {
    // One more than a page tells whether there is a next page without counting them all.
    ({ entities } = await api.entities({ ...(type && { type }), limit: PAGE_SIZE + 1, offset }, context.signal));
  } catch (error) {
    if (isAbort(error)) throw error;
    failureScreen(context.main, title, error);
    return;
  }
  const hasNext = entities.length > PAGE_SIZE;
  const shown = entities.slice(0, PAGE_SIZE);
  replace(
    context.main,
    heading(title),
    h("p", { class: "note" }, "People, organisations, places, sources and contact details found in the documents, most mentioned first. Each name opens its profile."),
    typeFilter(type),
    shown.length === 0
      ? h("p", { class: "empty" }, offset > 0 ? "This page is past the last. " : "No entities yet: they are found as documents are ingested. ", h("a", { href: entitiesUrl(type) }, "Back to the first page"))
      : entityTable(shown, offset),
    pager(type, offset, shown.length, hasNext),
  );
}

function typeFilter(current: EntityType | undefined): HTMLElement {
  const link = (type: EntityType | undefined, label: string) =>
    h("li", {}, h("a", { href: entitiesUrl(type), ...(type === current && { attrs: { "aria-current": "true" } }) }, label));
  return h("nav", { class: "type-filter", attrs: { "aria-label": "Entity type" } }, h("ul", {}, link(undefined, "All"), ...TYPE_NAMES.map(([type, , plural]) => link(type, plural))));
}

function entityTable(entities: Entity[], offset: number): HTMLElement {
  const column = (label: string, className?: string) => h("th", { attrs: { scope: "col" }, ...(className && { class: className }) }, label);
  return h(
    "table",
    { class: "entity-table" },
    h("caption", { class: "visually-hidden" }, `Entities ${formatNumber(offset + 1)} to ${formatNumber(offset + entities.length)}`),
    h("thead", {}, h("tr", {}, column("Name"), column("Type"), column("Mentions", "number"), column("Documents", "number"), column("Dates"), column("Also written"))),
    h(
      "tbody",
      {},
      ...entities.map((entity) =>
        h(
          "tr",
          {},
          h("th", { attrs: { scope: "row" } }, h("a", { href: entityUrl(entity.id), class: `entity-link type-${entity.type}` }, nameSpan(entity.name))),
          h("td", { class: "entity-type" }, entityTypeName(entity.type)),
          h("td", { class: "number" }, formatNumber(entity.mentionCount)),
          h("td", { class: "number" }, formatNumber(entity.documentCount)),
          h("td", { class: "dates" }, ...dateSpan(entity.firstDate, entity.lastDate)),
          h("td", { class: "aliases" }, ...separated(entity.aliases.filter((alias) => alias.name !== entity.name).map((alias) => nameSpan(alias.name)))),
        ),
      ),
    ),
  );
}

/** `5 October 2014 – 25 June 2015`, one date when both are the same, nothing when the documents are undated. */
export function dateSpan(first: string | null, last: string | null): Child[] {
  const time = (iso: string) => h("time", { attrs: { datetime: iso } }, formatIsoDate(iso));
  if (!first || !last) return [];
  return first === last ? [time(first)] : [time(first), " – ", time(last)];
}

/** Items with ` · ` between them. */
export function separated(items: Child[]): Child[] {
  return items.flatMap((item, index) => (index ? [" · ", item] : [item]));
}

function pager(type: EntityType | undefined, offset: number, shown: number, hasNext: boolean): HTMLElement | null {
  if (offset === 0 && !hasNext) return null;
  const link = (label: string, target: number, enabled: boolean, rel?: string) =>
    enabled ? h("a", { href: entitiesUrl(type, target), ...(rel && { attrs: { rel } }) }, label) : h("span", { class: "disabled", attrs: { "aria-disabled": "true" } }, label);
  return h(
    "nav",
    { class: "pager", attrs: { "aria-label": "Pages of entities" } },
    link("First", 0, offset > 0),
    link("Previous", Math.max(0, offset - PAGE_SIZE), offset > 0, "prev"),
    shown > 0 ? h("span", { class: "page-of" }, `${formatNumber(offset + 1)}–${formatNumber(offset + shown)}`) : null,
    link("Next", offset + PAGE_SIZE, hasNext, "next"),
  );
}
